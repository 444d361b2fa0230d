package org.articlepipeline.normalize;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * A near-duplicate signature: one MinHash value per permutation slot.
 *
 * <p>Two fingerprints estimate the Jaccard similarity of their articles' shingle sets as the share of
 * slots holding equal values.
 */
public record Fingerprint(int[] values) {

    public Fingerprint {
        values = values.clone();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    /** The value in slot {@code slot}, without copying the array. */
    public int value(int slot) {
        return values[slot];
    }

    public int size() {
        return values.length;
    }

    /** Estimated Jaccard similarity, in [0, 1]. */
    public double similarity(Fingerprint other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("fingerprints of different sizes");
        }
        int equal = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                equal++;
            }
        }
        return values.length == 0 ? 0 : (double) equal / values.length;
    }

    /** A compact URL-safe text form, for JSON documents and table items. */
    public String encoded() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        buffer.asIntBuffer().put(values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** Reads the form written by {@link #encoded()}. */
    public static Fingerprint decode(String encoded) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(encoded));
        int[] values = new int[buffer.remaining() / Integer.BYTES];
        buffer.asIntBuffer().get(values);
        return new Fingerprint(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + values.length + " slots]";
    }
}
