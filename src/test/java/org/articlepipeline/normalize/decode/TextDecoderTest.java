package org.articlepipeline.normalize.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final String ARABIC = "قال وزير الخارجية الفرنسي إن الرئيس الروسي طلب من فرنسا وضع خريطة للجماعات المسلحة في سوريا.";
    private static final String FRENCH = "Le ministre français des Affaires étrangères a déclaré à Paris que la réunion était très importante.";

    private final TextDecoder decoder = new TextDecoder(1000);

    private Decoded.Text text(byte[] bytes, String contentType) {
        return assertInstanceOf(Decoded.Text.class, decoder.decode(bytes, contentType));
    }

    private String reason(byte[] bytes) {
        return assertInstanceOf(Decoded.Failure.class, decoder.decode(bytes, null)).reason().code();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void readsPlainUtf8() {
        Decoded.Text t = text(ARABIC.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(ARABIC, t.text());
        assertEquals("UTF-8", t.encoding());
    }

    @Test
    void stripsUtf8ByteOrderMark() {
        Decoded.Text t = text(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ARABIC.getBytes(StandardCharsets.UTF_8)), null);
        assertEquals(ARABIC, t.text());
    }

    @Test
    void readsUtf16LittleEndianWithBom() {
        Decoded.Text t = text(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ARABIC.getBytes(StandardCharsets.UTF_16LE)), null);
        assertEquals(ARABIC, t.text());
        assertEquals("UTF-16LE", t.encoding());
    }

    @Test
    void readsUtf16BigEndianWithBom() {
        Decoded.Text t = text(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, FRENCH.getBytes(StandardCharsets.UTF_16BE)), null);
        assertEquals(FRENCH, t.text());
        assertEquals("UTF-16BE", t.encoding());
    }

    @Test
    void recognizesUtf16WithoutBom() {
        Decoded.Text t = text(ARABIC.getBytes(StandardCharsets.UTF_16LE), null);
        assertEquals(ARABIC, t.text());
        assertEquals("UTF-16LE", t.encoding());
    }

    @Test
    void oneStrayInvalidByteDoesNotFlipUtf8ToALegacyCharset() {
        byte[] good = ARABIC.getBytes(StandardCharsets.UTF_8);
        byte[] bad = concat(concat(java.util.Arrays.copyOf(good, 20), new byte[] {(byte) 0xFF}),
                java.util.Arrays.copyOfRange(good, 20, good.length));
        Decoded.Text t = text(bad, "text/plain; charset=windows-1256");
        assertEquals("UTF-8", t.encoding());
        assertTrue(t.text().contains("\uFFFD"));
        assertTrue(t.text().endsWith("سوريا."));
    }

    @Test
    void detectsWindows1256Arabic() {
        Decoded.Text t = text(ARABIC.getBytes(Charset.forName("windows-1256")), null);
        assertEquals("windows-1256", t.encoding());
        assertEquals(ARABIC, t.text());
    }

    @Test
    void detectsIso88596Arabic() {
        String plain = "قال وزير الخارجية الفرنسي ان الرئيس الروسي طلب من فرنسا وضع خريطة للجماعات المسلحة في سوريا";
        Decoded.Text t = text(plain.getBytes(Charset.forName("ISO-8859-6")), null);
        assertEquals("ISO-8859-6", t.encoding());
        assertEquals(plain, t.text());
    }

    @Test
    void evidenceBeatsAStaleDeclaredCharset() {
        Decoded.Text t = text(ARABIC.getBytes(Charset.forName("windows-1256")), "text/plain; charset=ISO-8859-1");
        assertEquals("windows-1256", t.encoding());
        Decoded.Text u = text(ARABIC.getBytes(StandardCharsets.UTF_8), "text/html; charset=windows-1256");
        assertEquals("UTF-8", u.encoding());
    }

    @Test
    void detectsWindows1252LatinWithSmartQuotes() {
        String s = "Le ministre a dit \u201cnon\u201d \u2014 c\u2019était prévu.";
        Decoded.Text t = text(s.getBytes(Charset.forName("windows-1252")), null);
        assertEquals("windows-1252", t.encoding());
        assertEquals(s, t.text());
    }

    @Test
    void honorsDeclaredIso88591WhenTheBytesAgree() {
        Decoded.Text t = text(FRENCH.getBytes(StandardCharsets.ISO_8859_1), "text/plain; charset=iso-8859-1");
        assertEquals("ISO-8859-1", t.encoding());
        assertEquals(FRENCH, t.text());
    }

    @Test
    void rejectsEmptyContent() {
        assertEquals("empty", reason(new byte[0]));
    }

    @Test
    void rejectsContentOverTheCap() {
        assertEquals("too-large", reason(new byte[1001]));
    }

    @Test
    void rejectsPdfZipGzipPngJpegGifByMagicNumber() {
        assertEquals("binary-content", reason("%PDF-1.7\nrest".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("binary-content", reason(new byte[] {'P', 'K', 3, 4, 20, 0}));
        assertEquals("binary-content", reason(new byte[] {0x1F, (byte) 0x8B, 8, 0}));
        assertEquals("binary-content", reason(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}));
        assertEquals("binary-content", reason(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals("binary-content", reason("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void rejectsNulBytes() {
        assertEquals("binary-content", reason("abc\0def ghi jkl".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void rejectsManyControlBytes() {
        byte[] b = new byte[200];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        assertEquals("binary-content", reason(b));
    }

    @Test
    void readsTheCharsetFromAContentType() {
        assertEquals("windows-1256", TextDecoder.declaredCharset("text/plain; charset=\"CP1256\""));
        assertEquals("ISO-8859-6", TextDecoder.declaredCharset("text/html;charset=iso-8859-6; foo=bar"));
        assertEquals(null, TextDecoder.declaredCharset("text/plain"));
    }

    @Test
    void readsAsUtf8WhenValidOnlyWhatNoMarkOrCheckDecidesFirst() {
        assertTrue(decoder.readsAsUtf8WhenValid(ARABIC.getBytes(StandardCharsets.UTF_8)));
        assertTrue(decoder.readsAsUtf8WhenValid(new byte[] {'a', (byte) 0xC3}), "invalid UTF-8 is still read as UTF-8 first");
        assertFalse(decoder.readsAsUtf8WhenValid(new byte[0]), "empty");
        assertFalse(decoder.readsAsUtf8WhenValid(new byte[1001]), "over the cap");
        assertFalse(decoder.readsAsUtf8WhenValid("%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII)), "a PDF");
        assertFalse(decoder.readsAsUtf8WhenValid(("\uFEFF" + ARABIC).getBytes(StandardCharsets.UTF_8)), "a UTF-8 BOM");
        assertFalse(decoder.readsAsUtf8WhenValid(ARABIC.getBytes(StandardCharsets.UTF_16LE)), "UTF-16 without a BOM");
        assertTrue(decoder.readsAsUtf8WhenValid(new byte[] {'a', 0, 'b'}), "control bytes are left to the caller");
        assertEquals("binary-content", reason(new byte[] {'a', 0, 'b'}), "and decode still weighs them");
    }

    @Test
    void weighsEveryC0ControlButTabLineFeedFormFeedAndCarriageReturnAsBinary() {
        for (int c = -128; c < 128; c++) {
            boolean expected = c >= 0 && c < 0x20 && "\t\n\f\r".indexOf(c) < 0;
            assertEquals(expected, TextDecoder.isBinaryControl(c), "byte " + c);
        }
    }

    private static final String ARABIC_2 = "وأكد المتحدث باسم الحكومة أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.";
    private static final Charset CP1256 = Charset.forName("windows-1256");

    private static byte[] lines(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i += 2) {
            out.writeBytes(((String) parts[i] + "\n").getBytes((Charset) parts[i + 1]));
        }
        return out.toByteArray();
    }

    @Test
    void decodesWindows1256LinesInsideAUtf8FileEachInItsOwnEncoding() {
        var utf8 = StandardCharsets.UTF_8;
        byte[] file = lines(ARABIC, utf8, FRENCH, utf8, ARABIC_2, CP1256, ARABIC_2, CP1256, ARABIC, utf8, ARABIC, utf8);
        Decoded.Text t = text(new TextDecoder(10_000), file, null);
        assertEquals(String.join("\n", ARABIC, FRENCH, ARABIC_2, ARABIC_2, ARABIC, ARABIC) + "\n", t.text());
        assertEquals("UTF-8+windows-1256", t.encoding());
    }

    @Test
    void namesTheLegacyCharsetFirstWhenMostLinesAreLegacy() {
        byte[] file = lines(ARABIC, CP1256, ARABIC, CP1256, ARABIC_2, StandardCharsets.UTF_8, ARABIC, CP1256);
        Decoded.Text t = text(new TextDecoder(10_000), file, null);
        assertEquals(String.join("\n", ARABIC, ARABIC, ARABIC_2, ARABIC) + "\n", t.text());
        assertEquals("windows-1256+UTF-8", t.encoding());
    }

    @Test
    void decodesWindows1252FrenchLinesInsideAUtf8ArabicFile() {
        var utf8 = StandardCharsets.UTF_8;
        byte[] file = lines(ARABIC, utf8, FRENCH, Charset.forName("windows-1252"), ARABIC_2, utf8);
        Decoded.Text t = text(new TextDecoder(10_000), file, null);
        assertEquals(String.join("\n", ARABIC, FRENCH, ARABIC_2) + "\n", t.text());
        assertEquals("UTF-8+windows-1252", t.encoding());
    }

    @Test
    void oneStrayByteOnAnAsciiLineOfAUtf8FileIsNotAMixedFile() {
        byte[] file = concat(lines(ARABIC, StandardCharsets.UTF_8, ARABIC_2, StandardCharsets.UTF_8),
                "Copyright \u00A9 2015\n".getBytes(StandardCharsets.ISO_8859_1));
        Decoded.Text t = text(new TextDecoder(10_000), file, null);
        assertEquals("UTF-8", t.encoding());
        assertTrue(t.text().startsWith(ARABIC + "\n" + ARABIC_2 + "\n"));
        assertTrue(t.text().endsWith("Copyright \uFFFD 2015\n"));
    }

    @Test
    void plainUtf8WithAnEncodedReplacementCharStaysOneUtf8Decoding() {
        String s = ARABIC + "\n\uFFFD\n" + FRENCH;
        Decoded.Text t = text(new TextDecoder(10_000), s.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(s, t.text());
        assertEquals("UTF-8", t.encoding());
    }

    @Test
    void arabicLegacyBytesAmidAsciiMarkupAreStillReadAsArabic() {
        String page = "<html><head><script>var analyticsConfiguration = {account: 'abcdefghijklmnop', sample: true};"
                + "</script></head><body><div class=\"article-content main-column\"><p>" + ARABIC + "</p></div></body></html>";
        Decoded.Text t = text(new TextDecoder(10_000), page.getBytes(CP1256), null);
        assertEquals("windows-1256", t.encoding());
        assertEquals(page, t.text());
    }

    @Test
    void aDeclaredUtf8FileWithAStrayByteAndFewOtherSequencesStaysUtf8() {
        byte[] file = concat("Caf\u00e9 \u201cnoir\u201d and tea. ".getBytes(StandardCharsets.UTF_8),
                "Price 5\u00a3".getBytes(StandardCharsets.ISO_8859_1));
        Decoded.Text declared = text(new TextDecoder(10_000), file, "text/plain; charset=utf-8");
        assertEquals("UTF-8", declared.encoding());
        assertEquals("Caf\u00e9 \u201cnoir\u201d and tea. Price 5\uFFFD", declared.text());
    }

    private static Decoded.Text text(TextDecoder decoder, byte[] bytes, String contentType) {
        return assertInstanceOf(Decoded.Text.class, decoder.decode(bytes, contentType));
    }
}
