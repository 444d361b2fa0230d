package org.articlepipeline.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) request that lookups use.
 *
 * @param method    the HTTP method, upper case
 * @param path      the raw path, e.g. {@code /articles/abc/text}
 * @param query     query parameters, already decoded by API Gateway (repeated values joined by commas)
 * @param headers   headers with lower-case names
 * @param requestId the API Gateway request id, for logs and 503 answers
 * @param bodyBytes the size of the request body in bytes (0 when there is none)
 * @param repeated  names of query parameters given more than once (read from the raw query string,
 *                  since {@code query} cannot tell {@code a=1&a=2} from {@code a=1,2})
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         String requestId, long bodyBytes, Set<String> repeated) {

    /** A request without a body. */
    public ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                      String requestId) {
        this(method, path, query, headers, requestId, 0);
    }

    /** A request with no parameter given twice. */
    public ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                      String requestId, long bodyBytes) {
        this(method, path, query, headers, requestId, bodyBytes, Set.of());
    }

    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        repeated = Set.copyOf(repeated);
    }

    /** Reads a payload 2.0 event; missing parts become empty rather than failing. */
    public static ApiRequest fromEvent(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        String method = http.path("method").asText("GET").toUpperCase(Locale.ROOT);
        String path = event.path("rawPath").asText(http.path("path").asText("/"));
        return new ApiRequest(method, path, strings(event.path("queryStringParameters")),
                lowerCaseKeys(strings(event.path("headers"))),
                event.path("requestContext").path("requestId").asText(""), bodyBytes(event),
                repeatedNames(event.path("rawQueryString").asText("")));
    }

    /** The names that occur more than once in a raw query string ({@code name=value&...}, percent-encoded). */
    static Set<String> repeatedNames(String rawQueryString) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // compared as sent: a malformed name is refused as unknown anyway
            }
            if (!seen.add(name)) {
                repeated.add(name);
            }
        }
        return repeated;
    }

    /** The body's size; API Gateway passes bodies through, base64-encoded when binary. */
    private static long bodyBytes(JsonNode event) {
        JsonNode body = event.path("body");
        if (!body.isTextual()) {
            return 0;
        }
        String text = body.asText();
        return event.path("isBase64Encoded").asBoolean(false)
                ? text.length() / 4L * 3 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Characters of the query string as received: names, values and separators. */
    public long queryLength() {
        long length = 0;
        for (Map.Entry<String, String> entry : query.entrySet()) {
            length += entry.getKey().length() + entry.getValue().length() + 2;
        }
        return length;
    }

    /** A query parameter, or {@code null}. */
    public String parameter(String name) {
        return query.get(name);
    }

    /** A header by its name in any case, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), field.getValue().asText());
            }
        });
        return values;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> values) {
        Map<String, String> lowered = new LinkedHashMap<>();
        values.forEach((name, value) -> lowered.put(name.toLowerCase(Locale.ROOT), value));
        return lowered;
    }
}
