package org.articlepipeline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The embedded S3 server keeps keys as S3 does: byte for byte, up to 1024 bytes, in memory and in a data
 * folder alike.
 */
class LocalS3KeysTest {

    private static final String BUCKET = "articles";

    /** Keys a file system would collapse, reject or merge; S3 keeps every one distinct. */
    private static final List<String> AWKWARD_KEYS = List.of(
            "normalized/0123456789abcdef01234567.txt",
            "incoming/../normalized/0123456789abcdef01234567.txt",
            "incoming/./story.txt",
            "incoming//story.txt",
            "incoming/story.txt",
            "incoming/story.txt/",
            "incoming/story.txt/inner",
            "/incoming/story.txt",
            "incoming/.",
            "incoming/..",
            "incoming/.hidden",
            "incoming/line\nbreak\r\ttab.txt",
            "incoming/%2e%2e/percent.txt",
            "incoming/مقال جديد+1.txt",
            "incoming/" + "s".repeat(300) + "/long-segment.txt",
            "incoming/" + "م".repeat(507),
            "incoming/" + "x".repeat(1015));

    @ParameterizedTest(name = "data folder: {0}")
    @ValueSource(booleans = {false, true})
    void everyKeyIsStoredExactlyAsGivenAndNothingElseIsOverwritten(boolean withDataFolder, @TempDir Path data)
            throws Exception {
        List<ObjectEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (EmbeddedServices services = EmbeddedServices.start(0, 0, withDataFolder ? data : null, events::add);
             S3Client s3 = s3(services)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            for (String key : AWKWARD_KEYS) {
                assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
                s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("content of " + key));
            }

            for (String key : AWKWARD_KEYS) {
                assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String())
                        .as(key).isEqualTo("content of " + key);
            }
            List<String> listed = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(5)).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(listed).containsExactlyElementsOf(AWKWARD_KEYS.stream()
                    .sorted((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                            b.getBytes(StandardCharsets.UTF_8))).toList());
            // Each notification names the key stored (a retried PUT is notified again, as S3 does).
            assertThat(events).extracting(ObjectEvent::key).containsOnlyElementsOf(AWKWARD_KEYS)
                    .containsAll(AWKWARD_KEYS);
        }
    }

    @Test
    void aDataFolderWrittenBeforeKeysWereStoredExactlyKeepsServingItsObjects(@TempDir Path data) throws Exception {
        // The older layout: the file store written to directly, each object at the path of its key.
        try (org.gaul.s3proxy.blobstore.BlobStore older = new org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore(
                java.nio.file.Files.createDirectories(data.resolve("s3")).toString())) {
            older.createContainer(BUCKET);
            for (String key : List.of("incoming/kept.txt", "normalized/0123456789abcdef01234567.txt")) {
                byte[] content = ("kept " + key).getBytes(StandardCharsets.UTF_8);
                older.putBlob(software.amazon.awssdk.services.s3.model.PutObjectRequest.builder().bucket(BUCKET).key(key)
                        .contentLength((long) content.length).build(), new java.io.ByteArrayInputStream(content));
            }
        }

        try (EmbeddedServices services = EmbeddedServices.start(0, 0, data, event -> { });
             S3Client s3 = s3(services)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("incoming/kept.txt")).asUtf8String())
                    .isEqualTo("kept incoming/kept.txt");
            assertThat(s3.headObject(b -> b.bucket(BUCKET).key("normalized/0123456789abcdef01234567.txt")).eTag())
                    .isNotBlank();
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).extracting(S3Object::key)
                    .containsExactly("incoming/kept.txt", "normalized/0123456789abcdef01234567.txt");
        }
    }

    @Test
    void aKeyOver1024BytesIsRefusedAsS3RefusesIt() throws Exception {
        try (EmbeddedServices services = EmbeddedServices.start(0, 0, null, event -> { });
             S3Client s3 = s3(services)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            String key = "incoming/" + "م".repeat(508);

            assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError");
                    });
        }
    }

    @Test
    void listingsHonourPrefixDelimiterAndStartAfter() throws Exception {
        try (EmbeddedServices services = EmbeddedServices.start(0, 0, null, event -> { });
             S3Client s3 = s3(services)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            for (String key : List.of("incoming/a.txt", "incoming/b/1.txt", "incoming/b/2.txt", "incoming//c.txt",
                    "incoming/d.txt", "normalized/x.txt")) {
                s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
            }

            var page = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("incoming/").delimiter("/"));
            assertThat(page.contents()).extracting(S3Object::key).containsExactly("incoming/a.txt", "incoming/d.txt");
            assertThat(page.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("incoming//", "incoming/b/");
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("incoming/b").startAfter("incoming/b/1.txt"))
                    .contents()).extracting(S3Object::key).containsExactly("incoming/b/2.txt");
            assertThat(Stream.of(s3.listObjects(b -> b.bucket(BUCKET).prefix("norm")).contents().get(0).key()))
                    .containsExactly("normalized/x.txt");
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(0)).contents()).isEmpty();
            assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(BUCKET).continuationToken("not base64!")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    /** The HTTP client the pipeline uses: Apache's rewrites {@code //} in a path after the request was signed. */
    private static S3Client s3(EmbeddedServices services) {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(services.s3Endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY)))
                .build();
    }
}
