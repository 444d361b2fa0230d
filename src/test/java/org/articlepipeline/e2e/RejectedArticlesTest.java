package org.articlepipeline.e2e;

import static org.articlepipeline.e2e.LookupClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A rejected upload is visible by id and by key with its reason, and listed only when asked for. */
@ExtendWith(SharedEmbeddedStack.class)
class RejectedArticlesTest {

    private static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};

    @Test
    void aRejectedUploadIsAnsweredByKeyAndByIdWithItsReason(LocalPipeline pipeline) throws Exception {
        LookupClient api = new LookupClient(pipeline.apiEndpoint());
        String key = "incoming/rejected-visible/binary.txt";
        upload(pipeline, key, BINARY);
        String id = ArticleId.of(pipeline.settings().bucket(), key);

        JsonNode byKey = api.json("/articles?key=" + encode(key));
        assertThat(byKey.path("id").asText()).isEqualTo(id);
        assertThat(byKey.path("key").asText()).isEqualTo(key);
        assertThat(byKey.path("status").asText()).isEqualTo("REJECTED");
        assertThat(byKey.path("reason").asText()).isEqualTo("binary-content");
        assertThat(byKey.path("reasonDetail").asText()).isNotBlank();
        assertThat(byKey.path("size").asLong()).isEqualTo(BINARY.length);
        assertThat(byKey.path("ingestedAt").asText()).isNotBlank();
        assertThat(api.json("/articles/" + id)).isEqualTo(byKey);
        LookupClient.RawResponse text = api.raw("/articles/" + id + "/text");
        assertThat(text.status()).isEqualTo(404);
        assertThat(api.parse(text.body()).at("/error/message").asText()).contains("rejected").contains("binary-content");
        assertThat(api.raw("/articles/" + id + "/duplicates").status()).isEqualTo(404);
    }

    @Test
    void listingsAndSearchLeaveRejectedUploadsOutUnlessStatusRejectedAsks(LocalPipeline pipeline) throws Exception {
        LookupClient api = new LookupClient(pipeline.apiEndpoint());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "incoming/rejected-listed/zzqqrejected-" + i + ".txt";
            upload(pipeline, key, BINARY);
            keys.add(key);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        List<JsonNode> rejected = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.json("/articles?status=rejected&limit=2&from=" + today
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
            page.path("items").forEach(rejected::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        List<String> listedKeys = rejected.stream().map(item -> item.path("key").asText()).toList();
        assertThat(listedKeys).doesNotHaveDuplicates().containsSubsequence(keys.get(2), keys.get(1), keys.get(0));
        assertThat(rejected).allSatisfy(item -> assertThat(item.path("status").asText()).isEqualTo("REJECTED"));
        List<String> times = rejected.stream().map(item -> item.path("ingestedAt").asText()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        List<String> visibleKeys = new ArrayList<>();
        api.json("/articles?limit=100").path("items").forEach(item -> visibleKeys.add(item.path("key").asText()));
        assertThat(visibleKeys).doesNotContainAnyElementsOf(keys);
        assertThat(api.json("/articles?q=zzqqrejected").path("items")).isEmpty();
        JsonNode ok = api.json("/articles?status=ok&limit=100");
        ok.path("items").forEach(item -> assertThat(item.path("status").asText()).isEqualTo("OK"));
    }

    @Test
    void theRejectedListingTakesOnlyTheParametersThatApplyToIt(LocalPipeline pipeline) throws Exception {
        LookupClient api = new LookupClient(pipeline.apiEndpoint());
        for (String target : List.of("/articles?status=rejected&source=x", "/articles?status=rejected&language=ar",
                "/articles?status=rejected&q=word", "/articles?status=deleted", "/articles?status=rejected&from=2020-02-02&to=2020-02-01")) {
            LookupClient.RawResponse response = api.raw(target);
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(api.parse(response.body()).at("/error/code").asText()).isEqualTo("invalid-parameter");
        }
        String listCursor = api.json("/articles?limit=1").path("nextCursor").asText(null);
        if (listCursor != null) {
            assertThat(api.raw("/articles?status=rejected&cursor=" + encode(listCursor)).status()).isEqualTo(400);
        }
    }

    private static void upload(LocalPipeline pipeline, String key, byte[] content) throws InterruptedException {
        try (S3Client s3 = new AwsClients(pipeline.environment()).s3()) {
            s3.putObject(b -> b.bucket(pipeline.settings().bucket()).key(key), RequestBody.fromBytes(content));
        }
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
    }
}
