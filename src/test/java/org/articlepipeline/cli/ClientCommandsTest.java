package org.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest} and {@code invoke} against a running stack named by the standard endpoint variables. */
@ExtendWith(SharedEmbeddedStack.class)
class ClientCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(LocalPipeline pipeline, String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), pipeline.environment());
    }

    @Test
    void ingestUploadsAFolderWaitsForEachFileAndPrintsATable(LocalPipeline pipeline, @TempDir Path folder)
            throws Exception {
        Path batch = Files.createDirectories(folder.resolve("cli-batch-" + System.nanoTime()));
        Files.writeString(batch.resolve("one.txt"), "First CLI title\n\nThe first body, a sentence of prose."
                + " A second sentence and a third one give it the length of a short news brief.\n");
        Files.write(batch.resolve("empty.txt"), new byte[0]);

        int code = run(pipeline, "ingest", "--timeout", "60", batch.toString());

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("a rejected file makes the exit code 1").isEqualTo(1);
        assertThat(table).contains("ID").contains("STATUS")
                .contains(ArticleId.of("articles", "incoming/one.txt")).contains("OK").contains("First CLI title")
                .contains("REJECTED").contains("empty");
        // The reason in words a person can act on, then its code.
        String rejected = table.lines().filter(line -> line.contains("REJECTED")).findFirst().orElseThrow();
        assertThat(rejected).matches(".*empty\\.txt: \\p{L}+ .*\\p{L}+ \\(empty\\)");
    }

    @Test
    void invokeLookupRunsTheHandlerOnceAndPrintsItsResult(LocalPipeline pipeline, @TempDir Path folder)
            throws Exception {
        Path event = Files.writeString(folder.resolve("event.json"), """
                {"version":"2.0","routeKey":"$default","rawPath":"/articles/000000000000000000000000",
                 "rawQueryString":"","headers":{},"requestContext":{"http":{"method":"GET",
                 "path":"/articles/000000000000000000000000"},"requestId":"r-1"},"isBase64Encoded":false}""");

        int code = run(pipeline, "invoke", "lookup", "--event", event.toString());

        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(result.path("statusCode").asInt()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(result.path("body").asText()).at("/error/code").asText())
                .isEqualTo("not-found");
    }

    @Test
    void invokeIngestAppliesAnS3EventFile(LocalPipeline pipeline, @TempDir Path folder) throws Exception {
        Path event = Files.writeString(folder.resolve("event.json"), """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"articles"},"object":{"key":"incoming/never-uploaded.txt",
                 "size":10,"sequencer":"01"}}}]}""");

        int code = run(pipeline, "invoke", "ingest", "--event", event.toString());

        assertThat(code).isZero();
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).at("/outcomes/0/outcome").asText())
                .isEqualTo("SUPERSEDED");
    }

    @Test
    void invokeIndexAppliesTheSampleStreamEventAndAnswersWithNoFailedRecord(LocalPipeline pipeline) throws Exception {
        // The sample is the stream record of seed 000's article item, which the shared stack ingested.
        int code = run(pipeline, "invoke", "index", "--event", "events/dynamodb-stream-insert.json");

        assertThat(code).isZero();
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("batchItemFailures").isArray())
                .isTrue();
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("batchItemFailures")).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"outcome\":\"INDEXED\"");
    }

    @Test
    void invokeIndexRefusesAnEventThatIsNotFromAStream(LocalPipeline pipeline, @TempDir Path folder) throws Exception {
        Path event = Files.writeString(folder.resolve("event.json"), """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"articles"},"object":{"key":"incoming/x.txt","sequencer":"01"}}}]}""");

        int code = run(pipeline, "invoke", "index", "--event", event.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not from a DynamoDB stream");
    }
}
