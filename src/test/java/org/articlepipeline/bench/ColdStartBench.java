package org.articlepipeline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.index.event.ItemChange;
import org.articlepipeline.index.event.TableStreamEvents;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.lookup.LookupHandler;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Measures cold starts: a fresh JVM per run, with Lambda's JIT flags and only the Lambda jar (plus a
 * small jar of the {@code HandlerMain}/{@code BaselineMain} entry points) on its class path, timed from
 * process start to the first handled event, against the embedded stack on loopback.
 *
 * <p>Scenarios run round-robin (one run of each, N times) so that drift on a shared machine spreads
 * evenly; each scenario's first run is a discarded warm-up of the page cache. Run through
 * {@code bench/coldstart.sh}, which builds the jars and the class path.
 *
 * <p>Usage: {@code ColdStartBench --lambda-jar J --bench-jar B --work DIR [--runs N] [--crt-classpath CP]}
 */
public final class ColdStartBench {

    /** The flags Lambda's Java runtime starts the JVM with for fast start-up (its default JAVA_TOOL_OPTIONS). */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private final Map<String, String> options;
    private final Path work;
    private final Map<String, String> childEnvironment = new LinkedHashMap<>();
    private long sequencer = System.currentTimeMillis() * 2_000_000L;
    private String seedKey;
    private String seedETag;
    private long seedSize;

