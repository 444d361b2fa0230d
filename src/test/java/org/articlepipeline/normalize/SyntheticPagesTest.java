package org.articlepipeline.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.articlepipeline.normalize.structure.ChromeReason;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pages of shapes the seeds do not have, to show the rules generalize. */
class SyntheticPagesTest {

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private NormalizedArticle accept(String page) {
        return accept(page.getBytes(StandardCharsets.UTF_8), null);
    }

    private NormalizedArticle accept(byte[] bytes, String contentType) {
        NormalizationResult r = normalizer.normalize(bytes, new ArticleOrigin("page.txt", contentType));
        return assertInstanceOf(NormalizationResult.Accepted.class, r, r::toString).article();
    }

    private String reject(byte[] bytes) {
        return assertInstanceOf(NormalizationResult.Rejected.class, normalizer.normalize(bytes, ArticleOrigin.ofFileName("x"))).reason().code();
    }

    private static final String ARABIC_BODY = """
            قال وزير الخارجية الفرنسي اليوم الجمعة إن الرئيس الروسي طلب من فرنسا وضع خريطة لأماكن تواجد الجماعات التي تحارب التنظيم في سوريا.

            واتفق الرئيسان خلال محادثات في موسكو أمس الخميس على تبادل المعلومات عن التنظيم وجماعات المعارضة المسلحة الأخرى لتحسين فعالية الحملات.
            """;

    @Test
    void readsAnEnglishReutersWireStory() {
        NormalizedArticle a = accept("""
                Oil prices climb as supply worries mount - Reuters

                Home | Markets | Commodities

                LONDON (Reuters) - Oil prices rose on Tuesday as concerns over tighter supply outweighed worries about weaker demand in China, the world's biggest crude importer.

                Brent crude futures were up 84 cents, or 1.1%, at $78.40 a barrel by 0900 GMT, while U.S. West Texas Intermediate crude gained 79 cents.

                Reporting by Alex Lawler; Editing by Jason Neely

                Our Standards: The Thomson Reuters Trust Principles.

                March 5, 2024 9:15 AM
                """);
        assertEquals("Oil prices climb as supply worries mount", a.title());
        assertEquals("Reuters", a.source());
        assertEquals("LONDON", a.dateline());
        assertEquals("Reuters", a.agency());
        assertEquals("en", a.language());
        assertEquals("2024-03-05T09:15", a.publishedAt());
        assertTrue(a.paragraphs().get(0).startsWith("Oil prices rose on Tuesday"));
        assertTrue(a.paragraphs().get(1).startsWith("Brent crude futures"));
        assertFalse(a.text().contains("Home | Markets"));
        assertFalse(a.text().contains("Reporting by"));
    }

    @Test
    void readsAFrenchAfpDispatch() {
        NormalizedArticle a = accept("""
                La France et l'Allemagne proposent un plan commun pour l'industrie

                PARIS (AFP) - La France et l'Allemagne ont présenté lundi un plan commun destiné à soutenir l'industrie européenne face à la concurrence chinoise et américaine.

                Le ministre de l'Économie a déclaré que ce plan serait soumis aux autres États membres avant la fin du mois de juin.

                Partager

                Lire aussi : L'industrie européenne en difficulté
                """);
        assertEquals("PARIS", a.dateline());
        assertEquals("AFP", a.agency());
        assertEquals("fr", a.language());
        assertEquals(2, a.paragraphCount());
        assertTrue(a.removed().contains(new RemovedLine("Partager", ChromeReason.UI_LABEL)));
    }

    @Test
    void readsALevantineMonthNameDateFromATimestampLine() {
        NormalizedArticle a = accept("عنوان الخبر عن الاجتماع في دمشق\n\nآخر تحديث: 3 كانون الثاني 2019 - 14:30\n\n" + ARABIC_BODY);
        assertEquals("2019-01-03T14:30", a.publishedAt());
        assertEquals(2, a.paragraphCount());
    }

    @Test
    void readsAMaghrebiMonthNameDate() {
        NormalizedArticle a = accept("عنوان الخبر عن الاجتماع في الجزائر\n\n" + ARABIC_BODY + "\nنشر في 12 جويلية 2021\n");
        assertEquals("2021-07-12", a.publishedAt());
    }

    @Test
    void readsWindows1256Bytes() {
        String page = "عنوان الخبر عن الاجتماع في دمشق\n\n" + ARABIC_BODY;
        NormalizedArticle a = accept(page.getBytes(Charset.forName("windows-1256")), null);
        assertEquals("windows-1256", a.encoding());
        assertEquals("عنوان الخبر عن الاجتماع في دمشق", a.title());
        assertEquals("ar", a.language());
    }

