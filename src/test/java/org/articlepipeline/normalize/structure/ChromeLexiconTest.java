package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.articlepipeline.normalize.text.MatchingForm;
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
}
