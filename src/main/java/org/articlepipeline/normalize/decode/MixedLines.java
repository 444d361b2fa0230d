package org.articlepipeline.normalize.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A file whose lines are in two encodings: UTF-8 lines beside lines of a single-byte legacy charset, as
 * concatenated scrapes make them (a windows-1256 page appended to UTF-8 ones, or the reverse).
 *
 * <p>Each line is judged on its own bytes: a line whose bytes above 0x7F are mostly valid UTF-8 sequences is a
 * UTF-8 line (a stray invalid byte in it stays one U+FFFD); a line with more invalid bytes than valid sequences
 * is a legacy line. A legacy stretch is hardly ever valid UTF-8 by accident: Arabic in windows-1256 or
 * ISO-8859-6 is runs of bytes from 0xC1 up, and an accented Latin letter is a lone lead byte followed by ASCII.
 * Lines of ASCII only read the same either way. The file is mixed only when each side holds at least
 * {@value #MIN_EVIDENCE} non-ASCII characters, so a single stray byte never makes a file mixed.
 */
final class MixedLines {

    /** Non-ASCII characters each encoding must account for before a file counts as mixed. */
    static final int MIN_EVIDENCE = 2;

    /** Where each line starts; a line ends where the next starts (its line feed included). */
    private final int[] starts;
    /** Whether the line of the same index is a legacy line. */
    private final boolean[] legacy;
    private final int lines;
    /** Bytes of the content in legacy lines. */
    private final long legacyBytes;
    /** Whether the legacy lines hold more non-ASCII characters than the UTF-8 ones: named first if so. */
    private final boolean mostlyLegacy;

    private MixedLines(int[] starts, boolean[] legacy, int lines, long legacyBytes, boolean mostlyLegacy) {
        this.starts = starts;
        this.legacy = legacy;
        this.lines = lines;
        this.legacyBytes = legacyBytes;
        this.mostlyLegacy = mostlyLegacy;
    }

    /** The lines of {@code content} judged one by one, or null when the file is not mixed. */
    static MixedLines of(byte[] content) {
        int[] starts = new int[16];
        boolean[] legacy = new boolean[16];
        int lines = 0;
        long utf8Evidence = 0;
        long legacyEvidence = 0;
        long legacyBytes = 0;
        int from = 0;
        while (from < content.length) {
            int end = lineEnd(content, from);
            int[] counts = utf8Counts(content, from, end);
            int valid = counts[0];
            int invalid = counts[1];
            if (lines == starts.length) {
                starts = java.util.Arrays.copyOf(starts, lines * 2);
                legacy = java.util.Arrays.copyOf(legacy, lines * 2);
            }
            starts[lines] = from;
            legacy[lines] = invalid > valid;
            if (invalid > valid) {
                legacyEvidence += invalid;
                legacyBytes += end - from;
            } else {
                utf8Evidence += valid;
            }
            lines++;
            from = end;
        }
        if (utf8Evidence < MIN_EVIDENCE || legacyEvidence < MIN_EVIDENCE) {
            return null;
        }
        return new MixedLines(starts, legacy, lines, legacyBytes, legacyEvidence > utf8Evidence);
    }

    /** The legacy lines' bytes, one after another: the evidence for choosing their charset. */
    byte[] legacyContent(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, legacyBytes));
        for (int i = 0; i < lines; i++) {
            if (legacy[i]) {
                out.write(content, starts[i], end(i, content) - starts[i]);
            }
        }
        return out.toByteArray();
    }

    /** The content decoded line by line: UTF-8 lines as UTF-8, legacy lines in {@code legacyCharset}. */
    Decoded.Text decode(byte[] content, Charset legacyCharset) {
        StringBuilder text = new StringBuilder(content.length);
        for (int i = 0; i < lines; i++) {
            int start = starts[i];
            text.append(new String(content, start, end(i, content) - start,
                    legacy[i] ? legacyCharset : StandardCharsets.UTF_8));
        }
        String name = legacyCharset.name();
        return new Decoded.Text(text.toString(), mostlyLegacy ? name + "+UTF-8" : "UTF-8+" + name);
    }

    private int end(int line, byte[] content) {
        return line + 1 < lines ? starts[line + 1] : content.length;
    }

    /** The index just past the line feed that ends the line starting at {@code from}, or the content's end. */
    private static int lineEnd(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == '\n') {
                return i + 1;
            }
        }
        return content.length;
    }

    /** Valid multi-byte UTF-8 sequences and bytes that start none, in {@code content[from, to)}. */
    private static int[] utf8Counts(byte[] content, int from, int to) {
        int valid = 0;
        int invalid = 0;
        int i = from;
        while (i < to) {
            int c = content[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len = Utf8Sequences.length(content, i, to);
            if (len > 0) {
                valid++;
                i += len;
            } else {
                invalid++;
                i++;
            }
        }
        return new int[] {valid, invalid};
    }
}
