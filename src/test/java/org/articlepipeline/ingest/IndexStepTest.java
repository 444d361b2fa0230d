package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlepipeline.index.event.ItemChange;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.NearDuplicate;
import org.articlepipeline.store.SearchIndex;
import org.articlepipeline.store.SourceCounts;
import org.articlepipeline.store.TableLayout;
import org.articlepipeline.testing.SdkCalls;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The index step, as the table's stream drives it: a failed record is named and the records after it
 * wait; a retried record converges whichever call failed; changes the step does not index cost nothing.
 */
@ExtendWith(SharedEmbeddedStack.class)
class IndexStepTest {

    private LocalPipeline pipeline;
    private String seed;

    @BeforeEach
    void readSeed(LocalPipeline pipeline) throws IOException {
        this.pipeline = pipeline;
        seed = Files.readString(Path.of("seeds/000_20a56b2a2d200864.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void failureOnAnyIndexCallThenTheRetriedRecordConvergesToTheSameIndexes() {
        Staged reference = stage();
        AtomicInteger calls = new AtomicInteger();
        JsonNode answer = reference.fixture.deliver(reference.fixture.indexHandlerWith(SdkCalls.counting(null, calls)), List.of(reference.change));
        assertThat(answer.path("batchItemFailures")).isEmpty();
        reference.assertIndexed();
        int total = calls.get();
        assertThat(total).as("index calls for one near-duplicate article").isGreaterThan(5);

        for (int failAt = 1; failAt <= total; failAt += Math.max(1, total / 8)) {
            Staged staged = stage();
            JsonNode failed = staged.fixture.deliver(staged.fixture.indexHandlerWith(SdkCalls.failingOn(failAt)), List.of(staged.change));
            assertThat(failed.path("batchItemFailures").path(0).path("itemIdentifier").asText())
                    .as("failure on call %d names the record", failAt).isEqualTo(staged.change.sequenceNumber());

            JsonNode retried = staged.fixture.deliver(staged.fixture.indexHandlerWith(SdkCalls.counting(null, new AtomicInteger())),
                    List.of(staged.change));

            assertThat(retried.path("batchItemFailures")).as("retry after failure on call %d", failAt).isEmpty();
            staged.assertIndexed();
        }
    }

    @Test
    void aFailedRecordIsNamedAndTheRecordsAfterItWaitForItsRetry() {
        IngestFixture fixture = new IngestFixture(pipeline);
        String first = "incoming/first-" + System.nanoTime() + ".txt";
        String second = "incoming/second-" + System.nanoTime() + ".txt";
        fixture.invokeWithoutIndexing(fixture.created(fixture.upload(first, IngestOrderingAndIdempotencyTest.article("First", "Alphaword here."))));
        fixture.invokeWithoutIndexing(fixture.created(fixture.upload(second, IngestOrderingAndIdempotencyTest.article("Second", "Betaword here."))));
        List<ItemChange> batch = List.of(fixture.insertOf(first, "100"), fixture.insertOf(second, "101"));

        JsonNode failed = fixture.deliver(fixture.indexHandlerWith(SdkCalls.failingOn(1)), batch);

        assertThat(failed.path("batchItemFailures")).hasSize(1);
        assertThat(failed.path("batchItemFailures").path(0).path("itemIdentifier").asText()).isEqualTo("100");
        assertThat(search(fixture, "betaword")).as("the record after the failed one is not applied").isEmpty();

        JsonNode retried = fixture.deliver(fixture.indexHandlerWith(SdkCalls.counting(null, new AtomicInteger())), batch);

        assertThat(retried.path("batchItemFailures")).isEmpty();
        assertThat(search(fixture, "alphaword")).containsExactly(fixture.idOf(first));
        assertThat(search(fixture, "betaword")).containsExactly(fixture.idOf(second));
    }

    @Test
    void aChangeThatOnlyMarksTheArticleAsADuplicateIsNotIndexedAgain() {
        IngestFixture fixture = new IngestFixture(pipeline);
        fixture.invoke(fixture.created(fixture.upload("incoming/original.txt", seed)));
        fixture.invoke(fixture.created(fixture.upload("incoming/copy.txt", seed + "\nشارك\n")));
        ItemChange now = fixture.insertOf("incoming/copy.txt", "200");
        assertThat(now.newImage()).containsKey("duplicateOf");
        Map<String, AttributeValue> before = new java.util.HashMap<>(now.newImage());
        before.remove("duplicateOf");
        ItemChange marked = new ItemChange("MODIFY", "201", now.keys(), before, now.newImage());
        AtomicInteger calls = new AtomicInteger();

        JsonNode answer = fixture.deliver(fixture.indexHandlerWith(SdkCalls.counting(null, calls)), List.of(marked));

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(calls).as("requests for an annotation-only change").hasValue(0);
    }

    @Test
    void recordsOfItemsOtherThanArticlesAreSkippedWithoutARequest() {
        IngestFixture fixture = new IngestFixture(pipeline);
        Map<String, AttributeValue> bandKey = Map.of(TableLayout.PK, AttributeValue.fromS(TableLayout.bandPk(3, "abcd")),
                TableLayout.SK, AttributeValue.fromS("0123456789abcdef01234567"));
        AtomicInteger calls = new AtomicInteger();

        JsonNode answer = fixture.deliver(fixture.indexHandlerWith(SdkCalls.counting(null, calls)),
                List.of(new ItemChange("INSERT", "300", bandKey, Map.of(), bandKey)));

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(calls).hasValue(0);
    }

    /** A table holding an indexed original and an ingested, not yet indexed, edited copy of it. */
    private Staged stage() {
        IngestFixture fixture = new IngestFixture(pipeline);
        fixture.invoke(fixture.created(fixture.upload("incoming/original.txt", seed)));
        String edited = seed.replaceFirst("\n\n([^\n]+)\n\n", "\n\n$1 وأضاف مصدر دبلوماسي أن المحادثات ستستمر الأسبوع المقبل.\n\n");
        fixture.invokeWithoutIndexing(fixture.created(fixture.upload("incoming/edited.txt", edited)));
        return new Staged(fixture, fixture.insertOf("incoming/edited.txt", "4200000000000000000001"));
    }

    private record Staged(IngestFixture fixture, ItemChange change) {

        /** The edited copy is a near duplicate of the original, findable by its words, counted once. */
        void assertIndexed() {
            String original = fixture.idOf("incoming/original.txt");
            String copy = fixture.idOf("incoming/edited.txt");
            assertThat(fixture.duplicates.nearDuplicatesOf(copy)).extracting(NearDuplicate::id).containsExactly(original);
            assertThat(fixture.duplicates.nearDuplicatesOf(original)).extracting(NearDuplicate::id).containsExactly(copy);
            assertThat(search(fixture, "دبلوماسي")).containsExactly(copy);
            ArticleRecord record = fixture.record("incoming/edited.txt");
            assertThat(record.metadata().duplicateOf()).isNull();
            List<SourceCounts.Source> sources = new SourceCounts(fixture.dynamoDb, fixture.settings.tableName()).all();
            assertThat(sources).singleElement().satisfies(s -> assertThat(s.count()).as("articles of " + s.name()).isEqualTo(2));
        }
    }

    private static List<String> search(IngestFixture fixture, String word) {
        return new SearchIndex(fixture.dynamoDb, fixture.settings.tableName(), fixture.repository)
                .search(SearchIndex.queryTerms(word), 10, null).items().stream().map(ArticleRecord::id).toList();
    }
}
