package org.articlepipeline.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local HTTP API in front of the lookup handler, like {@code sam local start-api}: each request becomes
 * an API Gateway HTTP API payload 2.0 event, the handler runs, and its answer is written back.
 */
public final class LocalApi implements AutoCloseable {

    /** API Gateway answers 414 past about 10 KB of request line; so does the local API. */
    static final int MAX_URI_LENGTH = 8192;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    /** API Gateway refuses payloads over 10 MB; the local API reads at most this much and answers 413 past it. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final RequestStreamHandler handler;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Consumer<String> log;

    private LocalApi(HttpServer server, RequestStreamHandler handler, Consumer<String> log) {
        this.server = server;
        this.handler = handler;
        this.log = log;
    }

    /** Starts serving on {@code 127.0.0.1:port} (0 picks a free port). */
    public static LocalApi start(int port, RequestStreamHandler handler, Consumer<String> log) throws IOException {
        return start(LocalAddresses.LOOPBACK, port, handler, log);
    }

    /** Starts serving on {@code host:port} only (0 picks a free port). */
    public static LocalApi start(InetAddress host, int port, RequestStreamHandler handler, Consumer<String> log)
            throws IOException {
        // The JDK server writes headers and body separately; with Nagle on, the body waits for the client's
        // delayed ACK (~40 ms per keep-alive request under wrk). API Gateway has no such stall, so the local
        // API turns it off, unless whoever started the JVM chose otherwise. Read once, when the server
        // classes load: a JVM-wide switch, which only the local stack's process uses.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        LocalApi api = new LocalApi(server, handler, log);
        server.createContext("/", api::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "local-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server listens on. */
    public InetAddress host() {
        return server.getAddress().getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawUri = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            if (rawUri.length() > MAX_URI_LENGTH) {
                send(exchange, 414, Map.of("content-type", "application/json"),
                        "{\"error\":{\"code\":\"uri-too-long\",\"message\":\"the request URI is longer than "
                                + MAX_URI_LENGTH + " characters\"}}");
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                send(exchange, 413, Map.of("content-type", "application/json"),
                        "{\"error\":{\"code\":\"payload-too-large\",\"message\":\"the request body is larger than "
                                + MAX_BODY_BYTES + " bytes\"}}");
                return;
            }
            ObjectNode request = event(exchange);
            if (body.length > 0) {
                // Like API Gateway, the body is passed through; base64 keeps any bytes intact.
                request.put("body", java.util.Base64.getEncoder().encodeToString(body));
                request.put("isBase64Encoded", true);
            }
            byte[] event = mapper.writeValueAsBytes(request);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), answer,
                    new LocalContext("LookupFunction", 30_000, log));
            JsonNode response = mapper.readTree(answer.toByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            send(exchange, response.path("statusCode").asInt(502), headers, response.path("body").asText(""));
        } catch (RuntimeException | IOException e) {
            // Like API Gateway when the integration fails: the caller sees 502, never a stack trace.
            log.accept("local API: the lookup handler failed: " + e);
            send(exchange, 502, Map.of("content-type", "application/json"),
                    "{\"error\":{\"code\":\"bad-gateway\",\"message\":\"the lookup function failed\"}}");
        }
    }

    private ObjectNode event(HttpExchange exchange) {
        ObjectNode event = mapper.createObjectNode();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = decodePath(rawPath);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = event.putObject("headers");
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
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
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        event.put("isBase64Encoded", false);
        return event;
    }

    private static String decodePath(String rawPath) {
        // '+' is a literal plus in a path; only query strings use it for spaces.
        return decode(rawPath.replace("+", "%2B"));
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = status == 304 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
