package org.articlepipeline.normalize.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link TextCleaner#cleanUtf8}: decoding and cleaning in one pass gives what decoding, then cleaning, gives. */
class Utf8CleaningTest {

    private final TextCleaner cleaner = new TextCleaner();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Property(tries = 1000)
    void cleansValidUtf8AsTheDecodedTextIsCleaned(@ForAll("texts") String text) {
        CleanText fused = cleaner.cleanUtf8(utf8(text));
        if (fused != null) {
            assertEquals(cleaner.clean(text), fused);
        }
    }

    @Property(tries = 200)
    void aLentLineRoomCleansEachPageAsAFreshOneDoes(@ForAll("texts") String first, @ForAll("texts") String second) {
        LineBuffer room = new LineBuffer();
        // A line longer than the room, one past what the room keeps, an invalid page the loop gives up on.
        List<byte[]> pages = List.of(utf8(first), utf8("ب".repeat(LineBuffer.ROOM * 3)), utf8(second),
                utf8("x".repeat(LineBuffer.KEEP + 1)), bytes('a', 0xC3, 'b'), utf8(first), utf8(second));
        for (byte[] page : pages) {
            assertEquals(cleaner.cleanUtf8(page), cleaner.cleanUtf8(page, room));
        }
    }

    @Test
    void aLineRoomKeepsWhatItGrewToUnlessThatIsHuge() {
        LineBuffer room = new LineBuffer();
        char[] grown = new char[LineBuffer.KEEP];
        room.giveBack(grown);
        assertSame(grown, room.chars());
        room.giveBack(new char[LineBuffer.KEEP + 1]);
        assertSame(grown, room.chars(), "a huge upload's room is let go");
    }

    @Provide
    Arbitrary<String> texts() {
        // Letters and digits of each script, every kind of space, break, mark and control the cleaner treats
        // apart, curly quotes and tanween (which leave and re-enter the cleaner's inner loop), two-byte chars
        // beyond the Arabic block, and a char beyond the BMP.
        Arbitrary<String> pieces = Arbitraries.of(
                "قال", "الرئيس", "باريس", "- ", "١٢", "news", "Été", " ", "  ", "\t", "\u00A0", "\u2009", "\u3000",
                "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\u000B", "\u0640", "\u200F", "\u202B", "\u00AD",
                "\uFEFF", "\u0001", "\u064E", "\u0651", "e\u0301", "\u0627\u0654", "«", "»", "…", "—", "😀", "ک",
                "ی", "\u06C0", "\u064B", "\u201C", "\u201D", "\u0710", "\u0780", "\u07CA");
        // Up to 200 pieces: pages of dozens of lines, past the sizes the cleaner grows its arrays at.
        return pieces.list().ofMaxSize(200).map(list -> String.join("", list));
    }

    @Test
    void decodesTwoThreeAndFourByteCharsAndJoinsCrLf() {
        CleanText clean = cleaner.cleanUtf8(utf8("قال — «نعم» 😀\r\nسطر\u2028ثالث"));
        assertNotNull(clean);
        assertEquals(List.of("قال — «نعم» 😀", "سطر", "ثالث"), clean.lines());
    }

    @Test
    void leavesInvalidUtf8ToTheDecoder() {
        assertNull(cleaner.cleanUtf8(bytes('a', 0xC3)), "a lead byte at the end");
        assertNull(cleaner.cleanUtf8(bytes('a', 0xC3, 'b')), "a lead byte without its continuation");
        assertNull(cleaner.cleanUtf8(bytes(0xC0, 0xAF)), "an overlong slash");
        assertNull(cleaner.cleanUtf8(bytes(0xE0, 0x80, 0xAF)), "an overlong three-byte slash");
        assertNull(cleaner.cleanUtf8(bytes(0xED, 0xA0, 0x80)), "an encoded surrogate");
        assertNull(cleaner.cleanUtf8(bytes(0xF4, 0x90, 0x80, 0x80)), "beyond U+10FFFF");
        assertNull(cleaner.cleanUtf8(bytes(0x80, 'a')), "a stray continuation byte");
        assertNull(cleaner.cleanUtf8(bytes(0xE9, 't', 0xE9)), "Latin-1 bytes");
    }

    @Test
    void leavesControlBytesTheDecoderWeighsToTheDecoder() {
        assertNull(cleaner.cleanUtf8(bytes('a', 0, 'b')));
        assertNull(cleaner.cleanUtf8(bytes('a', 1, 'b')));
        assertNull(cleaner.cleanUtf8(bytes('a', 0x0B, 'b')));
        assertEquals(List.of("a b c"), cleaner.cleanUtf8(bytes('a', '\t', 'b', '\f', 'c')).lines());
    }

    @Test
    void leavesReplacementCharsZwnjAndPresentationFormsToTheGeneralPath() {
        assertNull(cleaner.cleanUtf8(utf8("a \uFFFD b")));
        assertNull(cleaner.cleanUtf8(utf8("می\u200Cخواهم")));
        assertNull(cleaner.cleanUtf8(utf8("\uFEFB")));
    }
}
