package org.articlepipeline.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.NormalizedArticle;
import org.articlepipeline.normalize.RemovedLine;

/**
 * The JSON form of a normalization result: the {@code normalize} command's output lines and the stored
 * {@code normalized/<id>.json} documents share it.
 *
 * <p>Fields are camelCase in a fixed order; absent values are {@code null}, never left out, so every
 * document has the same shape. The fingerprint is written in its compact base64url form.
 */
public final class ArticleDocuments {

    private final ObjectMapper mapper;

    public ArticleDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The document for one result, with {@code status} {@code OK} or {@code REJECTED}. */
    public ObjectNode toJson(NormalizationResult result) {
        if (result instanceof NormalizationResult.Accepted accepted) {
            return accepted(accepted.article());
        }
        NormalizationResult.Rejected rejected = (NormalizationResult.Rejected) result;
        return rejected(rejected.reason(), rejected.detail());
    }

    /** A rejection document: {@code status}, {@code reason} and {@code detail}. */
    public ObjectNode rejected(String reason, String detail) {
        ObjectNode node = mapper.createObjectNode();
        node.put("status", "REJECTED");
        node.put("reason", reason);
        node.put("detail", detail);
        return node;
    }

    private ObjectNode accepted(NormalizedArticle article) {
        ObjectNode node = mapper.createObjectNode();
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
            removed.addObject().put("text", line.text()).put("reason", line.reason());
        }
        return node;
    }
}
