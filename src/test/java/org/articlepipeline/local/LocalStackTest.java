package org.articlepipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.store.ArticleId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class LocalStackTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void notificationHasTheShapeAwsSendsWithAFormEncodedKey() throws Exception {
        List<byte[]> delivered = new ArrayList<>();
        S3EventSource source = new S3EventSource("articles", "incoming/", "us-east-1", delivered::add, Clock.systemUTC());

        JsonNode event = mapper.readTree(source.notification(
                new ObjectEvent("ObjectCreated:Put", "articles", "incoming/مقال جديد+1.txt", 12L, "abc"), "0A"));

        JsonNode record = event.path("Records").get(0);
        assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo("articles");
        JsonNode object = record.path("s3").path("object");
        assertThat(object.path("key").asText())
                .isEqualTo("incoming/%D9%85%D9%82%D8%A7%D9%84+%D8%AC%D8%AF%D9%8A%D8%AF%2B1.txt");
        assertThat(object.path("size").asLong()).isEqualTo(12);
        assertThat(object.path("eTag").asText()).isEqualTo("abc");
        assertThat(object.path("sequencer").asText()).isEqualTo("0A");
        source.close();
    }

    @Test
    void changesOutsideTheInputPrefixOrBucketProduceNoEvent() throws Exception {
        List<byte[]> delivered = new ArrayList<>();
        S3EventSource source = new S3EventSource("articles", "incoming/", "us-east-1", delivered::add, Clock.systemUTC());

        source.objectChanged("ObjectCreated:Put", "articles", "normalized/x.txt", 1L, "e");
        source.objectChanged("ObjectCreated:Put", "other", "incoming/x.txt", 1L, "e");
        source.objectChanged("ObjectCreated:Put", "articles", "incoming/x.txt", 1L, "e");
        source.awaitIdle(5_000);

        assertThat(delivered).hasSize(1);
        source.close();
    }

    @Test
    void sequencersGrowInTheOrderChangesHappen() throws Exception {
        List<String> sequencers = new ArrayList<>();
        S3EventSource source = new S3EventSource("articles", "incoming/", "us-east-1", bytes -> {
            try {
                sequencers.add(mapper.readTree(bytes).at("/Records/0/s3/object/sequencer").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            source.objectChanged("ObjectCreated:Put", "articles", "incoming/same.txt", 1L, "e" + i);
        }
        source.awaitIdle(5_000);

        for (int i = 1; i < sequencers.size(); i++) {
            assertThat(org.articlepipeline.ingest.event.Sequencer.compare(sequencers.get(i - 1), sequencers.get(i))).isNegative();
        }
        source.close();
    }

    @Test
    void localApiTurnsRequestsIntoPayloadV2EventsAndWritesTheAnswerBack() throws Exception {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        try (LocalApi api = LocalApi.start(0, (input, output, context) -> {
            seen.set(mapper.readTree(input));
            output.write("{\"statusCode\":201,\"headers\":{\"x-test\":\"yes\"},\"body\":\"مرحبا\"}"
                    .getBytes(StandardCharsets.UTF_8));
        }, line -> { })) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/articles/a%20b?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7&limit=5&limit=6"))
                    .header("If-None-Match", "\"x\"").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("x-test")).hasValue("yes");
            assertThat(response.body()).isEqualTo("مرحبا");
            JsonNode event = seen.get();
            assertThat(event.path("version").asText()).isEqualTo("2.0");
            assertThat(event.path("rawPath").asText()).isEqualTo("/articles/a b");
            assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("سوريا");
            assertThat(event.path("queryStringParameters").path("limit").asText()).isEqualTo("5,6");
            assertThat(event.path("headers").path("if-none-match").asText()).isEqualTo("\"x\"");
            assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("GET");
            assertThat(event.at("/requestContext/requestId").asText()).isNotBlank();
        }
    }

    @Test
    void localApiKeepsConnectionsAliveAndReadsChunkedAndExpectContinueBodies() throws Exception {
        List<JsonNode> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LocalApi api = LocalApi.start(0, (input, output, context) -> {
            seen.add(mapper.readTree(input));
            output.write("{\"statusCode\":200,\"headers\":{},\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        }, line -> { });
             java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(("GET /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            skipToBody(in);
            assertThat(readBody(in, 2)).isEqualTo("ok");

            out.write("GET /b HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();
            out.write("wxyz".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(seen).hasSize(2);
        assertThat(new String(java.util.Base64.getDecoder().decode(seen.get(0).path("body").asText()), StandardCharsets.UTF_8))
                .isEqualTo("abcde");
        assertThat(seen.get(1).path("rawPath").asText()).isEqualTo("/b");
    }

    private static void skipToBody(java.io.BufferedReader in) throws java.io.IOException {
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            // headers
        }
    }

    private static String readBody(java.io.BufferedReader in, int length) throws java.io.IOException {
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        return new String(body);
    }

    @Test
    void localApiAnswers414ToAnOverlongUri() throws Exception {
        try (LocalApi api = LocalApi.start(0, (input, output, context) -> { }, line -> { })) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/articles?q=" + "a".repeat(10_000))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(414);
            assertThat(mapper.readTree(response.body()).at("/error/code").asText()).isEqualTo("uri-too-long");
        }
    }

    @Test
    void dataFolderKeepsObjectsAndArticlesAcrossRestarts(@TempDir Path data) throws Exception {
        String key = "incoming/kept.txt";
        try (LocalPipeline first = LocalPipeline.start(0, 0, 0, data, line -> { });
             S3Client s3 = new AwsClients(first.environment()).s3()) {
            s3.putObject(b -> b.bucket("articles").key(key),
                    RequestBody.fromString("Kept title\n\nKept body, with a sentence that reads as prose."
                            + " A second sentence and a third one give it the length of a short news brief.\n"));
            first.awaitIdle(30_000);
        }
        try (LocalPipeline second = LocalPipeline.start(0, 0, 0, data, line -> { })) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(second.apiEndpoint() + "/articles/" + ArticleId.of("articles", key))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(mapper.readTree(response.body()).path("title").asText()).isEqualTo("Kept title");
        }
    }
}
