package org.articlepipeline.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CloudWatch embedded metric format specification's requirements on one log line, checked as
 * CloudWatch Logs would before extracting metrics ("Specification: Embedded metric format", Amazon
 * CloudWatch User Guide): the root is an object with an {@code _aws} metadata object holding an integer
 * {@code Timestamp} (milliseconds since the epoch) and a {@code CloudWatchMetrics} array of directives; a
 * directive has a {@code Namespace} (1 to 255 characters), {@code Dimensions} (an array of dimension sets,
 * each at most 30 names) and {@code Metrics} (at most 100 definitions, each a {@code Name} and an optional
 * {@code Unit} from the specification's list); every dimension a set names is a top-level string member,
 * and every metric a top-level number or array of at most 100 numbers.
 */
public final class EmfSpecification {

    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private EmfSpecification() {
    }

    /** True when the line declares itself an EMF document (it has the {@code _aws} member). */
    public static boolean isEmf(JsonNode line) {
        return line.isObject() && line.has("_aws");
    }

    /** Every way {@code line} breaks the specification; empty when it conforms. */
    public static List<String> violations(JsonNode line) {
        List<String> problems = new ArrayList<>();
        JsonNode aws = line.path("_aws");
        if (!line.isObject() || !aws.isObject()) {
            problems.add("the root must be an object with an _aws object");
            return problems;
        }
        if (!aws.path("Timestamp").isIntegralNumber() || aws.path("Timestamp").asLong() <= 0) {
            problems.add("_aws.Timestamp must be a positive integer of milliseconds since the epoch");
        }
        JsonNode directives = aws.path("CloudWatchMetrics");
        if (!directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics must be a non-empty array");
            return problems;
        }
        for (JsonNode directive : directives) {
            checkDirective(line, directive, problems);
        }
        return problems;
    }

    private static void checkDirective(JsonNode line, JsonNode directive, List<String> problems) {
        String namespace = directive.path("Namespace").asText("");
        if (!directive.path("Namespace").isTextual() || namespace.isBlank() || namespace.length() > 255) {
            problems.add("Namespace must be a string of 1 to 255 characters");
        }
        JsonNode dimensions = directive.path("Dimensions");
        if (!dimensions.isArray()) {
            problems.add("Dimensions must be an array of dimension sets");
        } else {
            for (JsonNode set : dimensions) {
                if (!set.isArray() || set.size() > 30) {
                    problems.add("a dimension set must be an array of at most 30 names: " + set);
                    continue;
                }
                for (JsonNode name : set) {
                    JsonNode value = line.path(name.asText());
                    if (!name.isTextual() || !value.isTextual() || value.asText().isEmpty()) {
                        problems.add("dimension " + name + " must be a top-level string member");
                    }
                }
            }
        }
        JsonNode metrics = directive.path("Metrics");
        if (!metrics.isArray() || metrics.size() > 100) {
            problems.add("Metrics must be an array of at most 100 definitions");
            return;
        }
        for (JsonNode metric : metrics) {
            String name = metric.path("Name").asText("");
            if (!metric.path("Name").isTextual() || name.isEmpty() || name.length() > 1024) {
                problems.add("a metric needs a Name: " + metric);
                continue;
            }
            if (metric.has("Unit") && !UNITS.contains(metric.path("Unit").asText())) {
                problems.add("metric " + name + " has a Unit outside the specification's list: " + metric.path("Unit"));
            }
            JsonNode value = line.path(name);
            boolean number = value.isNumber();
            boolean numbers = value.isArray() && value.size() <= 100 && value.size() > 0;
            if (numbers) {
                for (JsonNode element : value) {
                    numbers &= element.isNumber();
                }
            }
            if (!number && !numbers) {
                problems.add("metric " + name + " must be a top-level number or array of at most 100 numbers, not " + value);
            }
        }
    }
}
