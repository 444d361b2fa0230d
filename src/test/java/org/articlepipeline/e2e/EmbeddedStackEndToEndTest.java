package org.articlepipeline.e2e;

import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** The end-to-end flow on the embedded stack, whose S3 server emits the notifications itself. */
@ExtendWith(SharedEmbeddedStack.class)
class EmbeddedStackEndToEndTest extends PipelineEndToEndContract {

    private LocalPipeline pipeline;

    @BeforeEach
    void useSharedStack(LocalPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    LocalPipeline pipeline() {
        return pipeline;
    }

    @Override
    void uploaded(String key, PutObjectResponse response, long size) {
        // the embedded S3 server notifies the ingest handler itself
    }

    @Override
    void deleted(String key) {
        // likewise
    }
}
