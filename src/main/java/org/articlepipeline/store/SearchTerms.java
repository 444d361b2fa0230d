package org.articlepipeline.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.articlepipeline.normalize.text.MatchingForm;

/**
 * The matching form of text for search and source keys: one spelling per word, so that the spellings
 * people actually type for the same Arabic word meet in one index term.
 *
 * <p>The folding is the normalizer's {@link MatchingForm} (alef forms → ا, ى → ي, ة → ه, diacritics and
 * tatweel dropped, Persian and Urdu letters folded, Arabic-Indic and Persian digits → ASCII, Latin
 * lower-cased and accents folded); this class adds what only the index needs: which words are terms
 * (length bounds, a short stoplist) and the publisher key.
 */
final class SearchTerms {

    /** Words too short to carry meaning on their own (one letter) are never terms. */
    static final int MIN_TERM_LENGTH = 2;
    /** Longer "words" are URLs or noise; capping them keeps every posting key small. */
    static final int MAX_TERM_LENGTH = 40;

    /**
     * Function words that would sit in nearly every article: indexing them would only make the biggest
     * posting lists. Queries drop them too, so a query containing one still finds its other words.
     * Written in matching form.
     */
    private static final Set<String> STOP_WORDS = Set.of(
            "في", "من", "الي", "علي", "عن", "ان", "او", "ما", "لا", "مع", "هذا", "هذه", "ذلك", "التي", "الذي",
            "كان", "قد", "لم", "لن", "ثم", "بين", "كما", "وقال", "قال", "وفي", "الا", "هو", "هي", "بعد", "عند",
            "the", "of", "and", "to", "in", "a", "is", "on", "for", "that", "with", "as", "by", "at", "an",
            "le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "au", "aux");

    /** The project's one matching form: the same folding feeds fingerprints, hashes and search. */
    private static final MatchingForm MATCHING = new MatchingForm();

    private SearchTerms() {
    }

    /** {@code text} in matching form, word separators kept as they are. */
    static String normalize(String text) {
        return MATCHING.normalize(text);
    }

    /** The words of {@code text} in matching form, in order, stop words and one-letter words dropped. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String term : MATCHING.terms(text)) {
            add(words, term);
        }
        return words;
    }

    /**
     * A URL-safe key for a publisher's name: its words in matching form joined by {@code -}, so
     * {@code "Al Jazeera"} and {@code "al-jazeera"} are one source, as are {@code "الجزيرة"} and
     * {@code "الجزيره"}. Empty when the name has no letters or digits. Stop words are kept here, since a
     * name is matched whole.
     */
    static String sourceKey(String name) {
        String key = String.join("-", MATCHING.terms(name));
        return key.length() > 100 ? key.substring(0, 100) : key;
    }


    private static void add(List<String> words, String word) {
        if (word.codePointCount(0, word.length()) < MIN_TERM_LENGTH || STOP_WORDS.contains(word)) {
            return;
        }
        words.add(word.codePointCount(0, word.length()) > MAX_TERM_LENGTH
                ? word.substring(0, word.offsetByCodePoints(0, MAX_TERM_LENGTH)) : word);
    }
}
