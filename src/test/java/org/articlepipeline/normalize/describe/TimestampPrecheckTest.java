package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.articlepipeline.normalize.text.MatchingForm;
import org.junit.jupiter.api.Test;

/** The word pre-check of {@link DateFinder#isTimestampLine} never turns away a line the date rule accepts. */
class TimestampPrecheckTest {

    private final DateFinder dates = new DateFinder();
    private final MatchingForm form = new MatchingForm();

    private static final String[] PIECES = {
        "26.11.2015", "2015/11/26", "2015-11-26t20:55z", "1/2/2020", "10:30", "20h55", "9h", "12", "2015",
        "am", "pm", "a.m.", "p.m.", "amet", "pmet", "amm", "ampublished", "apm", "et", "gmt", "at", "a", "on",
        "march", "mar.", "mar.m", "3rd", "1er", "mars", "janvier", "تشرين", "الثاني", "كانون", "من", "شهر", "عام",
        "سنه", "الساعه", "يوم", "الجمعة", "آخر", "تحديث", "Published", "Updated", "Monday", "le", "x", "comments",
        "said", "Paris", ",", "-", "|", "،", "(", ")", "٢٠١٥", "١١", "at10:30", "12mars", "mon.", "z"
    };

    @Test
    void everyTermOfALineTheDateRuleAcceptsPassesThePrecheck() {
        Random r = new Random(3);
        int accepted = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + r.nextInt(6);
            for (int w = 0; w < words; w++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]).append(r.nextInt(4) == 0 ? "" : " ");
            }
            String line = sb.toString();
            if (dates.isDateAndLabels(line)) {
                accepted++;
                for (String term : form.terms(line)) {
                    assertTrue(DateFinder.mayStandInTimestamp(term), () -> term + " in [" + line + "]");
                }
            }
        }
        assertTrue(accepted > 1000, "the generator should make many timestamp lines, made " + accepted);
    }

    @Test
    void aTimeEndingInsideAWordLeavesALabel() {
        // TIME takes "pm" out of "pmet" and leaves "et", a time-zone label.
        assertTrue(dates.isTimestampLine("26.11.2015 10:30 pmet"));
        assertTrue(DateFinder.mayStandInTimestamp("pmet"));
        assertFalse(DateFinder.mayStandInTimestamp("pmx"));
    }

    @Test
    void aWordThatIsNeitherLabelNorDateTurnsTheLineAwayBeforeTheRegexes() {
        assertFalse(DateFinder.mayStandInTimestamp("comments"));
        assertFalse(dates.isTimestampLine("12 comments", List.of("12", "comments")));
        assertTrue(dates.isTimestampLine("Published 26.11.2015 20:55", List.of("published", "26", "11", "2015", "20", "55")));
        assertTrue(dates.isTimestampLine("الاثنين 3 أيلول 2018"));
        assertTrue(dates.isTimestampLine("20h55 le 3 mars 2018"));
    }

    @Test
    void onlyAgenciesReadsTheTermsItIsGiven() {
        Agencies agencies = new Agencies();
        assertTrue(agencies.isOnlyAgencies(form.terms("Reuters/AP and agencies")));
        assertTrue(agencies.isOnlyAgencies(form.terms("(أ ف ب)")));
        assertFalse(agencies.isOnlyAgencies(form.terms("Reuters AP Xinhua said")));
        assertFalse(agencies.isOnlyAgencies(List.of()));
        assertFalse(agencies.isOnlyAgencies(form.terms("and agencies ap press")));
    }
}
