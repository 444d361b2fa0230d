package org.articlepipeline.index;

import java.util.EnumMap;
import java.util.Map;
import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.metrics.EmbeddedMetrics.Unit;

/**
 * The index function's metrics for one stream batch, written as one EMF line per invocation: how many
 * article changes it applied, by what they did to the indexes (a metric per outcome, so one line can
 * hold a whole batch), how many failed, and how many near duplicates the indexed articles have.
 */
final class IndexMetrics {

    static final String FUNCTION = "index";

    private final EmbeddedMetrics metrics;
    private final Map<ArticleIndexer.Outcome, Integer> outcomes = new EnumMap<>(ArticleIndexer.Outcome.class);
    private int failed;
    private int nearDuplicates;
    private final long started = System.nanoTime();

    /** Starts counting one batch. */
    IndexMetrics(EmbeddedMetrics metrics) {
        this.metrics = metrics;
        for (ArticleIndexer.Outcome outcome : ArticleIndexer.Outcome.values()) {
            outcomes.put(outcome, 0);
        }
    }

    void applied(ArticleIndexer.Applied applied) {
        outcomes.merge(applied.outcome(), 1, Integer::sum);
        nearDuplicates += applied.nearDuplicates();
    }

    void failed() {
        failed++;
    }

    /** The batch's EMF line. */
    String line() {
        EmbeddedMetrics.Line line = metrics.line().dimension("Function", FUNCTION).aggregateBy("Function");
        int changes = failed;
        for (Map.Entry<ArticleIndexer.Outcome, Integer> outcome : outcomes.entrySet()) {
            changes += outcome.getValue();
            line.metric(name(outcome.getKey()), Unit.COUNT, outcome.getValue());
        }
        return line.metric("Changes", Unit.COUNT, changes)
                .metric("Failed", Unit.COUNT, failed)
                .metric("NearDuplicatesFound", Unit.COUNT, nearDuplicates)
                .metric("BatchTime", Unit.MILLISECONDS, (System.nanoTime() - started) / 1_000_000)
                .toJson();
    }

    /** {@code INDEXED} as {@code Indexed}: metric names read like the others. */
    private static String name(ArticleIndexer.Outcome outcome) {
        String name = outcome.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
