package org.articlepipeline.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK clients the handlers use, through the SDK's standard configuration chain.
 *
 * <p>Region, credentials and endpoints come from the usual places (environment, system properties,
 * profile), so the standard endpoint overrides ({@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL}, or the {@code aws.endpointUrl*} system
 * properties) point the same code at the local stack, at LocalStack or at AWS. The only thing this class
 * adds is path-style S3 addressing when an S3 endpoint override is set: S3-compatible servers on
 * loopback have no wildcard DNS for virtual-hosted buckets.
 */
public final class AwsClients {

    private final Map<String, String> environment;

    /** Clients configured from this process's environment and system properties. */
    public AwsClients() {
        this(System.getenv());
    }

    /** Clients configured from the given environment (system properties are still read by the SDK). */
    public AwsClients(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public S3Client s3() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(s3EndpointOverride().isPresent())
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The S3 endpoint override in force, if any, in the SDK's own order of precedence. */
    public Optional<URI> s3EndpointOverride() {
        return firstOf(
                System.getProperty("aws.endpointUrlS3"),
                environment.get("AWS_ENDPOINT_URL_S3"),
                System.getProperty("aws.endpointUrl"),
                environment.get("AWS_ENDPOINT_URL"))
                .map(URI::create);
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
