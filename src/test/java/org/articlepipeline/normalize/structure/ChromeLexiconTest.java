package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

class ChromeLexiconTest {

    private final ChromeLexicon lexicon = ChromeLexicon.defaults();
    private final MatchingForm form = new MatchingForm();

    private String cue(String line) {
        return lexicon.cue(form.terms(line));
    }

    @Test
    void findsACuePhraseAnywhereInTheLineAtTermBounds() {
        assertEquals("form-message", cue("Your message has been sent."));
        assertEquals("form-message", cue("Thank you for your recommendation!"));
    }

    @Test
    void findsNoCueInsideLongerWordsOrInALineWithoutACuesFirstTerm() {
        assertNull(cue("The dispatches were sent overseas"), "\"sent\" alone is no cue");
        assertNull(cue("rehas been sent"), "\"rehas\" is not \"has\"");
        assertNull(lexicon.cue(List.of()));
    }

    @Test
    void onlyLinesHoldingACuesFirstTermMayHoldACue() {
        List<String> lines = List.of("Your message has been sent.", "The dispatches were sent overseas",
                "Thank you for your recommendation!", "rehas been sent", "شكرا لك", "Paris Lyon Marseille");
        FoldedLines forms = new FoldedLines(Stopwords.defaults(), 0, 0);
        lines.forEach(forms::add);
        for (int i = 0; i < lines.size(); i++) {
            if (cue(lines.get(i)) != null) {
                assertTrue(lexicon.mayHoldCue(forms, i), lines.get(i));
            }
        }
        assertFalse(lexicon.mayHoldCue(forms, 5), "no term of a list of cities opens a cue");
    }
}
