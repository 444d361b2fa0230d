package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

class DescribeRulesTest {

    private final Agencies agencies = new Agencies();
    private final LanguageDetector languages = new LanguageDetector(new MatchingForm(), Stopwords.defaults());

    @Test
    void namesWireServicesByTheirCanonicalEnglishName() {
        assertEquals("Reuters", agencies.find("المصدر:رويترز"));
        assertEquals("AFP", agencies.find("(أ ف ب)"));
        assertEquals("AFP", agencies.find("أ.ف.ب"));
        assertEquals("AFP", agencies.find("فرانس برس"));
        assertEquals("AP", agencies.find("Associated Press"));
        assertEquals("DPA", agencies.find("د ب أ"));
        assertEquals("Anadolu", agencies.find("الأناضول"));
        assertEquals("Xinhua", agencies.find("Source: Xinhua"));
        assertNull(agencies.find("المصدر: وكالات"));
    }

    @Test
    void findsAClosingParenthesisOnlyInTheLastThreeChars() {
        assertEquals(13, ArticleDescriber.closingParenthesis("انتهى (رويترز)."));
        assertEquals(-1, ArticleDescriber.closingParenthesis("(رويترز) قال الوزير"));
        java.util.Random r = new java.util.Random(5);
        String alphabet = "ab )）(. ";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = r.nextInt(9); k > 0; k--) {
                text.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String last = text.toString();
            // What the describer asked before: the last parenthesis anywhere, taken when within three of the end.
            int anywhere = Math.max(last.lastIndexOf(')'), last.lastIndexOf('）'));
            int expected = anywhere >= last.length() - 3 && anywhere > 0 ? anywhere : -1;
            int found = ArticleDescriber.closingParenthesis(last);
            assertEquals(expected, found > 0 ? found : -1, last);
        }
    }

    @Test
    void takesTheFirstCreditedAgency() {
        assertEquals("Reuters", agencies.find("رويترز، أ ف ب"));
    }

    @Test
    void recognizesLinesNamingOnlyAgencies() {
        assertTrue(agencies.isOnlyAgencies("(أ ف ب)"));
        assertTrue(agencies.isOnlyAgencies("Reuters/AP"));
        assertFalse(agencies.isOnlyAgencies("وقالت رويترز إن الاجتماع انتهى"));
    }

    @Test
    void tellsArabicPersianAndUrduApartByTheirLetters() {
        assertEquals("ar", languages.detect("قال الرئيس الفرنسي إن بلاده مستعدة للتعاون مع روسيا في سوريا."));
        assertEquals("fa", languages.detect("رئیس جمهور فرانسه گفت که کشورش برای همکاری با روسیه آماده است."));
        assertEquals("ur", languages.detect("فرانس کے صدر نے کہا کہ ان کا ملک روس کے ساتھ تعاون کے لیے تیار ہے۔"));
    }

    @Test
    void keepsArabicWhenAPersianNameAppearsOnce() {
        assertEquals("ar", languages.detect("قال الرئيس الإيراني إن مدينة گرگان تعرضت لهزة أرضية قوية صباح اليوم وأدت إلى سقوط ضحايا كثيرين في المنطقة الشمالية من البلاد حسب وكالة الأنباء الرسمية."));
    }

    @Test
    void tellsEnglishFromFrench() {
        assertEquals("en", languages.detect("The minister said that the talks would resume next week."));
        assertEquals("fr", languages.detect("Le ministre a déclaré que les discussions reprendraient la semaine prochaine."));
    }

    @Test
    void reportsSiteUrlsAsSchemeAndHost() {
        assertEquals("https://www.eremnews.com/", ArticleDescriber.siteUrl("www.eremnews.com"));
        assertEquals("http://example.org/", ArticleDescriber.siteUrl("http://Example.org/news/1.html"));
    }
}
