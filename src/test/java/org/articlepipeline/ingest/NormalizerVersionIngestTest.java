package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Articles record the normalizer that made them, and a newer normalizer may make them again. */
@ExtendWith(SharedEmbeddedStack.class)
class NormalizerVersionIngestTest {

    private IngestFixture fixture;

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) {
        fixture = new IngestFixture(pipeline);
    }

    @Test
    void itemAndDocumentRecordTheBuildsNormalizerVersion() {
        IngestFixture.Upload upload = fixture.upload("incoming/v.txt", article("Versioned", "A versioned body."));

        assertThat(fixture.outcome(fixture.invoke(fixture.created(upload)))).isEqualTo("OK");

        String id = fixture.idOf("incoming/v.txt");
        assertThat(NormalizerVersion.current()).isPositive();
        assertThat(version(id)).isEqualTo(NormalizerVersion.current());
        assertThat(document(id).path("normalizerVersion").asInt()).isEqualTo(NormalizerVersion.current());
    }

    @Test
    void redeliveredNotificationMadeAgainByANewerNormalizerIsNotStale() {
        IngestFixture.Upload upload = fixture.upload("incoming/re.txt", article("Again", "Made once, then again."));
        fixture.invoke(fixture.handlerAtVersion(3), fixture.created(upload));
        ArticleRecord before = fixture.record("incoming/re.txt");

        JsonNode again = fixture.invoke(fixture.handlerAtVersion(4), fixture.created(upload));

        assertThat(fixture.outcome(again)).isEqualTo("OK");
        String id = fixture.idOf("incoming/re.txt");
        assertThat(version(id)).isEqualTo(4);
        assertThat(document(id).path("normalizerVersion").asInt()).isEqualTo(4);
        assertThat(fixture.record("incoming/re.txt").sequencer()).isEqualTo(before.sequencer());
    }

    @Test
    void olderNormalizerNeverOverwritesANewerOnesOutputOfTheSameEvent() {
        IngestFixture.Upload upload = fixture.upload("incoming/old.txt", article("Newer first", "Body text here."));
        fixture.invoke(fixture.handlerAtVersion(5), fixture.created(upload));

        JsonNode older = fixture.invoke(fixture.handlerAtVersion(4), fixture.created(upload));

        assertThat(fixture.outcome(older)).isEqualTo("STALE");
        assertThat(older.path("outcomes").path(0).path("reason").asText()).isEqualTo("newer-normalizer-applied");
        String id = fixture.idOf("incoming/old.txt");
        assertThat(version(id)).isEqualTo(5);
        assertThat(document(id).path("normalizerVersion").asInt()).isEqualTo(5);
    }

    @Test
    void itemWithoutAVersionCountsAsOlder() {
        IngestFixture.Upload upload = fixture.upload("incoming/legacy.txt", article("Legacy", "Written long ago."));
        fixture.invoke(fixture.handlerAtVersion(1), fixture.created(upload));
        String id = fixture.idOf("incoming/legacy.txt");
        // As an earlier release wrote it: no version at all.
        fixture.dynamoDb.updateItem(b -> b.tableName(fixture.settings.tableName()).key(ArticleRepository.articleKey(id))
                .updateExpression("REMOVE normalizerVersion"));

        assertThat(fixture.outcome(fixture.invoke(fixture.handlerAtVersion(1), fixture.created(upload)))).isEqualTo("OK");
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void eventWithoutSequencerRemakesAnOutdatedArticleOfTheSameObjectAtItsSequencer() {
        IngestFixture.Upload upload = fixture.upload("incoming/bo.txt", article("Batch", "Made again by a task."));
        fixture.invoke(fixture.handlerAtVersion(1), fixture.created(upload));
        String sequencer = fixture.record("incoming/bo.txt").sequencer();

        JsonNode response = fixture.invoke(fixture.handlerAtVersion(2), batchTask("incoming/bo.txt"));

        assertThat(response.path("results").path(0).path("resultString").asText()).startsWith("OK");
        assertThat(version(fixture.idOf("incoming/bo.txt"))).isEqualTo(2);
        assertThat(fixture.record("incoming/bo.txt").sequencer()).isEqualTo(sequencer);
    }

    @Test
    void eventWithoutSequencerStillNeverOverridesAnUpToDateOrChangedArticle() {
        IngestFixture.Upload current = fixture.upload("incoming/cur.txt", article("Current", "Up to date."));
        fixture.invoke(fixture.handlerAtVersion(2), fixture.created(current));
        IngestFixture.Upload first = fixture.upload("incoming/chg.txt", article("First", "The first content."));
        fixture.invoke(fixture.handlerAtVersion(1), fixture.created(first));
        // The object changes, and its notification has not arrived: the stored article is of other content.
        fixture.upload("incoming/chg.txt", article("Second", "The second content."));

        JsonNode upToDate = fixture.invoke(fixture.handlerAtVersion(2), batchTask("incoming/cur.txt"));
        JsonNode changed = fixture.invoke(fixture.handlerAtVersion(2), batchTask("incoming/chg.txt"));

        assertThat(upToDate.path("results").path(0).path("resultString").asText()).startsWith("STALE");
        assertThat(changed.path("results").path(0).path("resultString").asText()).startsWith("STALE");
        assertThat(fixture.record("incoming/chg.txt").metadata().title()).isEqualTo("First");
        assertThat(version(fixture.idOf("incoming/chg.txt"))).isEqualTo(1);
    }

    private ObjectNode batchTask(String key) {
        ObjectNode invocation = IngestFixture.mapper().createObjectNode()
                .put("invocationSchemaVersion", "2.0").put("invocationId", "dmVyc2lvbg");
        invocation.putArray("tasks").addObject().put("taskId", "t-1").put("s3Bucket", fixture.settings.bucket())
                .put("s3Key", key);
        return invocation;
    }

    private int version(String id) {
        Map<String, AttributeValue> item = fixture.dynamoDb.getItem(b -> b.tableName(fixture.settings.tableName())
                .key(ArticleRepository.articleKey(id))).item();
        return Integer.parseInt(item.get("normalizerVersion").n());
    }

    private JsonNode document(String id) {
        try {
            return IngestFixture.mapper().readTree(fixture.s3.getObjectAsBytes(b -> b.bucket(fixture.settings.bucket())
                    .key(fixture.settings.outputPrefix() + id + ".json")).asByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String article(String title, String body) {
        return IngestOrderingAndIdempotencyTest.article(title, body);
    }
}
