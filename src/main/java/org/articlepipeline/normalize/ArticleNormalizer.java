package org.articlepipeline.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Entry point of the normalizer: uploaded bytes in, a {@link NormalizedArticle} or a rejection out.
 *
 * <p>FOUNDATION VERSION: the staged normalizer (decode, clean, structure, describe, fingerprint)
 * replaces this body; the signature is the contract other packages code against.
 */
public final class ArticleNormalizer {

    public NormalizationResult normalize(byte[] content, ArticleOrigin origin) {
        if (content.length == 0) {
            return new NormalizationResult.Rejected("empty", "the file is empty");
        }
        String decoded = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> lines = new ArrayList<>();
        for (String line : decoded.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        if (lines.isEmpty()) {
            return new NormalizationResult.Rejected("empty", "the file holds no text");
        }
        String title = lines.get(0);
        List<String> paragraphs = lines.subList(1, lines.size());
        String text = String.join("\n\n", paragraphs);
        int words = text.isBlank() ? 0 : text.split("\\s+").length;
        return new NormalizationResult.Accepted(new NormalizedArticle(
                title, null, null, null, null, null, null, null, "UTF-8",
                paragraphs, text, words, paragraphs.size(), text.length(), Math.max(1, words / 200),
                sha256(text), new Fingerprint(new int[256]), List.of()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
