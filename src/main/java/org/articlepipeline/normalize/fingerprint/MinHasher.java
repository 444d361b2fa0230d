package org.articlepipeline.normalize.fingerprint;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.articlepipeline.normalize.Fingerprint;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;

/**
 * Near-duplicate signatures: MinHash over word 2-gram shingles of the matching form, {@value #SLOTS} slots,
 * by one-permutation hashing with optimal densification.
 *
 * <p>One-permutation hashing (Li, Owen and Zhang, "One Permutation Hashing", NIPS 2012) hashes each shingle
 * once: the hash picks one of the slots and the slot keeps the smallest hash it sees, so cost is one hash per
 * shingle instead of one per slot. Slots no shingle landed in are filled by optimal densification
 * (Shrivastava, "Optimal Densification for Fast and Accurate Minwise Hashing", ICML 2017; after Shrivastava
 * and Li, "Densifying One Permutation Hashing via Rotation", ICML 2014): an empty slot copies the value of a
 * non-empty slot chosen by a hash of (slot, attempt), which keeps the estimator unbiased for short texts.
 * Two fingerprints' share of equal slots estimates the Jaccard similarity of their shingle sets.
 *
 * <p>A text of one word is fingerprinted from that unigram; a text without words gets all slots zero.
 * Instances are not thread-safe (they reuse a buffer); create one per thread.
 */
public final class MinHasher {

    /** Slots per fingerprint. */
    public static final int SLOTS = 256;

    private final MatchingForm form;
    /** Created on the first fingerprint of a text: callers with term hashes never need it. */
    private MatchingForm.TermHashes terms;
    private final long[] mins = new long[SLOTS];
    /** The slots' values as a fingerprint takes them: {@link Fingerprint} keeps a copy, so this is reused. */
    private final int[] values = new int[SLOTS];

    public MinHasher(MatchingForm form) {
        this.form = form;
    }

    /** The fingerprint of the body {@code paragraphs}. */
    public Fingerprint fingerprint(List<String> paragraphs) {
        return fingerprint(String.join("\n", paragraphs));
    }

    /** The fingerprint of {@code text}. */
    public Fingerprint fingerprint(CharSequence text) {
        if (terms == null) {
            terms = new MatchingForm.TermHashes();
        }
        return fingerprint(form.termHashes(text, terms));
    }

    /**
     * The fingerprint of a text whose {@link MatchingForm#termHashes term hashes} were already computed, for
     * callers that fold the text once for several purposes.
     */
    public Fingerprint fingerprint(MatchingForm.TermHashes terms) {
        return fingerprint(terms::get, terms.size());
    }

    /** The fingerprint of an article's body, read off the term hashes its folding computed. */
    public Fingerprint fingerprint(org.articlepipeline.normalize.text.BodyForm body) {
        return fingerprint(body::termHash, body.termCount());
    }

    /** The fingerprint of the lines of {@code text}, read off the term hashes their folding computed. */
    public Fingerprint fingerprint(FoldedLines text) {
        Arrays.fill(mins, Long.MAX_VALUE);
        int count = text.termCount();
        if (count == 0) {
            return new Fingerprint(new int[SLOTS]);
        }
        // The shingles run across line ends: a text is one sequence of terms, however it is broken into lines.
        long previous = 0;
        boolean first = true;
        for (int line = 0; line < text.size(); line++) {
            for (int k = 0, n = text.termCount(line); k < n; k++) {
                long term = text.termHash(line, k);
                if (count == 1) {
                    add(mix(term));
                } else if (!first) {
                    add(shingle(previous, term));
                }
                previous = term;
                first = false;
            }
        }
        return densified();
    }

    private Fingerprint fingerprint(IntToLongFunction terms, int count) {
        Arrays.fill(mins, Long.MAX_VALUE);
        if (count == 0) {
            return new Fingerprint(new int[SLOTS]);
        }
        if (count == 1) {
            add(mix(terms.applyAsLong(0)));
        }
        for (int i = 1; i < count; i++) {
            add(shingle(terms.applyAsLong(i - 1), terms.applyAsLong(i)));
        }
        return densified();
    }

    /** The fingerprint of the slots filled so far, the empty ones filled by densification. */
    private Fingerprint densified() {
        for (int slot = 0; slot < SLOTS; slot++) {
            long v = mins[slot];
            for (int attempt = 1; v == Long.MAX_VALUE; attempt++) {
                int donor = (int) ((mix(((long) slot << 32) | attempt) >>> 1) % SLOTS);
                v = mins[donor];
            }
            values[slot] = (int) v;
        }
        return new Fingerprint(values);
    }

    private void add(long h) {
        int slot = (int) (h >>> 56);        // top 8 bits choose one of 256 slots
        long value = h & 0x00FFFFFFFFFFFFFFL; // the rest ranks within the slot
        if (value < mins[slot]) {
            mins[slot] = value;
        }
    }

    /** The hash of the word 2-gram of terms {@code previous} and {@code term}, in that order. */
    private static long shingle(long previous, long term) {
        return mix(previous * 0x9E3779B97F4A7C15L + term);
    }

    /** SplitMix64 finalizer: a fast, well-mixed 64-bit hash of {@code x}. */
    static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
