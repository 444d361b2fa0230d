package org.articlepipeline.normalize.decode;

import org.articlepipeline.normalize.RejectionReason;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns uploaded bytes into text, choosing the charset from evidence in the bytes.
 *
 * <p>Order of decisions: size cap, binary signatures (PDF, ZIP, GZIP, PNG, JPEG, GIF, ...), byte order mark,
 * UTF-16 without BOM, NUL and control bytes, then UTF-8 validity. A file whose lines are in two encodings
 * (UTF-8 lines beside legacy ones, as concatenated scrapes make) is decoded line by line, each line in its own
 * encoding, and its encoding is named {@code UTF-8+windows-1256} (the encoding of more non-ASCII characters first; see
 * {@link MixedLines}). Otherwise UTF-8 wins when the bytes hold valid multi-byte sequences and at most one
 * invalid byte per {@value #UTF8_VALID_PER_INVALID} valid sequences (or a few stray bytes in all, when the upload
 * is declared UTF-8), so a stray byte in a UTF-8 page becomes one U+FFFD instead of turning the whole page into
 * mojibake. Otherwise the page is a legacy single-byte page: Arabic ({@code windows-1256} or
 * {@code ISO-8859-6}) when bytes above 0x7F outnumber ASCII letters or stand in runs as Arabic words do, Latin
 * ({@code windows-1252} or {@code ISO-8859-1}) otherwise. Valid UTF-8, the common upload, is read by one JDK
 * decoding and none of these counts.
 *
 * <p>A charset declared in the content type is a hint: it only breaks ties between candidates the evidence
 * cannot tell apart, because stale declarations are common on scraped pages.
 */
public final class TextDecoder {

    /** Valid multi-byte UTF-8 sequences needed to forgive one invalid byte. */
    static final int UTF8_VALID_PER_INVALID = 20;
    /** Invalid bytes forgiven in content declared UTF-8 even when it holds few valid sequences to weigh them against. */
    static final int STRAY_BYTES_WHEN_DECLARED = 3;

    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Charset ISO_8859_6 = Charset.forName("ISO-8859-6");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Reads eight bytes of an array as one long, for the control-byte scan. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxBytes;

    /** @param maxBytes uploads longer than this are rejected as {@code too-large} */
    public TextDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Decodes {@code content}.
     *
     * @param declaredContentType the declared MIME type, e.g. {@code text/plain; charset=windows-1256}; may be null
     */
    public Decoded decode(byte[] content, String declaredContentType) {
        Decoded byMarks = decodeByMarks(content);
        if (byMarks != null) {
            return byMarks;
        }
        Decoded.Failure controls = controlBytes(content);
        if (controls != null) {
            return controls;
        }
        // Fast path: the JDK's decoder writes U+FFFD for every malformed sequence, so a decoding without one
        // is valid UTF-8 (a page that spells U+FFFD itself just takes the slow path below).
        String utf8 = new String(content, StandardCharsets.UTF_8);
        if (utf8.indexOf('\uFFFD') < 0) {
            return new Decoded.Text(utf8, "UTF-8");
        }
        ByteStats stats = ByteStats.of(content);
        if (stats.invalidUtf8 == 0) {
            return new Decoded.Text(utf8, "UTF-8");
        }
        String declared = declaredCharset(declaredContentType);
        MixedLines mixed = MixedLines.of(content);
        if (mixed != null) {
            byte[] legacyLines = mixed.legacyContent(content);
            Decoded.Text legacy = decodeLegacy(legacyLines, ByteStats.of(legacyLines), declared);
            return mixed.decode(content, Charset.forName(legacy.encoding()));
        }
        if (stats.validMultibyte >= (long) UTF8_VALID_PER_INVALID * stats.invalidUtf8
                || "UTF-8".equals(declared) && stats.invalidUtf8 <= STRAY_BYTES_WHEN_DECLARED) {
            return new Decoded.Text(utf8, "UTF-8");
        }
        return decodeLegacy(content, stats, declared);
    }

    /**
     * Decodes content that is no valid UTF-8 line by line when its lines are in two encodings (UTF-8 and the
     * single-byte {@code legacy}): null when they are not.
     */
    public Decoded.Text decodeMixed(byte[] content, Charset legacy) {
        MixedLines mixed = MixedLines.of(content);
        return mixed == null ? null : mixed.decode(content, legacy);
    }

    /**
     * The single-byte legacy reading: Arabic ({@code windows-1256} or {@code ISO-8859-6}) when bytes above 0x7F
     * outnumber ASCII letters or when most letters above 0xBF stand in runs (words of Arabic letters do; an
     * accented Latin letter stands between ASCII ones, so markup and scripts around Arabic text do not hide it);
     * Latin ({@code windows-1252} or {@code ISO-8859-1}) otherwise.
     */
    private static Decoded.Text decodeLegacy(byte[] content, ByteStats stats, String declared) {
        return stats.high > stats.asciiLetters || 2L * stats.pairedHighLetters >= stats.highLetters && stats.highLetters > 0
                ? arabicLegacy(content, declared)
                : latinLegacy(content, stats, declared);
    }