    private ColdStartBench(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.get("--work"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new ColdStartBench(options).run();
    }

    /** One way of starting: which main class, its arguments, extra JVM flags, extra class path. */
    private record Scenario(String name, String mainClass, List<String> arguments, List<String> jvmFlags, String extraClasspath) {
        Scenario withFlags(String suffix, List<String> flags) {
            List<String> all = new ArrayList<>(jvmFlags);
            all.addAll(flags);
            return new Scenario(name + suffix, mainClass, arguments, all, extraClasspath);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        int runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
        try (LocalPipeline stack = LocalPipeline.start(0, 0, 0, null, line -> { })) {
            prepare(stack);
            Path lookupEvent = work.resolve("lookup-event.json");
            Files.writeString(lookupEvent, lookupEvent(ArticleId.of(stack.settings().bucket(), seedKey)));
            Path indexEvent = work.resolve("index-event.json");
            Files.write(indexEvent, indexEvent(stack, ArticleId.of(stack.settings().bucket(), seedKey)));

            List<Scenario> scenarios = new ArrayList<>();
            String ingest = "org.articlepipeline.ingest.IngestHandler";
            String lookup = LookupHandler.class.getName();
            scenarios.add(new Scenario("baseline (url-connection, default chain)", "org.articlepipeline.bench.BaselineMain",
                    List.of("url", "chain", seedKey), List.of(), null));
            scenarios.add(new Scenario("baseline (url-connection, env credentials)", "org.articlepipeline.bench.BaselineMain",
                    List.of("url", "env", seedKey), List.of(), null));
            if (options.containsKey("--crt-classpath")) {
                scenarios.add(new Scenario("baseline (CRT, default chain)", "org.articlepipeline.bench.BaselineMain",
                        List.of("crt", "chain", seedKey), List.of(), options.get("--crt-classpath")));
            }
            scenarios.add(new Scenario("ingest: S3 ObjectCreated", "org.articlepipeline.bench.HandlerMain",
                    List.of(ingest, "@ingest-event"), List.of(), null));
            scenarios.add(new Scenario("index: stream INSERT of the article item", "org.articlepipeline.bench.HandlerMain",
                    List.of("org.articlepipeline.index.IndexHandler", indexEvent.toString()), List.of(), null));
            scenarios.add(new Scenario("lookup: GET /articles/{id}", "org.articlepipeline.bench.HandlerMain",
                    List.of(lookup, lookupEvent.toString()), List.of(), null));
            scenarios.add(new Scenario("ingest, primed before the event", "org.articlepipeline.bench.HandlerMain",
                    List.of(ingest, "@ingest-event", "--prime"), List.of(), null));
            scenarios.add(new Scenario("lookup, primed before the event", "org.articlepipeline.bench.HandlerMain",
                    List.of(lookup, lookupEvent.toString(), "--prime"), List.of(), null));

            // AppCDS: one training run per scenario dumps a dynamic archive of the classes it loaded.
            List<Scenario> withCds = new ArrayList<>();
            for (Scenario s : List.of(scenarios.get(0), find(scenarios, "ingest: "), find(scenarios, "index: "),
                    find(scenarios, "lookup: "))) {
                Path archive = work.resolve(s.name().replaceAll("[^a-z]+", "-") + ".jsa");
                Files.deleteIfExists(archive);
                launch(s.withFlags("", List.of("-XX:ArchiveClassesAtExit=" + archive)), false);
                if (!Files.isRegularFile(archive)) {
                    // Without its archive the JVM would silently run with no CDS at all, not even the JDK's.
                    throw new IllegalStateException("the training run of " + s.name() + " dumped no " + archive);
                }
                withCds.add(s.withFlags(" + AppCDS", List.of("-XX:SharedArchiveFile=" + archive)));
            }
            scenarios.addAll(withCds);

            Map<Scenario, List<Map<String, Double>>> results = new LinkedHashMap<>();
            for (Scenario s : scenarios) {
                launch(s, false); // warm-up, discarded
                results.put(s, new ArrayList<>());
            }
            for (int run = 0; run < runs; run++) {
                for (Scenario s : scenarios) {
                    results.get(s).add(launch(s, false));
                }
            }
            Map<Scenario, Long> classes = new LinkedHashMap<>();
            for (Scenario s : scenarios) {
                Path log = work.resolve("classes.log");
                Files.deleteIfExists(log);
                launch(s.withFlags("", List.of("-Xlog:class+load=info:file=" + log)), false);
                try (Stream<String> lines = Files.lines(log)) {
                    classes.put(s, lines.count());
                }
            }
            System.out.println(report(results, classes, runs));
        }
    }

    private static Scenario find(List<Scenario> scenarios, String prefix) {
        return scenarios.stream().filter(s -> s.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Uploads one seed article and waits until the stack's own ingest has stored it. */
    private void prepare(LocalPipeline stack) throws Exception {
        Path seed;
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            seed = seeds.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        seedKey = stack.settings().inputPrefix() + "bench/" + seed.getFileName();
        byte[] bytes = Files.readAllBytes(seed);
        AwsClients clients = new AwsClients(stack.environment());
        seedETag = clients.s3().putObject(b -> b.bucket(stack.settings().bucket()).key(seedKey), RequestBody.fromBytes(bytes)).eTag();
        seedSize = bytes.length;
        if (!stack.awaitIdle(60_000)) {
            throw new IllegalStateException("the stack did not ingest the seed");
        }
        childEnvironment.putAll(stack.environment());
        childEnvironment.put("CURSOR_SECRET", "bench-cursor-secret-bench-cursor-secret");
        childEnvironment.put("MAX_ARTICLE_BYTES", "10485760");
        // No profile files: as on Lambda, the SDK finds none.
        Path home = Files.createDirectories(work.resolve("home"));
        childEnvironment.put("HOME", home.toString());
        // Everything is configured explicitly; never let a provider chain probe the instance metadata address.
        childEnvironment.put("AWS_EC2_METADATA_DISABLED", "true");
    }

    /** Starts one child JVM and returns the milliseconds from start to each phase it announced. */
    private Map<String, Double> launch(Scenario scenario, boolean echo) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(scenario.jvmFlags());
        String classpath = options.get("--lambda-jar") + ":" + options.get("--bench-jar");
        if (scenario.extraClasspath() != null) {
            classpath += ":" + scenario.extraClasspath();
        }
        command.add("-cp");
        command.add(classpath);
        command.add(scenario.mainClass());
        for (String argument : scenario.arguments()) {
            command.add(argument.equals("@ingest-event") ? ingestEvent().toString() : argument);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(childEnvironment);
        Map<String, Double> phases = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        long started = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                double ms = (System.nanoTime() - started) / 1e6;
                output.add(line);
                String phase = line.split(" ", 2)[0];
                if (List.of("constructed", "primed", "handled").contains(phase)) {
                    phases.put(phase, ms);
                }
                if (echo) {
                    System.out.println(line);
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || !phases.containsKey("handled")) {
            throw new IllegalStateException(scenario.name() + " did not handle its event:\n" + String.join("\n", output));
        }
        String handled = output.stream().filter(l -> l.startsWith("handled")).findFirst().orElse("");
        if (handled.contains("\"status\":\"FAILED\"") || handled.contains("\"statusCode\":5")) {
            throw new IllegalStateException(scenario.name() + " answered with a failure: " + handled);
        }
        return phases;
    }

    /** A fresh S3 ObjectCreated event for the seed, with a sequencer newer than any before it. */
    private Path ingestEvent() throws IOException {
        sequencer++;
        String event = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                 "eventTime":"2026-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",
                 "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                       "object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"%s"}}}]}
                """.formatted(childEnvironment.get("ARTICLES_BUCKET"), childEnvironment.get("ARTICLES_BUCKET"),
                seedKey, seedSize, seedETag.replace("\"", ""), Long.toHexString(sequencer).toUpperCase(Locale.ROOT));
        Path file = work.resolve("ingest-event.json");
        Files.writeString(file, event);
        return file;
    }

    /**
     * The stream record Lambda would deliver to the index function when the seed's article item was first
     * written: an INSERT whose new image is the item as the stack's own ingest stored it. The full index step
     * runs on it (claim, 32 band queries, relations, postings, count), as for a new article.
     */
    private static byte[] indexEvent(LocalPipeline stack, String id) throws IOException {
        Map<String, AttributeValue> key = ArticleRepository.articleKey(id);
        Map<String, AttributeValue> item = new AwsClients(stack.environment()).dynamoDb()
                .getItem(b -> b.tableName(stack.settings().tableName()).key(key)).item();
        java.io.ByteArrayOutputStream event = new java.io.ByteArrayOutputStream();
        new TableStreamEvents(new com.fasterxml.jackson.core.JsonFactory()).write(
                List.of(new ItemChange("INSERT", "4200000000000000000001", key, Map.of(), item)),
                "arn:aws:dynamodb:us-east-1:000000000000:table/articles/stream/bench", "us-east-1", event);
        return event.toByteArray();
    }

    private static String lookupEvent(String id) {
        return """
                {"version":"2.0","routeKey":"GET /articles/{id}","rawPath":"/articles/%s","rawQueryString":"",
                 "headers":{"accept":"application/json","host":"bench.local"},
                 "requestContext":{"http":{"method":"GET","path":"/articles/%s","protocol":"HTTP/1.1",
                   "sourceIp":"127.0.0.1","userAgent":"bench"},"requestId":"bench","routeKey":"GET /articles/{id}",
                   "stage":"$default"},
                 "pathParameters":{"id":"%s"},"isBase64Encoded":false}
                """.formatted(id, id, id);
    }

    private static String report(Map<Scenario, List<Map<String, Double>>> results, Map<Scenario, Long> classes, int runs) {
        double baseline = median(results.values().iterator().next(), "handled");
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d runs each (median, min-max), ms from process start; java %s, %d cores%n%n",
                runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        out.append("| scenario | constructed | primed | first event handled | × baseline | classes loaded |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        results.forEach((s, phases) -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %d |%n",
                s.name(), cell(phases, "constructed"), cell(phases, "primed"), cell(phases, "handled"),
                median(phases, "handled") / baseline, classes.get(s))));
        return out.toString();
    }

    private static String cell(List<Map<String, Double>> phases, String phase) {
        if (phases.stream().anyMatch(p -> !p.containsKey(phase))) {
            return "–";
        }
        double[] values = phases.stream().mapToDouble(p -> p.get(phase)).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", median(phases, phase), values[0], values[values.length - 1]);
    }

    private static double median(List<Map<String, Double>> phases, String phase) {
        double[] values = phases.stream().mapToDouble(p -> p.get(phase)).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
