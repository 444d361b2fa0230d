package org.articlepipeline.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar article-pipeline.jar [command] ...}: the local pipeline and its tools.
 *
 * <p>Every command reports a mistake in how it was called as one line on stderr with exit code 2, and
 * never prints a stack trace for a condition a user can cause.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar article-pipeline.jar [command] [options]

              serve [--port 3000] [--s3-port 9000] [--dynamodb-port 8000] [--seeds DIR] [--data DIR]
                    [--host 127.0.0.1]
                  start the whole pipeline locally (the default command); it listens on loopback only
                  unless --host names another address
              normalize FILE...
                  print each file's normalized article as one JSON line; no AWS at all
              invoke ingest|index|lookup --event FILE
                  run a handler once with an event JSON file and print its result
              ingest [--timeout SECONDS] PATH...
                  upload files and folders into the input prefix and wait until each one is processed
              backfill [--missing] [--outdated] [--reindex] [--prefix incoming/] [--concurrency 4] [--dry-run]
                  process objects without an article and articles of an older normalizer (both when none
                  is named), or rebuild duplicates, search postings and counts from the articles (--reindex)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(Arrays.asList(args), out, err, System.getenv());
        if (code != ServeCommand.RUNNING) {
            System.exit(code);
        }
    }

    /**
     * Runs one command; returns its exit code, or {@link ServeCommand#RUNNING} when it keeps serving.
     *
     * @param environment the process environment (tests pass their own)
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
        if (args.contains("--help") || args.contains("-h")) {
            // Asked of any command, as every command-line tool answers it: the usage, exit code 0.
            out.print(USAGE);
            return 0;
        }
        String command = args.isEmpty() || args.get(0).startsWith("--") ? "serve" : args.get(0);
        List<String> rest = args.isEmpty() || args.get(0).startsWith("--") ? args : args.subList(1, args.size());
        try {
            return switch (command) {
                case "serve" -> new ServeCommand(out, err).run(rest);
                case "normalize" -> new NormalizeCommand(out, err).run(rest);
                case "invoke" -> new InvokeCommand(out, err, environment).run(rest);
                case "ingest" -> new IngestCommand(out, err, environment).run(rest);
                case "backfill" -> new BackfillCommand(out, err, environment).run(rest);
                case "help", "-h", "--help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new Arguments.UsageException("unknown command '" + command + "'");
            };
        } catch (Arguments.UsageException e) {
            err.println("article-pipeline: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (CommandException e) {
            err.println("article-pipeline: " + e.getMessage());
            return e.exitCode();
        }
    }
}
