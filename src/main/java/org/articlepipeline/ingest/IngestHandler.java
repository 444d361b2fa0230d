package org.articlepipeline.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.aws.Priming;
import org.articlepipeline.ingest.event.ObjectChange;
import org.articlepipeline.ingest.event.S3Notifications;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleRepository;

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

    private final ObjectMapper mapper;
    private final ArticleIngestor ingestor;

    /** Lambda's constructor: everything from the process environment, primed before a SnapStart snapshot. */
    public IngestHandler() {
        this(ingestorFor(Priming.register(new AwsClients()), System.getenv()), new ObjectMapper());
    }

    /** Wires the handler from {@code environment}, as Lambda would from the process environment. */
    public IngestHandler(Map<String, String> environment) {
        this(ingestorFor(new AwsClients(environment), environment), new ObjectMapper());
    }

    /** Wires the handler around an existing ingest core. */
    public IngestHandler(ArticleIngestor ingestor, ObjectMapper mapper) {
        this.ingestor = ingestor;
        this.mapper = mapper;
    }

    private static ArticleIngestor ingestorFor(AwsClients clients, Map<String, String> environment) {
        PipelineSettings settings = PipelineSettings.fromEnvironment(environment);
        long maxBytes = Long.parseLong(environment.getOrDefault(MAX_ARTICLE_BYTES_VARIABLE,
                Long.toString(DEFAULT_MAX_ARTICLE_BYTES)));
        return new ArticleIngestor(settings,
                new ArticleBucket(clients.s3(), settings.bucket(), settings.outputPrefix()),
                new ArticleRepository(clients.dynamoDb(), settings.tableName()),
                new ArticleNormalizer(), new ObjectMapper(), maxBytes, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = mapper.readTree(input);
        ObjectNode result = mapper.createObjectNode();
        ArrayNode outcomes = result.putArray("outcomes");
        if (event != null && !S3Notifications.isTestEvent(event)) {
            List<ObjectChange> changes = S3Notifications.changes(event);
            for (ObjectChange change : changes) {
                IngestOutcome outcome = ingestor.apply(change);
                ObjectNode line = mapper.valueToTree(outcome);
                outcomes.add(line);
                if (context != null && context.getLogger() != null) {
                    context.getLogger().log(mapper.writeValueAsString(line) + "\n");
                }
            }
        }
        mapper.writeValue(output, result);
    }
}
