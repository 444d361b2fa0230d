package org.articlepipeline.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The matching form of text for search and source keys: one spelling per word, so that the spellings
 * people actually type for the same Arabic word meet in one index term.
 *
 * <p>Alef forms (أ إ آ ٱ) become ا, ى becomes ي, ة becomes ه, diacritics (U+064B–U+065F, U+0670) and
 * tatweel (U+0640) disappear, Arabic-Indic and Persian digits become ASCII, Latin letters are lower-cased,
 * and anything that is neither a letter nor a digit separates words.
 *
 * <p>Stand-in for the shared matching normalizer in {@code org.articlepipeline.normalize}; it is swapped
 * for that one when the branches merge, so it stays package-private.
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

    private SearchTerms() {
    }

    /** {@code text} in matching form, word separators kept as they are. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670) {
                continue;
            }
            out.appendCodePoint(fold(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The words of {@code text} in matching form, in order, stop words and one-letter words dropped. */
    static List<String> words(String text) {
        String normalized = normalize(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); ) {
            int c = i < normalized.length() ? normalized.codePointAt(i) : ' ';
            boolean wordChar = i < normalized.length() && Character.isLetterOrDigit(c);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                add(words, normalized.substring(start, i));
                start = -1;
            }
            i += i < normalized.length() ? Character.charCount(c) : 1;
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
        String normalized = normalize(name);
        StringBuilder key = new StringBuilder();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean wordChar = i < normalized.length() && Character.isLetterOrDigit(normalized.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                if (key.length() > 0) {
                    key.append('-');
                }
                key.append(normalized, start, i);
                start = -1;
            }
        }
        return key.length() > 100 ? key.substring(0, 100) : key.toString();
    }

    private static void add(List<String> words, String word) {
        if (word.codePointCount(0, word.length()) < MIN_TERM_LENGTH || STOP_WORDS.contains(word)) {
            return;
        }
        words.add(word.codePointCount(0, word.length()) > MAX_TERM_LENGTH
                ? word.substring(0, word.offsetByCodePoints(0, MAX_TERM_LENGTH)) : word);
    }

    private static int fold(int c) {
        switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ':
                return 'ا';
            case 'ى':
                return 'ي';
            case 'ة':
                return 'ه';
            default:
                break;
        }
        if (c >= 0x0660 && c <= 0x0669) {
            return '0' + (c - 0x0660);
        }
        if (c >= 0x06F0 && c <= 0x06F9) {
            return '0' + (c - 0x06F0);
        }
        return c;
    }
}
