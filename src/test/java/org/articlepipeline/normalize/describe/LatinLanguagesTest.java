package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Latin-script articles are told apart by the function words of each stoplist. */
class LatinLanguagesTest {

    private final LanguageDetector detector = new LanguageDetector(new MatchingForm(), Stopwords.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The council said that the work on the wall would begin in the spring, when the boats have left the harbour.
            fr | Le conseil a dit que les travaux sur la digue commenceraient au printemps, quand les bateaux auront quitté le port.
            de | Der Rat sagte, dass die Arbeiten an der Mauer im Frühjahr beginnen, wenn die Boote den Hafen verlassen haben.
            es | El consejo dijo que las obras en el muro empezarán en la primavera, cuando los barcos hayan dejado el puerto.
            """)
    void aParagraphIsReadInItsLanguage(String language, String paragraph) {
        assertEquals(language, detector.detect(paragraph));
    }
}
