package org.articlepipeline.normalize.structure;

import org.articlepipeline.normalize.text.FoldedLines;

/**
 * One cleaned line with the features chrome detection reads.
 *
 * @param text          the line
 * @param terms         its words in matching form (none for a line too long to be chrome)
 * @param words         how many of those words hold a letter
 * @param endsSentence  whether it ends like a sentence ({@code . ! ? ؟ … : ؛}, before closing quotes)
 * @param stopwordRatio the share of words that are function words
 */
record Line(String text, FoldedLines.Terms terms, int words, boolean endsSentence, double stopwordRatio) {

    /** Whether the line has letters at all. */
    boolean hasLetters() {
        return words > 0;
    }
}