    /**
     * Whether {@link #decode} reads {@code content} as {@code UTF-8} whenever it is valid UTF-8 and holds no C0
     * control byte but tab, line feed, form feed and carriage return: it is not empty, too large or of a binary
     * format, and has no byte order mark and no UTF-16 shape. A caller that decodes such content itself (to
     * clean it in the same pass) gets what {@code decode} would give as long as it accepts only valid UTF-8
     * without other control bytes, and hands anything else to {@code decode}, which weighs control bytes as
     * evidence of binary content.
     */
    public boolean readsAsUtf8WhenValid(byte[] content) {
        return decodeByMarks(content) == null;
    }

    /**
     * What the checks before the bytes' content decide: a failure (size, binary signature) or a text (byte
     * order mark, UTF-16 shape); null when the bytes are UTF-8 or a single-byte charset. Public so that a
     * reader of HTML, which weighs the page's own charset declaration next, decides these the same way.
     */
    public Decoded decodeByMarks(byte[] content) {
        if (content == null || content.length == 0) {
            return new Decoded.Failure(RejectionReason.EMPTY, "the file is empty");
        }
        if (content.length > maxBytes) {
            return new Decoded.Failure(RejectionReason.TOO_LARGE,
                    "the file has " + content.length + " bytes, more than the cap of " + maxBytes);
        }
        String signature = binarySignature(content);
        if (signature != null) {
            return new Decoded.Failure(RejectionReason.BINARY_CONTENT, "the file is a " + signature + ", not text");
        }
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new Decoded.Text(new String(content, 3, content.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return utf16(content, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return utf16(content, 2, StandardCharsets.UTF_16BE);
        }
        Charset bomless = utf16WithoutBom(content);
        if (bomless != null) {
            return utf16(content, 0, bomless);
        }
        return null;
    }

    /**
     * Whether {@code c} is a C0 control that text does not hold (all but tab, line feed, form feed and carriage
     * return; NUL included): what this decoder weighs as evidence of binary content.
     */
    public static boolean isBinaryControl(int c) {
        return c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }

    /**
     * Binary content told by its bytes: any NUL byte, or more control bytes than text has by accident; null
     * when the content passes. Public so that a reader of HTML rejects the same content text uploads are.
     */
    public static Decoded.Failure controlBytes(byte[] content) {
        int nul = 0;
        int control = 0;
        // Eight bytes at a time: only a word holding a byte below 0x20 (a line break, in text) is looked into.
        for (int i = 0; i < content.length; i += 8) {
            if (i + 8 <= content.length && !hasByteBelow0x20((long) LONGS.get(content, i))) {
                continue;
            }
            for (int k = i, end = Math.min(i + 8, content.length); k < end; k++) {
                byte b = content[k];
                if (b == 0) {
                    nul++;
                } else if (isBinaryControl(b)) {
                    control++;
                }
            }
        }
        if (nul > 0) {
            return new Decoded.Failure(RejectionReason.BINARY_CONTENT, "the file holds NUL bytes, so it is not text");
        }
        // Text has tabs and line breaks, not other C0 controls; allow a few for scraping accidents.
        if (control > 8 && control * 100L > content.length) {
            return new Decoded.Failure(RejectionReason.BINARY_CONTENT, "the file holds " + control + " control bytes");
        }
        return null;
    }

    /**
     * Whether one of the eight bytes of {@code word} is below 0x20 as an unsigned byte: subtracting 0x20 from
     * every byte borrows into its top bit only for those bytes, and {@code ~word} drops bytes that had it set.
     */
    private static boolean hasByteBelow0x20(long word) {
        return ((word - 0x2020202020202020L) & ~word & 0x8080808080808080L) != 0;
    }

    private static Decoded utf16(byte[] content, int offset, Charset charset) {
        if ((content.length - offset) % 2 != 0) {
            return new Decoded.Failure(RejectionReason.UNDECODABLE, "the file has a " + charset.name()
                    + " byte order mark but an odd number of bytes");
        }
        return new Decoded.Text(new String(content, offset, content.length - offset, charset), charset.name());
    }

    /**
     * UTF-16 without a BOM: nearly every other byte is a high byte of an ASCII (00), Arabic (06) or
     * punctuation (20) code point. Neither UTF-8 nor a single-byte charset looks like that.
     */
    private static Charset utf16WithoutBom(byte[] content) {
        if (content.length < 8 || content.length % 2 != 0) {
            return null;
        }
        boolean hint = false;
        for (int i = 0; i < Math.min(content.length, 64) && !hint; i++) {
            hint = content[i] == 0x00 || content[i] == 0x06;
        }
        if (!hint) {
            return null;             // UTF-16 of ASCII or Arabic has 00 or 06 bytes from the start
        }
        int n = Math.min(content.length, 8192) / 2;
        int evenHigh = 0;
        int oddHigh = 0;
        for (int i = 0; i < n; i++) {
            if (isUtf16HighByte(content[2 * i])) {
                evenHigh++;
            }
            if (isUtf16HighByte(content[2 * i + 1])) {
                oddHigh++;
            }
        }
        if (oddHigh >= n * 0.95 && evenHigh < n * 0.5) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenHigh >= n * 0.95 && oddHigh < n * 0.5) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isUtf16HighByte(byte b) {
        return b == 0x00 || b == 0x06 || b == 0x20;
    }

    private static Decoded.Text arabicLegacy(byte[] content, String declared) {
        String cp1256 = new String(content, WINDOWS_1256);
        String iso = new String(content, ISO_8859_6);
        int score1256 = arabicPlausibility(cp1256);
        int scoreIso = arabicPlausibility(iso);
        if (scoreIso > score1256 || (scoreIso == score1256 && "ISO-8859-6".equals(declared))) {
            return new Decoded.Text(iso, "ISO-8859-6");
        }
        return new Decoded.Text(cp1256, "windows-1256");
    }

    /**
     * How much a decoding looks like Arabic: the article bigram "ال" (the commonest in Arabic) scores, while
     * unmapped bytes, C1 controls and accented Latin letters glued to Arabic letters (what ISO-8859-6 bytes
     * become in windows-1256) cost.
     */
    static int arabicPlausibility(String s) {
        int score = 0;
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0644' && prev == '\u0627') {
                score += 2;
            } else if (c == '\uFFFD' || (c >= 0x80 && c <= 0x9F)) {
                score -= 3;
            } else if (c >= 0xC0 && c <= 0xFF && (isArabicLetter(prev)
                    || (i + 1 < s.length() && isArabicLetter(s.charAt(i + 1))))) {
                score -= 3;
            }
            prev = c;
        }
        return score;
    }

