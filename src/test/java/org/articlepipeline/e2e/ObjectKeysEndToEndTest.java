package org.articlepipeline.e2e;

import static org.articlepipeline.e2e.LookupClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Any key S3 accepts is an article of its own, found by that key, and can touch nothing but its own outputs. */
@ExtendWith(SharedEmbeddedStack.class)
class ObjectKeysEndToEndTest {

    @Test
    void anUploadWhoseKeyNamesAnotherArticlesOutputLeavesThatOutputAlone(LocalPipeline pipeline) throws Exception {
        LookupClient api = new LookupClient(pipeline.apiEndpoint());
        String victim = "incoming/keys-victim.txt";
        String victimId = ArticleId.of(pipeline.settings().bucket(), victim);
        upload(pipeline, victim, "The victim's title\n\nThe victim's own text, a sentence long enough to read as prose."
                + " A second sentence and a third one give it the length of a short news brief.\n");
        String text = api.get("/articles/" + victimId + "/text").body();
        String eTag = api.get("/articles/" + victimId + "/text").headers().firstValue("etag").orElseThrow();

        String attack = "incoming/../" + pipeline.settings().outputPrefix() + victimId + ".txt";
        upload(pipeline, attack, "Injected title\n\nInjected text that must never be served as the victim's article."
                + " A second sentence and a third one give it the length of a short news brief.\n");

        HttpResponse<String> after = api.get("/articles/" + victimId + "/text");
        assertThat(after.body()).isEqualTo(text).doesNotContain("Injected");
        assertThat(after.headers().firstValue("etag")).hasValue(eTag);
        JsonNode attacker = api.json("/articles?key=" + encode(attack));
        assertThat(attacker.path("key").asText()).isEqualTo(attack);
        assertThat(attacker.path("id").asText()).isNotEqualTo(victimId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/keys line\nbreak.txt", "incoming/keys\rreturn\ttab.txt", "incoming/keys/./dot.txt",
            "incoming/keys//double.txt", "incoming/keys %2F percent+plus.txt"})
    void aKeyWithCharactersAPathWouldNotKeepIsFoundByThatKey(String key, LocalPipeline pipeline) throws Exception {
        upload(pipeline, key, "Title of " + key.length() + "\n\nA body with a sentence that reads as prose, for the key test."
                + " A second sentence and a third one give it the length of a short news brief.\n");

        JsonNode article = new LookupClient(pipeline.apiEndpoint()).json("/articles?key=" + encode(key));
        assertThat(article.path("key").asText()).isEqualTo(key);
        assertThat(article.path("id").asText()).isEqualTo(ArticleId.of(pipeline.settings().bucket(), key));
    }

    @Test
    void aKeyOf1024BytesWithALongSegmentIsIngestedAndFound(LocalPipeline pipeline) throws Exception {
        String key = "incoming/keys-long/" + "م".repeat(400) + "/" + "x".repeat(1024 - 19 - 800 - 1);
        assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(1024);
        upload(pipeline, key, "Long key title\n\nA body with a sentence that reads as prose, under a long key."
                + " A second sentence and a third one give it the length of a short news brief.\n");

        assertThat(new LookupClient(pipeline.apiEndpoint()).json("/articles?key=" + encode(key)).path("key").asText())
                .isEqualTo(key);
    }

    private static void upload(LocalPipeline pipeline, String key, String content) throws InterruptedException {
        try (S3Client s3 = new AwsClients(pipeline.environment()).s3()) {
            s3.putObject(b -> b.bucket(pipeline.settings().bucket()).key(key), RequestBody.fromString(content));
        }
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
    }
}
