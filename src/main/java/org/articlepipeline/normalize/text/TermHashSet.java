package org.articlepipeline.normalize.text;

import java.util.Collection;

/**
 * A set of {@link MatchingForm} terms held as their {@link MatchingForm#termHashes term hashes}, so that a term
 * folded by {@link FoldedLines} is looked up by its hash without ever becoming a string.
 *
 * <p>Open addressing with linear probing, at most a quarter full, 0 marking an empty cell: a miss, the usual
 * answer for a line's terms, ends at the first or second cell. Two different terms share a 64-bit hash with
 * odds of about one in 2<sup>64</sup>, so callers that must be exact confirm a hit on the term itself.
 * Instances are immutable and thread-safe.
 */
public final class TermHashSet {

    private final long[] table;

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
        long[] table = new long[Integer.highestOneBit(Math.max(4, all.size() * 4)) * 2];
        int mask = table.length - 1;
        for (int k = 0; k < all.size(); k++) {
            long h = all.get(k);
            // 0 marks an empty cell; a term hashing to 0 would be unfindable, and FNV-1a gives it odds of 2^-64.
            for (int i = slot(h, mask); h != 0 && table[i] != h; i = (i + 1) & mask) {
                if (table[i] == 0) {
                    table[i] = h;
                    break;
                }
            }
        }
        this.table = table;
    }

    /** Whether the term whose hash is {@code termHash} is in the set. */
    public boolean contains(long termHash) {
        int mask = table.length - 1;
        for (int i = slot(termHash, mask); ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == 0) {
                return false;
            }
            if (v == termHash) {
                return true;
            }
        }
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 29)) & mask;
    }
}
