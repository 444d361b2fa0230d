package org.articlepipeline.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK clients the handlers use, through the SDK's standard configuration chain.
 *
 * <p>Region, credentials and endpoints come from the usual places (environment, system properties,
 * profile), so the standard endpoint overrides ({@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL}, or the {@code aws.endpointUrl*} system
 * properties) point the same code at the local stack, at LocalStack or at AWS.
 *
 * <p>When the environment map is the process environment this class adds only path-style S3 addressing
 * under an endpoint override (S3-compatible servers on loopback have no wildcard DNS for virtual-hosted
 * buckets). When a caller passes its own map (the local stack, the tests), the same variables are read
 * from that map and applied explicitly, so two stacks can live in one JVM without global state.
 */
public final class AwsClients {

    private final Map<String, String> environment;
    private final boolean processEnvironment;
    private final List<ExecutionInterceptor> interceptors;
    // One client of each kind per AwsClients, so that priming warms the very instances the handler uses.
    private S3Client s3;
    private DynamoDbClient dynamoDb;

    /** Clients configured from this process's environment and system properties. */
    public AwsClients() {
        this(System.getenv(), true);
    }

    /** Clients configured from the given environment (system properties are still read by the SDK). */
    public AwsClients(Map<String, String> environment) {
        this(environment, false);
    }

    private AwsClients(Map<String, String> environment, boolean processEnvironment) {
        this(environment, processEnvironment, List.of());
    }

    private AwsClients(Map<String, String> environment, boolean processEnvironment,
                       List<ExecutionInterceptor> interceptors) {
        this.environment = Map.copyOf(environment);
        this.processEnvironment = processEnvironment;
        this.interceptors = List.copyOf(interceptors);
    }

    /**
     * The same configuration with one more SDK execution interceptor on every client: how tests inject a
     * failure on the Nth call without mocks, and how an operator could add tracing.
     */
    public AwsClients withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> more = new ArrayList<>(interceptors);
        more.add(interceptor);
        return new AwsClients(environment, processEnvironment, more);
    }

    /** The environment these clients are configured from. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The S3 client: built on first use, the same instance afterwards. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            S3ClientBuilder builder = S3Client.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .forcePathStyle(s3EndpointOverride().isPresent())
                    .overrideConfiguration(o -> {
                        o.addExecutionInterceptor(Priming.STOP_BEFORE_TRANSMISSION);
                        interceptors.forEach(o::addExecutionInterceptor);
                    });
            s3EndpointOverride().ifPresent(builder::endpointOverride);
            region().ifPresent(builder::region);
            credentials().ifPresent(builder::credentialsProvider);
            s3 = builder.build();
        }
        return s3;
    }

    /** The DynamoDB client: built on first use, the same instance afterwards. */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> {
                        o.addExecutionInterceptor(Priming.STOP_BEFORE_TRANSMISSION);
                        interceptors.forEach(o::addExecutionInterceptor);
                    });
            dynamoDbEndpointOverride().ifPresent(builder::endpointOverride);
            region().ifPresent(builder::region);
            credentials().ifPresent(builder::credentialsProvider);
            dynamoDb = builder.build();
        }
        return dynamoDb;
    }

    /**
     * A client of the table's stream, for whoever polls it in place of Lambda (the local stack, tests and
     * benchmarks; the functions themselves never read a stream). Its endpoint is the standard
     * {@code AWS_ENDPOINT_URL_DYNAMODB_STREAMS}, else the DynamoDB endpoint override, because DynamoDB Local
     * serves both APIs on one port. The caller closes it.
     */
    public DynamoDbStreamsClient newDynamoDbStreams() {
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
        endpointOverride("aws.endpointUrlDynamoDbStreams", "AWS_ENDPOINT_URL_DYNAMODB_STREAMS")
                .or(this::dynamoDbEndpointOverride).ifPresent(builder::endpointOverride);
        region().ifPresent(builder::region);
        credentials().ifPresent(builder::credentialsProvider);
        return builder.build();
    }

    /** The S3 endpoint override in force, if any, in the SDK's own order of precedence. */
    public Optional<URI> s3EndpointOverride() {
        return endpointOverride("aws.endpointUrlS3", "AWS_ENDPOINT_URL_S3");
    }

    /** The DynamoDB endpoint override in force, if any, in the SDK's own order of precedence. */
    public Optional<URI> dynamoDbEndpointOverride() {
        return endpointOverride("aws.endpointUrlDynamoDb", "AWS_ENDPOINT_URL_DYNAMODB");
    }

    private Optional<URI> endpointOverride(String serviceProperty, String serviceVariable) {
        return firstOf(
                System.getProperty(serviceProperty),
                environment.get(serviceVariable),
                System.getProperty("aws.endpointUrl"),
                environment.get("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    private Optional<Region> region() {
        // Naming the region up front also spares the SDK its provider-chain walk on a cold start.
        return firstOf(System.getProperty("aws.region"), environment.get("AWS_REGION"),
                environment.get("AWS_DEFAULT_REGION")).map(Region::of);
    }

    private Optional<StaticCredentialsProvider> credentials() {
        // Only a map other than the process environment needs this: the SDK reads the real one itself.
        if (processEnvironment) {
            return Optional.empty();
        }
        String accessKey = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey == null || secretKey == null) {
            return Optional.empty();
        }
        return Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }

    private static Optional<String> firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
