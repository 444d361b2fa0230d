package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

/** The article's date is the one written beside its headline, not another story's nor an update's. */
class HeaderDateTest {

    private static final List<String> BODY = List.of(
            "Residents of the harbour town voted on Sunday to rebuild the sea wall that the winter storms breached twice, flooding the old quarter and the fish market.",
            "The plan raises the wall by two metres and adds pumps beside the fish market, at a cost the council put at four million euros over three years.",
            "Opponents of the plan said the harbour would lose its view of the bay, but the vote was carried by a wide margin after a long and heated debate.");

    private final StructureFinder finder = new StructureFinder(new MatchingForm(), Stopwords.defaults(),
            ChromeLexicon.defaults(), new DateFinder(), new Agencies());

    private String headerDate(List<String> header) {
        List<String> lines = new ArrayList<>();
        for (String item : List.of("Home", "News", "Sport", "Business", "Culture", "Opinion", "Weather", "Travel",
                "Science", "Food", "Jobs", "Podcasts", "Events", "Local", "World", "Climate", "Archive")) {
            lines.add(item);
        }
        lines.add("Ferry crossings resume 3 March 2021");          // another story, dated, above the article
        lines.addAll(header);
        lines.addAll(BODY);
        for (int i = 0; i < 20; i++) {
            lines.add("Footer link " + (char) ('A' + i));
        }
        lines.add("Lighthouse keeper retires 2021/03/01");         // a most-read item after it
        return finder.find(new TextCleaner().clean(String.join("\n", lines))).headerDate();
    }

    @Test
    void theDateInTheBylineUnderTheHeadlineIsTheArticlesDate() {
        assertEquals("2024-05-07", headerDate(List.of("Harbour town votes to rebuild its flooded sea wall",
                "By Anna Berg on 7 May 2024")));
    }

    @Test
    void aPublicationDateIsPreferredToTheUpdateBesideIt() {
        assertEquals("2024-05-07", headerDate(List.of("Harbour town votes to rebuild its flooded sea wall",
                "Updated 9 May 2024", "Published 7 May 2024")));
    }

    @Test
    void aDateGluedToTheSectionAboveTheHeadlineIsRead() {
        assertEquals("2016-05-04T10:20", headerDate(List.of("اقتصاد2016/05/04 10:20",
                "Harbour town votes to rebuild its flooded sea wall")));
    }

    @Test
    void levantineAndEgyptianMonthNamesBothDateTheArticle() {
        assertEquals("2019-01-13", headerDate(List.of("Harbour town votes to rebuild its flooded sea wall",
                "13 كانون الثاني 2019")));
        assertEquals("2019-01-13", headerDate(List.of("Harbour town votes to rebuild its flooded sea wall",
                "13 يناير 2019")));
    }

    @Test
    void aRelativeTimeIsNoDate() {
        assertNull(headerDate(List.of("Harbour town votes to rebuild its flooded sea wall", "2 hours ago")));
        assertNull(headerDate(List.of("Harbour town votes to rebuild its flooded sea wall", "منذ ساعتين")));
    }

    @Test
    void latinDatesInFrenchGermanAndSpanish() {
        assertEquals("2020-05-07", headerDate(List.of("Harbour town votes to rebuild its flooded sea wall",
                "Publié le 7 mai 2020")));
        assertEquals("2020-03-05", headerDate(List.of("Harbour town votes to rebuild its flooded sea wall",
                "5. März 2020")));
        assertEquals("2020-03-05", headerDate(List.of("Harbour town votes to rebuild its flooded sea wall",
                "5 de marzo de 2020")));
    }
}
