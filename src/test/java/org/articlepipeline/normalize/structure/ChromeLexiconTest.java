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
        ChromeReason cue = lexicon.cue(form.terms(line));
        return cue == null ? null : cue.code();
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

    @Test
    void findsTheFirstListedCueLikeASearchOfTheJoinedLineForEachCueInTurn() throws Exception {
        // The reference: every cue of the phrase file, in order, searched for in the line joined by spaces.
        List<String[]> cues = new java.util.ArrayList<>();
        List<String> vocabulary = new java.util.ArrayList<>(List.of("news", "خبر", "today", "اليوم"));
        try (var in = ChromeLexicon.class.getResourceAsStream("/org/articlepipeline/normalize/chrome-phrases.tsv")) {
            for (String row : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] cols = row.split("\t");
                if (cols.length == 3 && cols[1].equals("cue") && !form.terms(cols[2]).isEmpty()) {
                    cues.add(new String[] {" " + String.join(" ", form.terms(cols[2])) + " ", cols[0]});
                    vocabulary.addAll(form.terms(cols[2]));
                }
            }
        }
        java.util.Random random = new java.util.Random(11);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            List<String> terms = new java.util.ArrayList<>();
            for (int k = random.nextInt(12); k > 0; k--) {
                terms.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            String padded = " " + String.join(" ", terms) + " ";
            String expected = null;
            for (String[] cue : cues) {
                if (padded.contains(cue[0])) {
                    expected = cue[1];
                    break;
                }
            }
            found += expected == null ? 0 : 1;
            ChromeReason cue = lexicon.cue(terms);
            assertEquals(expected, cue == null ? null : cue.code(), padded);
        }
        assertTrue(found > 1_000, "the random lines hold cues often enough to test: " + found);
    }
}
