package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scans that let {@link Dateline#find} skip its regexes never skip one that would match. */
class DatelineScanTest {

    private static final String[] PIECES = {
        "باريس", "واشنطن", "ب", "القاهرة", "LONDON", "PARIS", "Paris", "New", "York", "U.S.", "O'NEIL", "A", "the",
        "said", "March 3", "(Reuters)", "(أ ف ب)", "（AFP）", "(", ")", "-", "–", "—", "--", " ", " ", " ", "  ", "\t",
        ",", ":", "3", "١", "\u064E", "\u0640", "\uD83B\uDE00", "\uD835\uDC00", "é", "Ü", "’"
    };

    private static String randomParagraph(Random r) {
        StringBuilder sb = GeneratedText.glued(r, PIECES, 1 + r.nextInt(10));
        return sb.append(" قال الوزير اليوم إن المحادثات ستستأنف").toString();
    }

    private static boolean opens(Pattern p, String text) {
        return p.matcher(text).lookingAt();
    }

    @Test
    void eachPatternRunsOnEveryParagraphItWouldMatch() {
        Random r = new Random(9);
        int[] matched = new int[3];
        for (int i = 0; i < 300_000; i++) {
            String text = randomParagraph(r);
            if (opens(Dateline.ARABIC, text)) {
                matched[0]++;
                assertTrue(Dateline.mayOpenWithArabicPlace(text), () -> "ARABIC [" + text + "]");
            }
            if (opens(Dateline.UPPER, text)) {
                matched[1]++;
                assertTrue(Dateline.mayOpenWithUpperCasePlace(text), () -> "UPPER [" + text + "]");
            }
            if (opens(Dateline.CAPITALIZED, text)) {
                matched[2]++;
                assertTrue(Dateline.mayOpenWithCapitalizedPlace(text), () -> "CAPITALIZED [" + text + "]");
            }
        }
        for (int m : matched) {
            assertTrue(m > 200, "each pattern should match often, matched " + java.util.Arrays.toString(matched));
        }
    }

    @Test
    void theRestIsAlwaysTheEndOfTheParagraph() {
        // StructureFinder folds the first paragraph without its dateline by where the rest starts, trusting this.
        Random r = new Random(11);
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = randomParagraph(r);
            Dateline d = Dateline.find(text);
            if (d != null) {
                found++;
                assertTrue(text.endsWith(d.rest()), () -> "[" + text + "] -> [" + d.rest() + "]");
            }
        }
        assertTrue(found > 1000, "found " + found);
    }

    /** What {@link Dateline#find} returned for an Arabic dateline when the regex decided. */
    private static Dateline arabicByRegex(String paragraph) {
        java.util.regex.Matcher m = Dateline.ARABIC.matcher(paragraph);
        if (!m.lookingAt()) {
            return null;
        }
        String rest = paragraph.substring(m.end()).strip();
        if (Pattern.compile("\\s+").split(rest).length < 4) {
            return null;
        }
        return new Dateline(m.group(1).strip(), m.group(2) == null ? null : m.group(2).strip(), null, rest);
    }

    @Test
    void anArabicDatelineIsReadAsTheRegexReadIt() {
        String[] pieces = {"باريس", "واشنطن", "ب", "القاهرة", "مدينة", " ", "  ", "\t", "(", ")", "（", "）", "أ ف ب",
            "رويترز", "0123456789012345678901234567890123456789", "-", "–", "—", "--", "---", "x", ",", "\uD83B\uDE00",
            "\uD83D\uDE00", "\u064E"};
        Random r = new Random(37);
        int found = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = GeneratedText.glued(r, pieces, 1 + r.nextInt(9));
            String text = sb.append(r.nextBoolean() ? " قال الوزير اليوم إن المحادثات" : " قال").toString();
            Dateline expected = arabicByRegex(text);
            found += expected == null ? 0 : 1;
            Dateline actual = Dateline.mayOpenWithArabicPlace(text) ? Dateline.find(text) : null;
            if (expected != null || actual != null && actual.date() == null) {
                assertEquals(expected, actual, () -> "[" + text + "]");
            }
        }
        assertTrue(found > 2000, "found " + found);
    }

    @Test
    void proseIsTurnedAwayByTheScans() {
        String arabic = "قال وزير الخارجية الفرنسي اليوم - الجمعة إن الرئيس";
        assertFalse(Dateline.mayOpenWithArabicPlace(arabic));           // a dash after the fourth word
        assertFalse(Dateline.mayOpenWithUpperCasePlace("The minister said"));
        assertFalse(Dateline.mayOpenWithCapitalizedPlace("The minister said on Friday (AFP) - that"));
        assertFalse(Dateline.mayOpenWithCapitalizedPlace("Paris: the minister said (AFP) - that"));
        assertTrue(Dateline.mayOpenWithCapitalizedPlace("Paris, March 3 (AFP) - The minister said"));
    }

    @Test
    void aDatelineWithThreeWordsBeforeTheDashIsStillFound() {
        Dateline d = Dateline.find("مدينة الكويت العاصمة - قال الوزير اليوم إن المحادثات ستستأنف");
        assertNotNull(d);
        assertEquals("مدينة الكويت العاصمة", d.place());
        assertNull(Dateline.find("مدينة الكويت العاصمة الجديدة - قال الوزير اليوم إن المحادثات ستستأنف"));
    }

    @Test
    void theRestMustHoldFourWords() {
        assertNull(Dateline.find("LONDON (Reuters) - Prices rose sharply"));
        assertNotNull(Dateline.find("LONDON (Reuters) - Prices rose sharply today"));
        assertTrue(Dateline.hasWords("a b\tc\nd", 4));
        assertFalse(Dateline.hasWords("a b c\u2003d", 4));     // an em space is no \\s: "c d" is one word
        assertFalse(Dateline.hasWords("", 1));
    }
}
