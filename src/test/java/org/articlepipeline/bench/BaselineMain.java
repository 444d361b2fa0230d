package org.articlepipeline.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Child JVM of {@link ColdStartBench}: the floor a handler is measured against. It builds the same two
 * SDK clients the handlers use (endpoints, region and credentials from the environment) and makes one
 * call with each, then announces {@code handled}.
 *
 * <p>Usage: {@code BaselineMain <url|crt> <chain|env> <key>}: the HTTP client (crt needs
 * {@code aws-crt-client} on the class path), the credentials provider (the SDK's default chain or the
 * environment provider alone) and the object key to read.
 */
public final class BaselineMain {

    private BaselineMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        boolean crt = args[0].equals("crt");
        AwsCredentialsProvider credentials = args[1].equals("env")
                ? EnvironmentVariableCredentialsProvider.create() : DefaultCredentialsProvider.builder().build();
        Region region = Region.of(env.get("AWS_REGION"));
        S3Client s3 = S3Client.builder().httpClient(http(crt)).region(region).credentialsProvider(credentials)
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_S3"))).forcePathStyle(true).build();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http(crt)).region(region)
                .credentialsProvider(credentials).endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB"))).build();
        System.out.println("constructed");
        int bytes = s3.getObjectAsBytes(b -> b.bucket(env.get("ARTICLES_BUCKET")).key(args[2])).asByteArray().length;
        int items = dynamoDb.getItem(b -> b.tableName(env.get("ARTICLES_TABLE"))
                .key(Map.of("pk", AttributeValue.fromS("A#baseline"), "sk", AttributeValue.fromS("A")))).item().size();
        System.out.println("handled " + bytes + " bytes, " + items + " attributes");
        System.out.flush();
        System.exit(0);
    }

    private static SdkHttpClient http(boolean crt) throws Exception {
        if (!crt) {
            return UrlConnectionHttpClient.create();
        }
        // Reflection: the CRT client is only on the class path for this measurement, never a dependency.
        return (SdkHttpClient) Class.forName("software.amazon.awssdk.http.crt.AwsCrtHttpClient").getMethod("create").invoke(null);
    }
}
