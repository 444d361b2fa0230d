package org.articlepipeline.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.NormalizedArticle;
import org.articlepipeline.normalize.RejectionReason;
import org.articlepipeline.normalize.RemovedLine;
import org.articlepipeline.normalize.structure.ChromeReason;
import org.junit.jupiter.api.Test;

/**
 * The stored {@code normalized/<id>.json} documents and the {@code normalize} lines are a contract: written
 * without databind now, they must be byte for byte what databind's tree wrote before.
 */
class ArticleDocumentsTest {

    private final ArticleDocuments documents = new ArticleDocuments();
    private final JsonCodec json = new JsonCodec();
    private final ObjectMapper databind = new ObjectMapper();

    @Test
    void everySeedsStoredDocumentIsByteForByteWhatDatabindWrote() throws Exception {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            seeds = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(seeds).isNotEmpty();
        ArticleNormalizer normalizer = new ArticleNormalizer();
        for (Path seed : seeds) {
            NormalizationResult result = normalizer.normalize(Files.readAllBytes(seed),
                    ArticleOrigin.ofFileName(seed.getFileName().toString()));
            Map<String, Object> document = documents.toJson(result);
            document.put("id", "0123456789abcdef01234567");
            document.put("key", "incoming/" + seed.getFileName());

            ObjectNode before = databindDocument(result);
            before.put("id", "0123456789abcdef01234567");
            before.put("key", "incoming/" + seed.getFileName());
            assertThat(new String(json.toBytes(document), StandardCharsets.UTF_8)).as(seed.toString())
                    .isEqualTo(new String(databind.writeValueAsBytes(before), StandardCharsets.UTF_8));
        }
    }

    @Test
    void absentValuesAreWrittenAsNullsInTheirPlace() {
        assertThat(json.toText(documents.rejected(RejectionReason.EMPTY, null)))
                .isEqualTo("{\"status\":\"REJECTED\",\"reason\":\"empty\",\"detail\":null}");
    }

    @Test
    void fieldsComeInTheDocumentedOrder() {
        NormalizedArticle article = new NormalizedArticle("T", null, null, null, null, null, null, "en", "UTF-8", "text",
                List.of("P"), "P", 1, 1, 1, 1, "hash", null, List.of(new RemovedLine("Share", ChromeReason.UI_LABEL)));

        assertThat(documents.toJson(new NormalizationResult.Accepted(article)).keySet()).containsExactly(
                "status", "title", "subtitle", "source", "sourceUrl", "agency", "dateline", "publishedAt", "language",
                "encoding", "format", "paragraphs", "text", "wordCount", "paragraphCount", "charCount", "readingMinutes",
                "contentHash", "fingerprint", "removed", "removedNotListed");
    }

    /** The document as {@code ArticleDocuments} built it on databind's tree, before it moved off databind. */
    private ObjectNode databindDocument(NormalizationResult result) {
        ObjectNode node = databind.createObjectNode();
        if (result instanceof NormalizationResult.Rejected rejected) {
            node.put("status", "REJECTED");
            node.put("reason", rejected.reason().code());
            node.put("detail", rejected.detail());
            return node;
        }
        NormalizedArticle article = ((NormalizationResult.Accepted) result).article();
        node.put("status", "OK");
        node.put("title", article.title());
        node.put("subtitle", article.subtitle());
        node.put("source", article.source());
        node.put("sourceUrl", article.sourceUrl());
        node.put("agency", article.agency());
        node.put("dateline", article.dateline());
        node.put("publishedAt", article.publishedAt());
        node.put("language", article.language());
        node.put("encoding", article.encoding());
        node.put("format", article.format());
        ArrayNode paragraphs = node.putArray("paragraphs");
        article.paragraphs().forEach(paragraphs::add);
        node.put("text", article.text());
        node.put("wordCount", article.wordCount());
        node.put("paragraphCount", article.paragraphCount());
        node.put("charCount", article.charCount());
        node.put("readingMinutes", article.readingMinutes());
        node.put("contentHash", article.contentHash());
        node.put("fingerprint", article.fingerprint() == null ? null : article.fingerprint().encoded());
        ArrayNode removed = node.putArray("removed");
        for (RemovedLine line : article.removed()) {
            removed.addObject().put("text", line.text()).put("reason", line.reason().code());
        }
        ObjectNode notListed = node.putObject("removedNotListed");
        article.removedNotListed().forEach(notListed::put);
        return node;
    }
}
