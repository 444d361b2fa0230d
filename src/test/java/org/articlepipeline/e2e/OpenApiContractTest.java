package org.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.lookup.ApiRequest;
import org.articlepipeline.lookup.ApiResponse;
import org.articlepipeline.lookup.CorsPolicy;
import org.articlepipeline.lookup.LookupHandler;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks {@code docs/openapi.yaml}: every documented route, method and status is produced, on the local
 * stack's HTTP API where it can be (and by the handler itself for backend failures, oversized bodies and
 * CORS preflights, which the local stack does not produce), and every answer validates against the
 * documented schema (JSON Schema draft 2020-12, as OpenAPI 3.1 specifies).
 */
@ExtendWith(SharedEmbeddedStack.class)
class OpenApiContractTest {

    private static final String ID = "/articles/{id}";
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode spec;
    private final Set<String> exercised = new TreeSet<>();
    private final List<String> failures = new ArrayList<>();

    OpenApiContractTest() throws Exception {
        spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/openapi.yaml").toFile());
    }

    @Test
    void everyDocumentedAnswerIsProducedAndMatchesItsSchema(LocalPipeline pipeline) throws Exception {
        assertThat(spec.path("openapi").asText()).startsWith("3.1");
        LookupClient api = new LookupClient(pipeline.apiEndpoint());
        String key = "incoming/openapi-" + System.nanoTime() + ".txt";
        String id;
        String other;
        String rejected;
        try (DirectArticles direct = new DirectArticles(pipeline)) {
            id = direct.put(key, "عنوان عقد الواجهة", "نص يصف عقد الواجهة البرمجية", "Contract Wire", "ar", "2001-02-03");
            other = direct.put(key + ".copy", "عنوان آخر", "نص آخر", "Contract Wire", "ar", "2001-02-04");
            direct.nearDuplicates(id, other, 0.7);
            rejected = direct.reject(key + ".bin", "binary-content", "the file is binary, not text", 42);
        }
        String article = "/articles/" + id;
        String longQuery = "?x=" + "y".repeat(7000);

        http(api, "GET", "/articles", "/articles?key=" + LookupClient.encode(key), Map.of(), 200);
        http(api, "GET", "/articles", "/articles?limit=2", Map.of(), 200);
        http(api, "GET", "/articles", "/articles?source=contract-wire&language=ar&from=2001-01-01&to=2001-12-31", Map.of(), 200);
        http(api, "GET", "/articles", "/articles?q=" + LookupClient.encode("عقد الواجهه"), Map.of(), 200);
        http(api, "GET", "/articles", "/articles?key=incoming/none-such", Map.of(), 404);
        http(api, "GET", "/articles", "/articles?limit=500", Map.of(), 400);
        HttpResponse<String> metadata = http(api, "GET", ID, article, Map.of(), 200);
        http(api, "GET", ID, article, Map.of("If-None-Match", metadata.headers().firstValue("etag").orElseThrow()), 304);
        http(api, "GET", "/articles", "/articles?key=" + LookupClient.encode(key + ".bin"), Map.of(), 200);
        http(api, "GET", "/articles", "/articles?status=rejected&limit=2", Map.of(), 200);
        http(api, "GET", ID, "/articles/" + rejected, Map.of(), 200);
        http(api, "GET", ID + "/text", "/articles/" + rejected + "/text", Map.of(), 404);
        http(api, "GET", ID, "/articles/" + "f".repeat(24), Map.of(), 404);
        HttpResponse<String> text = http(api, "GET", ID + "/text", article + "/text", Map.of(), 200);
        http(api, "GET", ID + "/text", article + "/text",
                Map.of("If-None-Match", text.headers().firstValue("etag").orElseThrow()), 304);
        http(api, "GET", ID + "/text", "/articles/" + "f".repeat(24) + "/text", Map.of(), 404);
        http(api, "GET", ID + "/duplicates", article + "/duplicates", Map.of(), 200);
        http(api, "GET", ID + "/duplicates", "/articles/nope/duplicates", Map.of(), 404);
        http(api, "GET", "/sources", "/sources", Map.of(), 200);
        http(api, "GET", "/health", "/health", Map.of(), 200);
        // DynamoDB "reached" at the S3 server: every call fails at once, without the SDK's retries.
        Map<String, String> unreachable = new HashMap<>(pipeline.environment());
        unreachable.put("AWS_ENDPOINT_URL_DYNAMODB", pipeline.s3Endpoint());
        LookupHandler failing = new LookupHandler(unreachable);
        LookupHandler plain = new LookupHandler(pipeline.environment());
        Map<String, String> cors = new HashMap<>(pipeline.environment());
        cors.put(CorsPolicy.ALLOW_ORIGIN_VARIABLE, "*");
        LookupHandler withCors = new LookupHandler(cors);
        for (Map.Entry<String, String> route : Map.of("/articles", "/articles", ID, article, ID + "/text",
                article + "/text", ID + "/duplicates", article + "/duplicates", "/sources", "/sources",
                "/health", "/health").entrySet()) {
            http(api, "GET", route.getKey(), route.getValue() + (route.getValue().equals("/articles") ? "?zz=1" : "?limit=1"), Map.of(), 400);
            http(api, "GET", route.getKey(), route.getValue() + longQuery, Map.of(), 414);
            http(api, "DELETE", route.getKey(), route.getValue(), Map.of(), 405);
            http(api, "OPTIONS", route.getKey(), route.getValue(), Map.of(), 405);
            // What the local stack cannot produce, asked of the handler itself.
            handler(failing, "GET", route.getKey(), route.getValue(), 0, 503);
            handler(plain, "GET", route.getKey(), route.getValue(), 20_000, 413);
            handler(withCors, "OPTIONS", route.getKey(), route.getValue(), 0, 204);
        }

        assertThat(failures).isEmpty();
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(documented());
    }

