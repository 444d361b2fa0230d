package org.articlepipeline.e2e;

import java.util.HashMap;
import java.util.Map;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.local.LocalPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The end-to-end flow with S3 and DynamoDB served by LocalStack, where a Docker engine exists; reported
 * as skipped where none does.
 *
 * <p>The handlers run in this JVM (as on the embedded stack), pointed at LocalStack through the standard
 * endpoint variables. LocalStack cannot call back into this process, so the test reports each upload and
 * delete to the pipeline's event source, which shapes the notification exactly as S3 does.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEndToEndTest extends PipelineEndToEndContract {

    /** Pinned: the {@code latest} image has needed an auth token since March 2026. */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE)
            .withServices("s3", "dynamodb")
            .withEnv(authToken());

    private static LocalPipeline pipeline;

    @BeforeAll
    static void attachPipeline() throws Exception {
        Map<String, String> environment = new HashMap<>();
        PipelineSettings settings = PipelineSettings.defaults();
        environment.put(PipelineSettings.BUCKET_VARIABLE, settings.bucket());
        environment.put(PipelineSettings.INPUT_PREFIX_VARIABLE, settings.inputPrefix());
        environment.put(PipelineSettings.OUTPUT_PREFIX_VARIABLE, settings.outputPrefix());
        environment.put(PipelineSettings.TABLE_VARIABLE, settings.tableName());
        environment.put("AWS_ENDPOINT_URL_S3", LOCALSTACK.getEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", LOCALSTACK.getEndpoint().toString());
        environment.put("AWS_REGION", LOCALSTACK.getRegion());
        environment.put("AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey());
        environment.put("AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey());
        pipeline = LocalPipeline.attach(environment, 0, line -> { });
    }

    @AfterAll
    static void closePipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private static Map<String, String> authToken() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null ? Map.of() : Map.of("LOCALSTACK_AUTH_TOKEN", token);
    }

    @Override
    LocalPipeline pipeline() {
        return pipeline;
    }

    @Override
    void uploaded(String key, PutObjectResponse response, long size) {
        String eTag = response.eTag().replace("\"", "");
        pipeline.events().objectChanged("ObjectCreated:Put", pipeline.settings().bucket(), key, size, eTag);
    }

    @Override
    void deleted(String key) {
        pipeline.events().objectChanged("ObjectRemoved:Delete", pipeline.settings().bucket(), key, null, null);
    }
}
