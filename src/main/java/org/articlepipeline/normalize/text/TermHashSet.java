package org.articlepipeline.normalize.text;

import java.util.Collection;

/**
 * A set of {@link MatchingForm} terms held as their {@link MatchingForm#termHashes term hashes}, so that a term
 * folded by {@link FoldedLines} is looked up by its hash without ever becoming a string.
 *
 * <p>Cuckoo hashing: every term sits in one of two cells that its hash names, so a lookup reads those two cells
 * and compares, without a loop or a branch. Folding asks this of every word of every page (stopwords), and a
 * probe loop whose exit depends on the word costed more there than the rest of the fold of that word. The
 * table is kept small (a few kilobytes for the stoplists) so that it stays in the L1 cache beside the page.
 * Two different terms share a 64-bit hash with odds of about one in 2<sup>64</sup>, so callers that must be
 * exact confirm a hit on the term itself. Instances are immutable and thread-safe.
 */
public final class TermHashSet {

    /** Evictions one insertion may cause before the table is rebuilt twice as large. */
    private static final int MAX_KICKS = 64;

    /** 0 marks an empty cell. */
    private final long[] table;
    private final int mask;

    /** The set of every term of every text in {@code texts}. */
    public TermHashSet(Collection<String> texts, MatchingForm form) {
        MatchingForm.TermHashes hashes = new MatchingForm.TermHashes();
        MatchingForm.TermHashes all = new MatchingForm.TermHashes();
        for (String text : texts) {
            form.termHashes(text, hashes);
            for (int i = 0; i < hashes.size(); i++) {
                all.add(hashes.get(i));
            }
        }
        // At most a quarter full, where two-choice cuckoo insertion practically never fails.
        int size = Integer.highestOneBit(Math.max(8, all.size() * 4 - 1)) * 2;
        long[] table = build(all, size);
        while (table == null) {
            size *= 2;
            table = build(all, size);
        }
        this.table = table;
        this.mask = table.length - 1;
    }

    /** Whether the term whose hash is {@code termHash} is in the set. */
    public boolean contains(long termHash) {
        // Non-short-circuit operators: two loads and compares, no branch. The hash 0 marks empty cells.
        return (table[first(termHash, mask)] == termHash | table[second(termHash, mask)] == termHash)
                & termHash != 0;
    }

    /** A table of {@code size} cells holding every hash, or null when insertion ran out of kicks. */
    private static long[] build(MatchingForm.TermHashes hashes, int size) {
        long[] table = new long[size];
        int mask = size - 1;
        for (int k = 0; k < hashes.size(); k++) {
            long h = hashes.get(k);
            if (h == 0 || table[first(h, mask)] == h || table[second(h, mask)] == h) {
                continue;           // unfindable (odds 2^-64 for FNV-1a), or already in
            }
            int cell = first(h, mask);
            for (int kick = 0; ; kick++) {
                long evicted = table[cell];
                table[cell] = h;
                if (evicted == 0) {
                    break;
                }
                if (kick == MAX_KICKS) {
                    return null;
                }
                // The evicted hash moves to its other cell.
                h = evicted;
                cell = first(h, mask) == cell ? second(h, mask) : first(h, mask);
            }
        }
        return table;
    }

    /** The first cell of {@code h}: FNV-1a's low bits. */
    private static int first(long h, int mask) {
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** The second cell of {@code h}: its high bits, which the last multiply of FNV-1a mixes best. */
    private static int second(long h, int mask) {
        return (int) (h >>> 43) & mask;
    }
}
