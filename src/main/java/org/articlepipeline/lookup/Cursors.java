package org.articlepipeline.lookup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident paging cursors.
 *
 * <p>A cursor is {@code base64url(position) "." base64url(HMAC-SHA256(scope + position))[0..16 bytes]}.
 * The scope names the listing the cursor belongs to (its route and filters), so an edited, truncated or
 * foreign cursor fails verification and is answered with 400, never with some other page.
 */
public final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int TAG_BYTES = 16;

    private final byte[] secret;

    /** @param secret the signing key; deployments set {@code CURSOR_SECRET}, so cursors survive restarts */
    public Cursors(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("cursor secret must not be empty");
        }
        this.secret = secret.clone();
    }

    /** The cursor for {@code position} inside the listing named by {@code scope}. */
    public String encode(String scope, String position) {
        byte[] payload = position.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(tag(scope, payload));
    }

    /** The position inside {@code scope} that {@code cursor} names, or empty when it is not one of ours. */
    public Optional<String> decode(String scope, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String encodedPayload = cursor.substring(0, dot);
            String encodedTag = cursor.substring(dot + 1);
            byte[] payload = DECODER.decode(encodedPayload);
            byte[] tag = DECODER.decode(encodedTag);
            // The decoder ignores the unused low bits of a last character, so "...A" and "...B" can decode
            // alike; only the one canonical spelling of a cursor is accepted, so every edit is refused.
            if (!ENCODER.encodeToString(payload).equals(encodedPayload)
                    || !ENCODER.encodeToString(tag).equals(encodedTag)
                    || !MessageDigest.isEqual(tag, tag(scope, payload))) {
                return Optional.empty();
            }
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] tag(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM ships HmacSHA256", e);
        }
    }
}
