package org.articlepipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.articlepipeline.document.ArticleDocuments;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.RejectionReason;

/** {@code normalize FILE...}: one JSON line per file, no AWS; exit code 1 when any file was rejected. */
final class NormalizeCommand {

    /** Never read more than this many bytes of a file: the normalizer's own cap rejects above it. */
    private static final long READ_CAP = 10L * 1024 * 1024 + 1;

    private final PrintStream out;
    private final JsonCodec json = new JsonCodec();
    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private final ArticleDocuments documents = new ArticleDocuments();

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
            Map<String, Object> line = normalize(Path.of(name));
            anyRejected |= "REJECTED".equals(line.get("status"));
            out.println(json.toText(line));
        }
        return anyRejected ? 1 : 0;
    }

    private Map<String, Object> normalize(Path file) {
        Map<String, Object> line;
        try {
            if (Files.isDirectory(file)) {
                line = documents.rejected(RejectionReason.NOT_A_FILE, file + " is a directory");
            } else {
                byte[] content;
                try (var in = Files.newInputStream(file)) {
                    content = in.readNBytes((int) READ_CAP);
                }
                NormalizationResult result = normalizer.normalize(content, ArticleOrigin.ofFileName(file.getFileName().toString()));
                line = documents.toJson(result);
            }
        } catch (NoSuchFileException e) {
            line = documents.rejected(RejectionReason.NOT_FOUND, "no such file: " + file);
        } catch (IOException e) {
            line = documents.rejected(RejectionReason.UNREADABLE, "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("file", file.toString());
        ordered.putAll(line);
        return ordered;
    }
}
