package org.articlepipeline.e2e;

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
        Map<String, String> environment = LocalPipeline.environmentFor(PipelineSettings.defaults(),
                LOCALSTACK.getEndpoint().toString(), LOCALSTACK.getEndpoint().toString(), LOCALSTACK.getRegion(),
                LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey());
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
