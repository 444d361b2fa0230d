package org.articlepipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.articlepipeline.document.ArticleDocuments;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.NormalizationResult;

/** {@code normalize FILE...}: one JSON line per file, no AWS; exit code 1 when any file was rejected. */
final class NormalizeCommand {

    /** Never read more than this many bytes of a file: the normalizer's own cap rejects above it. */
    private static final long READ_CAP = 10L * 1024 * 1024 + 1;

    private final PrintStream out;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private final ArticleDocuments documents = new ArticleDocuments(mapper);

    NormalizeCommand(PrintStream out, PrintStream err) {
        this.out = out;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of());
        if (arguments.operands().isEmpty()) {
            throw new Arguments.UsageException("normalize needs at least one FILE");
        }
        boolean anyRejected = false;
        for (String name : arguments.operands()) {
            ObjectNode line = normalize(Path.of(name));
            anyRejected |= "REJECTED".equals(line.path("status").asText());
            out.println(line.toString());
        }
        return anyRejected ? 1 : 0;
    }

    private ObjectNode normalize(Path file) {
        ObjectNode line;
        try {
            if (Files.isDirectory(file)) {
                line = documents.rejected("not-a-file", file + " is a directory");
            } else {
                byte[] content;
                try (var in = Files.newInputStream(file)) {
                    content = in.readNBytes((int) READ_CAP);
                }
                NormalizationResult result = normalizer.normalize(content, ArticleOrigin.ofFileName(file.getFileName().toString()));
                line = documents.toJson(result);
            }
        } catch (NoSuchFileException e) {
            line = documents.rejected("not-found", "no such file: " + file);
        } catch (IOException e) {
            line = documents.rejected("unreadable", "cannot read " + file + ": " + e.getMessage());
        }
        ObjectNode ordered = mapper.createObjectNode();
        ordered.put("file", file.toString());
        ordered.setAll(line);
        return ordered;
    }
}
