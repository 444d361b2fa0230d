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
        int arabicScript = 0;
        int arabicOnly = 0;
        int urdu = 0;
        int persian = 0;
        int latin = 0;
        int cyrillic = 0;
        int greek = 0;
        int hebrew = 0;
        int cjk = 0;
        // The first 3000 characters (line feeds included) tell the language as well as the whole article does.
        // Plain local counters: a table of counts would make each letter wait for the previous increment.
        int left = 3000;
        for (int l = 0; l < lines.size() && left > 0; l++) {
            if (l > 0) {
                left--;              // the line feed between two lines: not a letter
            }
            String line = lines.get(l);
            int n = Math.min(line.length(), left);
            left -= n;
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                if (c < 'A') {
                    continue;
                }
                if (c >= '\u0600' && c <= '\u06FF') {
                    switch (ARABIC_BLOCK[c - '\u0600']) {
                        case URDU -> urdu++;
                        case PERSIAN -> persian++;
                        case ARABIC_ONLY -> arabicOnly++;
                        default -> { }
                    }
                    if (ARABIC_BLOCK[c - '\u0600'] != NOT_LETTER) {
                        arabicScript++;
                    }
                } else if (Character.isLetter(c)) {
                    Character.UnicodeBlock block = c < 0x250 ? null : Character.UnicodeBlock.of(c);
                    if (c < 0x250) {
                        latin++;
                    } else if (block == Character.UnicodeBlock.CYRILLIC) {
                        cyrillic++;
                    } else if (block == Character.UnicodeBlock.GREEK) {
                        greek++;
                    } else if (block == Character.UnicodeBlock.HEBREW) {
                        hebrew++;
                    } else if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) {
                        cjk++;
                    }
                }
            }
        }
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
