package org.articlepipeline.normalize.describe;

import java.util.List;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;

/**
 * Tells the language of an article (ISO 639-1) from its letters and function words.
 *
 * <p>Arabic script: letters Arabic lacks (Persian پ چ ژ گ ک ی, Urdu ٹ ڈ ڑ ں ہ ے) are weighed against
 * letters Persian and Urdu spell differently (ي ك ة ى). Arabic wins unless the former outnumber the latter,
 * so a Persian place name in an Arabic article stays Arabic; then Urdu when its own letters are at least a
 * quarter as many as the Persian ones (Urdu also writes ک and ی), Persian otherwise. Latin script: English, French, German or Spanish by which stoplist the words hit most;
 * {@code null} when neither does. Other scripts: {@code ru}, {@code el}, {@code he}, {@code zh}, ... by
 * Unicode block, or {@code null}.
 */
public final class LanguageDetector {

    private static final byte NOT_LETTER = 0;
    private static final byte LETTER = 1;
    private static final byte URDU = 2;
    private static final byte PERSIAN = 3;
    private static final byte ARABIC_ONLY = 4;
    /** Class of each char of the Arabic block, computed once. */
    private static final byte[] ARABIC_BLOCK = arabicBlock();

    private static byte[] arabicBlock() {
        byte[] t = new byte[256];
        for (int i = 0; i < 256; i++) {
            t[i] = Character.isLetter((char) ('\u0600' + i)) ? LETTER : NOT_LETTER;
        }
        for (char c : "\u0679\u0688\u0691\u06BA\u06C1\u06D2".toCharArray()) {   // ٹ ڈ ڑ ں ہ ے
            t[c - '\u0600'] = URDU;
        }
        for (char c : "\u067E\u0686\u0698\u06AF\u06A9\u06CC".toCharArray()) {   // پ چ ژ گ ک ی
            t[c - '\u0600'] = PERSIAN;
        }
        for (char c : "\u064A\u0643\u0629\u0649".toCharArray()) {                 // ي ك ة ى
            t[c - '\u0600'] = ARABIC_ONLY;
        }
        return t;
    }

    /*
     * What each char below U+0700 counts for, packed into one long so the hot loop adds instead of branching:
     * 12 bits per counter (a count never passes SAMPLE_CHARS), in the order below. Letters of the Cyrillic,
     * Greek and Hebrew blocks, rare here, are marked by a negative entry instead and counted apart.
     */
    private static final int ARABIC_SCRIPT_SHIFT = 0;
    private static final int ARABIC_ONLY_SHIFT = 12;
    private static final int URDU_SHIFT = 24;
    private static final int PERSIAN_SHIFT = 36;
    private static final int LATIN_SHIFT = 48;
    private static final long COUNT_MASK = 0xFFF;
    private static final long CYRILLIC_MARK = Long.MIN_VALUE | 1;
    private static final long GREEK_MARK = Long.MIN_VALUE | 2;
    private static final long HEBREW_MARK = Long.MIN_VALUE | 3;
    private static final char PACKED_END = '\u0700';
    private static final long[] PACKED = packed();

    /** The counts of each char below {@link #PACKED_END}, by the rules {@link #detect} states. */
    private static long[] packed() {
        long[] t = new long[PACKED_END];
        for (char c = 'A'; c < PACKED_END; c++) {
            if (c >= '\u0600') {
                byte k = ARABIC_BLOCK[c - '\u0600'];
                long counts = k == NOT_LETTER ? 0 : 1L << ARABIC_SCRIPT_SHIFT;
                counts += k == URDU ? 1L << URDU_SHIFT : k == PERSIAN ? 1L << PERSIAN_SHIFT
                        : k == ARABIC_ONLY ? 1L << ARABIC_ONLY_SHIFT : 0;
                t[c] = counts;
            } else if (Character.isLetter(c)) {
                Character.UnicodeBlock block = c < 0x250 ? null : Character.UnicodeBlock.of(c);
                t[c] = c < 0x250 ? 1L << LATIN_SHIFT
                        : block == Character.UnicodeBlock.CYRILLIC ? CYRILLIC_MARK
                        : block == Character.UnicodeBlock.GREEK ? GREEK_MARK
                        : block == Character.UnicodeBlock.HEBREW ? HEBREW_MARK : 0;
            }
        }
        return t;
    }

