package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.articlepipeline.index.IndexHandler;
import org.articlepipeline.index.event.TableStreamEvents;
import org.articlepipeline.local.LocalInvocation;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.lookup.LookupHandler;
import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.metrics.EmfSpecification;
import org.articlepipeline.normalize.RejectionReason;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The numbers an operator watches: each function's CloudWatch Embedded Metric Format lines, read back from
 * its log and checked against the EMF specification ({@link EmfSpecification}), against what the
 * invocation did, and for dimensions that only take values from small fixed sets.
 */
@ExtendWith(SharedEmbeddedStack.class)
class MetricLinesTest {

    private static final String NAMESPACE = "ArticlePipeline/metric-lines-test";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IngestFixture fixture;
    private Map<String, String> environment;
    private String seed;

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) throws Exception {
        fixture = new IngestFixture(pipeline);
        environment = new HashMap<>(fixture.environment);
        environment.put(EmbeddedMetrics.NAMESPACE_VARIABLE, NAMESPACE);
        seed = Files.readString(Path.of("seeds/000_20a56b2a2d200864.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void ingestWritesALinePerChangeWithOutcomeReasonBytesAndNormalizeTime() throws Exception {
        IngestHandler handler = new IngestHandler(environment);
        byte[] binary = new byte[4096];
        Arrays.fill(binary, (byte) 0);

        JsonNode ok = onlyMetricLine(ingest(handler, fixture.upload("incoming/ok.txt", seed)));
        JsonNode rejected = onlyMetricLine(ingest(handler, fixture.upload("incoming/zeros.txt", binary)));
        JsonNode deleted = onlyMetricLine(invoke(handler, "IngestFunction",
                fixture.removed("incoming/ok.txt", fixture.nextSequencer()).toString()));

        assertThat(ok.path("Function").asText()).isEqualTo("ingest");
        assertThat(ok.path("Outcome").asText()).isEqualTo("OK");
        assertThat(ok.has("Reason")).isFalse();
        assertThat(ok.path("Changes").asInt()).isEqualTo(1);
        assertThat(ok.path("BytesIn").asLong()).isEqualTo(seed.getBytes(StandardCharsets.UTF_8).length);
        assertThat(ok.path("BytesOut").asLong()).isPositive();
        assertThat(ok.path("NormalizeTime").isNumber()).isTrue();
        assertThat(dimensionSets(ok)).containsExactly(List.of("Function"), List.of("Function", "Outcome"));

        assertThat(rejected.path("Outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("Reason").asText()).isEqualTo(RejectionReason.BINARY_CONTENT.code());
        assertThat(rejected.path("BytesIn").asLong()).isEqualTo(binary.length);
        assertThat(rejected.has("BytesOut")).isFalse();
        assertThat(dimensionSets(rejected)).containsExactly(List.of("Function"), List.of("Function", "Outcome"),
                List.of("Function", "Outcome", "Reason"));

        assertThat(deleted.path("Outcome").asText()).isEqualTo("DELETED");
        assertThat(deleted.has("BytesIn")).isFalse();
        assertThat(deleted.has("NormalizeTime")).isFalse();
    }

    @Test
    void indexWritesOneLinePerBatchWithItsOutcomesAndTheNearDuplicatesFound() throws Exception {
        String edited = seed.replaceFirst("\n\n([^\n]+)\n\n", "\n\n$1 وأضاف مصدر دبلوماسي أن المحادثات ستستمر الأسبوع المقبل.\n\n");
        fixture.invokeWithoutIndexing(fixture.created(fixture.upload("incoming/original.txt", seed)));
        fixture.invokeWithoutIndexing(fixture.created(fixture.upload("incoming/edited.txt", edited)));
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        new TableStreamEvents(new com.fasterxml.jackson.core.JsonFactory()).write(
                List.of(fixture.insertOf("incoming/original.txt", "100"), fixture.insertOf("incoming/edited.txt", "200")),
                "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/test", "us-east-1", batch);

        List<String> lines = invoke(new IndexHandler(environment), "IndexFunction", batch.toString(StandardCharsets.UTF_8));

        JsonNode line = onlyMetricLine(lines);
        assertThat(line.path("Function").asText()).isEqualTo("index");
        assertThat(line.path("Changes").asInt()).isEqualTo(2);
        assertThat(line.path("Indexed").asInt()).isEqualTo(2);
        assertThat(line.path("Unindexed").asInt()).isZero();
        assertThat(line.path("Failed").asInt()).isZero();
        // The edited copy finds the original (the original, indexed first, found nothing yet).
        assertThat(line.path("NearDuplicatesFound").asInt()).isEqualTo(1);
        assertThat(line.path("BatchTime").isNumber()).isTrue();
    }

    @Test
    void lookupWritesOneLinePerRequestWithStatusClassRouteTemplateAndLatency() throws Exception {
        LookupHandler handler = new LookupHandler(environment);

        JsonNode health = onlyMetricLine(invoke(handler, "LookupFunction", apiEvent("/health")));
        JsonNode missing = onlyMetricLine(invoke(handler, "LookupFunction", apiEvent("/articles/" + "f".repeat(24))));
        JsonNode hostile = onlyMetricLine(invoke(handler, "LookupFunction", apiEvent("/<script>/" + "x".repeat(300))));

        assertThat(health.path("Function").asText()).isEqualTo("lookup");
        assertThat(health.path("StatusClass").asText()).isEqualTo("2xx");
        assertThat(health.path("Route").asText()).isEqualTo("/health");
        assertThat(health.path("Requests").asInt()).isEqualTo(1);
        assertThat(health.path("Latency").isNumber()).isTrue();
        assertThat(missing.path("StatusClass").asText()).isEqualTo("4xx");
        assertThat(missing.path("Route").asText()).isEqualTo("/articles/{id}");
        assertThat(hostile.path("Route").asText()).isEqualTo("unknown");
    }

    @Test
    void theSpecificationCheckRefusesLinesCloudWatchWouldNotExtract() throws Exception {
        String good = "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[\"D\"]],"
                + "\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]},\"D\":\"d\",\"M\":1}";
        assertThat(EmfSpecification.violations(MAPPER.readTree(good))).isEmpty();
        for (String broken : List.of(
                good.replace("\"Timestamp\":1,", ""),
                good.replace(",\"M\":1", ""),
                good.replace("\"D\":\"d\",", ""),
                good.replace("\"Count\"", "\"Items\""),
                good.replace("\"Namespace\":\"N\",", ""),
                good.replace("[[\"D\"]]", "[" + "[\"D\"" + ",\"D\"".repeat(30) + "]]"))) {
            assertThat(EmfSpecification.violations(MAPPER.readTree(broken))).as(broken).isNotEmpty();
        }
    }

    private List<String> ingest(IngestHandler handler, IngestFixture.Upload upload) {
        return invoke(handler, "IngestFunction", fixture.created(upload).toString());
    }

    private static List<String> invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler,
                                       String function, String event) {
        List<String> lines = new ArrayList<>();
        LocalInvocation.invoke(handler, function, event.getBytes(StandardCharsets.UTF_8), lines::add);
        return lines;
    }

    /** The invocation's one EMF line, checked against the specification, the namespace and cardinality. */
    private static JsonNode onlyMetricLine(List<String> lines) throws Exception {
        List<JsonNode> metrics = new ArrayList<>();
        for (String text : lines) {
            JsonNode line = MAPPER.readTree(text);
            if (EmfSpecification.isEmf(line)) {
                metrics.add(line);
            }
        }
        assertThat(metrics).as("EMF lines among " + lines).hasSize(1);
        JsonNode line = metrics.get(0);
        assertThat(EmfSpecification.violations(line)).as(line.toString()).isEmpty();
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(Math.abs(line.path("_aws").path("Timestamp").asLong() - System.currentTimeMillis())).isLessThan(60_000);
        for (List<String> set : dimensionSets(line)) {
            for (String dimension : set) {
                assertThat(ALLOWED_DIMENSION_VALUES).as("dimension " + dimension).containsKey(dimension);
                assertThat(ALLOWED_DIMENSION_VALUES.get(dimension)).as(dimension + " of " + line)
                        .contains(line.path(dimension).asText());
            }
        }
        return line;
    }

    /** Every value a dimension may take: small fixed sets, never an id, a key or what a caller sent. */
    private static final Map<String, Set<String>> ALLOWED_DIMENSION_VALUES = Map.of(
            "Function", Set.of("ingest", "index", "lookup"),
            "Outcome", Arrays.stream(IngestOutcome.Outcome.values()).map(Enum::name).collect(Collectors.toSet()),
            "Reason", reasons(),
            "StatusClass", Set.of("1xx", "2xx", "3xx", "4xx", "5xx", "other"),
            "Route", Set.of("/articles", "/articles/", "/articles/{id}", "/articles/{id}/text",
                    "/articles/{id}/duplicates", "/sources", "/health", "unknown"));

    private static Set<String> reasons() {
        Set<String> reasons = new TreeSet<>(Set.of("not-an-input-object", "object-gone-or-replaced", "newer-event-applied"));
        for (RejectionReason reason : RejectionReason.values()) {
            reasons.add(reason.code());
        }
        return reasons;
    }

    private static List<List<String>> dimensionSets(JsonNode line) {
        List<List<String>> sets = new ArrayList<>();
        for (JsonNode set : line.path("_aws").path("CloudWatchMetrics").path(0).path("Dimensions")) {
            List<String> names = new ArrayList<>();
            set.forEach(name -> names.add(name.asText()));
            sets.add(names);
        }
        return sets;
    }

    private static String apiEvent(String path) {
        return "{\"version\":\"2.0\",\"rawPath\":" + quoted(path) + ",\"headers\":{},\"requestContext\":"
                + "{\"requestId\":\"metrics\",\"http\":{\"method\":\"GET\",\"path\":" + quoted(path) + "}}}";
    }

    private static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
