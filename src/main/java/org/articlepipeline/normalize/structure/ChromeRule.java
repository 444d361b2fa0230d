package org.articlepipeline.normalize.structure;

import java.util.Set;

/**
 * One way to recognize a page-chrome line by the line alone, wherever it stands on the page. Rules that need
 * the line's neighbours (menus, runs of other stories' headlines, footers) are stages of
 * {@link StructureFinder}, not rules.
 *
 * <p>A rule declares what it can answer and which lines it needs to see: {@link ChromeRules} builds its
 * first-word pre-filter from these declarations, so a rule asks only about lines that open with one of its
 * {@link Triggers#words() trigger words} (or every line, for {@link Triggers#ANY_LINE}) and a new rule cannot
 * be filtered out by a list someone forgot to update.
 */
interface ChromeRule {

    /** A short name for tests and error messages, e.g. {@code "credit"}. */
    String name();

    /** Every reason {@link #reason} can give. */
    Set<ChromeReason> reasons();

    /** The lines this rule needs to be asked about. */
    Triggers triggers();

    /**
     * The reason {@code line} is chrome by this rule, or null. Called only for lines of at most
     * {@link ChromeRules#MAX_CHROME_WORDS} words whose first term the {@link #triggers} admit.
     *
     * @param marks what a single pass over the line's chars found (digits, address marks, separators)
     */
    ChromeReason reason(Line line, ChromeRules.Marks marks);

    /**
     * Which lines a rule is asked about, by their first term in {@link org.articlepipeline.normalize.text.MatchingForm
     * matching form}.
     *
     * @param words   the first terms that open a line this rule can match; empty with {@code anyLine}
     * @param number  whether a line opening with a number is asked too ("2 hours ago")
     * @param anyLine whether every line is asked (a rule about shape, not words)
     */
    record Triggers(Set<String> words, boolean number, boolean anyLine) {

        /** Every line is asked: the rule reads shape, not words. */
        static final Triggers ANY_LINE = new Triggers(Set.of(), false, true);

        public Triggers {
            words = Set.copyOf(words);
        }

        /** Lines opening with one of {@code words}. */
        static Triggers openingWith(Set<String> words) {
            return new Triggers(words, false, false);
        }

        /** Lines opening with one of {@code words} or with a number. */
        static Triggers openingWithOrNumber(Set<String> words) {
            return new Triggers(words, true, false);
        }
    }
}
