package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleStatus;
import org.articlepipeline.testing.SdkCalls;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input is a permanent, recorded outcome; a transient failure is thrown and its retry converges. */
@ExtendWith(SharedEmbeddedStack.class)
class IngestFailuresTest {

    private IngestFixture fixture;

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) {
        fixture = new IngestFixture(pipeline);
    }

    @Test
    void binaryFileIsRejectedWithAReasonAndTheOriginalStays() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n\u0000\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        IngestFixture.Upload upload = fixture.upload("incoming/scan.pdf", pdf);

        JsonNode response = fixture.invoke(fixture.created(upload));

        assertThat(fixture.outcome(response)).isEqualTo("REJECTED");
        ArticleRecord record = fixture.record("incoming/scan.pdf");
        assertThat(record.status()).isEqualTo(ArticleStatus.REJECTED);
        assertThat(record.reason()).isNotBlank();
        assertThat(fixture.s3.getObjectAsBytes(b -> b.bucket(fixture.settings.bucket()).key("incoming/scan.pdf"))
                .asByteArray()).isEqualTo(pdf);
        assertThat(fixture.outputExists(record.id(), ".txt")).isFalse();
    }

    @Test
    void emptyFileIsRejectedAsEmpty() {
        IngestFixture.Upload upload = fixture.upload("incoming/empty.txt", new byte[0]);

        fixture.invoke(fixture.created(upload));

        assertThat(fixture.record("incoming/empty.txt").reason()).isEqualTo("empty");
    }

    @Test
    void tooShortAnArticleIsRejectedAsNoArticleTextUnlessTheEnvironmentLowersTheMinimum() {
        String page = "Minister visits Cairo\n\nThe minister arrived in Cairo on Monday.\n";
        IngestFixture.Upload strict = fixture.upload("incoming/brief.txt", page);
        IngestFixture.Upload lenient = fixture.upload("incoming/brief-lenient.txt", page);
        Map<String, String> fiveWords = new HashMap<>(fixture.environment);
        fiveWords.put(IngestHandler.MIN_ARTICLE_WORDS_VARIABLE, "5");

        fixture.invoke(fixture.created(strict));
        fixture.invoke(new IngestHandler(fiveWords), fixture.created(lenient));

        ArticleRecord rejected = fixture.record("incoming/brief.txt");
        assertThat(rejected.reason()).isEqualTo("no-article-text");
        assertThat(rejected.reasonDetail()).contains("7 words");
        assertThat(fixture.record("incoming/brief-lenient.txt").status()).isEqualTo(ArticleStatus.OK);
    }

    @Test
    void aMinimumThatIsNotANumberStopsTheFunctionFromStarting() {
        Map<String, String> wrong = new HashMap<>(fixture.environment);
        wrong.put(IngestHandler.MIN_ARTICLE_WORDS_VARIABLE, "twenty");

        assertThatThrownBy(() -> new IngestHandler(wrong)).hasMessageContaining("MIN_ARTICLE_WORDS");
    }

    @Test
    void objectLargerThanTheCapIsRejectedFromTheEventAloneWithoutDownloading() {
        Map<String, String> small = new HashMap<>(fixture.environment);
        small.put(IngestHandler.MAX_ARTICLE_BYTES_VARIABLE, "100");
        IngestFixture.Upload upload = fixture.upload("incoming/big.txt", "x".repeat(500));
        AtomicInteger gets = new AtomicInteger();
        IngestHandler handler = new IngestHandler(new org.articlepipeline.aws.AwsClients(small)
                .withInterceptor(SdkCalls.counting("GetObject", gets)), small);

        JsonNode response = fixture.invoke(handler, fixture.created(upload));

        assertThat(fixture.outcome(response)).isEqualTo("REJECTED");
        assertThat(fixture.record("incoming/big.txt").reason()).isEqualTo("too-large");
        assertThat(gets).hasValue(0);
    }

    @Test
    void rejectedReuploadTakesThePreviousVersionOutOfEveryLookupPath() {
        IngestFixture.Upload good = fixture.upload("incoming/flip.txt", IngestOrderingAndIdempotencyTest.article("Good", "Body."));
        fixture.invoke(fixture.created(good));
        String id = fixture.idOf("incoming/flip.txt");
        IngestFixture.Upload bad = fixture.upload("incoming/flip.txt", new byte[0]);

        fixture.invoke(fixture.created(bad));

        assertThat(fixture.record("incoming/flip.txt").status()).isEqualTo(ArticleStatus.REJECTED);
        assertThat(fixture.outputExists(id, ".txt")).isFalse();
        assertThat(fixture.listedIds()).doesNotContain(id);
    }

    @Test
    void failureOnAnyCallThenARetryConvergesToTheSameState() {
        String body = IngestOrderingAndIdempotencyTest.article("Converge", "The retried event must converge.");
        IngestFixture reference = fixture;
        IngestFixture.Upload once = reference.upload("incoming/ref.txt", body);
        AtomicInteger calls = new AtomicInteger();
        reference.invoke(reference.handlerWith(SdkCalls.counting(null, calls)), reference.created(once));
        ArticleRecord expected = reference.record("incoming/ref.txt");
        int total = calls.get();
        assertThat(total).isGreaterThan(3);

        for (int failAt = 1; failAt <= total; failAt += Math.max(1, total / 12)) {
            String key = "incoming/retry-" + failAt + ".txt";
            IngestFixture.Upload upload = fixture.upload(key, body);
            JsonNode event = fixture.created(upload);
            int nth = failAt;
            assertThatThrownBy(() -> fixture.invoke(fixture.handlerWith(SdkCalls.failingOn(nth)), event))
                    .as("failure injected on call %d", nth).hasMessageContaining("injected");

            JsonNode retried = fixture.invoke(event);

            assertThat(fixture.outcome(retried)).as("retry after failure on call %d", nth).isEqualTo("OK");
            ArticleRecord record = fixture.record(key);
            assertThat(record.metadata().title()).isEqualTo(expected.metadata().title());
            assertThat(record.metadata().contentHash()).isEqualTo(expected.metadata().contentHash());
            assertThat(fixture.outputText(record.id())).isEqualTo(reference.outputText(expected.id()));
            assertThat(fixture.outputExists(record.id(), ".json")).isTrue();
        }
    }
}
