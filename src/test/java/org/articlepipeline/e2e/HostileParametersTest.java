package org.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlepipeline.local.LocalContext;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.lookup.LookupHandler;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route x every parameter x every hostile value a client can send: never a 5xx, and every answer
 * that is not a success is a 4xx in the one error shape. Asked once of the handler (as API Gateway would
 * invoke it) and once through the local API (as a client would call it).
 */
@ExtendWith(SharedEmbeddedStack.class)
class HostileParametersTest {

    private static final String ID = "0123456789abcdef01234567";
    /** Each route with the parameters it takes; {@code x} stands for any name a route does not take. */
    private static final Map<String, List<String>> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/articles", List.of("key", "q", "source", "language", "from", "to", "limit", "cursor", "status", "x"));
        ROUTES.put("/articles/" + ID, List.of("x"));
        ROUTES.put("/articles/" + ID + "/text", List.of("x"));
        ROUTES.put("/articles/" + ID + "/duplicates", List.of("x"));
        ROUTES.put("/sources", List.of("x"));
        ROUTES.put("/health", List.of("x"));
    }

    /** The hostile values, as they appear in a raw query string ({@code %s} is the parameter's name). */
    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("empty", "%s=");
        VALUES.put("no value", "%s");
        VALUES.put("-1", "%s=-1");
        VALUES.put("0", "%s=0");
        VALUES.put("1e9", "%s=1e9");
        VALUES.put("10 KB", "%s=" + "a".repeat(10 * 1024));
        VALUES.put("%00", "%s=%00");
        VALUES.put("control characters", "%s=a%0D%0Ab%09");
        VALUES.put("repeated", "%s=1&%s=1");
    }

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The status a value deserves: most are malformed (400; 414 past the query-string limit); a few are
     * well-formed values of a parameter that takes them, answered like any other (a listing, or no article).
     */
    private static int expected(String route, String parameter, String value) {
        if (value.equals("10 KB")) {
            return 414;
        }
        if (value.equals("empty") || value.equals("no value") || value.equals("repeated") || parameter.equals("x")) {
            return 400;
        }
        return switch (parameter) {
            // Any UTF-8 is a possible S3 key, control characters included: no such article.
            case "key" -> 404;
            // A publisher's name in matching form: "-1" and "0" name the key "1" and "0"; no such publisher.
            case "source" -> value.equals("-1") || value.equals("0") || value.equals("1e9") ? 200 : 400;
            // "1e9" is a word one could search for; "-1" and "0" have no word of two letters or digits.
            case "q" -> value.equals("1e9") ? 200 : 400;
            default -> 400;
        };
    }

    @Test
    void theHandlerAnswersEveryHostileParameterWithA4xxInTheErrorShape(LocalPipeline pipeline) throws Exception {
        LookupHandler handler = new LookupHandler(pipeline.environment());
        List<String> failures = new ArrayList<>();
        forEachCase((route, parameter, value, rawQuery) -> {
            JsonNode answer = invoke(handler, route, rawQuery);
            check(failures, route, parameter, value, answer.path("statusCode").asInt(), answer.path("body").asText());
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void theLocalApiAnswersEveryHostileParameterWithA4xxInTheErrorShape(LocalPipeline pipeline) throws Exception {
        LookupClient api = new LookupClient(pipeline.apiEndpoint());
        List<String> failures = new ArrayList<>();
        forEachCase((route, parameter, value, rawQuery) -> {
            LookupClient.RawResponse response = api.raw(route + "?" + rawQuery);
            check(failures, route, parameter, value, response.status(), response.body());
        });
        assertThat(failures).isEmpty();
    }

    private void check(List<String> failures, String route, String parameter, String value, int status, String body)
            throws Exception {
        String name = route + " " + parameter + " = " + value;
        int wanted = expected(route, parameter, value);
        if (status != wanted) {
            failures.add(name + ": " + status + " (wanted " + wanted + ") " + abbreviated(body));
            return;
        }
        if (status >= 400) {
            JsonNode error = mapper.readTree(body).path("error");
            boolean shaped = error.path("code").isTextual() && !error.path("message").asText().isBlank()
                    && mapper.readTree(body).size() == 1 && error.size() == 2;
            boolean named = status != 400 || error.path("message").asText().contains("'" + parameter + "'");
            if (!shaped || !named) {
                failures.add(name + ": not the error shape naming the parameter: " + abbreviated(body));
            }
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    private interface Case {
        void run(String route, String parameter, String value, String rawQuery) throws Exception;
    }

    private static void forEachCase(Case test) throws Exception {
        for (Map.Entry<String, List<String>> route : ROUTES.entrySet()) {
            for (String parameter : route.getValue()) {
                for (Map.Entry<String, String> value : VALUES.entrySet()) {
                    test.run(route.getKey(), parameter, value.getKey(), value.getValue().replace("%s", parameter));
                }
            }
        }
    }

    /** Invokes the handler with the event API Gateway sends: the raw query string and its decoded, comma-joined map. */
    private JsonNode invoke(LookupHandler handler, String path, String rawQuery) throws Exception {
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "2.0");
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        ObjectNode query = event.putObject("queryStringParameters");
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, query.has(name) ? query.get(name).asText() + "," + value : value);
        }
        event.putObject("headers");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "hostile");
        context.putObject("http").put("method", "GET").put("path", path);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(mapper.writeValueAsBytes(event)), out,
                new LocalContext("LookupFunction", 30_000, line -> { }));
        return mapper.readTree(out.toByteArray());
    }
}
