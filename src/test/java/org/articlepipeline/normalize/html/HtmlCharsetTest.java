package org.articlepipeline.normalize.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.articlepipeline.normalize.RejectionReason;
import org.articlepipeline.normalize.decode.Decoded;
import org.articlepipeline.normalize.decode.TextDecoder;
import org.junit.jupiter.api.Test;

class HtmlCharsetTest {

    private static final String ARABIC = "قال وزير الخارجية إن الاجتماع المقبل سيعقد في العاصمة الأسبوع القادم.";
    private static final String FRENCH = "Le ministre a déclaré à Paris que la réunion était « très importante ».";
    private static final Charset CP1256 = Charset.forName("windows-1256");

    private final HtmlCharset charset = new HtmlCharset(new TextDecoder(100_000));

    private static String page(String head, String body) {
        return "<!DOCTYPE html>\n<html><head>" + head + "<title>t</title></head>\n<body><p>" + body + "</p></body></html>\n";
    }

    private Decoded.Text read(byte[] bytes) {
        return assertInstanceOf(Decoded.Text.class, charset.decode(bytes));
    }

    @Test
    void readsAPageInTheCharsetItsMetaTagDeclares() {
        String html = page("<meta charset=\"windows-1256\">", ARABIC);
        Decoded.Text t = read(html.getBytes(CP1256));
        assertEquals("windows-1256", t.encoding());
        assertEquals(html, t.text());
    }

    @Test
    void readsTheCharsetOfAnHttpEquivContentType() {
        String plain = "قال وزير الخارجية ان الاجتماع المقبل سيعقد في العاصمة";
        String html = page("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'>", plain);
        Decoded.Text t = read(html.getBytes(Charset.forName("ISO-8859-6")));
        assertEquals("ISO-8859-6", t.encoding());
        assertEquals(html, t.text());
    }

    @Test
    void readsLatin1AsWindows1252AsBrowsersDo() {
        String html = page("<meta charset=latin1>", "Il a dit \u201coui\u201d.");
        Decoded.Text t = read(html.getBytes(Charset.forName("windows-1252")));
        assertEquals("windows-1252", t.encoding());
        assertEquals(html, t.text());
    }

    @Test
    void readsAPageDeclaredIso885915WhoseBytesAreValidUtf8AsUtf8() {
        String html = page("<meta http-equiv=\"content-type\" content=\"text/html;charset=iso-8859-15\">", FRENCH);
        Decoded.Text t = read(html.getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", t.encoding());
        assertEquals(html, t.text());
    }

    @Test
    void keepsTheTextOfAPageDeclaredUtf8WithOneStrayLatin1Byte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(page("<meta charset=\"utf-8\">", "Prix : 5 ").getBytes(StandardCharsets.UTF_8));
        out.write(0xA3);                               // a pound sign in Latin-1
        out.writeBytes(page("", "Il fait beau.").getBytes(StandardCharsets.UTF_8));
        Decoded.Text t = read(out.toByteArray());
        assertEquals("UTF-8", t.encoding());
        assertEquals(page("<meta charset=\"utf-8\">", "Prix : 5 ") + "\uFFFD" + page("", "Il fait beau."), t.text());
    }

    @Test
    void readsAPageDeclaredUtf8WhoseBytesAreWindows1256InWindows1256() {
        String html = page("<meta charset=\"utf-8\">", ARABIC + " " + ARABIC);
        Decoded.Text t = read(html.getBytes(CP1256));
        assertEquals("windows-1256", t.encoding());
        assertEquals(html, t.text());
    }

    @Test
    void readsAnUndeclaredWindows1256PageByItsBytesDespiteTheMarkup() {
        String html = page("<script>window.analyticsConfiguration = {account: 'newsroom-frontpage-desktop'};</script>",
                ARABIC);
        Decoded.Text t = read(html.getBytes(CP1256));
        assertEquals("windows-1256", t.encoding());
        assertEquals(html, t.text());
    }

    @Test
    void aByteOrderMarkOverridesTheDeclaration() {
        String html = page("<meta charset=\"windows-1256\">", ARABIC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(html.getBytes(StandardCharsets.UTF_8));
        Decoded.Text t = read(out.toByteArray());
        assertEquals("UTF-8", t.encoding());
        assertEquals(html, t.text());

        out.reset();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.writeBytes(html.getBytes(StandardCharsets.UTF_16LE));
        Decoded.Text u = read(out.toByteArray());
        assertEquals("UTF-16LE", u.encoding());
        assertEquals(html, u.text());
    }

    @Test
    void namesTheDeclaredCharsetOfAnAsciiOnlyPage() {
        String html = page("<meta charset=\"windows-1256\">", "&#1575;&#1604; news in entities only");
        Decoded.Text t = read(html.getBytes(StandardCharsets.US_ASCII));
        assertEquals("windows-1256", t.encoding());
        assertEquals(html, t.text());
    }

    @Test
    void followsALegacyDeclarationLineByLineWhenSomeLinesAreUtf8() {
        String html = page("<meta charset=\"windows-1256\">", "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(html.getBytes(CP1256));
        out.writeBytes(("<p>" + ARABIC + "</p>\n").getBytes(CP1256));
        out.writeBytes(("<p>" + ARABIC + "</p>\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("<p>" + ARABIC + "</p>\n").getBytes(CP1256));
        Decoded.Text t = read(out.toByteArray());
        assertEquals("windows-1256+UTF-8", t.encoding());
        assertEquals(html + ("<p>" + ARABIC + "</p>\n").repeat(3), t.text());
    }

    @Test
    void rejectsWhatTextUploadsAreRejectedFor() {
        assertEquals(RejectionReason.EMPTY, assertInstanceOf(Decoded.Failure.class, charset.decode(new byte[0])).reason());
        assertEquals(RejectionReason.BINARY_CONTENT, assertInstanceOf(Decoded.Failure.class,
                charset.decode("<html>\0\0</html>".getBytes(StandardCharsets.US_ASCII))).reason());
    }

    @Test
    void findsTheFirstDeclarationOutsideCommentsAndAttributeValues() {
        assertEquals("windows-1256", label("<!-- <meta charset=\"koi8-r\"> --><div title='<meta charset=gbk>'>"
                + "<meta name=x content=y><META CHARSET=Windows-1256>"));
        assertEquals("utf-8", label("<head><meta charset=utf-8/>"));
        assertEquals("iso-8859-6", label("<meta content=\"text/html; charset='iso-8859-6'\" http-equiv=Content-Type>"));
        assertEquals("windows-1252", label("<?xml version=\"1.0\" encoding=\"windows-1252\"?><html>"));
        assertNull(label("<meta content=\"text/html; charset=iso-8859-6\">"), "content without http-equiv");
        assertNull(label("<p>plain</p>"));
        assertNull(label("<!-- never closed <meta charset=utf-8>"));
    }

    private static String label(String head) {
        return HtmlCharset.declaredLabel(head.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void mapsWhatwgLabels() {
        EncodingLabels labels = new EncodingLabels();
        assertEquals("windows-1252", labels.charset(" ISO-8859-1 ").name());
        assertEquals("windows-1252", labels.charset("us-ascii").name());
        assertEquals("windows-1254", labels.charset("latin5").name());
        assertEquals("windows-1256", labels.charset("x-cp1256").name());
        assertEquals("ISO-8859-6", labels.charset("asmo-708").name());
        assertEquals("UTF-8", labels.charset("utf-16").name());
        assertNull(labels.charset("no-such-encoding"));
    }
}
