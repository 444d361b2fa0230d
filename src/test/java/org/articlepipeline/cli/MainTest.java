package org.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--help", "-h", "help", "serve --help", "ingest -h",
            "normalize --help", "invoke --help"})
    void helpPrintsTheUsageAndExitsZeroWhateverTheCommand(String args) {
        int code = run(args.split(" "));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar article-pipeline.jar")
                .contains("serve").contains("normalize").contains("ingest");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void normalizePrintsOneJsonLinePerFileWithTheContractFields() throws Exception {
        int code = run("normalize", "seeds/000_20a56b2a2d200864.txt", "seeds/001_96083f8a8e168996.txt");

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(code).isZero();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.path("status").asText()).isEqualTo("OK");
        for (String field : List.of("title", "subtitle", "source", "sourceUrl", "agency", "dateline", "publishedAt",
                "language", "encoding", "paragraphs", "text", "wordCount", "paragraphCount", "charCount",
                "readingMinutes", "contentHash", "fingerprint", "removed")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
    }

    @Test
    void normalizeExitsWithOneWhenAnyFileIsRejected(@TempDir Path folder) throws Exception {
        Path empty = Files.write(folder.resolve("empty.txt"), new byte[0]);

        int code = run("normalize", "seeds/000_20a56b2a2d200864.txt", empty.toString(), folder.resolve("missing.txt").toString());

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(code).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(lines[1]).path("status").asText()).isEqualTo("REJECTED");
        assertThat(new ObjectMapper().readTree(lines[1]).path("reason").asText()).isEqualTo("empty");
        assertThat(new ObjectMapper().readTree(lines[2]).path("reason").asText()).isEqualTo("not-found");
    }

    @Test
    void aTakenPortIsAOneLineErrorNamingTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The other ports are left to the system, so a stack already running on the defaults cannot win.
            int code = run("serve", "--port", "0", "--dynamodb-port", "0", "--s3-port", Integer.toString(taken.getLocalPort()));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("--s3-port")
                    .contains(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void aHostOtherThanLoopbackIsWarnedAboutInOneLineBeforeTheStackStarts() {
        // 192.0.2.0/24 is reserved for documentation: no machine has it, so nothing is exposed and the
        // listeners fail to bind after the warning.
        int code = run("serve", "--host", "192.0.2.7", "--port", "0", "--s3-port", "0", "--dynamodb-port", "0",
                "--seeds", "seeds");

        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[0]).startsWith("warning:").contains("192.0.2.7").contains("no authentication");
        assertThat(code).isEqualTo(1);
        assertThat(lines[lines.length - 1]).contains("the local stack did not start");
    }

    @Test
    void aHostThatIsNotAnAddressIsAUsageError() {
        assertThat(run("serve", "--host", "not an address")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--host");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("usage:");
        assertThat(run("serve", "--colour", "blue")).isEqualTo(2);
        assertThat(run("serve", "--port", "seventy")).isEqualTo(2);
        assertThat(run("invoke", "ingest")).isEqualTo(2);
    }

    @Test
    void invokeRefusesAnEventFileThatIsNotJson(@TempDir Path folder) throws Exception {
        Path event = Files.writeString(folder.resolve("event.json"), "not json");

        assertThat(run("invoke", "ingest", "--event", event.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a readable JSON file");
    }
}
