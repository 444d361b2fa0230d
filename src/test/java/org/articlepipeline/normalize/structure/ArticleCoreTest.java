package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

/**
 * A page saved as text, as a whole site prints it: a masthead and a menu, the headline and its standfirst,
 * a byline, the article, a list of other stories and a footer. Written for this test; no real page.
 */
class ArticleCoreTest {

    private static final String HEADLINE = "Harbour town votes to rebuild its flooded sea wall";
    private static final String STANDFIRST = "Residents backed a plan to raise the wall by two metres after the winter storms flooded the harbour";
    private static final List<String> BODY = List.of(
            "Residents of the harbour town voted on Sunday to rebuild the sea wall that the winter storms breached twice, flooding the old quarter and the fish market.",
            "The plan raises the wall by two metres and adds pumps beside the fish market, at a cost the council put at four million euros over three years.",
            "Opponents of the plan said the harbour would lose its view of the bay, but the vote was carried by a wide margin after a long and heated debate.",
            "The council said work on the sea wall would begin in the spring, once the fishing season ends and the boats have been moved to the northern quay.",
            "Engineers will first repair the two breaches, which the storms opened in January and again in February, before the wall is raised along its length.");
    private static final List<String> OTHER_STORIES = List.of(
            "Ferry operator adds a second crossing to the islands this summer",
            "Lighthouse keeper retires after forty years on the northern cape",
            "School choir wins the regional contest for the third year running",
            "New cycle path opens along the old railway line to the valley");

    private final StructureFinder finder = new StructureFinder(new MatchingForm(), Stopwords.defaults(),
            ChromeLexicon.defaults(), new DateFinder(), new Agencies());

    private static List<String> page() {
        List<String> lines = new ArrayList<>(List.of("Skip to content", "The Coastal Courier", "News", "Sport",
                "Business", "Culture", "Opinion", "Weather", "Podcasts", "Events", "Local", "World",
                "Environment", "Science", "Travel", "Food", "Jobs", "Puzzles", "Climate", "Harbour news"));
        lines.add(HEADLINE);
        lines.add(STANDFIRST);
        lines.add("By Anna Berg");
        lines.add("12 March 2024");
        lines.addAll(BODY);
        lines.add("Most read");
        lines.addAll(OTHER_STORIES);
        lines.addAll(List.of("About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use",
                "Cookie settings", "Newsletters", "Archive", "Help"));
        lines.add("© 2024 The Coastal Courier. All rights reserved.");
        return lines;
    }

    private PageStructure find(List<String> lines) {
        return finder.find(new TextCleaner().clean(String.join("\n", lines)));
    }

    @Test
    void theHeadlineIsFoundBelowTheNavigationNotTheFirstLine() {
        PageStructure p = find(page());
        assertEquals(HEADLINE, p.title());
    }

    @Test
    void theArticleIsKeptAndTheMenuOtherStoriesAndFooterAreDropped() {
        PageStructure p = find(page());
        assertTrue(p.paragraphs().containsAll(BODY), () -> "body: " + p.paragraphs());
        for (String line : List.of("Sport", "Podcasts", "Privacy policy", "Cookie settings", OTHER_STORIES.get(0),
                OTHER_STORIES.get(3))) {
            assertFalse(p.paragraphs().contains(line), line);
        }
        assertEquals(ChromeReason.OTHER_STORIES, reasonOf(p, OTHER_STORIES.get(1)));
        assertEquals(ChromeReason.MENU, reasonOf(p, "Podcasts"));
    }

    @Test
    void theStandfirstIsNotTakenForTheHeadline() {
        PageStructure p = find(page());
        assertFalse(STANDFIRST.equals(p.title()));
    }

    @Test
    void aSectionNameAboveTheHeadlineIsNotTheHeadline() {
        List<String> lines = page();
        lines.add(lines.indexOf(HEADLINE), "WORLD NEWS");
        assertEquals(HEADLINE, find(lines).title());
    }

    private static ChromeReason reasonOf(PageStructure p, String line) {
        return p.removed().stream().filter(r -> r.text().equals(line)).map(r -> r.reason()).findFirst().orElse(null);
    }
}
