package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per reason the text path gives: a line, where it stands on a page of prose this test writes, and
 * the reason it must be removed with. {@code middle} puts it between two paragraphs, {@code end} after the
 * last one, {@code top} above the headline.
 */
class ChromeReasonTableTest {

    private static final String TITLE = "Talks to resume in Geneva next week after a long pause";
    private static final String P1 = "The minister said on Friday that the talks with the rebels would resume next week in Geneva, after a pause of almost two months.";
    private static final String P2 = "Officials from both sides have met twice this year, but no agreement has been reached on the terms of a ceasefire in the region.";
    private static final String P3 = "Diplomats said the agenda would include the exchange of prisoners and access for aid convoys to the besieged towns in the north.";

    private final StructureFinder finder = new StructureFinder(new MatchingForm(), Stopwords.defaults(),
            ChromeLexicon.defaults(), new DateFinder(), new Agencies());

    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Share this article                              | middle | ui-label
            ✕                                               | middle | ui-label
            ***                                             | middle | punctuation
            camera icon The minister in Geneva              | middle | caption-icon
            Updated 14:05 GMT, 3 March 2024                 | middle | timestamp
            3 hours ago                                     | middle | timestamp
            www.example-news.com                            | middle | url
            Follow @newsdesk                                | middle | contact
            Source: Reuters                                 | middle | credit
            By Jane Doe and John Smith                      | middle | byline
            Par Jeanne Dupont le 7 mai 2020                 | middle | byline
            Delegates arrive at the venue. Photograph: Jane Doe/Example | middle | caption
            Delegates arrive at the venue (Getty/Jane Doe)  | middle | caption
            Media caption The minister spoke in Geneva      | middle | caption
            Diplomacy, Middle East, United Nations          | middle | tags
            © 2024 Example News Ltd                         | middle | copyright
            Most read                                       | middle | widget
            Read more: Rebels agree to a ceasefire          | middle | related
            Home › World › Middle East                      | middle | navigation
            #geneva #talks #ceasefire                       | middle | tags
            Your message has been sent successfully         | end    | form-message
            Support independent journalism today            | end    | appeal
            """)
    void aChromeLineIsRemovedWithItsReason(String line, String where, String reason) {
        PageStructure page = finder.find(new TextCleaner().clean(String.join("\n", page(line.strip(), where))));
        assertEquals(reason, reasonOf(page, line.strip()), () -> "removed: " + page.removed());
        assertFalse(page.paragraphs().contains(line.strip()));
    }

    private static List<String> page(String line, String where) {
        List<String> lines = new ArrayList<>(List.of(TITLE, P1, P2, P3));
        switch (where) {
            case "top" -> lines.add(0, line);
            case "middle" -> lines.add(2, line);
            case "end" -> lines.add(line);
            default -> throw new IllegalArgumentException(where);
        }
        return lines;
    }

    private static String reasonOf(PageStructure p, String line) {
        return p.removed().stream().filter(r -> r.text().equals(line)).map(r -> r.reason().code()).findFirst()
                .orElse(null);
    }

    @Test
    void everyReasonHasItsOwnCodeAndIsFoundByIt() {
        Set<String> codes = new HashSet<>();
        for (ChromeReason r : ChromeReason.values()) {
            assertTrue(codes.add(r.code()), "code used twice: " + r.code());
            assertEquals(r, ChromeReason.ofCode(r.code()));
        }
        assertEquals("repeated-title", ChromeReason.REPEATED_TITLE.code(), "the JSON contract");
    }

    @Test
    void everyRuleIsAskedAboutTheLinesItsTriggersName() {
        MatchingForm form = new MatchingForm();
        ChromeRules rules = new ChromeRules(form, ChromeLexicon.defaults(), new DateFinder(), new Agencies());
        Set<ChromeReason> given = EnumSet.noneOf(ChromeReason.class);
        for (ChromeRule rule : rules.rules()) {
            assertFalse(rule.reasons().isEmpty(), rule.name());
            ChromeRule.Triggers t = rule.triggers();
            assertTrue(t.anyLine() || t.number() || !t.words().isEmpty(), rule.name() + " would never be asked");
            for (String word : t.words()) {
                assertEquals(List.of(word), form.terms(word), rule.name() + ": a trigger is one term in matching form");
                assertTrue(rules.opens(word, rule), rule.name() + " is filtered out for lines opening with " + word);
            }
            given.addAll(rule.reasons());
        }
        assertTrue(given.contains(ChromeReason.CREDIT) && given.contains(ChromeReason.TAGS));
    }
}
