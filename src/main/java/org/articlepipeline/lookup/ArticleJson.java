package org.articlepipeline.lookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.articlepipeline.store.ArticleMetadata;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleStatus;

/**
 * An article's metadata as the API shows it: every field the normalizer and ingest define, plus
 * {@code textUrl}; for a rejected upload, the object read and the reason instead.
 */
final class ArticleJson {

    private final ObjectMapper mapper;

    ArticleJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode of(ArticleRecord record) {
        if (record.status() == ArticleStatus.REJECTED) {
            return rejected(record);
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("id", record.id());
        node.put("key", record.key());
        node.put("status", record.status().name());
        ArticleMetadata m = record.metadata();
        node.put("title", m.title());
        node.put("subtitle", m.subtitle());
        node.put("source", m.source());
        node.put("sourceUrl", m.sourceUrl());
        node.put("agency", m.agency());
        node.put("dateline", m.dateline());
        node.put("publishedAt", m.publishedAt());
        node.put("language", m.language());
        node.put("encoding", m.encoding());
        node.put("format", m.format());
        node.put("wordCount", m.wordCount());
        node.put("paragraphCount", m.paragraphCount());
        node.put("charCount", m.charCount());
        node.put("readingMinutes", m.readingMinutes());
        node.put("contentHash", m.contentHash());
        node.put("fingerprint", m.fingerprint());
        node.put("duplicateOf", m.duplicateOf());
        putUpload(node, record);
        node.put("textUrl", "/articles/" + record.id() + "/text");
        return node;
    }

    /** A rejected upload: what was read and why it is no article; it has no metadata and no text. */
    private ObjectNode rejected(ArticleRecord record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", record.id());
        node.put("key", record.key());
        node.put("status", record.status().name());
        node.put("reason", record.reason());
        node.put("reasonDetail", record.reasonDetail());
        putUpload(node, record);
        return node;
    }

    /** What every answer says of the uploaded object itself, accepted or rejected: when, how big, which version. */
    private static void putUpload(ObjectNode node, ArticleRecord record) {
        node.put("ingestedAt", record.ingestedAt());
        if (record.size() != null) {
            node.put("size", record.size());
        } else {
            node.putNull("size");
        }
        node.put("eTag", record.eTag());
        node.put("versionId", record.versionId());
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
