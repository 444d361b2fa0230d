package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleStatus;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exactly-once effect on at-least-once, unordered delivery. */
@ExtendWith(SharedEmbeddedStack.class)
class IngestOrderingAndIdempotencyTest {

    private IngestFixture fixture;

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) {
        fixture = new IngestFixture(pipeline);
    }

    @Test
    void sameEventDeliveredTwiceLeavesOneItemAndIdenticalOutputs() {
        IngestFixture.Upload upload = fixture.upload("incoming/a.txt", article("Title one", "First body sentence."));
        JsonNode first = fixture.invoke(fixture.created(upload));
        String id = fixture.idOf("incoming/a.txt");
        ArticleRecord once = fixture.record("incoming/a.txt");
        String textOnce = fixture.outputText(id);

        JsonNode second = fixture.invoke(fixture.created(upload));

        assertThat(fixture.outcome(first)).isEqualTo("OK");
        assertThat(fixture.outcome(second)).isEqualTo("OK");
        ArticleRecord twice = fixture.record("incoming/a.txt");
        assertThat(twice.metadata()).isEqualTo(once.metadata());
        assertThat(twice.sequencer()).isEqualTo(once.sequencer());
        assertThat(fixture.outputText(id)).isEqualTo(textOnce);
    }

    @Test
    void staleCreateNeverOverwritesANewerCreate() {
        IngestFixture.Upload older = fixture.upload("incoming/b.txt", article("Old title", "Old body text."));
        IngestFixture.Upload newer = fixture.upload("incoming/b.txt", article("New title", "New body text."));

        assertThat(fixture.outcome(fixture.invoke(fixture.created(newer)))).isEqualTo("OK");
        // Without an ETag in the event the object reads fine, so only the sequencer can refuse it.
        JsonNode stale = fixture.invoke(fixture.notification("ObjectCreated:Put", older.key(), older.size(), null,
                older.sequencer()));

        assertThat(fixture.outcome(stale)).isEqualTo("STALE");

        ArticleRecord record = fixture.record("incoming/b.txt");
        assertThat(record.metadata().title()).isEqualTo("New title");
        assertThat(fixture.outputText(record.id())).contains("New body text.");
    }

    @Test
    void createWhoseObjectWasReplacedSinceIsSupersededNotAnError() {
        IngestFixture.Upload older = fixture.upload("incoming/c.txt", article("Old title", "Old body text."));
        fixture.upload("incoming/c.txt", article("New title", "New body text."));

        // The older event names an ETag the bucket no longer holds: its content is gone.
        assertThat(fixture.outcome(fixture.invoke(fixture.created(older)))).isEqualTo("SUPERSEDED");
        assertThat(fixture.repository.find(fixture.idOf("incoming/c.txt"))).isEmpty();
    }

    @Test
    void objectAlreadyDeletedWhenItsCreateIsProcessedIsSuperseded() {
        IngestFixture.Upload upload = fixture.upload("incoming/gone.txt", article("Gone", "Gone soon."));
        fixture.delete("incoming/gone.txt");

        assertThat(fixture.outcome(fixture.invoke(fixture.created(upload)))).isEqualTo("SUPERSEDED");
    }

    @Test
    void deleteRemovesTheArticleAndItsOutputs() {
        IngestFixture.Upload upload = fixture.upload("incoming/d.txt", article("Delete me", "Body to delete."));
        fixture.invoke(fixture.created(upload));
        String id = fixture.idOf("incoming/d.txt");
        assertThat(fixture.outputExists(id, ".txt")).isTrue();

        fixture.delete("incoming/d.txt");
        JsonNode response = fixture.invoke(fixture.removed("incoming/d.txt", fixture.nextSequencer()));

        assertThat(fixture.outcome(response)).isEqualTo("DELETED");
        assertThat(fixture.record("incoming/d.txt").status()).isEqualTo(ArticleStatus.DELETED);
        assertThat(fixture.outputExists(id, ".txt")).isFalse();
        assertThat(fixture.outputExists(id, ".json")).isFalse();
        assertThat(fixture.listedIds()).doesNotContain(id);
    }

    @Test
    void staleDeleteDoesNotRemoveANewerCreate() {
        String deleteSequencer = fixture.nextSequencer();
        IngestFixture.Upload upload = fixture.upload("incoming/e.txt", article("Kept", "Kept body."));
        fixture.invoke(fixture.created(upload));

        JsonNode response = fixture.invoke(fixture.removed("incoming/e.txt", deleteSequencer));

        assertThat(fixture.outcome(response)).isEqualTo("STALE");
        assertThat(fixture.record("incoming/e.txt").status()).isEqualTo(ArticleStatus.OK);
        assertThat(fixture.outputExists(fixture.idOf("incoming/e.txt"), ".txt")).isTrue();
    }

    @Test
    void lateCreateAfterDeleteStaysDeleted() {
        IngestFixture.Upload upload = fixture.upload("incoming/f.txt", article("Late", "Late body."));
        fixture.delete("incoming/f.txt");
        fixture.invoke(fixture.removed("incoming/f.txt", fixture.nextSequencer()));
        // Put the object back so only the sequencer can tell the create is stale.
        fixture.upload("incoming/f.txt", article("Late", "Late body."));

        assertThat(fixture.outcome(fixture.invoke(fixture.created(upload)))).isEqualTo("STALE");
        assertThat(fixture.record("incoming/f.txt").status()).isEqualTo(ArticleStatus.DELETED);
    }

    @Test
    void reuploadWithNewContentReplacesTheArticleEverywhere() {
        IngestFixture.Upload first = fixture.upload("incoming/g.txt", article("First version", "Alpha body."));
        fixture.invoke(fixture.created(first));
        String firstHash = fixture.record("incoming/g.txt").metadata().contentHash();
        IngestFixture.Upload second = fixture.upload("incoming/g.txt", article("Second version", "Beta body."));

        fixture.invoke(fixture.created(second));

        ArticleRecord record = fixture.record("incoming/g.txt");
        assertThat(record.metadata().title()).isEqualTo("Second version");
        assertThat(record.metadata().contentHash()).isNotEqualTo(firstHash);
        assertThat(record.eTag()).isEqualTo(second.eTag());
        assertThat(fixture.outputText(record.id())).contains("Beta body.").doesNotContain("Alpha");
        assertThat(fixture.listedIds()).containsOnlyOnce(record.id());
    }

    @Test
    void sequencersOfDifferentLengthsCompareAfterLeftPadding() {
        IngestFixture.Upload older = fixture.upload("incoming/h.txt", article("Short sequencer", "Older body."));
        IngestFixture.Upload newer = fixture.upload("incoming/h.txt", article("Long sequencer", "Newer body."));
        // "FF" sorts after "0100" as text, but 0xFF < 0x100: only padding tells them apart.
        fixture.invoke(fixture.notification("ObjectCreated:Put", newer.key(), newer.size(), newer.eTag(), "0100"));

        JsonNode stale = fixture.invoke(fixture.notification("ObjectCreated:Put", older.key(), older.size(), null, "FF"));

        assertThat(fixture.outcome(stale)).isEqualTo("STALE");
        assertThat(fixture.record("incoming/h.txt").metadata().title()).isEqualTo("Long sequencer");
    }

    static String article(String title, String body) {
        // At least 20 words, the normalizer's minimum for an article.
        return title + "\n\n" + body + " It has a second sentence so that it reads as prose."
                + " A third sentence gives it the length of a short news brief.\n";
    }
}
