package org.articlepipeline.normalize.fingerprint;

import java.util.ArrayList;
import java.util.List;
import org.articlepipeline.normalize.Fingerprint;

/**
 * Locality-sensitive hashing keys for finding near-duplicate candidates without comparing every pair.
 *
 * <p>The {@value MinHasher#SLOTS} slots of a {@link Fingerprint} are cut into {@value #BANDS} bands of
 * {@value #ROWS} rows. Two articles are candidates when any band hashes equal; the chance of that for
 * Jaccard similarity {@code s} is {@code 1 - (1 - s^4)^64}:
 * <pre>
 *   s    0.10   0.20   0.30   0.35   0.45   0.50   0.60   0.80
 *   P    0.006  0.097  0.406  0.620  0.931  0.984  1.000  1.000
 * </pre>
 * The S-curve's midpoint {@code (1/64)^(1/4) ≈ 0.35} sits below the duplicate threshold
 * {@value #THRESHOLD} (the near-duplicate threshold of the text-dedup news benchmark), so a true near
 * duplicate is missed with under 7% probability while unrelated stories (s below 0.1) collide under 1% of
 * the time; candidates are then confirmed with {@link Fingerprint#similarity}. 32 bands × 8 rows would put
 * the midpoint at 0.65 and miss most pairs at 0.45.
 */
public final class LshBands {

    /** Bands per fingerprint. */
    public static final int BANDS = 64;
    /** Slots per band. */
    public static final int ROWS = 4;
    /** Estimated Jaccard similarity at or above which two articles count as near duplicates. */
    public static final double THRESHOLD = 0.45;

    private LshBands() {
    }

    /**
     * One hash per band: equal band hashes at the same index mark a candidate pair. The band index is mixed
     * in, so equal values in different bands do not collide.
     *
     * @param bands how many bands to cut the fingerprint into; its size must be a multiple of it
     */
    public static int[] bandHashes(Fingerprint fingerprint, int bands) {
        int size = fingerprint.size();
        if (bands <= 0 || size % bands != 0) {
            throw new IllegalArgumentException(size + " slots cannot be cut into " + bands + " bands");
        }
        return bandHashes(fingerprint, bands, size / bands);
    }

    /**
     * As {@link #bandHashes(Fingerprint, int)}, over the first {@code bands × rows} slots only: for a
     * store that trades some recall for fewer band items per article (its own curve
     * {@code 1 - (1 - s^rows)^bands} then applies).
     */
    public static int[] bandHashes(Fingerprint fingerprint, int bands, int rows) {
        if (bands <= 0 || rows <= 0 || (long) bands * rows > fingerprint.size()) {
            throw new IllegalArgumentException(fingerprint.size() + " slots cannot hold " + bands + " bands of " + rows);
        }
        int[] out = new int[bands];
        for (int b = 0; b < bands; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = MinHasher.mix(h * 0x100000001B3L + (fingerprint.value(b * rows + r) & 0xFFFFFFFFL));
            }
            out[b] = (int) (h ^ (h >>> 32));
        }
        return out;
    }

    /** {@link #bandHashes(Fingerprint, int)} with the default {@value #BANDS} bands. */
    public static int[] bandHashes(Fingerprint fingerprint) {
        return bandHashes(fingerprint, BANDS);
    }

    /**
     * The bands as table keys, {@code "<band>:<hash hex>"} (e.g. {@code "07:1a2b3c4d"}), for an index whose
     * partition key is the band key.
     */
    public static List<String> bands(Fingerprint fingerprint) {
        int[] hashes = bandHashes(fingerprint, BANDS);
        List<String> keys = new ArrayList<>(hashes.length);
        for (int b = 0; b < hashes.length; b++) {
            keys.add(String.format("%02d:%08x", b, hashes[b]));
        }
        return keys;
    }
}
