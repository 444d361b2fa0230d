package org.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlepipeline.local.EmbeddedServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local stack loses nothing S3 and Lambda would not: a {@code serve --data} process killed with
 * SIGKILL in the middle of a burst of uploads is started again, and every upload S3 acknowledged has its
 * article, is found by searching its title, and counts once under its publisher. Seeds go only into the
 * empty bucket of the first start, and SIGTERM stops after finishing what is queued.
 */
class CrashRecoveryTest {

    private static final int BURST = 30;
    private static final Pattern ENDPOINT = Pattern.compile("^(S3|API) +(http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void killedMidBurstThenRestartedEveryAcknowledgedUploadIsIngestedIndexedAndCountedOnce(@TempDir Path data)
            throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Stack first = Stack.start(data);
        try (S3Client s3 = s3(first.s3())) {
            ExecutorService uploads = Executors.newFixedThreadPool(4);
            for (int i = 0; i < BURST; i++) {
                int n = i;
                uploads.submit(() -> {
                    String key = "incoming/burst-" + (100 + n) + ".txt";
                    s3.putObject(b -> b.bucket("articles").key(key), RequestBody.fromString(article(100 + n),
                            StandardCharsets.UTF_8));
                    acknowledged.add(key);
                });
            }
            while (acknowledged.size() < BURST / 2) {
                Thread.sleep(5);
            }
            first.process().destroyForcibly(); // SIGKILL: no hook, no flush, no clean stop
            first.process().waitFor(30, TimeUnit.SECONDS);
            first.reader().join(10_000);
            uploads.shutdown();
            uploads.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(BURST / 2);

        Stack second = Stack.start(data);
        try {
            LookupClient api = new LookupClient(second.api());
            Map<String, Long> trueCounts = new HashMap<>();
            for (String key : acknowledged) {
                JsonNode article = api.json("/articles?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
                assertThat(article.path("status").asText()).as(key).isEqualTo("OK");
                String number = key.replaceAll("\\D", "");
                JsonNode found = api.json("/articles?q=" + URLEncoder.encode("harbour " + number, StandardCharsets.UTF_8));
                assertThat(found.path("items").findValuesAsText("id")).as("search for " + key)
                        .contains(article.path("id").asText());
            }
            for (JsonNode item : listAll(api)) {
                if (item.hasNonNull("source")) {
                    trueCounts.merge(item.path("source").asText(), 1L, Long::sum);
                }
            }
            Map<String, Long> reported = new HashMap<>();
            for (JsonNode source : api.json("/sources").path("items")) {
                reported.put(source.path("name").asText(), source.path("count").asLong());
            }
            assertThat(trueCounts).as("publishers of the burst").containsKey("Harbour Gazette");
            assertThat(reported).isEqualTo(trueCounts);
            assertThat(first.output()).anyMatch(line -> line.startsWith("ingested 1 seed file(s)"));
            assertThat(second.output()).anyMatch(line -> line.startsWith("backfill on start: processed"))
                    .anyMatch(line -> line.startsWith("the bucket already holds objects: seeds not uploaded"));
        } finally {
            second.terminate();
        }
        assertThat(second.output()).anyMatch(line -> line.startsWith("stopped: everything queued was ingested and indexed"));
    }

    private static List<JsonNode> listAll(LookupClient api) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.json("/articles?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(all::add);
            cursor = page.hasNonNull("nextCursor") ? URLEncoder.encode(page.path("nextCursor").asText(), StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        return all;
    }

    private static String article(int n) {
        return "Harbour cranes report " + n + "\n\n"
                + "The harbour at the river mouth loaded " + n + " ships this week, the port authority said. "
                + "Crews worked through the night to clear the quays before the storm arrived.\n\n"
                + "Source: Harbour Gazette\n";
    }

    private static S3Client s3(String endpoint) {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY)))
                .build();
    }

    /** A {@code serve} child process on free ports, and what it printed. */
    private record Stack(Process process, String s3, String api, Thread reader, List<String> printed) {

        /** Starts {@code serve --data root/state --seeds root/seeds}. */
        static Stack start(Path root) throws IOException, InterruptedException {
            String java = ProcessHandle.current().info().command().orElse("java");
            Path seeds = Files.createDirectories(root.resolve("seeds"));
            Files.writeString(seeds.resolve("seed.txt"), article(99));
            Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx384m",
                    "-cp", System.getProperty("java.class.path"), "org.articlepipeline.cli.Main", "serve",
                    "--port", "0", "--s3-port", "0", "--dynamodb-port", "0", "--data", root.resolve("state").toString(),
                    "--seeds", seeds.toString())
                    .redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            List<String> printed = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        printed.add(line);
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            Map<String, String> endpoints = new HashMap<>();
            long deadline = System.currentTimeMillis() + 120_000;
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (line == null || !process.isAlive() && lines.isEmpty()) {
                    process.destroyForcibly();
                    throw new AssertionError("serve did not get ready: " + printed);
                }
                Matcher endpoint = ENDPOINT.matcher(line);
                if (endpoint.find()) {
                    endpoints.put(endpoint.group(1), endpoint.group(2));
                }
                if (line.startsWith("ready")) {
                    return new Stack(process, endpoints.get("S3"), endpoints.get("API"), reader, printed);
                }
            }
        }

        /** Sends SIGTERM and waits for the process to end and its last lines to be read. */
        void terminate() throws InterruptedException {
            // Through the handle: Process.destroy() also closes our end of the pipe, losing the last lines.
            process.toHandle().destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(10_000);
        }

        List<String> output() {
            synchronized (printed) {
                return List.copyOf(printed);
            }
        }
    }
}
