package org.articlepipeline.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.aws.Priming;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;
import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.NormalizerSettings;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ingest Lambda function: a thin adapter from an event's bytes to {@link ArticleIngestor}.
 *
 * <p>It reads the raw event (a stream handler, so any event shape can be recognized from its payload
 * rather than bound to one POJO), applies every change in it, logs one JSON line per change and answers
 * with a JSON summary. The no-argument constructor is Lambda's: it wires everything from the process
 * environment, and the local stack and tests call the map constructor with their own.
 */
public final class IngestHandler implements RequestStreamHandler {

    /** Largest article read, in bytes ({@code MAX_ARTICLE_BYTES}); larger objects are rejected unread. */
    public static final String MAX_ARTICLE_BYTES_VARIABLE = "MAX_ARTICLE_BYTES";
    static final long DEFAULT_MAX_ARTICLE_BYTES = 10L * 1024 * 1024;
    /** Fewest words of article text an upload needs to be an article ({@code MIN_ARTICLE_WORDS}). */
    public static final String MIN_ARTICLE_WORDS_VARIABLE = "MIN_ARTICLE_WORDS";

    private final JsonCodec json;
    private final IngestInvocation invocation;
    private final IngestMetrics metrics;

    /** Lambda's constructor: everything from the process environment, primed before a SnapStart snapshot. */
    public IngestHandler() {
        this(ingestorFor(Priming.register(new AwsClients(), IngestPriming::primeJson), System.getenv()),
                new JsonCodec(), EmbeddedMetrics.fromEnvironment(System.getenv()));
    }

    /** Wires the handler from {@code environment}, as Lambda would from the process environment. */
    public IngestHandler(Map<String, String> environment) {
        this(ingestorFor(new AwsClients(environment), environment), new JsonCodec(),
                EmbeddedMetrics.fromEnvironment(environment));
    }

    /** Wires the handler from {@code environment} with clients from {@code clients} (tests add interceptors). */
    public IngestHandler(AwsClients clients, Map<String, String> environment) {
        this(ingestorFor(clients, environment), new JsonCodec(), EmbeddedMetrics.fromEnvironment(environment));
    }

    /** Wires the handler around an existing ingest core. */
    public IngestHandler(ArticleIngestor ingestor, JsonCodec json) {
        this(ingestor, json, EmbeddedMetrics.fromEnvironment(Map.of()));
    }

    /** Wires the handler around an existing ingest core, writing metrics to {@code metrics}' namespace. */
    public IngestHandler(ArticleIngestor ingestor, JsonCodec json, EmbeddedMetrics metrics) {
        this.invocation = new IngestInvocation(ingestor, json);
        this.json = json;
        this.metrics = new IngestMetrics(metrics);
    }

    /**
     * The ingest core as this function wires it from {@code environment}: what a backfill runs in-process,
     * so it applies changes exactly as the function would.
     */
    public static ArticleIngestor ingestorFor(AwsClients clients, Map<String, String> environment) {
        PipelineSettings settings = PipelineSettings.fromEnvironment(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        ArticleRepository repository = new ArticleRepository(dynamoDb, settings.tableName());
        long maxBytes = Long.parseLong(environment.getOrDefault(MAX_ARTICLE_BYTES_VARIABLE,
                Long.toString(DEFAULT_MAX_ARTICLE_BYTES)));
        return new ArticleIngestor(settings,
                new ArticleBucket(clients.s3(), settings.bucket(), settings.outputPrefix()),
                repository, new ArticleNormalizer(normalizerSettings(environment)), new JsonCodec(), maxBytes,
                Clock.systemUTC());
    }

    private static NormalizerSettings normalizerSettings(Map<String, String> environment) {
        String minWords = environment.get(MIN_ARTICLE_WORDS_VARIABLE);
        NormalizerSettings defaults = NormalizerSettings.defaults();
        if (minWords == null || minWords.isBlank()) {
            return defaults;
        }
        try {
            return defaults.withMinArticleWords(Integer.parseInt(minWords.strip()));
        } catch (IllegalArgumentException e) {
            // A misconfigured function must fail at its first event, loudly, not reject or accept everything.
            throw new IllegalArgumentException(MIN_ARTICLE_WORDS_VARIABLE + " must be a whole number >= 0, not '"
                    + minWords + "'", e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonValue event;
        try {
            event = json.parse(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            throw new UnrecognizedEventException("the event is not JSON: " + notJson.getOriginalMessage());
        }
        LambdaLogger logger = context == null ? null : context.getLogger();
        Consumer<String> log = line -> {
            if (logger != null) {
                logger.log(line + "\n");
            }
        };
        Map<String, Object> response = invocation.handle(event, log, outcome -> log.accept(metrics.line(outcome)));
        json.write(output, response);
    }
}
