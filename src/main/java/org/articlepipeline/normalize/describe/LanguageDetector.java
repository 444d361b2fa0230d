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
 * quarter as many as the Persian ones (Urdu also writes ک and ی), Persian otherwise. Latin script: English or French by which stoplist the words hit more;
 * {@code null} when neither does. Other scripts: {@code ru}, {@code el}, {@code he}, {@code zh}, ... by
 * Unicode block, or {@code null}.
 */
public final class LanguageDetector {

    // What a char counts for; ARABIC_LETTER to ARABIC_ONLY are the Arabic script.
    private static final int NONE = 0;
    private static final int LATIN = 1;
    private static final int CYRILLIC = 2;
    private static final int GREEK = 3;
    private static final int HEBREW = 4;
    private static final int CJK = 5;
    private static final int ARABIC_LETTER = 6;
    private static final int URDU = 7;
    private static final int PERSIAN = 8;
    private static final int ARABIC_ONLY = 9;
    private static final int CLASSES = 10;

    /** The first 3000 characters tell the language as well as the whole article does. */
    private static final int WINDOW = 3000;
    private static final char TABLE_END = '\u0700';
    /** {@link #classify} of every char below U+0700 (Latin to Arabic blocks), so counting is one load. */
    private static final byte[] CLASS = classTable();

    private static byte[] classTable() {
        byte[] t = new byte[TABLE_END];
        for (char c = 0; c < TABLE_END; c++) {
            t[c] = (byte) classify(c);
        }
        return t;
    }

    /** The rules of the class comment, per char. */
    private static int classify(char c) {
        if (c >= '\u0600' && c <= '\u06FF') {
            if ("\u0679\u0688\u0691\u06BA\u06C1\u06D2".indexOf(c) >= 0) {     // ٹ ڈ ڑ ں ہ ے
                return URDU;
            }
            if ("\u067E\u0686\u0698\u06AF\u06A9\u06CC".indexOf(c) >= 0) {     // پ چ ژ گ ک ی
                return PERSIAN;
            }
            if ("\u064A\u0643\u0629\u0649".indexOf(c) >= 0) {                   // ي ك ة ى
                return ARABIC_ONLY;
            }
            return Character.isLetter(c) ? ARABIC_LETTER : NONE;
        }
        if (!Character.isLetter(c)) {
            return NONE;
        }
        if (c < 0x250) {
            return LATIN;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CYRILLIC ? CYRILLIC
                : block == Character.UnicodeBlock.GREEK ? GREEK
                : block == Character.UnicodeBlock.HEBREW ? HEBREW
                : block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS ? CJK
                : NONE;
    }

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
        int[] counts = new int[CLASSES];
        int left = WINDOW;
        for (int l = 0; l < lines.size() && left > 0; l++) {
            if (l > 0) {
                left--;              // the line feed between two lines: not a letter
            }
            String line = lines.get(l);
            int n = Math.min(line.length(), left);
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                counts[c < TABLE_END ? CLASS[c] : classify(c)]++;
            }
            left -= n;
        }
        int arabicScript = counts[ARABIC_LETTER] + counts[URDU] + counts[PERSIAN] + counts[ARABIC_ONLY];
        int latin = counts[LATIN];
        int cyrillic = counts[CYRILLIC];
        int greek = counts[GREEK];
        int hebrew = counts[HEBREW];
        int cjk = counts[CJK];
        int max = Math.max(Math.max(arabicScript, latin), Math.max(Math.max(cyrillic, greek), Math.max(hebrew, cjk)));
        if (max == 0) {
            return null;
        }
        if (max == arabicScript) {
            int persian = counts[PERSIAN];
            int urdu = counts[URDU];
            if (persian + urdu <= counts[ARABIC_ONLY]) {
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
        int en = 0;
        int fr = 0;
        for (String term : terms) {
            if (stopwords.isStopword("en", term)) {
                en++;
            }
            if (stopwords.isStopword("fr", term)) {
                fr++;
            }
        }
        if (en == 0 && fr == 0) {
            return null;
        }
        return en >= fr ? "en" : "fr";
    }
}
