package org.articlepipeline.normalize;

/**
 * Limits the normalizer applies before reading an upload.
 *
 * @param maxBytes uploads longer than this are rejected as {@code too-large} without being decoded;
 *                 news pages are tens of kilobytes, so anything near the cap is almost certainly not an article
 */
public record NormalizerSettings(int maxBytes) {

    /** The default cap: 10 MB. */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

    public NormalizerSettings {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }

    /** Settings with a 10 MB size cap. */
    public static NormalizerSettings defaults() {
        return new NormalizerSettings(DEFAULT_MAX_BYTES);
    }
}
