package org.articlepipeline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The article id: a URL-safe name derived deterministically from the object's bucket and key.
 *
 * <p>It is the first 12 bytes of SHA-256 over {@code bucket + "/" + key}, in lowercase hex (24
 * characters). 96 bits keep the chance of any collision below one in a billion up to ~10^10 articles,
 * and the same upload always lands on the same item, which is what makes redelivery idempotent.
 */
public final class ArticleId {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

    private ArticleId() {
    }

    /** The id of the article stored for {@code key} in {@code bucket}. */
    public static String of(String bucket, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    /** True when {@code candidate} has the shape of an id, so lookups can answer 404/400 without a read. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
