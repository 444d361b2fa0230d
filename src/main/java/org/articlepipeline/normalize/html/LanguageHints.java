package org.articlepipeline.normalize.html;

import java.util.Set;

/**
 * Weighs the language a page declares ({@link PageMetadata#language()}, a hint: site templates often declare
 * one language for every page) against the one the language detector reads in the article's text.
 *
 * <p>The text wins where the detector can tell: Arabic, Persian and Urdu by their letters, English and French
 * by their function words, other scripts by their Unicode block. The declaration is kept where the detector
 * abstains, and where the page declares a Latin-script language the detector does not know (German, Spanish,
 * ...): such text shares function words with French or English ({@code de}, {@code la}, {@code en}), so the
 * detector's English or French says less than the declaration.
 */
public final class LanguageHints {

    /** Latin-script languages the detector cannot name: it reads only English and French among them. */
    private static final Set<String> LATIN_UNKNOWN_TO_DETECTOR = Set.of(
            "de", "es", "it", "pt", "nl", "pl", "sv", "da", "no", "nb", "nn", "fi", "cs", "sk", "sl", "hr", "bs",
            "ro", "hu", "tr", "id", "ms", "vi", "ca", "eu", "gl", "et", "lv", "lt", "sq", "af", "sw", "tl", "is",
            "ga", "cy", "mt", "lb", "az", "uz");

    private LanguageHints() {
    }

    /** The article's language: {@code detected} unless the {@code hint} says more, as the class comment states. */
    public static String confirm(String hint, String detected) {
        if (hint == null) {
            return detected;
        }
        if (detected == null) {
            return hint;
        }
        boolean detectorGuessesLatin = detected.equals("en") || detected.equals("fr");
        return detectorGuessesLatin && LATIN_UNKNOWN_TO_DETECTOR.contains(hint) ? hint : detected;
    }
}
