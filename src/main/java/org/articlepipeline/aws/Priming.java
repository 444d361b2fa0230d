package org.articlepipeline.aws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warms a function before Lambda SnapStart snapshots it (a CRaC {@link Resource}).
 *
 * <p>{@link #beforeCheckpoint} normalizes a sample article, runs the handler's own warm-up (its JSON reading and
 * writing, which each handler does with its own library), then sends the requests the handlers make
 * through their own SDK clients, but each stops right before transmission: marshalling, endpoint rules,
 * credentials and signing run (and their classes load and initialize), no connection is opened and no
 * AWS API is called, so the snapshot holds no socket that would be stale after restore, and priming needs
 * no IAM permission and changes no data.
 *
 * <p>Without SnapStart (or locally) no checkpoint ever happens and this class costs one registration.
 * Because nothing is transmitted, these requests need no IAM action: {@code TemplateTest} derives the
 * granted actions from the handlers' calls, which never reach {@code beforeCheckpoint}.
 */
public final class Priming implements Resource {

    /** Marks a request as a priming request: {@link #STOP_BEFORE_TRANSMISSION} stops it before it leaves. */
    static final ExecutionAttribute<Boolean> PRIMING = new ExecutionAttribute<>("ArticlePipelinePriming");

    /** Installed on every client {@link AwsClients} builds; inert unless a request carries {@link #PRIMING}. */
    static final ExecutionInterceptor STOP_BEFORE_TRANSMISSION = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                                       ExecutionAttributes executionAttributes) {
            if (Boolean.TRUE.equals(executionAttributes.getAttribute(PRIMING))) {
                throw new PrimedException();
            }
        }
    };

    /** CRaC holds resources weakly: this list keeps every registered priming alive as long as the class. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private static final byte[] SAMPLE = ("Prime headline\n\nBEIRUT, Jan 2 (Reuters) - A short article body that "
            + "exercises the normalizer's stages once.\n\nA second paragraph, so that structure is found.\n")
            .getBytes(StandardCharsets.UTF_8);

    private final AwsClients clients;
    private final Warmup handlerWarmup;
    private final PipelineSettings settings;
    private final AtomicInteger primedRequests = new AtomicInteger();

    private Priming(AwsClients clients, Warmup handlerWarmup) {
        this.clients = clients;
        this.handlerWarmup = handlerWarmup;
        this.settings = PipelineSettings.fromEnvironment(clients.environment());
    }

    /**
     * A handler's own first-use work beyond the SDK, such as reading an event and writing a response the
     * way it does. The handler supplies it, rather than this class doing it for all, so that priming never
     * loads into one function what only another uses (the lookup function's databind into ingest).
     */
    @FunctionalInterface
    public interface Warmup {
        void run() throws Exception;
    }

    /**
     * Registers priming of {@code clients}, with the handler's own {@code warmup}, with the global CRaC
     * context and returns the clients, so a handler's no-argument constructor can wrap its
     * {@code new AwsClients()} in one call.
     */
    public static AwsClients register(AwsClients clients, Warmup warmup) {
        Priming priming = new Priming(clients, warmup);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return clients;
    }

    /** The primings registered in this JVM (one per handler instance built by Lambda's constructor). */
    public static List<Priming> registered() {
        return List.copyOf(REGISTERED);
    }

    /** Requests stopped before transmission so far: each one went through the whole SDK pipeline. */
    public int primedRequests() {
        return primedRequests.get();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        new ArticleNormalizer().normalize(SAMPLE, ArticleOrigin.ofFileName("prime.txt"));
        handlerWarmup.run();
        String bucket = settings.bucket();
        String missing = settings.outputPrefix() + "prime.txt";
        prime(() -> clients.s3().getObjectAsBytes(b -> b.bucket(bucket).key(missing).overrideConfiguration(o ->
                o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.s3().putObject(b -> b.bucket(bucket).key(missing).overrideConfiguration(o ->
                o.putExecutionAttribute(PRIMING, true)), RequestBody.fromString("")));
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("prime"), "sk", AttributeValue.fromS("prime"));
        prime(() -> clients.dynamoDb().getItem(b -> b.tableName(settings.tableName()).key(key).overrideConfiguration(o ->
                o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.dynamoDb().putItem(b -> b.tableName(settings.tableName()).item(key).overrideConfiguration(o ->
                o.putExecutionAttribute(PRIMING, true))));
        // The rest of what one ingest or lookup sends: each operation has its own marshallers to load.
        prime(() -> clients.s3().headObject(b -> b.bucket(bucket).key(missing).overrideConfiguration(o ->
                o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(missing).build()))
                .overrideConfiguration(o -> o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.dynamoDb().query(b -> b.tableName(settings.tableName())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("prime")))
                .overrideConfiguration(o -> o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.dynamoDb().updateItem(b -> b.tableName(settings.tableName()).key(key)
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .overrideConfiguration(o -> o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.dynamoDb().deleteItem(b -> b.tableName(settings.tableName()).key(key)
                .overrideConfiguration(o -> o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.dynamoDb().batchGetItem(b -> b.requestItems(Map.of(settings.tableName(),
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(key).build()))
                .overrideConfiguration(o -> o.putExecutionAttribute(PRIMING, true))));
        prime(() -> clients.dynamoDb().batchWriteItem(b -> b.requestItems(Map.of(settings.tableName(), List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(key)).build())))
                .overrideConfiguration(o -> o.putExecutionAttribute(PRIMING, true))));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to reopen: priming never opened a connection.
    }

    private void prime(Runnable request) {
        try {
            request.run();
        } catch (RuntimeException e) {
            if (!causedByPriming(e)) {
                // Priming is best effort: a snapshot without it is only slower on its first event.
                return;
            }
        }
        primedRequests.incrementAndGet();
    }

    private static boolean causedByPriming(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PrimedException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by {@link #STOP_BEFORE_TRANSMISSION}: the request was built and signed and goes no further. */
    static final class PrimedException extends RuntimeException {
        PrimedException() {
            super("priming request stopped before transmission", null, false, false);
        }
    }
}
