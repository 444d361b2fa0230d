package org.articlepipeline.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.articlepipeline.normalize.text.BodyForm;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

class ArticleNormalizerTest {

    @Test
    void contentHashIsSha256OfTheUtf16leMatchingFormOfTheParagraphs() throws Exception {
        List<String> paragraphs = List.of("قالَ الرئيسُ إنّ «الأمم المتحدة» مستعدة.", "Le Président a dit « oui ».");
        StringBuilder sb = new StringBuilder();
        for (String p : paragraphs) {
            sb.append(new MatchingForm().normalize(p)).append('\n');
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(sb.toString().getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(expected, ArticleNormalizer.contentHash(folded(paragraphs), MessageDigest.getInstance("SHA-256")));
    }

    @Test
    void contentHashStreamsLongBodiesAcrossItsBuffer() throws Exception {
        String p = "كلمة عربية طويلة ".repeat(2000);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((new MatchingForm().normalize(p) + "\n").getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(expected, ArticleNormalizer.contentHash(folded(List.of(p)), MessageDigest.getInstance("SHA-256")));
    }

    @Test
    void readsArabicAtArabicSpeedAndRoundsUp() {
        String body = "كلمة ".repeat(161).strip();
        NormalizedArticle a = assertInstanceOf(NormalizationResult.Accepted.class, new ArticleNormalizer()
                .normalize(("عنوان الخبر\n\n" + body + ".").getBytes(StandardCharsets.UTF_8), null)).article();
        assertEquals(161, a.wordCount());
        assertEquals(2, a.readingMinutes());
    }

    @Test
    void neverThrowsOnANullOrigin() {
        assertInstanceOf(NormalizationResult.class, new ArticleNormalizer().normalize("x".getBytes(StandardCharsets.UTF_8), null));
    }

    private static BodyForm folded(List<String> paragraphs) {
        FoldedLines lines = new FoldedLines(Stopwords.defaults(), 0, 0);
        paragraphs.forEach(lines::add);
        return lines.bodyForm();
    }

    @Test
    void onlyPagesOpeningWithMarkupOrUnicodeWhitespaceAreCheckedForHtml() {
        assertTrue(ArticleNormalizer.mayOpenWithMarkup("  \n<html>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ArticleNormalizer.mayOpenWithMarkup("\u2003<p>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ArticleNormalizer.mayOpenWithMarkup(" \t ".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ArticleNormalizer.mayOpenWithMarkup(" قال <b>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ArticleNormalizer.mayOpenWithMarkup("\u00A0<p>".getBytes(StandardCharsets.UTF_8)),
                "a no-break space is not whitespace to the HTML check");
        assertFalse(ArticleNormalizer.mayOpenWithMarkup("News <b>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anHtmlPageOpeningWithWhitespaceIsReadAsHtml() {
        String page = "\n  <!DOCTYPE html><html><head><title>Le titre de la page</title></head><body>"
                + "<p>Le ministre a déclaré mardi à Paris que la réunion était très importante pour la région.</p>"
                + "<p>Les pays voisins seront invités à la prochaine réunion, prévue au printemps.</p>"
                + "</body></html>";
        NormalizedArticle a = assertInstanceOf(NormalizationResult.Accepted.class, new ArticleNormalizer()
                .normalize(page.getBytes(StandardCharsets.UTF_8), ArticleOrigin.ofFileName("p.txt"))).article();
        assertFalse(a.text().contains("<"), a.text());
    }

    @Test
    void countsCharsAsCodePoints() {
        String page = "عنوان الخبر هنا اليوم\n\nقال الرئيس إن الاجتماع كان مهما جدا للمنطقة كلها 😀 اليوم.\n\n"
                + "وأضاف أن الوفود ستعود إلى العاصمة الأسبوع المقبل لمواصلة المحادثات.\n";
        NormalizedArticle a = assertInstanceOf(NormalizationResult.Accepted.class, new ArticleNormalizer()
                .normalize(page.getBytes(StandardCharsets.UTF_8), ArticleOrigin.ofFileName("p.txt"))).article();
        assertEquals(a.text().codePointCount(0, a.text().length()), a.charCount());
        assertEquals(a.text().length() - 1, a.charCount());
    }

    @Test
    void contentHashIgnoresWhatAFailedPageLeftInTheDigest() throws Exception {
        List<String> paragraphs = List.of("قال الرئيس إن الاجتماع كان مهما.");
        MessageDigest dirty = MessageDigest.getInstance("SHA-256");
        dirty.update("half a page".getBytes(StandardCharsets.UTF_8));
        assertEquals(ArticleNormalizer.contentHash(folded(paragraphs), MessageDigest.getInstance("SHA-256")),
                ArticleNormalizer.contentHash(folded(paragraphs), dirty));
    }

    /** The seed pages, a huge page, an empty and a binary upload: everything one thread may meet in a row. */
    private static List<byte[]> mixedUploads() throws Exception {
        List<byte[]> uploads = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.sorted().toList()) {
                uploads.add(Files.readAllBytes(seed));
            }
        }
        String paragraph = "قال الرئيس إن الاجتماع كان مهما جدا للمنطقة كلها، وأضاف أن الحوار سيستمر. ";
        uploads.add(2, ("عنوان طويل جدا\n\n" + (paragraph.repeat(40) + "\n\n").repeat(400))
                .getBytes(StandardCharsets.UTF_8));
        uploads.add(1, new byte[0]);
        uploads.add(4, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
        return uploads;
    }

    @Test
    void aPageComesOutTheSameWhateverTheThreadNormalizedBefore() throws Exception {
        List<byte[]> uploads = mixedUploads();
        ArticleNormalizer reused = new ArticleNormalizer();
        for (int round = 0; round < 2; round++) {
            for (byte[] upload : uploads) {
                assertEquals(new ArticleNormalizer().normalize(upload, null), reused.normalize(upload, null));
            }
        }
    }

    @Test
    void threadsNormalizingAtOnceGetWhatOneThreadGets() throws Exception {
        List<byte[]> uploads = mixedUploads();
        ArticleNormalizer shared = new ArticleNormalizer();
        List<NormalizationResult> expected = uploads.stream().map(u -> new ArticleNormalizer().normalize(u, null)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 3 * uploads.size(); i++) {
                        int k = (i + offset) % uploads.size();
                        if (!expected.get(k).equals(shared.normalize(uploads.get(k), null))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
