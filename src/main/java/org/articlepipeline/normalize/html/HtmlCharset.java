package org.articlepipeline.normalize.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.articlepipeline.normalize.decode.Decoded;
import org.articlepipeline.normalize.decode.TextDecoder;

/**
 * Reads the bytes of an HTML page as text, in the encoding the page declares when its bytes agree.
 *
 * <p>Order of decisions: what {@link TextDecoder} decides before looking at content (size cap, binary
 * signatures, byte order mark, UTF-16 shape, control bytes); then the page's declaration, a
 * {@code <meta charset>}, a {@code <meta http-equiv="Content-Type">} or an XML declaration in the first
 * {@value #PRESCAN_BYTES} bytes, read with the WHATWG label mapping ({@code latin1} means {@code windows-1252}).
 * The declaration is checked against the bytes, because scraped pages are often re-saved in another encoding
 * than they declare: bytes that are valid UTF-8 and hold any non-ASCII character are UTF-8 whatever the page
 * declares (a legacy page is hardly ever valid UTF-8 by accident); a page declared UTF-8 (or not declared) whose
 * bytes are not valid UTF-8 is decoded as {@link TextDecoder} decodes a text upload, so a few stray bytes
 * become U+FFFD and the page keeps its text, while a page that is wholly or partly in a legacy charset is read in
 * it. A legacy declaration is followed when the bytes are not valid UTF-8, line by line if some lines are.
 */
public final class HtmlCharset {

    /** How far into the page a charset declaration is looked for. */
    static final int PRESCAN_BYTES = 8192;

    private final TextDecoder decoder;
    private final EncodingLabels labels = new EncodingLabels();

    /** @param decoder decides size, binary content and byte order marks, and reads undeclared or mislabelled bytes */
    public HtmlCharset(TextDecoder decoder) {
        this.decoder = decoder;
    }

    /** The page's text and the encoding it was read in, or why it holds no text. */
    public Decoded decode(byte[] page) {
        Decoded byMarks = decoder.decodeByMarks(page);
        if (byMarks != null) {
            return byMarks;
        }
        Decoded.Failure controls = TextDecoder.controlBytes(page);
        if (controls != null) {
            return controls;
        }
        Charset declared = labels.charset(declaredLabel(page));
        String utf8 = new String(page, StandardCharsets.UTF_8);
        if (utf8.indexOf('\uFFFD') < 0 || isValidUtf8(page)) {
            return validUtf8(page, utf8, declared);
        }
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            return decoder.decode(page, declared == null ? null : "text/html; charset=utf-8");
        }
        if (isSingleByte(declared)) {
            Decoded.Text mixed = decoder.decodeMixed(page, declared);
            if (mixed != null) {
                return mixed;
            }
        }
        return new Decoded.Text(new String(page, declared), declared.name());
    }

    /**
     * A page whose bytes are valid UTF-8: UTF-8, unless it is all ASCII, which reads the same in any
     * ASCII-compatible declared charset (named then, as what the page says it is) and differently only in a
     * 7-bit one such as ISO-2022-JP.
     */
    private static Decoded.Text validUtf8(byte[] page, String utf8, Charset declared) {
        boolean ascii = utf8.length() == page.length;
        if (declared == null || !ascii || declared.equals(StandardCharsets.UTF_8)) {
            return new Decoded.Text(utf8, "UTF-8");
        }
        boolean asciiCompatible = !declared.name().toUpperCase(Locale.ROOT).startsWith("ISO-2022");
        return new Decoded.Text(asciiCompatible ? utf8 : new String(page, declared), declared.name());
    }

    private static boolean isValidUtf8(byte[] page) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(page));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isSingleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1f;
    }

    /**
     * The charset label the page declares first in its opening bytes, or null: a simplified form of the
     * WHATWG "prescan a byte stream" algorithm. Comments and other tags are skipped whole (quoted attribute
     * values may hold {@code >}), so a declaration inside a comment or a script string does not count.
     */
    static String declaredLabel(byte[] page) {
        String s = new String(page, 0, Math.min(page.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        String xml = xmlDeclaration(s);
        if (xml != null) {
            return xml;
        }
        int i = 0;
        while (i < s.length()) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= s.length()) {
                return null;
            }
            if (s.startsWith("<!--", lt)) {
                int end = s.indexOf("-->", lt + 4);
                if (end < 0) {
                    return null;
                }
                i = end + 3;
                continue;
            }
            char next = s.charAt(lt + 1);
            boolean closing = next == '/';
            char nameStart = closing && lt + 2 < s.length() ? s.charAt(lt + 2) : next;
            if (nameStart < 'a' || nameStart > 'z') {
                int end = next == '!' || next == '?' || closing ? s.indexOf('>', lt + 1) : lt;
                if (end < 0) {
                    return null;
                }
                i = end + 1;
                continue;
            }
            MetaTag tag = MetaTag.read(s, lt + (closing ? 2 : 1));
            String label = closing ? null : tag.charsetLabel();
            if (label != null && !label.isEmpty()) {
                return label;
            }
            i = tag.end();
        }
        return null;
    }

    /** The encoding of an XML declaration that opens the page ({@code <?xml version="1.0" encoding="..."?>}), or null. */
    private static String xmlDeclaration(String s) {
        int at = 0;
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
        if (!s.startsWith("<?xml", at)) {
            return null;
        }
        int end = s.indexOf("?>", at);
        int enc = s.indexOf("encoding", at);
        if (end < 0 || enc < 0 || enc > end) {
            return null;
        }
        return MetaTag.valueAfterEquals(s, enc + "encoding".length(), end);
    }
}
