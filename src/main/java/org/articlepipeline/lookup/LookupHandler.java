package org.articlepipeline.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.aws.Priming;
import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleListing;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.DuplicateIndex;
import org.articlepipeline.store.DuplicateRelations;
import org.articlepipeline.store.SearchIndex;
import org.articlepipeline.store.SourceCounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lookup Lambda function behind an API Gateway HTTP API (payload format 2.0): a thin adapter from
 * the event's bytes to {@link ArticleLookup}, which owns the routes.
 *
 * <p>It guarantees the error contract: a caller's mistake is a 4xx with {@code {"error": {...}}}, a backend
 * failure a 503 naming the request id, and nothing ever a 500. One JSON log line per request.
 */
public final class LookupHandler implements RequestStreamHandler {

    /** Signing key of paging cursors ({@code CURSOR_SECRET}). */
    public static final String CURSOR_SECRET_VARIABLE = "CURSOR_SECRET";
    /** Enough for one search of eight words over four shards at once. */
    static final int QUERY_THREADS = 32;

    private final ArticleLookup lookup;
    private final CorsPolicy cors;
    private final ObjectMapper mapper;
    private final LookupMetrics metrics;

    /** Lambda's constructor: everything from the process environment, primed before a SnapStart snapshot. */
    public LookupHandler() {
        this(Priming.register(new AwsClients(), LookupHandler::primeJson), System.getenv());
    }

    /** Wires the handler from {@code environment}, as Lambda would from the process environment. */
    public LookupHandler(Map<String, String> environment) {
        this(new AwsClients(environment), environment);
    }

    private LookupHandler(AwsClients clients, Map<String, String> environment) {
        this(lookupFor(clients, environment, new ObjectMapper()), CorsPolicy.fromEnvironment(environment),
                new ObjectMapper(), EmbeddedMetrics.fromEnvironment(environment));
    }

    /** Wires the handler around existing routes, with the CORS policy they were built with. */
    public LookupHandler(ArticleLookup lookup, CorsPolicy cors, ObjectMapper mapper) {
        this(lookup, cors, mapper, EmbeddedMetrics.fromEnvironment(Map.of()));
    }

    /** As above, writing metrics to {@code metrics}' namespace. */
    public LookupHandler(ArticleLookup lookup, CorsPolicy cors, ObjectMapper mapper, EmbeddedMetrics metrics) {
        this.lookup = lookup;
        this.cors = cors;
        this.mapper = mapper;
        this.metrics = new LookupMetrics(metrics);
    }

