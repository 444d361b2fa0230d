package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.NearDuplicate;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exact duplicates by content hash, near duplicates by LSH candidates verified with the fingerprint. */
@ExtendWith(SharedEmbeddedStack.class)
class IngestDuplicatesTest {

    private IngestFixture fixture;
    private String seed;
    private String otherSeed;

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) throws IOException {
        fixture = new IngestFixture(pipeline);
        seed = Files.readString(Path.of("seeds/000_20a56b2a2d200864.txt"), StandardCharsets.UTF_8);
        otherSeed = Files.readString(Path.of("seeds/002_ddc8bb61b41df7f1.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void sameArticleSavedWithOtherPageChromeRecordsTheFirstIdAsDuplicateOf() {
        ingest("incoming/first.txt", seed);
        ingest("incoming/second.txt", seed + "\nالأكثر قراءة\nشارك\n");

        String firstId = fixture.idOf("incoming/first.txt");
        assertThat(fixture.record("incoming/second.txt").metadata().contentHash())
                .isEqualTo(fixture.record("incoming/first.txt").metadata().contentHash());
        assertThat(fixture.record("incoming/second.txt").metadata().duplicateOf()).isEqualTo(firstId);
        assertThat(fixture.record("incoming/first.txt").metadata().duplicateOf()).isNull();
    }

    @Test
    void nearDuplicateIsVisibleFromBothSidesWithItsSimilarity() {
        ingest("incoming/original.txt", seed);
        String edited = seed.replaceFirst("\n\n([^\n]+)\n\n", "\n\n$1 وأضاف مصدر دبلوماسي أن المحادثات ستستمر الأسبوع المقبل.\n\n");
        ingest("incoming/edited.txt", edited);

        String original = fixture.idOf("incoming/original.txt");
        String copy = fixture.idOf("incoming/edited.txt");
        assertThat(fixture.duplicates.nearDuplicatesOf(copy)).extracting(NearDuplicate::id).containsExactly(original);
        assertThat(fixture.duplicates.nearDuplicatesOf(original)).extracting(NearDuplicate::id).containsExactly(copy);
        assertThat(fixture.duplicates.nearDuplicatesOf(copy).get(0).similarity()).isBetween(0.45, 1.0);
    }

    @Test
    void unrelatedArticlesAreNotNearDuplicates() {
        ingest("incoming/a.txt", seed);
        ingest("incoming/b.txt", otherSeed);

        assertThat(fixture.duplicates.nearDuplicatesOf(fixture.idOf("incoming/a.txt"))).isEmpty();
        assertThat(fixture.duplicates.nearDuplicatesOf(fixture.idOf("incoming/b.txt"))).isEmpty();
    }

    @Test
    void deletingAnArticleRemovesItsRelationsOnBothSides() {
        ingest("incoming/keep.txt", seed);
        ingest("incoming/drop.txt", seed + "\nملاحظة المحرر: تم تحديث هذا الخبر.\n");
        String kept = fixture.idOf("incoming/keep.txt");
        assertThat(fixture.duplicates.nearDuplicatesOf(kept)).isNotEmpty();

        fixture.delete("incoming/drop.txt");
        fixture.invoke(fixture.removed("incoming/drop.txt", fixture.nextSequencer()));

        assertThat(fixture.duplicates.nearDuplicatesOf(kept)).isEmpty();
        assertThat(fixture.duplicates.nearDuplicatesOf(fixture.idOf("incoming/drop.txt"))).isEmpty();
    }

    @Test
    void replacingAnArticleWithUnrelatedTextDropsItsOldRelations() {
        ingest("incoming/one.txt", seed);
        ingest("incoming/two.txt", seed);
        assertThat(fixture.duplicates.nearDuplicatesOf(fixture.idOf("incoming/one.txt"))).isNotEmpty();

        ingest("incoming/two.txt", otherSeed);

        assertThat(fixture.duplicates.nearDuplicatesOf(fixture.idOf("incoming/one.txt"))).isEmpty();
        assertThat(fixture.record("incoming/two.txt").metadata().duplicateOf()).isNull();
    }

    private void ingest(String key, String content) {
        IngestFixture.Upload upload = fixture.upload(key, content);
        assertThat(fixture.outcome(fixture.invoke(fixture.created(upload)))).isEqualTo("OK");
    }
}