    @Test
    void theSchemaCheckRejectsAnswersThatBreakTheContract() throws Exception {
        JsonNode errorSchema = spec.at("/components/responses/BadRequest/content/application~1json/schema");
        assertThat(schema(errorSchema).validate(json.readTree("{\"error\":{\"code\":\"invalid-parameter\",\"message\":\"m\"}}"))).isEmpty();
        assertThat(schema(errorSchema).validate(json.readTree("{\"error\":{\"code\":\"invalid-parameter\"}}"))).isNotEmpty();
        assertThat(schema(errorSchema).validate(json.readTree("{\"message\":\"m\"}"))).isNotEmpty();
        JsonNode listSchema = spec.at("/components/schemas/ArticleList");
        assertThat(schema(listSchema).validate(json.readTree("{\"items\":[{\"id\":\"x\"}],\"nextCursor\":null}"))).isNotEmpty();
    }

    private Set<String> documented() {
        Set<String> answers = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().has("responses")) {
                operation.getValue().path("responses").fieldNames().forEachRemaining(status ->
                        answers.add(operation.getKey() + " " + path.getKey() + " " + status));
            }
        }));
        return answers;
    }

    private HttpResponse<String> http(LookupClient api, String method, String template, String target,
                                      Map<String, String> headers, int expected) throws Exception {
        HttpResponse<String> response = api.send(method, target, headers);
        check(method, template, target, response.statusCode(), expected,
                response.headers().firstValue("content-type").orElse(null), response.body());
        return response;
    }

    private void handler(LookupHandler handler, String method, String template, String path, long bodyBytes,
                         int expected) throws Exception {
        ApiResponse response = handler.respond(new ApiRequest(method, path, Map.of(), Map.of(), "contract", bodyBytes));
        check(method, template, path, response.statusCode(), expected, response.headers().get("content-type"),
                response.body());
    }

    private void check(String method, String template, String target, int status, int expected, String contentType,
                       String body) throws Exception {
        String what = method + " " + abbreviated(target) + " -> " + status;
        if (status != expected) {
            failures.add(what + ", expected " + expected + ": " + abbreviated(body));
            return;
        }
        String operation = method.toLowerCase(Locale.ROOT);
        if (!spec.path("paths").path(template).has(operation)) {
            // Methods a route does not have are answered 405, documented once under its GET.
            operation = "get";
        }
        JsonNode documentedAnswer = spec.path("paths").path(template).path(operation)
                .path("responses").path(Integer.toString(status));
        if (documentedAnswer.isMissingNode()) {
            failures.add(what + " is not documented");
            return;
        }
        exercised.add(operation + " " + template + " " + status);
        documentedAnswer = resolve(documentedAnswer);
        JsonNode content = documentedAnswer.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                failures.add(what + " has a body, but none is documented");
            }
            return;
        }
        JsonNode media = null;
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) content::fields) {
            if (baseType(entry.getKey()).equals(baseType(contentType))) {
                media = entry.getValue();
            }
        }
        if (media == null) {
            failures.add(what + " answered " + contentType + ", documented: " + content.fieldNames().next());
            return;
        }
        JsonNode instance = contentType.startsWith("application/json") ? json.readTree(body) : json.getNodeFactory().textNode(body);
        Set<ValidationMessage> errors = schema(media.path("schema")).validate(instance);
        if (!errors.isEmpty()) {
            failures.add(what + " does not match its schema: " + errors + " in " + abbreviated(body));
        }
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String pointer = node.get("$ref").asText().substring(1);
            node = spec.at(pointer);
        }
        return node;
    }

    /** The documented schema as a draft 2020-12 schema document, the components' schemas as its {@code $defs}. */
    private JsonSchema schema(JsonNode schema) throws Exception {
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", spec.path("components").path("schemas"));
        root.set("allOf", json.createArrayNode().add(schema));
        JsonNode rewritten = json.readTree(json.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(rewritten);
    }

    private static String baseType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviated(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200) + "...";
    }
}
