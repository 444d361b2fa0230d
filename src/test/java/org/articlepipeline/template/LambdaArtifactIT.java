package org.articlepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
                assertThat(type.getConstructor()).isNotNull();
                assertThat(type.getMethod(handler.substring(handler.indexOf("::") + 2), java.io.InputStream.class,
                        java.io.OutputStream.class, Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader)))
                        .isNotNull();
            }
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
}
