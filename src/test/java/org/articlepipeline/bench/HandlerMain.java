package org.articlepipeline.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child JVM of {@link ColdStartBench}: does what Lambda's Java runtime does on a cold start, and no more.
 * It loads the handler class named on the command line reflectively, calls its no-argument constructor,
 * and hands {@code handleRequest} the event file's bytes. Each phase is announced on standard output the
 * moment it ends, so the parent can time it from the process start.
 *
 * <p>Usage: {@code HandlerMain <handler class> <event file> [--prime]}. With {@code --prime} it runs the
 * SnapStart priming hooks between construction and the event, as a snapshot would have done.
 */
public final class HandlerMain {

    private HandlerMain() {
    }

    public static void main(String[] args) throws Throwable {
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        System.out.println("constructed");
        if (args.length > 2 && args[2].equals("--prime")) {
            // Reflection, so that the priming classes load only when asked for.
            Class<?> priming = Class.forName("org.articlepipeline.aws.Priming");
            for (Object resource : (Iterable<?>) priming.getMethod("registered").invoke(null)) {
                priming.getMethod("beforeCheckpoint", Class.forName("org.crac.Context")).invoke(resource, (Object) null);
            }
            System.out.println("primed");
        }
        Method handle = type.getMethod("handleRequest", InputStream.class, OutputStream.class,
                Class.forName("com.amazonaws.services.lambda.runtime.Context"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
            handle.invoke(handler, event, out, new BenchContext());
        }
        String answer = out.toString(StandardCharsets.UTF_8);
        System.out.println("handled " + answer.substring(0, Math.min(answer.length(), 160)).replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }
}
