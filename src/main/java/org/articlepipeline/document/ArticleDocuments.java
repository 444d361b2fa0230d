package org.articlepipeline.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.NormalizedArticle;
import org.articlepipeline.normalize.RejectionReason;
import org.articlepipeline.normalize.RemovedLine;

/**
 * The JSON form of a normalization result: the {@code normalize} command's output lines and the stored
 * {@code normalized/<id>.json} documents share it.
 *
 * <p>Fields are camelCase in a fixed order; absent values are {@code null}, never left out, so every
 * document has the same shape. The fingerprint is written in its compact base64url form.
 *
 * <p>Documents are plain ordered maps (strings, numbers, lists and nested maps), written by
 * {@link org.articlepipeline.json.JsonCodec}: building them needs no JSON library, so the ingest function
 * stores documents without loading databind.
 */
public final class ArticleDocuments {

    /**
     * The document for one result, with {@code status} {@code OK} or {@code REJECTED}: a new map, in field
     * order, that the caller may add fields to (they are written after the document's own).
     */
    public Map<String, Object> toJson(NormalizationResult result) {
        if (result instanceof NormalizationResult.Accepted accepted) {
            return accepted(accepted.article());
        }
        NormalizationResult.Rejected rejected = (NormalizationResult.Rejected) result;
        return rejected(rejected.reason(), rejected.detail());
    }

    /**
     * A rejection document: {@code status}, {@code reason} (the reason's stable code) and {@code detail}; a new
     * map, as {@link #toJson}.
     */
    public Map<String, Object> rejected(RejectionReason reason, String detail) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", "REJECTED");
        document.put("reason", reason.code());
        document.put("detail", detail);
        return document;
    }

    private static Map<String, Object> accepted(NormalizedArticle article) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", "OK");
        document.put("title", article.title());
        document.put("subtitle", article.subtitle());
        document.put("source", article.source());
        document.put("sourceUrl", article.sourceUrl());
        document.put("agency", article.agency());
        document.put("dateline", article.dateline());
        document.put("publishedAt", article.publishedAt());
        document.put("language", article.language());
        document.put("encoding", article.encoding());
        document.put("format", article.format());
        document.put("paragraphs", article.paragraphs());
        document.put("text", article.text());
        document.put("wordCount", article.wordCount());
        document.put("paragraphCount", article.paragraphCount());
        document.put("charCount", article.charCount());
        document.put("readingMinutes", article.readingMinutes());
        document.put("contentHash", article.contentHash());
        document.put("fingerprint", article.fingerprint() == null ? null : article.fingerprint().encoded());
        List<Map<String, Object>> removed = new ArrayList<>(article.removed().size());
        for (RemovedLine line : article.removed()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("text", line.text());
            entry.put("reason", line.reason().code());
            removed.add(entry);
        }
        document.put("removed", removed);
        document.put("removedNotListed", new LinkedHashMap<String, Object>(article.removedNotListed()));
        return document;
    }
}
