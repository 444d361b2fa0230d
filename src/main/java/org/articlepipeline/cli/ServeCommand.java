package org.articlepipeline.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.articlepipeline.local.EmbeddedServices;
import org.articlepipeline.local.LocalAddresses;
import org.articlepipeline.local.LocalPipeline;

/**
 * {@code serve}: the whole pipeline on this machine, seeded when its bucket is empty, until interrupted; with
 * {@code --data}, it first picks up what the last run left ({@link StartupRecovery}).
 */
final class ServeCommand {

    /** Returned by {@link #run} when the pipeline keeps running after the command returns. */
    static final int RUNNING = -1;

    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args,
                Set.of("--port", "--s3-port", "--dynamodb-port", "--seeds", "--data", "--host"));
        if (!arguments.operands().isEmpty()) {
            throw new Arguments.UsageException("serve takes no operands: " + arguments.operands());
        }
        int apiPort = arguments.port("--port", LocalPipeline.DEFAULT_API_PORT);
        int s3Port = arguments.port("--s3-port", LocalPipeline.DEFAULT_S3_PORT);
        int dynamoDbPort = arguments.port("--dynamodb-port", LocalPipeline.DEFAULT_DYNAMODB_PORT);
        requireFree("--port", apiPort);
        requireFree("--s3-port", s3Port);
        requireFree("--dynamodb-port", dynamoDbPort);
        Path seeds = Path.of(arguments.option("--seeds", "seeds"));
        if (arguments.has("--seeds") && !Files.isDirectory(seeds)) {
            throw new CommandException("--seeds " + seeds + " is not a folder", 2);
        }
        Path data = arguments.has("--data") ? Path.of(arguments.option("--data", null)) : null;
        InetAddress host = host(arguments);
        if (LocalAddresses.reachableFromOtherMachines(host)) {
            err.println(exposureWarning(host));
        }

        long started = System.nanoTime();
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(host, apiPort, s3Port, dynamoDbPort, data, err::println);
        } catch (Exception e) {
            throw new CommandException("the local stack did not start: " + e.getMessage(), 1);
        }
        new GracefulStop(pipeline, err).install();
        try {
            if (data != null) {
                new StartupRecovery(out, err).run(pipeline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while catching up with " + data, 130);
        } catch (RuntimeException e) {
            throw new CommandException("could not catch up with what " + data + " holds: " + e.getMessage(), 1);
        }
        try {
            if (Files.isDirectory(seeds) && pipeline.bucketIsEmpty()) {
                List<String> keys = pipeline.uploadFolder(seeds);
                pipeline.awaitIdle(60_000);
                out.println("ingested " + keys.size() + " seed file(s) from " + seeds);
            } else if (Files.isDirectory(seeds)) {
                // A bucket in use, not a new one: seeds its user deleted stay deleted, the others unchanged.
                out.println("the bucket already holds objects: seeds not uploaded");
            }
        } catch (Exception e) {
            throw new CommandException("could not ingest the seeds in " + seeds + ": " + e.getMessage(), 1);
        }
        String bucket = pipeline.settings().bucket();
        out.println("S3        " + pipeline.s3Endpoint() + "  (bucket " + bucket + ", upload under "
                + pipeline.settings().inputPrefix() + "; access key and secret: test)");
        out.println("DynamoDB  " + pipeline.dynamoDbEndpoint() + "  (table " + pipeline.settings().tableName() + ")");
        out.println("API       " + pipeline.apiEndpoint() + "  (try: curl " + pipeline.apiEndpoint() + "/articles)");
        out.printf("ready in %.1f s; Ctrl-C stops%n", (System.nanoTime() - started) / 1e9);
        return RUNNING;
    }

    /** {@code --host}, loopback when absent; a name is resolved once, here. */
    private static InetAddress host(Arguments arguments) {
        if (!arguments.has("--host")) {
            return LocalAddresses.LOOPBACK;
        }
        String value = arguments.option("--host", null);
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new Arguments.UsageException("--host must be an address of this machine, not '" + value + "'");
        }
    }

    static String exposureWarning(InetAddress host) {
        return "warning: listening on " + host.getHostAddress() + ": the local stack has no authentication,"
                + " anyone who can reach this address can read and change its bucket and table";
    }

    private static void requireFree(String option, int port) {
        if (EmbeddedServices.isTaken(port)) {
            throw new CommandException("port " + port + " is already in use: choose another with " + option, 2);
        }
    }
}