    /**
     * Chars counted, line feeds included: the first 1000 tell the script as well as the whole article does.
     * In 1000 chars of each seed page about 800 are Arabic letters and 95 to 120 of them letters only Arabic
     * writes (ي ك ة ى), where a Persian or Urdu text has about as many letters of its own instead; the margin
     * is wide long before that, and counting more chars costs time for no better answer.
     */
    static final int SAMPLE_CHARS = 1000;

    private final MatchingForm form;
    private final Stopwords stopwords;

    public LanguageDetector(MatchingForm form, Stopwords stopwords) {
        this.form = form;
        this.stopwords = stopwords;
    }

    /** The ISO 639-1 code of {@code text}, or null when it cannot be told. */
    public String detect(String text) {
        return detect(List.of(text));
    }

    /**
     * The ISO 639-1 code of {@code lines} joined by line feeds, or null when it cannot be told; the lines are
     * joined only when Latin script needs their words.
     */
    public String detect(List<String> lines) {
        long packedCounts = 0;
        int cyrillic = 0;
        int greek = 0;
        int hebrew = 0;
        int cjk = 0;
        int left = SAMPLE_CHARS;
        for (int l = 0; l < lines.size() && left > 0; l++) {
            if (l > 0) {
                left--;              // the line feed between two lines: not a letter
            }
            String line = lines.get(l);
            int n = Math.min(line.length(), left);
            left -= n;
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                if (c < PACKED_END) {
                    long counts = PACKED[c];
                    if (counts >= 0) {
                        packedCounts += counts;
                    } else if (counts == CYRILLIC_MARK) {
                        cyrillic++;
                    } else if (counts == GREEK_MARK) {
                        greek++;
                    } else {
                        hebrew++;
                    }
                } else if (Character.isLetter(c)
                        && Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) {
                    cjk++;                // (the Cyrillic, Greek and Hebrew blocks all lie below U+0700)
                }
            }
        }
        int arabicScript = (int) (packedCounts >>> ARABIC_SCRIPT_SHIFT & COUNT_MASK);
        int arabicOnly = (int) (packedCounts >>> ARABIC_ONLY_SHIFT & COUNT_MASK);
        int urdu = (int) (packedCounts >>> URDU_SHIFT & COUNT_MASK);
        int persian = (int) (packedCounts >>> PERSIAN_SHIFT & COUNT_MASK);
        int latin = (int) (packedCounts >>> LATIN_SHIFT & COUNT_MASK);
        int max = Math.max(Math.max(arabicScript, latin), Math.max(Math.max(cyrillic, greek), Math.max(hebrew, cjk)));
        if (max == 0) {
            return null;
        }
        if (max == arabicScript) {
            if (persian + urdu <= arabicOnly) {
                return "ar";
            }
            return urdu * 4 >= persian ? "ur" : "fa";
        }
        if (max == latin) {
            return latinLanguage(String.join("\n", lines));
        }
        return max == cyrillic ? "ru" : max == greek ? "el" : max == hebrew ? "he" : "zh";
    }

    private String latinLanguage(String text) {
        List<String> terms = form.terms(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        // The Latin-script stoplist the words hit most; on a tie the one listed first (en, fr, de, es).
        String best = null;
        int bestHits = 0;
        for (String language : stopwords.languages()) {
            if (language.equals("ar")) {
                continue;
            }
            int hits = 0;
            for (String term : terms) {
                hits += stopwords.isStopword(language, term) ? 1 : 0;
            }
            if (hits > bestHits) {
                best = language;
                bestHits = hits;
            }
        }
        return best;
    }
}
