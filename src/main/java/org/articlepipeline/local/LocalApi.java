package org.articlepipeline.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A local HTTP API in front of the lookup handler, like {@code sam local start-api}: each request becomes
 * an API Gateway HTTP API payload 2.0 event, the handler runs, and its answer is written back.
 *
 * <p>Like API Gateway, it takes any request target: raw UTF-8 is read as UTF-8, a path such as
 * {@code //articles} reaches the function as it is, and a URL it cannot decode (a malformed {@code %}) is
 * answered 400 in the API's JSON error shape, never with an HTML page.
 */
public final class LocalApi implements AutoCloseable {

    /** API Gateway answers 414 past about 10 KB of request line; so does the local API. */
    static final int MAX_URI_LENGTH = LoopbackHttpServer.MAX_REQUEST_LINE;
    /** API Gateway refuses payloads over 10 MB; the local API reads at most this much and answers 413 past it. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final LoopbackHttpServer server;

    private LocalApi(LoopbackHttpServer server) {
        this.server = server;
    }

    /** Starts serving on {@code 127.0.0.1:port} (0 picks a free port). */
    public static LocalApi start(int port, RequestStreamHandler handler, Consumer<String> log) throws IOException {
        return start(LocalAddresses.LOOPBACK, port, handler, log);
    }

    /** Starts serving on {@code host:port} only (0 picks a free port). */
    public static LocalApi start(InetAddress host, int port, RequestStreamHandler handler, Consumer<String> log)
            throws IOException {
        Gateway gateway = new Gateway(handler, log);
        return new LocalApi(LoopbackHttpServer.start(host, port, gateway::answer, MAX_BODY_BYTES, log));
    }

    public int port() {
        return server.port();
    }

    /** The address the server listens on. */
    public InetAddress host() {
        return server.host();
    }

    @Override
    public void close() {
        server.close();
    }

    /** What API Gateway does between the connection and the function. */
    private static final class Gateway {

        private final RequestStreamHandler handler;
        private final ObjectMapper mapper = new ObjectMapper();
        private final Consumer<String> log;

        Gateway(RequestStreamHandler handler, Consumer<String> log) {
            this.handler = handler;
            this.log = log;
        }

        LoopbackHttpServer.Response answer(LoopbackHttpServer.Request request) {
            ObjectNode event;
            try {
                event = event(request);
            } catch (IllegalArgumentException malformed) {
                return LoopbackHttpServer.error(400, "invalid-request",
                        "the URL is not well-formed: " + malformed.getMessage());
            }
            try {
                if (request.body().length > 0) {
                    // Like API Gateway, the body is passed through; base64 keeps any bytes intact.
                    event.put("body", java.util.Base64.getEncoder().encodeToString(request.body()));
                    event.put("isBase64Encoded", true);
                }
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(mapper.writeValueAsBytes(event)), answer,
                        new LocalContext("LookupFunction", 30_000, log));
                JsonNode response = mapper.readTree(answer.toByteArray());
                Map<String, String> headers = new LinkedHashMap<>();
                response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                return new LoopbackHttpServer.Response(response.path("statusCode").asInt(502), headers,
                        response.path("body").asText("").getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException | IOException e) {
                // Like API Gateway when the integration fails: the caller sees 502, never a stack trace.
                log.accept("local API: the lookup handler failed: " + e);
                return LoopbackHttpServer.error(502, "bad-gateway", "the lookup function failed");
            }
        }

        /** The payload 2.0 event of a request; {@link IllegalArgumentException} when its URL does not decode. */
        private ObjectNode event(LoopbackHttpServer.Request request) {
            String target = request.target();
            if (target.startsWith("http://") || target.startsWith("https://")) {
                // absolute-form, as a client talking to a proxy sends it: the path starts after the authority
                int slash = target.indexOf('/', target.indexOf("//") + 2);
                target = slash < 0 ? "/" : target.substring(slash);
            }
            int question = target.indexOf('?');
            String rawPath = question < 0 ? target : target.substring(0, question);
            String rawQuery = question < 0 ? "" : target.substring(question + 1);
            ObjectNode event = mapper.createObjectNode();
            String method = request.method().toUpperCase(Locale.ROOT);
            // '+' is a literal plus in a path; only query strings use it for spaces.
            String path = decode(rawPath.replace("+", "%2B"), "path");
            event.put("version", "2.0");
            event.put("routeKey", "$default");
            event.put("rawPath", path);
            event.put("rawQueryString", rawQuery);
            ObjectNode headers = event.putObject("headers");
            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                headers.put(header.getKey(), String.join(",", header.getValue()));
            }
            if (!rawQuery.isEmpty()) {
                ObjectNode query = event.putObject("queryStringParameters");
                for (String pair : rawQuery.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals), "query string");
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "query string");
                    // API Gateway joins repeated parameters with commas.
                    query.put(name, query.has(name) ? query.get(name).asText() + "," + value : value);
                }
            }
            ObjectNode context = event.putObject("requestContext");
            context.put("accountId", "000000000000");
            context.put("apiId", "local");
            context.put("domainName", "127.0.0.1");
            context.put("requestId", UUID.randomUUID().toString());
            context.put("routeKey", "$default");
            context.put("stage", "$default");
            context.put("time", Instant.now().toString());
            context.put("timeEpoch", System.currentTimeMillis());
            ObjectNode http = context.putObject("http");
            http.put("method", method);
            http.put("path", path);
            http.put("protocol", request.protocol());
            http.put("sourceIp", request.remoteAddress());
            http.put("userAgent", headers.path("user-agent").asText(null));
            event.put("isBase64Encoded", false);
            return event;
        }

        private static String decode(String value, String part) {
            try {
                return URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                throw new IllegalArgumentException("the " + part + " holds a '%' that is not followed by two hex digits");
            }
        }
    }
}