    private static boolean isArabicLetter(char c) {
        return c >= '\u0621' && c <= '\u064A';
    }

    private static Decoded.Text latinLegacy(byte[] content, ByteStats stats, String declared) {
        // 0x80-0x9F are C1 controls in ISO-8859-1 but quotes and dashes in windows-1252; their presence decides.
        if (stats.c1 == 0 && "ISO-8859-1".equals(declared)) {
            return new Decoded.Text(new String(content, StandardCharsets.ISO_8859_1), "ISO-8859-1");
        }
        return new Decoded.Text(new String(content, WINDOWS_1252), "windows-1252");
    }

    /** The charset named in a content type, canonicalized to the names this decoder reports, or null. */
    static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        String name = lower.substring(at + 8).replace("\"", "").replace("'", "").strip();
        int end = name.indexOf(';');
        if (end >= 0) {
            name = name.substring(0, end).strip();
        }
        switch (name) {
            case "windows-1256", "cp1256", "x-cp1256":
                return "windows-1256";
            case "iso-8859-6", "iso8859-6", "arabic", "iso_8859-6":
                return "ISO-8859-6";
            case "windows-1252", "cp1252":
                return "windows-1252";
            case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso_8859-1":
                return "ISO-8859-1";
            case "utf-8", "utf8":
                return "UTF-8";
            default:
                return null;
        }
    }

    /** The kind of file a well-known binary signature says this is, or null. */
    static String binarySignature(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return "PDF document";
        }
        if (startsWith(b, 'P', 'K', 0x03, 0x04) || startsWith(b, 'P', 'K', 0x05, 0x06)) {
            return "ZIP archive";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "GZIP archive";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "GIF image";
        }
        if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
            return "ELF executable";
        }
        if (startsWith(b, 'R', 'a', 'r', '!')) {
            return "RAR archive";
        }
        if (startsWith(b, '7', 'z', 0xBC, 0xAF)) {
            return "7z archive";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "legacy Office document";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** One pass over the bytes: what each decision above needs to know. */
    private static final class ByteStats {
        int nul;
        int control;
        int c1;
        int high;
        int asciiLetters;
        int validMultibyte;
        int invalidUtf8;
        /** Bytes from 0xC0 up that no valid sequence holds: letters in the legacy charsets this decoder reads. */
        int highLetters;
        /** Of those, the ones right after another such byte: in runs, as Arabic letters stand in words. */
        int pairedHighLetters;

        static ByteStats of(byte[] b) {
            ByteStats s = new ByteStats();
            int i = 0;
            int n = b.length;
            int lastHighLetter = -2;
            while (i < n) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    if (c == 0) {
                        s.nul++;
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                        s.control++;
                    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                        s.asciiLetters++;
                    }
                    i++;
                    continue;
                }
                int len = Utf8Sequences.length(b, i, n);
                if (len > 0) {
                    s.validMultibyte++;
                    s.high += len;
                    i += len;
                } else {
                    s.invalidUtf8++;
                    s.high++;
                    if (c <= 0x9F) {
                        s.c1++;
                    } else if (c >= 0xC0) {
                        s.highLetters++;
                        if (lastHighLetter == i - 1) {
                            s.pairedHighLetters++;
                        }
                        lastHighLetter = i;
                    }
                    i++;
                }
            }
            return s;
        }
    }
}
