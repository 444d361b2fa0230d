package org.articlepipeline.ingest;

import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.metrics.EmbeddedMetrics.Unit;

/**
 * The ingest function's metrics: one EMF line per applied change (an S3 notification carries one, so
 * usually one per invocation), because each line holds one outcome and one reason.
 *
 * <p>{@code Changes} is kept per function, per outcome and per outcome and reason, so the share of
 * rejected uploads and the reasons behind it can be graphed and alarmed on; bytes in and out and the
 * normalizer's time are kept with the same dimensions. No id or key is a dimension.
 */
public final class IngestMetrics {

    /** The {@code Function} dimension's value, and the count the template's alarm divides. */
    public static final String FUNCTION = "ingest";
    public static final String CHANGES = "Changes";

    private final EmbeddedMetrics metrics;

    public IngestMetrics(EmbeddedMetrics metrics) {
        this.metrics = metrics;
    }

    /** The EMF line of one applied change. */
    public String line(IngestOutcome outcome) {
        IngestOutcome.Work work = outcome.work();
        return metrics.line()
                .dimension("Function", FUNCTION)
                .dimension("Outcome", outcome.outcome().name())
                .dimension("Reason", outcome.reason())
                .aggregateBy("Function")
                .aggregateBy("Function", "Outcome")
                .aggregateBy("Function", "Outcome", "Reason")
                .metric(CHANGES, Unit.COUNT, 1)
                .metric("ChangeTime", Unit.MILLISECONDS, outcome.durationMs())
                .metric("BytesIn", Unit.BYTES, work.bytesIn())
                .metric("BytesOut", Unit.BYTES, work.bytesOut())
                .metric("NormalizeTime", Unit.MILLISECONDS, work.normalizeMs())
                .toJson();
    }
}