    @Test
    void readsUtf16WithBom() {
        String page = "\uFEFFعنوان الخبر عن الاجتماع في دمشق\r\n\r\n" + ARABIC_BODY.replace("\n", "\r\n");
        NormalizedArticle a = accept(page.getBytes(StandardCharsets.UTF_16LE), null);
        assertEquals("UTF-16LE", a.encoding());
        assertEquals(2, a.paragraphCount());
    }

    @Test
    void keepsUtf8WhenOneByteIsInvalid() {
        byte[] good = ("عنوان الخبر عن الاجتماع في دمشق\n\n" + ARABIC_BODY).getBytes(StandardCharsets.UTF_8);
        good[good.length - 20] = (byte) 0xFF;
        NormalizedArticle a = accept(good, "text/plain; charset=windows-1256");
        assertEquals("UTF-8", a.encoding());
        assertEquals("عنوان الخبر عن الاجتماع في دمشق", a.title());
    }

    @Test
    void rejectsPdfAndZipByMagicNumber() {
        assertEquals("binary-content", reject("%PDF-1.4 stream".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("binary-content", reject(new byte[] {'P', 'K', 3, 4, 10, 0, 0, 0}));
    }

    @Test
    void rejectsUploadsOverTheConfiguredCap() {
        ArticleNormalizer small = new ArticleNormalizer(new NormalizerSettings(100));
        NormalizationResult r = small.normalize(new byte[101], ArticleOrigin.ofFileName("big"));
        assertEquals("too-large", assertInstanceOf(NormalizationResult.Rejected.class, r).reason().code());
    }

    @Test
    void rejectsEmptyAndLetterlessUploads() {
        assertEquals("empty", reject(new byte[0]));
        assertEquals("no-text", reject("  \n\u00A0\n 12 34 --- \n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reducesHtmlToTextWithTitleAndMeta() {
        NormalizedArticle a = accept("""
                <!doctype html><html><head><title>Talks to resume in Geneva | The Daily Courier</title>
                <meta property="og:site_name" content="The Daily Courier">
                <meta property="article:published_time" content="2024-03-05T09:15:00Z">
                <script>var x = "<p>not text</p>";</script></head>
                <body><nav><a href="/">Home</a></nav><h1>Talks to resume in Geneva</h1>
                <p>GENEVA (AP) &mdash; The minister said on Friday that the talks with the rebels would resume next week in Geneva, after a pause.</p>
                <p>Officials from both sides have met twice this year, but no agreement has been reached on the terms of a ceasefire.</p>
                </body></html>
                """);
        assertEquals("Talks to resume in Geneva", a.title());
        assertEquals("The Daily Courier", a.source());
        assertEquals("AP", a.agency());
        assertEquals("GENEVA", a.dateline());
        assertEquals("2024-03-05T09:15:00Z", a.publishedAt());
        assertFalse(a.text().contains("not text"));
        assertEquals(2, a.paragraphCount());
    }

    @Test
    void hashesTheSameArticleWithDifferentChromeTheSame() {
        NormalizedArticle a = accept("عنوان الخبر\n\n" + ARABIC_BODY + "\nالأكثر قراءة\n\nwww.example.com");
        NormalizedArticle b = accept("عنوان آخر للخبر نفسه\n\nشارك\n\n" + ARABIC_BODY.replace("إن", "ان") + "\n© 2024 الموقع");
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(1.0, a.fingerprint().similarity(b.fingerprint()));
    }

    @Test
    void countsWordsCharactersAndReadingMinutes() {
        NormalizedArticle a = accept("عنوان الخبر عن الاجتماع\n\n" + ARABIC_BODY);
        assertEquals(a.text().split("\\s+").length, a.wordCount());
        assertEquals(a.text().length(), a.charCount());
        assertEquals(1, a.readingMinutes());
        assertNull(a.subtitle());
    }

    @Test
    void takesThePublisherFromASourceLineAndIgnoresPhotoCreditsForTheAgency() {
        NormalizedArticle a = accept("عنوان الخبر عن الاجتماع في بغداد\n\nالصورة: رويترز\n\n" + ARABIC_BODY
                + "\nالمصدر : الجزيرة + وكالات\n");
        assertEquals("الجزيرة", a.source());
        assertNull(a.agency());
    }
}
