package org.articlepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Checks the shaded Lambda artifact that {@code template.yaml} deploys. Runs with failsafe in
 * {@code integration-test}, after {@code package} has built {@code target/article-pipeline-lambda.jar}.
 */
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
