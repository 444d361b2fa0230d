package org.articlepipeline.normalize.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The matching form of text: what search keys, content hashes and fingerprints are computed on, never what
 * is displayed. Spelling variants that readers treat as the same word map to one form.
 *
 * <p>Rules (one per {@code case} in {@link #fold(char)}), after Lucene's {@code ArabicNormalizer} and
 * {@code PersianNormalizer} and CAMeL Tools' {@code normalize_alef_ar}, {@code normalize_alef_maksura_ar},
 * {@code normalize_teh_marbuta_ar} and {@code dediac_ar}:
 * <ul>
 *   <li>alef with hamza above/below, alef with madda, alef wasla and wavy-hamza alefs (أ إ آ ٱ ٲ ٳ) → bare alef ا;</li>
 *   <li>alef maksura ى → yeh ي; Persian/Urdu yeh ی and Urdu yeh barree ے ۓ → yeh ي (Arabic keyboards type
 *       the Persian final forms as ي, and ی is often typed for ى, so they all match);</li>
 *   <li>teh marbuta ة → heh ه; Persian heh with yeh ۀ, Urdu heh goal ہ, heh doachashmee ھ and ae ە → heh ه;</li>
 *   <li>keheh ک and swash kaf ڪ → kaf ك;</li>
 *   <li>harakat and tanwin (U+064B–U+065F), superscript alef (U+0670), Quranic marks (U+0610–U+061A,
 *       U+06D6–U+06ED) and tatweel (U+0640) are dropped;</li>
 *   <li>Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits → ASCII digits;</li>
 *   <li>Latin letters are lower-cased, and accents are folded for Latin-1 and Latin Extended-A letters
 *       (é → e, Ç → c), because French queries are typed without accents as often as with them;</li>
 *   <li>zero-width joiners and non-joiners, bidi marks and the soft hyphen are dropped, so a Persian word
 *       written with a ZWNJ matches the same word written without one.</li>
 * </ul>
 * Hamza on waw and yeh (ؤ ئ) is kept: folding it merges distinct words, and neither Lucene nor CAMeL does it.
 *
 * <p>Instances are stateless and thread-safe. {@link #normalize(String)} is one pass with no allocation per
 * character.
 */
public final class MatchingForm {

    /** Returned by {@link #fold(char)} for characters the matching form drops. */
    public static final char DROP = '\uFFFF';

    private static final char LATIN_TABLE_END = '\u017F';
    /** Lower-cased, accent-folded Latin-1 Supplement and Latin Extended-A letters, computed once. */
    private static final char[] LATIN = latinTable();

    private static char[] latinTable() {
        char[] table = new char[LATIN_TABLE_END + 1];
        for (char c = 0; c <= LATIN_TABLE_END; c++) {
            char lower = Character.toLowerCase(c);
            String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            table[c] = Character.isLetter(lower) && base < 0x80 ? base : lower;
        }
        return table;
    }

    private static final char TABLE_END = '\u06FF';
    /** {@link #foldSlow} of every char up to U+06FF (Latin and Arabic blocks), so the hot path is one load. */
    private static final char[] FOLD = foldTable();
    /** Whether the folded char is a letter or digit, for the same range. */
    private static final boolean[] WORD = wordTable();

    private static char[] foldTable() {
        char[] t = new char[TABLE_END + 1];
        for (char c = 0; c <= TABLE_END; c++) {
            t[c] = foldSlow(c);
        }
        return t;
    }

    private static boolean[] wordTable() {
        boolean[] t = new boolean[TABLE_END + 1];
        for (char c = 0; c <= TABLE_END; c++) {
            t[c] = Character.isLetterOrDigit(c);
        }
        return t;
    }

    /** The matching form of one character, or {@link #DROP}. */
    public static char fold(char c) {
        return c <= TABLE_END ? FOLD[c] : foldSlow(c);
    }

    /** Whether {@code c} (usually a folded char) is part of a word: a letter or a digit. */
    public static boolean isWordChar(char c) {
        return c <= TABLE_END ? WORD[c] : c != DROP && Character.isLetterOrDigit(c);
    }

    /** The rules, one per case; {@link #fold} caches them for the Latin and Arabic blocks. */
    private static char foldSlow(char c) {
        if (c <= LATIN_TABLE_END) {
            return c == '\u00AD' ? DROP : LATIN[c];
        }
        switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671', '\u0672', '\u0673': return '\u0627'; // alef forms → ا
            case '\u0649': return '\u064A';                      // alef maksura ى → ي
            case '\u06CC', '\u06D2', '\u06D3': return '\u064A';  // Persian/Urdu yeh ی ے ۓ → ي
            case '\u0629': return '\u0647';                      // teh marbuta ة → ه
            case '\u06C0', '\u06C1', '\u06BE', '\u06D5': return '\u0647'; // ۀ ہ ھ ە → ه
            case '\u06A9', '\u06AA': return '\u0643';            // keheh ک, swash kaf ڪ → ك
            case '\u0640': return DROP;                          // tatweel
            case '\u0670': return DROP;                          // superscript alef
            case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF': return DROP;
            default:
                if (c >= '\u064B' && c <= '\u065F') {
                    return DROP;                                 // harakat, tanwin, shadda, sukun, hamza marks
                }
                if ((c >= '\u0610' && c <= '\u061A') || (c >= '\u06D6' && c <= '\u06ED' && c != '\u06D5')) {
                    return DROP;                                 // Quranic annotation marks
                }
                if (c >= '\u0660' && c <= '\u0669') {
                    return (char) ('0' + (c - '\u0660'));        // Arabic-Indic digits
                }
                if (c >= '\u06F0' && c <= '\u06F9') {
                    return (char) ('0' + (c - '\u06F0'));        // Persian digits
                }
                if (c < '\u0590') {
                    return Character.toLowerCase(c);             // Greek, Cyrillic, ...
                }
                return c;
        }
    }

    /** The matching form of {@code text}: every character folded, dropped ones removed. */
    public String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        appendNormalized(text, out);
        return out.toString();
    }

    /** Appends the matching form of {@code text} to {@code out}. */
    public void appendNormalized(CharSequence text, StringBuilder out) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char f = fold(text.charAt(i));
            if (f != DROP) {
                out.append(f);
            }
        }
    }

    /**
     * The words of {@code text} in matching form, in order: maximal runs of letters and digits after folding.
     * Dropped marks do not split a word; anything else that is not a letter or digit does.
     */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        StringBuilder term = new StringBuilder(32);
        for (int i = 0, n = text.length(); i <= n; i++) {
            char f = i < n ? fold(text.charAt(i)) : ' ';
            if (f == DROP) {
                continue;
            }
            if (isWordChar(f)) {
                term.append(f);
            } else if (term.length() > 0) {
                terms.add(term.toString());
                term.setLength(0);
            }
        }
        return terms;
    }

    /**
     * A 64-bit hash of each matching-form term of {@code text}, in order, without building strings: equal
     * terms give equal hashes. Used for fingerprints, where one hash per word is all that is needed.
     *
     * <p>The hash is 64-bit FNV-1a over the term's matching-form chars: start at {@link #TERM_HASH_OFFSET},
     * then {@code h = (h ^ c) * TERM_HASH_PRIME} per char.
     *
     * @param out a reusable buffer, cleared first
     * @return {@code out}, holding one hash per term
     */
    public TermHashes termHashes(CharSequence text, TermHashes out) {
        out.clear();
        long h = FNV_OFFSET;
        boolean inTerm = false;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char f = i < n ? fold(text.charAt(i)) : ' ';
            if (f == DROP) {
                continue;
            }
            if (isWordChar(f)) {
                h = (h ^ f) * FNV_PRIME;
                inTerm = true;
            } else if (inTerm) {
                out.add(h);
                h = FNV_OFFSET;
                inTerm = false;
            }
        }
        return out;
    }

    /** FNV-1a offset basis: the hash of an empty term. */
    public static final long TERM_HASH_OFFSET = 0xcbf29ce484222325L;
    /** FNV-1a 64-bit prime. */
    public static final long TERM_HASH_PRIME = 0x100000001b3L;
    private static final long FNV_OFFSET = TERM_HASH_OFFSET;
    private static final long FNV_PRIME = TERM_HASH_PRIME;

    /** A growable list of term hashes, reusable across calls to avoid allocation. */
    public static final class TermHashes {
        private long[] values;
        private int size;

        /** An empty list with room for 256 hashes. */
        public TermHashes() {
            this(256);
        }

        /** An empty list with room for {@code capacity} hashes. */
        public TermHashes(int capacity) {
            values = new long[Math.max(capacity, 4)];
        }

        /** Empties the list. */
        public void clear() {
            size = 0;
        }

        /** Appends one term hash. */
        public void add(long h) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = h;
        }

        /** How many hashes the last call wrote. */
        public int size() {
            return size;
        }

        /** The hash of term {@code i}. */
        public long get(int i) {
            return values[i];
        }
    }
}
