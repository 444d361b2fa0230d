package org.articlepipeline.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.articlepipeline.index.IndexHandler;
import org.articlepipeline.ingest.IngestHandler;
import org.articlepipeline.local.LocalContext;
import org.articlepipeline.lookup.LookupHandler;

/**
 * {@code invoke ingest|index|lookup --event FILE}: one handler invocation, like {@code sam local invoke -e}.
 *
 * <p>It runs against whatever the standard endpoint variables name ({@code AWS_ENDPOINT_URL_S3}, ...),
 * and otherwise against the local stack that {@code serve} runs on its default ports.
 */
final class InvokeCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> processEnvironment;

    InvokeCommand(PrintStream out, PrintStream err, Map<String, String> processEnvironment) {
        this.out = out;
        this.err = err;
        this.processEnvironment = processEnvironment;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--event"));
        if (arguments.operands().size() != 1 || !arguments.has("--event")) {
            throw new Arguments.UsageException("invoke needs a function (ingest, index or lookup) and --event FILE");
        }
        String function = arguments.operands().get(0);
        Path eventFile = Path.of(arguments.option("--event", null));
        byte[] event;
        try {
            event = Files.readAllBytes(eventFile);
            new ObjectMapper().readTree(event);
        } catch (IOException e) {
            throw new CommandException("--event " + eventFile + " is not a readable JSON file: " + e.getMessage(), 2);
        }
        Map<String, String> environment = StackEnvironment.resolve(processEnvironment, err);
        RequestStreamHandler handler = switch (function) {
            case "ingest" -> new IngestHandler(environment);
            case "index" -> new IndexHandler(environment);
            case "lookup" -> new LookupHandler(environment);
            default -> throw new Arguments.UsageException("invoke takes ingest, index or lookup, not '" + function + "'");
        };
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), result,
                    new LocalContext(Character.toUpperCase(function.charAt(0)) + function.substring(1) + "Function", 300_000,
                            err::println));
        } catch (IOException | RuntimeException e) {
            throw new CommandException("the " + function + " handler failed: " + e, 1);
        }
        out.println(result.toString(java.nio.charset.StandardCharsets.UTF_8));
        return 0;
    }
}
