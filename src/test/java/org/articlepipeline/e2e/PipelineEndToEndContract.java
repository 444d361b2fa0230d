package org.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The user's flow, end to end: upload the seeds through the S3 API, wait for their events to be
 * processed, read them back over HTTP, delete one, see it gone.
 *
 * <p>Each subclass runs it on one stack: the embedded one, and LocalStack where Docker exists.
 */
abstract class PipelineEndToEndContract {

    private static final Path SEEDS = Path.of("seeds");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    /** The pipeline under test. */
    abstract LocalPipeline pipeline();

    /** Called after each upload, for stacks whose S3 emits no notifications to this process. */
    abstract void uploaded(String key, PutObjectResponse response, long size);

    /** Called after each delete, likewise. */
    abstract void deleted(String key);

    @Test
    void seedsUploadedThroughS3AreListedReadableAndGoneOnceDeleted() throws Exception {
        String folder = pipeline().settings().inputPrefix() + "e2e-" + System.nanoTime() + "/";
        List<String> keys = new ArrayList<>();
        try (S3Client s3 = new AwsClients(pipeline().environment()).s3(); Stream<Path> seeds = Files.list(SEEDS)) {
            for (Path seed : seeds.sorted().toList()) {
                String key = folder + seed.getFileName();
                PutObjectResponse put = s3.putObject(b -> b.bucket(pipeline().settings().bucket()).key(key),
                        RequestBody.fromFile(seed));
                uploaded(key, put, Files.size(seed));
                keys.add(key);
            }
            assertThat(keys).hasSize(5);

            for (String key : keys) {
                JsonNode article = awaitJson("/articles?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
                        response -> response.statusCode() == 200);
                assertThat(article.path("id").asText()).isEqualTo(ArticleId.of(pipeline().settings().bucket(), key));
                assertThat(article.path("title").asText()).isNotBlank();
                assertThat(article.path("status").asText()).isEqualTo("OK");

                HttpResponse<String> text = get(article.path("textUrl").asText());
                assertThat(text.statusCode()).isEqualTo(200);
                assertThat(text.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
                assertThat(text.body()).isNotBlank().doesNotStartWith(article.path("title").asText());
            }

            JsonNode listing = mapper.readTree(get("/articles?limit=100").body());
            List<String> listedKeys = new ArrayList<>();
            listing.path("items").forEach(item -> listedKeys.add(item.path("key").asText()));
            assertThat(listedKeys).containsAll(keys);

            String gone = keys.get(2);
            String goneId = ArticleId.of(pipeline().settings().bucket(), gone);
            s3.deleteObject(b -> b.bucket(pipeline().settings().bucket()).key(gone));
            deleted(gone);
            awaitJson("/articles/" + goneId, response -> response.statusCode() == 404);
            assertThat(get("/articles/" + goneId + "/text").statusCode()).isEqualTo(404);
            JsonNode after = mapper.readTree(get("/articles?limit=100").body());
            List<String> remaining = new ArrayList<>();
            after.path("items").forEach(item -> remaining.add(item.path("key").asText()));
            assertThat(remaining).doesNotContain(gone).contains(keys.get(0), keys.get(4));
        }
    }

    @Test
    void anHtmlPageUploadedThroughS3IsListedWithItsTitleAndFormatHtml() throws Exception {
        String key = pipeline().settings().inputPrefix() + "e2e-" + System.nanoTime() + "/bridge.html";
        String page = "<!doctype html><html><head><title>Bridge reopens to cyclists | Town Post</title></head><body>"
                + "<nav><a href=/>Home</a> <a href=/local>Local</a></nav><article><h1>Bridge reopens to cyclists</h1>"
                + "<p>The council voted on Tuesday to reopen the old river bridge to cyclists, after two years of"
                + " repairs that cost more than the town had planned.</p><p>Engineers said the steel frame had rusted"
                + " faster than expected, and that the new deck would carry bicycles and people on foot.</p></article>"
                + "<footer>All rights reserved.</footer></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        try (S3Client s3 = new AwsClients(pipeline().environment()).s3()) {
            PutObjectResponse put = s3.putObject(b -> b.bucket(pipeline().settings().bucket()).key(key)
                    .contentType("text/html; charset=utf-8"), RequestBody.fromBytes(bytes));
            uploaded(key, put, bytes.length);

            JsonNode article = awaitJson("/articles?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
                    response -> response.statusCode() == 200);
            assertThat(article.path("title").asText()).isEqualTo("Bridge reopens to cyclists");
            assertThat(article.path("format").asText()).isEqualTo("html");
            String text = get(article.path("textUrl").asText()).body();
            assertThat(text).contains("rusted faster").doesNotContain("Home", "All rights reserved");

            JsonNode listing = mapper.readTree(get("/articles?limit=100").body());
            List<JsonNode> listed = new ArrayList<>();
            listing.path("items").forEach(item -> {
                if (item.path("key").asText().equals(key)) {
                    listed.add(item);
                }
            });
            assertThat(listed).singleElement().satisfies(item -> {
                assertThat(item.path("title").asText()).isEqualTo("Bridge reopens to cyclists");
                assertThat(item.path("format").asText()).isEqualTo("html");
            });
            s3.deleteObject(b -> b.bucket(pipeline().settings().bucket()).key(key));
            deleted(key);
        }
    }

    private JsonNode awaitJson(String path, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        HttpResponse<String> response = get(path);
        while (!done.test(response) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            response = get(path);
        }
        assertThat(done.test(response)).as("%s answered %s: %s", path, response.statusCode(), response.body()).isTrue();
        return mapper.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(pipeline().apiEndpoint() + path))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
