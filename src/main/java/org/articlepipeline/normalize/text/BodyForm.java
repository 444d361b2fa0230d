package org.articlepipeline.normalize.text;

import java.util.Arrays;

/**
 * The finished matching form of an article's body, taken once from its {@link FoldedLines} so that nothing
 * after the structure stage reads a buffer the next page will overwrite.
 *
 * @param hashInput     every paragraph's {@link MatchingForm matching form}, each followed by a line feed: what
 *                      the content hash digests (as UTF-16LE)
 * @param termHashes    the {@link MatchingForm#termHashes term hashes} of the body's terms, in order across
 *                      paragraphs: what the near-duplicate fingerprint reads
 * @param wordCount     space-separated tokens holding a letter or digit, over all paragraphs
 * @param hasSurrogates whether the body holds a char beyond the Basic Multilingual Plane, so its length in code
 *                      points differs from its length in chars
 */
public record BodyForm(String hashInput, long[] termHashes, int wordCount, boolean hasSurrogates) {

    public BodyForm {
        termHashes = termHashes.clone();
    }

    /** A copy: the record must not hand out its own array. */
    @Override
    public long[] termHashes() {
        return termHashes.clone();
    }

    /** How many terms the body has. */
    public int termCount() {
        return termHashes.length;
    }

    /** The hash of term {@code k}, without copying the array. */
    public long termHash(int k) {
        return termHashes[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyForm b && hashInput.equals(b.hashInput) && Arrays.equals(termHashes, b.termHashes)
                && wordCount == b.wordCount && hasSurrogates == b.hasSurrogates;
    }

    @Override
    public int hashCode() {
        return hashInput.hashCode() * 31 + Arrays.hashCode(termHashes);
    }

    @Override
    public String toString() {
        return "BodyForm[" + termHashes.length + " terms, " + wordCount + " words]";
    }
}
