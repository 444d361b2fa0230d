package org.articlepipeline.normalize.describe;

import java.util.List;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;

/**
 * Tells the language of an article (ISO 639-1) from its letters and function words.
 *
 * <p>Arabic script: Urdu when letters only Urdu uses (ٹ ڈ ڑ ں ہ ے) make up at least 0.5% of the Arabic-script
 * letters; Persian when letters Arabic lacks (پ چ ژ گ ک ی) do; Arabic otherwise. A stray Persian name in an
 * Arabic article stays below the share. Latin script: English or French by which stoplist the words hit more;
 * {@code null} when neither does. Other scripts: {@code ru}, {@code el}, {@code he}, {@code zh}, ... by
 * Unicode block, or {@code null}.
 */
public final class LanguageDetector {

    private static final double MARKER_SHARE = 0.005;

    private final MatchingForm form;
    private final Stopwords stopwords;

    public LanguageDetector(MatchingForm form, Stopwords stopwords) {
        this.form = form;
        this.stopwords = stopwords;
    }

    /** The ISO 639-1 code of {@code text}, or null when it cannot be told. */
    public String detect(String text) {
        int arabicScript = 0;
        int urdu = 0;
        int persian = 0;
        int latin = 0;
        int cyrillic = 0;
        int greek = 0;
        int hebrew = 0;
        int cjk = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 'A') {
                continue;
            }
            if (c >= '\u0600' && c <= '\u06FF') {
                if (Character.isLetter(c)) {
                    arabicScript++;
                }
                switch (c) {
                    case '\u0679', '\u0688', '\u0691', '\u06BA', '\u06C1', '\u06D2' -> urdu++;    // ٹ ڈ ڑ ں ہ ے
                    case '\u067E', '\u0686', '\u0698', '\u06AF', '\u06A9', '\u06CC' -> persian++; // پ چ ژ گ ک ی
                    default -> { }
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
        int max = Math.max(Math.max(arabicScript, latin), Math.max(Math.max(cyrillic, greek), Math.max(hebrew, cjk)));
        if (max == 0) {
            return null;
        }
        if (max == arabicScript) {
            if (urdu >= arabicScript * MARKER_SHARE && urdu > 0) {
                return "ur";
            }
            if (persian >= arabicScript * MARKER_SHARE && persian > 0) {
                return "fa";
            }
            return "ar";
        }
        if (max == latin) {
            return latinLanguage(text);
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
