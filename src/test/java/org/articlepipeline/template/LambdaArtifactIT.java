package org.articlepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Checks the shaded Lambda artifact that {@code template.yaml} deploys. Runs with failsafe in
 * {@code integration-test}, after {@code package} has built {@code target/article-pipeline-lambda.jar}.
 */
@ExtendWith(SharedEmbeddedStack.class)
class LambdaArtifactIT {

    private static final Path ROOT = Paths.get("").toAbsolutePath();
    /** Lambda's limit is 50 MB zipped; the project's own budget keeps cold starts (and uploads) small. */
    private static final long SIZE_BUDGET_BYTES = 16L * 1024 * 1024;

    @Test
    void everyTemplateHandlerResolvesToAStreamHandlerInsideTheLambdaJarAlone() throws Exception {
        CloudFormationTemplate template = CloudFormationTemplate.load(ROOT.resolve("template.yaml"));
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            Path jar = ROOT.resolve((String) template.functionProperties(id).get("CodeUri"));
            String handler = (String) template.functionProperties(id).get("Handler");
            String className = handler.substring(0, handler.indexOf("::"));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.getEntry(className.replace('.', '/') + ".class")).as(id + " handler in " + jar).isNotNull();
            }
            // Only the jar and the JDK, as in Lambda: linking the constructor resolves its dependencies.
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Class<?> type = Class.forName(className, false, loader);
                Class<?> streamHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, loader);
                assertThat(streamHandler).as(handler).isAssignableFrom(type);
                // Lambda's constructor builds the SDK clients: every class they need must be in the jar.
                // A region (and a loopback endpoint, should anything call out) is all it needs; it calls nothing.
                withSystemProperties(Map.of("aws.region", "us-east-1", "aws.endpointUrl", "http://127.0.0.1:9"),
                        () -> type.getConstructor().newInstance());
                assertThat(type.getMethod(handler.substring(handler.indexOf("::") + 2), java.io.InputStream.class,
                        java.io.OutputStream.class, Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader)))
                        .isNotNull();
            }
        }
    }

    @Test
    void lambdaJarManifestNamesNoClassPathOutsideTheJar() throws IOException {
        // The shaded jar starts from the CLI jar's manifest; a Class-Path there would make a JVM load
        // target/lib/ beside it, hiding classes missing from the jar (as slf4j-api once was).
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(ROOT.resolve("target/article-pipeline-lambda.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
        }
    }

    @Test
    void lambdaJarStaysWithinItsSizeBudgetAndHoldsNoLocalStackOrCli() throws IOException {
        Path jar = ROOT.resolve("target/article-pipeline-lambda.jar");
        assertThat(Files.size(jar)).as("size of " + jar).isLessThanOrEqualTo(SIZE_BUDGET_BYTES);
        Set<String> leaked = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("org/articlepipeline/local/") || n.startsWith("org/articlepipeline/cli/")
                            || n.startsWith("org/gaul/") || n.startsWith("com/amazonaws/services/dynamodbv2/local/")
                            || n.startsWith("org/junit/"))
                    .forEach(leaked::add);
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void ingestFunctionLoadsNoDatabindClassFromConstructionToItsFirstStoredArticle(LocalPipeline stack) throws Exception {
        // Databind costs a cold ingest ~160 ms and the function needs none of it: the event is read, the
        // document and the summary written with jackson-core alone. A child JVM, as Lambda starts one: the
        // Lambda jar and the bench's HandlerMain, which calls the no-argument constructor and handleRequest.
        Path seed = ROOT.resolve("seeds").resolve("000_20a56b2a2d200864.txt");
        byte[] bytes = Files.readAllBytes(seed);
        String bucket = stack.settings().bucket();
        String key = stack.settings().inputPrefix() + "artifact-it/" + seed.getFileName();
        String eTag = new AwsClients(stack.environment()).s3()
                .putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes)).eTag().replace("\"", "");
        assertThat(stack.awaitIdle(60_000)).isTrue();
        Path work = Files.createDirectories(ROOT.resolve("target/lambda-artifact-it"));
        Map<String, String> environment = new HashMap<>(stack.environment());
        environment.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");

        long sequencer = System.currentTimeMillis() * 2_000_000L;
        for (List<String> extra : List.of(List.<String>of(), List.of("--prime"))) {
            Path event = work.resolve("s3-event.json");
            Files.writeString(event, """
                    {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                     "eventTime":"2026-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",
                     "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s"},
                           "object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"%s"}}}]}
                    """.formatted(bucket, key, bytes.length, eTag,
                    Long.toHexString(++sequencer).toUpperCase(Locale.ROOT)));
            Path classLog = work.resolve("class-load" + String.join("", extra) + ".log");
            Files.deleteIfExists(classLog);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = ROOT.resolve("target/article-pipeline-lambda.jar") + ":" + ROOT.resolve("target/test-classes");
            List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
                    "-Xlog:class+load=info:file=" + classLog, "-cp", classPath, "org.articlepipeline.bench.HandlerMain",
                    "org.articlepipeline.ingest.IngestHandler", event.toString()));
            command.addAll(extra);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process child = builder.start();
            String output;
            try (InputStream out = child.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(output).as("the child's output").contains("\"outcome\":\"OK\"");
            List<String> loaded = Files.readAllLines(classLog);
            assertThat(loaded).as("classes loaded " + extra)
                    .anyMatch(line -> line.contains("com.fasterxml.jackson.core.JsonFactory "));
            assertThat(loaded).as("databind classes loaded " + extra)
                    .noneMatch(line -> line.contains("com.fasterxml.jackson.databind."));
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void withSystemProperties(Map<String, String> properties, Action action) throws Exception {
        Map<String, String> previous = new java.util.HashMap<>();
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            action.run();
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
