package org.articlepipeline.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.articlepipeline.local.LocalContext;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The handler's own guarantees: one log line per request, 413/503 answers, CORS when configured. */
@ExtendWith(SharedEmbeddedStack.class)
class LookupHandlerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyRequestLogsOneJsonLineWithRouteStatusDurationAndRequestId(LocalPipeline pipeline) throws Exception {
        LookupHandler handler = new LookupHandler(pipeline.environment());
        List<String> lines = new ArrayList<>();
        JsonNode answer = invoke(handler, event("GET", "/articles/0123456789abcdef01234567", "req-1", null), lines);
        assertThat(answer.path("statusCode").asInt()).isEqualTo(404);
        invoke(handler, event("GET", "/health", "req-2", null), lines);

        // Besides them, one metrics line per request (MetricLinesTest reads those).
        lines.removeIf(l -> l.startsWith("{\"_aws\""));
        assertThat(lines).hasSize(2);
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.path("route").asText()).isEqualTo("GET /articles/{id}");
        assertThat(first.path("status").asInt()).isEqualTo(404);
        assertThat(first.path("requestId").asText()).isEqualTo("req-1");
        assertThat(first.path("durationMs").isNumber()).isTrue();
        JsonNode second = mapper.readTree(lines.get(1));
        assertThat(second.path("route").asText()).isEqualTo("GET /health");
        assertThat(second.path("status").asInt()).isEqualTo(200);
    }

    @Test
    void anUnreadableEventIsAnswered400AndStillLogged(LocalPipeline pipeline) throws Exception {
        LookupHandler handler = new LookupHandler(pipeline.environment());
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8)), out,
                new LocalContext("LookupFunction", 30_000, lines::add));
        assertThat(mapper.readTree(out.toByteArray()).path("statusCode").asInt()).isEqualTo(400);
        lines.removeIf(l -> l.startsWith("{\"_aws\""));
        assertThat(lines).hasSize(1);
    }

    @Test
    void oversizedBodiesAreAnswered413(LocalPipeline pipeline) throws Exception {
        LookupHandler handler = new LookupHandler(pipeline.environment());
        JsonNode answer = invoke(handler, event("POST", "/articles", "req-3", "x".repeat(20_000)), new ArrayList<>());
        assertThat(answer.path("statusCode").asInt()).isEqualTo(413);
        assertThat(mapper.readTree(answer.path("body").asText()).path("error").path("code").asText())
                .isEqualTo("payload-too-large");
    }

    @Test
    void healthIs503WithTheRequestIdWhenTheTableCannotBeReached(LocalPipeline pipeline) throws Exception {
        Map<String, String> environment = new HashMap<>(pipeline.environment());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");
        LookupHandler handler = new LookupHandler(environment);
        ApiResponse response = handler.respond(new ApiRequest("GET", "/health", Map.of(), Map.of(), "req-503"));
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = mapper.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("backend-unavailable");
        assertThat(error.path("message").asText()).contains("req-503");
    }

    @Test
    void healthIs503WhenTheBucketIsMissing(LocalPipeline pipeline) {
        Map<String, String> environment = new HashMap<>(pipeline.environment());
        environment.put("ARTICLES_BUCKET", "no-such-bucket-here");
        ApiResponse response = new LookupHandler(environment)
                .respond(new ApiRequest("GET", "/health", Map.of(), Map.of(), "req-bucket"));
        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void corsIsOffByDefault(LocalPipeline pipeline) {
        LookupHandler handler = new LookupHandler(pipeline.environment());
        ApiResponse preflight = handler.respond(new ApiRequest("OPTIONS", "/articles", Map.of(), Map.of(), "r"));
        assertThat(preflight.statusCode()).isEqualTo(405);
        assertThat(preflight.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void corsHeadersAndPreflightWhenAnOriginIsConfigured(LocalPipeline pipeline) {
        Map<String, String> environment = new HashMap<>(pipeline.environment());
        environment.put(CorsPolicy.ALLOW_ORIGIN_VARIABLE, "https://reader.example");
        LookupHandler handler = new LookupHandler(environment);

        ApiResponse preflight = handler.respond(new ApiRequest("OPTIONS", "/articles", Map.of(), Map.of(), "r"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers()).containsEntry("access-control-allow-origin", "https://reader.example")
                .containsEntry("access-control-allow-methods", "GET, HEAD, OPTIONS");

        ApiResponse notFound = handler.respond(new ApiRequest("GET", "/articles/x", Map.of(), Map.of(), "r"));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers()).containsEntry("access-control-allow-origin", "https://reader.example");
        ApiResponse ok = handler.respond(new ApiRequest("GET", "/health", Map.of(), Map.of(), "r"));
        assertThat(ok.headers()).containsEntry("access-control-allow-origin", "https://reader.example");
    }

    private ObjectNode event(String method, String path, String requestId, String body) {
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "2.0");
        event.put("rawPath", path);
        event.putObject("headers");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", requestId);
        context.putObject("http").put("method", method).put("path", path);
        if (body != null) {
            event.put("body", body);
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private JsonNode invoke(LookupHandler handler, ObjectNode event, List<String> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(mapper.writeValueAsBytes(event)), out,
                new LocalContext("LookupFunction", 30_000, lines::add));
        return mapper.readTree(out.toByteArray());
    }
}
