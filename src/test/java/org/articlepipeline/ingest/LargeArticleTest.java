package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 10 MB article is ingested inside a 256 MB heap. Surefire runs this class alone in a JVM started with
 * {@code -Xmx256m} (the {@code small-heap} execution in pom.xml), together with the embedded stack.
 */
@Tag("small-heap")
@ExtendWith(SharedEmbeddedStack.class)
class LargeArticleTest {

    @Test
    void tenMegabyteArticleIsProcessedInA256MegabyteHeap(LocalPipeline pipeline) {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * 1024 * 1024 + 64L * 1024 * 1024);
        IngestFixture fixture = new IngestFixture(pipeline);
        StringBuilder text = new StringBuilder("عنوان مقال طويل جدا للاختبار\n\n");
        String paragraph = "قال المتحدث باسم الوزارة إن المحادثات بين الطرفين ستستمر خلال الأسبوع المقبل في العاصمة. ";
        long limit = 10L * 1024 * 1024 - 4096;
        int paragraphs = 0;
        long bytes = text.toString().getBytes(StandardCharsets.UTF_8).length;
        while (bytes < limit) {
            String next = paragraph + paragraphs++ + ".\n\n";
            text.append(next);
            bytes += next.getBytes(StandardCharsets.UTF_8).length;
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(content.length).isBetween(9 * 1024 * 1024, 10 * 1024 * 1024);
        IngestFixture.Upload upload = fixture.upload("incoming/large.txt", content);

        assertThat(fixture.outcome(fixture.invoke(fixture.created(upload)))).isEqualTo("OK");
        assertThat(fixture.record("incoming/large.txt").metadata().paragraphCount()).isGreaterThan(1000);
    }
}
