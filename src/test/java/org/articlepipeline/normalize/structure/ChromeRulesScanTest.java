package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

/** The hand-written scans of {@link ChromeRules} decide as the regexes they replaced did. */
class ChromeRulesScanTest {

    /** The separator regex {@link ChromeRules#isShortSegments} stands for. */
    private static final Pattern NAV_SEPARATOR = Pattern.compile("\\s*(?:[|›»>•/]|\\s-\\s)\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final StructureFinder finder = new StructureFinder(new MatchingForm(), Stopwords.defaults(),
            ChromeLexicon.defaults(), new DateFinder(), new Agencies());

    private static boolean shortSegmentsByRegex(String text) {
        String[] parts = NAV_SEPARATOR.split(text);
        if (parts.length < 3) {
            return false;
        }
        for (String p : parts) {
            if (p.isBlank() || SPACES.split(p).length > 4) {
                return false;
            }
        }
        return true;
    }

    private static String randomText(Random r, String alphabet, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void segmentsAreCutWhereTheNavigationSeparatorRegexCutsThem() {
        Random r = new Random(7);
        String alphabet = "ab c\t-|/›»>• \u2003\u00A0x-";
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(r, alphabet, 24);
            assertEquals(shortSegmentsByRegex(text), ChromeRules.isShortSegments(text), () -> "for [" + text + "]");
        }
    }

    @Test
    void segmentCountIgnoresTrailingEmptySegmentsButNotEmptyOnesBetween() {
        assertTrue(ChromeRules.isShortSegments("Home › World › News ›"));
        assertTrue(ChromeRules.isShortSegments("Home › World › News › ›"));
        assertFalse(ChromeRules.isShortSegments("Home › › World › News"));
        assertFalse(ChromeRules.isShortSegments("› Home › World › News"));
        assertFalse(ChromeRules.isShortSegments("Home › World ›"));
    }

    @Test
    void aDashSeparatesSegmentsOnlyWithSpaceOnBothSides() {
        assertTrue(ChromeRules.isShortSegments("الرئيسية - أخبار - عربي"));
        assertFalse(ChromeRules.isShortSegments("al-Assad - Hama -Homs"));
        assertFalse(ChromeRules.isShortSegments("one two three four five / b / c"));
    }

    @Test
    void splitCountIsTheLengthOfSplittingOnSpaces() {
        Random r = new Random(11);
        String alphabet = "ab \t\n\u2003.";
        for (int i = 0; i < 100_000; i++) {
            String text = randomText(r, alphabet, 12);
            assertEquals(SPACES.split(text).length, ChromeRules.splitCount(text, 0, text.length()), () -> "for [" + text + "]");
        }
        assertEquals(2, ChromeRules.splitCount(" a", 0, 2));
        assertEquals(0, ChromeRules.splitCount("  ", 0, 2));
        assertEquals(1, ChromeRules.splitCount("", 0, 0));
    }

    @Test
    void topLevelDomainMustBeTheWholeWordAfterTheDot() {
        assertTrue(ChromeRules.isTopLevelDomainAt("example.com", 8));
        assertTrue(ChromeRules.isTopLevelDomainAt("example.COM/path", 8));
        assertTrue(ChromeRules.isTopLevelDomainAt("Example.Co", 8));
        assertFalse(ChromeRules.isTopLevelDomainAt("example.community", 8));
        assertFalse(ChromeRules.isTopLevelDomainAt("U.S.", 2));
        assertFalse(ChromeRules.isTopLevelDomainAt("3.5", 2));
        assertFalse(ChromeRules.isTopLevelDomainAt("example.com_x", 8));
    }