    private static ArticleLookup lookupFor(AwsClients clients, Map<String, String> environment, ObjectMapper mapper) {
        PipelineSettings settings = PipelineSettings.fromEnvironment(environment);
        // Without a configured secret, cursors are still tamper-evident, but an operator who wants them
        // unguessable sets CURSOR_SECRET (the template passes its NoEcho CursorSecret parameter).
        String secret = environment.getOrDefault(CURSOR_SECRET_VARIABLE, "article-pipeline:" + settings.tableName());
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = settings.tableName();
        ArticleRepository repository = new ArticleRepository(dynamoDb, table);
        // Shard queries of one request run side by side; daemon threads, so a container can always stop.
        ExecutorService queries = Executors.newFixedThreadPool(QUERY_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "lookup-query");
            thread.setDaemon(true);
            return thread;
        });
        return new ArticleLookup(repository,
                new ArticleListing(dynamoDb, table, repository, queries),
                new SearchIndex(dynamoDb, table, repository, queries),
                new DuplicateRelations(dynamoDb, table, repository, new DuplicateIndex(dynamoDb, table)),
                new SourceCounts(dynamoDb, table),
                new ArticleBucket(clients.s3(), settings.bucket(), settings.outputPrefix()),
                new Cursors(secret.getBytes(StandardCharsets.UTF_8)),
                CorsPolicy.fromEnvironment(environment),
                mapper);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        ApiRequest request;
        ApiResponse response;
        try {
            JsonNode event = mapper.readTree(input);
            request = ApiRequest.fromEvent(event == null ? mapper.createObjectNode() : event);
        } catch (IOException unreadable) {
            request = new ApiRequest("GET", "/", Map.of(), Map.of(), "");
            response = cors.decorate(ResponseHeaders.apply(request,
                    error(400, "invalid-request", "the request event is not JSON")));
            write(output, response);
            log(context, request, response, started);
            return;
        }
        response = respond(request);
        write(output, response);
        log(context, request, response, started);
    }

    /** The answer to one request: never throws, and never answers 500. */
    public ApiResponse respond(ApiRequest request) {
        return cors.decorate(ResponseHeaders.apply(request, answer(request)));
    }

    private ApiResponse answer(ApiRequest request) {
        try {
            return lookup.answer(request);
        } catch (ApiException e) {
            ApiResponse response = error(e.status(), e.code(), e.getMessage());
            return e.status() == 405 ? response.withHeader("allow", lookup.allowedMethods()) : response;
        } catch (RuntimeException backendFailure) {
            // The routes turn every caller mistake into an ApiException, so what is left is the table or
            // the bucket failing (or a bug): retryable from the caller's side, and never a 500.
            return error(503, "backend-unavailable",
                    "the article store did not answer; retry later (request id " + request.requestId() + ")");
        }
    }

    private ApiResponse error(int status, String code, String message) {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        try {
            return ApiResponse.json(status, htmlSafe(mapper.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /**
     * Messages may quote what the caller sent (a parameter's name, say). JSON escapes quotes and control
     * characters but not markup, so {@code < > &} are written as JSON's six-character unicode escapes: the
     * same JSON value, and no tag survives into a body that something might render.
     */
    static String htmlSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private void write(OutputStream output, ApiResponse response) throws IOException {
        ObjectNode event = mapper.createObjectNode();
        event.put("statusCode", response.statusCode());
        ObjectNode headers = event.putObject("headers");
        response.headers().forEach(headers::put);
        event.put("body", response.body());
        event.put("isBase64Encoded", false);
        mapper.writeValue(output, event);
    }

    /**
     * Jackson's databind is the largest first-use cost this handler has beyond the SDK (measured: 200-300 ms
     * on a cold JVM, see docs/benchmarks.md): read an API event into a tree and write a tree, as it does.
     */
    private static void primeJson() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode apiEvent = mapper.readTree("{\"version\":\"2.0\",\"rawPath\":\"/articles\",\"requestContext\":"
                + "{\"http\":{\"method\":\"GET\"},\"requestId\":\"prime\"},\"queryStringParameters\":{\"limit\":\"1\"}}");
        ObjectNode result = mapper.createObjectNode();
        result.put("statusCode", 200).putObject("headers").put("content-type", "application/json");
        result.set("event", apiEvent);
        mapper.writeValueAsBytes(result);
    }

    /** The route template a path falls under, so log lines group by route rather than by id. */
    static String routeOf(String path) {
        if (path.startsWith("/articles/") && path.length() > "/articles/".length()) {
            String rest = path.substring("/articles/".length());
            if (rest.endsWith("/text") || rest.endsWith("/text/")) {
                return "/articles/{id}/text";
            }
            if (rest.endsWith("/duplicates") || rest.endsWith("/duplicates/")) {
                return "/articles/{id}/duplicates";
            }
            return "/articles/{id}";
        }
        return switch (path) {
            case "/articles", "/articles/", "/sources", "/health" -> path;
            default -> "unknown";
        };
    }

    private void log(Context context, ApiRequest request, ApiResponse response, long started) {
        if (context == null || context.getLogger() == null) {
            return;
        }
        ObjectNode line = mapper.createObjectNode();
        line.put("route", request.method() + " " + routeOf(request.path()));
        line.put("path", request.path().length() > 256 ? request.path().substring(0, 256) : request.path());
        line.put("status", response.statusCode());
        double durationMs = (System.nanoTime() - started) / 1_000_000.0;
        line.put("durationMs", durationMs);
        line.put("requestId", request.requestId());
        context.getLogger().log(line.toString() + "\n");
        context.getLogger().log(metrics.line(request, response, durationMs) + "\n");
    }
}
