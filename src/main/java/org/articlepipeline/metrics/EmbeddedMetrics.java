package org.articlepipeline.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlepipeline.json.JsonCodec;

/**
 * Writes CloudWatch Embedded Metric Format (EMF) log lines: a JSON object whose {@code _aws} member tells
 * CloudWatch Logs which of its other members are metrics (and their units) and which are dimensions, so
 * a function's log line becomes metrics with no API call and no agent.
 *
 * <p>A line holds one value per dimension, so a line describes one thing: one request, one batch, one
 * applied change. Dimension values must come from small fixed sets (outcomes, reason codes, route
 * templates, status classes): every distinct combination is a separate metric, billed and kept as such.
 * Ids and keys go in the ordinary log lines, never here.
 */
public final class EmbeddedMetrics {

    /** Environment variable naming the CloudWatch namespace the metrics go to. */
    public static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    /** The namespace when the variable is unset (the local stack, tests). */
    public static final String DEFAULT_NAMESPACE = "ArticlePipeline";
    /** The EMF specification's limits: dimensions in one dimension set, metrics in one directive. */
    static final int MAX_DIMENSIONS_PER_SET = 30;
    static final int MAX_METRICS = 100;

    /** The units these functions report in, as EMF spells them. */
    public enum Unit {
        COUNT("Count"), BYTES("Bytes"), MILLISECONDS("Milliseconds");

        private final String name;

        Unit(String name) {
            this.name = name;
        }
    }

    private final String namespace;
    private final JsonCodec json;
    private final Clock clock;

    public EmbeddedMetrics(String namespace, JsonCodec json, Clock clock) {
        if (namespace == null || namespace.isBlank() || namespace.length() > 255) {
            throw new IllegalArgumentException("a metrics namespace has 1 to 255 characters, not '" + namespace + "'");
        }
        this.namespace = namespace;
        this.json = json;
        this.clock = clock;
    }

    /** The namespace {@code environment} names ({@value #NAMESPACE_VARIABLE}), or the default. */
    public static EmbeddedMetrics fromEnvironment(Map<String, String> environment) {
        String namespace = environment.get(NAMESPACE_VARIABLE);
        return new EmbeddedMetrics(namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace,
                new JsonCodec(), Clock.systemUTC());
    }

    /** A new, empty line. */
    public Line line() {
        return new Line();
    }

    /** One EMF line being built: dimension values, the sets CloudWatch aggregates by, and metric values. */
    public final class Line {

        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private final List<List<String>> dimensionSets = new ArrayList<>();
        private final Map<String, Number> values = new LinkedHashMap<>();
        private final Map<String, Unit> units = new LinkedHashMap<>();

        private Line() {
        }

        /** Sets a dimension's value; {@code null} leaves it out (and no dimension set may then name it). */
        public Line dimension(String name, String value) {
            if (values.containsKey(name)) {
                throw new IllegalArgumentException(name + " is already a metric of this line");
            }
            if (value != null) {
                dimensions.put(name, value);
            }
            return this;
        }

        /**
         * Adds a dimension set: CloudWatch keeps each metric of the line once per set, aggregated over the
         * dimensions the set leaves out. A set naming a dimension without a value is skipped.
         */
        public Line aggregateBy(String... names) {
            if (names.length > MAX_DIMENSIONS_PER_SET) {
                throw new IllegalArgumentException("a dimension set has at most " + MAX_DIMENSIONS_PER_SET + " dimensions");
            }
            for (String name : names) {
                if (!dimensions.containsKey(name)) {
                    return this;
                }
            }
            dimensionSets.add(List.of(names));
            return this;
        }

        /** Sets a metric's value; {@code null} leaves the metric out of this line. */
        public Line metric(String name, Unit unit, Number value) {
            if (value == null) {
                return this;
            }
            if (!values.containsKey(name) && values.size() == MAX_METRICS) {
                throw new IllegalArgumentException("a line has at most " + MAX_METRICS + " metrics");
            }
            if (dimensions.containsKey(name)) {
                throw new IllegalArgumentException(name + " is already a dimension of this line");
            }
            values.put(name, value);
            units.put(name, unit);
            return this;
        }

        /** The line as one JSON object, without a line break. */
        public String toJson() {
            List<Map<String, Object>> metrics = new ArrayList<>();
            units.forEach((name, unit) -> {
                Map<String, Object> metric = new LinkedHashMap<>();
                metric.put("Name", name);
                metric.put("Unit", unit.name);
                metrics.add(metric);
            });
            Map<String, Object> directive = new LinkedHashMap<>();
            directive.put("Namespace", namespace);
            directive.put("Dimensions", dimensionSets);
            directive.put("Metrics", metrics);
            Map<String, Object> aws = new LinkedHashMap<>();
            aws.put("Timestamp", clock.millis());
            aws.put("CloudWatchMetrics", List.of(directive));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("_aws", aws);
            line.putAll(dimensions);
            line.putAll(values);
            return json.toText(line);
        }
    }
}