    @Test
    void theUrlGateLetsThroughEveryLineTheUrlRegexFindsSomethingIn() {
        Pattern url = Pattern.compile(
                "(?i)(?:https?://\\S+|www\\.[\\w.-]+\\S*|(?<![@\\w.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|info|news|tv|me|co|io|fr|uk|us|de|ma|dz|tn|eg|sa|ae|qa|kw|lb|sy|iq|jo|ps|ly|sd|ye|om|bh|tr|ir|pk)(?:/\\S*)?(?![\\w]))");
        String[] pieces = {"www", ".", "com", "COM", "co", "uk", "x", "-", "_", "/", ":", "//", "http", "s", " ", "3",
            "é", "@", "news", "community", "U", "S", "ب"};
        Random r = new Random(5);
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = GeneratedText.glued(r, pieces, r.nextInt(9));
            String text = sb.toString();
            if (url.matcher(text).find()) {
                found++;
                assertTrue(ChromeRules.mayMatchUrl(text), () -> "for [" + text + "]");
            }
        }
        assertTrue(found > 1000, "made " + found);
        assertFalse(ChromeRules.mayMatchUrl("U.S. shares 3.5 up, e.g. today"));
    }

    @Test
    void marksReadInOnePassWhatEachRuleScannedFor() {
        Random r = new Random(19);
        String alphabet = "a.Z@9٣۵|›»>•/-x ب.©\u0966";
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(r, alphabet, 10);
            ChromeRules.Marks marks = ChromeRules.Marks.of(text);
            boolean digit = text.chars().anyMatch(Character::isDigit);
            boolean address = false;
            for (int k = 1; k < text.length() - 1; k++) {
                char c = text.charAt(k);
                address |= c == '@' || c == '.' && Character.isLetterOrDigit(text.charAt(k - 1)) && text.charAt(k - 1) < 0x80
                        && Character.isLetterOrDigit(text.charAt(k + 1)) && text.charAt(k + 1) < 0x80;
            }
            long separators = text.chars().filter(c -> "|›»>•/-".indexOf(c) >= 0).count();
            assertEquals(new ChromeRules.Marks(digit, address, (int) separators), marks, () -> "for [" + text + "]");
        }
        assertFalse(ChromeRules.Marks.of("@newsdesk").address());    // an at sign opening the line does not count
        assertTrue(ChromeRules.Marks.of("Follow @newsdesk").address());
        assertFalse(ChromeRules.Marks.of("Growth hit 3. Then").address());
    }

    @Test
    void iconLabelsAreReadAsTheIconRegexReadThem() {
        Pattern icon = Pattern.compile("(?i)^([a-z]+)[ _-]?icon(?![a-z])");
        Pattern captionIcon = Pattern.compile("(?i)camera|photo|image|picture|video|gallery|play");
        String[] pieces = {"camera", "Photo", "tag", "icon", "ICON", "Icon", "ic", "on", " ", "_", "-", "x", "ب",
            "\u0130con", "play", "abc", "صورة"};
        Random r = new Random(23);
        int labels = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = GeneratedText.glued(r, pieces, r.nextInt(6));
            String text = sb.toString();
            java.util.regex.Matcher m = icon.matcher(text);
            String expected = !m.lookingAt() ? null
                    : captionIcon.matcher(m.group(1)).matches() && text.length() > m.end() + 3 ? "caption-icon" : "ui-label";
            labels += expected == null ? 0 : 1;
            ChromeReason label = ChromeRules.iconLabel(text);
            assertEquals(expected, label == null ? null : label.code(), () -> "for [" + text + "]");
        }
        assertTrue(labels > 10_000, "made " + labels);
        assertEquals(ChromeReason.CAPTION_ICON, ChromeRules.iconLabel("cameraicon الرئيس الروسي"));
        assertEquals(ChromeReason.UI_LABEL, ChromeRules.iconLabel("tag icon ع ع ع"));
        assertNull(ChromeRules.iconLabel("iconography"));
        assertNull(ChromeRules.iconLabel("\u0130con x"));      // a dotted capital I is no ASCII letter
    }

    private String reasonOf(String line) {
        PageStructure p = finder.find(new TextCleaner().clean(String.join("\n\n",
                "Talks to resume in Geneva next week after a pause",
                "The minister said on Friday that the talks with the rebels would resume next week in Geneva, after a pause of almost two months.",
                line,
                "Officials from both sides have met twice this year, but no agreement has been reached on the terms of a ceasefire in the region.")));
        return p.removed().stream().filter(x -> x.text().equals(line)).map(x -> x.reason().code()).findFirst().orElse(null);
    }

    @Test
    void findsAUrlAtTheStartAndAtTheEndOfALine() {
        assertEquals("url", reasonOf("www.example.com"));
        assertEquals("url", reasonOf("Visit example.com"));
        assertEquals("url", reasonOf("example.co.uk/news"));
        assertEquals("url", reasonOf("https://news.example.org/a/b?x=1 today"));
    }

    @Test
    void aDottedNumberOrAbbreviationIsNotADomain() {
        assertNull(reasonOf("U.S. shares 3.5 up"));
        assertNull(reasonOf("Growth hit 3.5 percent"));
    }

    @Test
    void handlesAndAddressesNeedAnAtSign() {
        assertEquals("contact", reasonOf("Follow @newsdesk"));
        assertEquals("contact", reasonOf("Write to desk@example.com"));
    }

    @Test
    void theLongestLeadInOpeningTheLineIsFoundByItsTerms() {
        ChromeLexicon lexicon = ChromeLexicon.defaults();
        assertEquals(new ChromeLexicon.Prefix(ChromeReason.UI_LABEL, 3), lexicon.prefix(List.of("follow", "us", "on", "twitter")));
        assertEquals(new ChromeLexicon.Prefix(ChromeReason.UI_LABEL, 2), lexicon.prefix(new java.util.ArrayList<>(List.of("share", "on"))));
        assertNull(lexicon.prefix(List.of("follow", "them", "on", "twitter")));
        assertNull(lexicon.prefix(List.of("on", "share")));
    }

    @Test
    void aWholeLinePhraseIsFoundOnlyForTheWholeLine() {
        ChromeLexicon lexicon = ChromeLexicon.defaults();
        assertEquals(ChromeReason.UI_LABEL, lexicon.wholeLine(List.of("comments")));
        assertEquals(ChromeReason.WIDGET, lexicon.wholeLine(List.of("no", "comments")));
        assertNull(lexicon.wholeLine(List.of("many", "comments")));
        assertNull(lexicon.wholeLine(List.of("comments", "closed", "now")));
    }

    @Test
    void aLineThatIsOneAddressIsAUrlAsTheRegexesSayWithoutRunningThem() {
        String[] pieces = {"www.", "WwW.", "http://", "HTTPS://", "httpſ://", "ẉww.", "https:/", "www", "x", "eremnews",
            "-", ".", "_", "@", "/", "?q=1", ":", "com", "co", "news", "مصدر", " ", "\t", "١", "é", "#"};
        Random r = new Random(23);
        int urls = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = GeneratedText.glued(r, pieces, 1 + r.nextInt(5));
            String text = sb.toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            boolean whole = ChromeRules.isWholeLineUrl(text);
            urls += whole ? 1 : 0;
            if (whole) {
                assertEquals(ChromeReason.URL, ChromeRules.contactReasonByRegex(text), () -> "[" + text + "]");
            }
            assertEquals(ChromeRules.contactReasonByRegex(text), ChromeRules.contactReason(text), () -> "[" + text + "]");
        }
        assertTrue(urls > 5000, "whole-line addresses " + urls);
        assertTrue(ChromeRules.isWholeLineUrl("www.eremnews.com"));
        assertFalse(ChromeRules.isWholeLineUrl("www.eremnews.com اقرأ المزيد"), "words beside it: the regexes decide");
        assertFalse(ChromeRules.isWholeLineUrl("http://"), "nothing after the scheme");
        assertFalse(ChromeRules.isWholeLineUrl("httpſ://x.com"), "the regex folds ASCII case only");
    }
}
