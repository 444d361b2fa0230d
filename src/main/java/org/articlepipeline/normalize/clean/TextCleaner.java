package org.articlepipeline.normalize.clean;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.articlepipeline.normalize.decode.TextDecoder;

/**
 * Makes decoded text uniform without changing what a reader sees.
 *
 * <p>Rules, in the order one pass applies them to each character:
 * <ul>
 *   <li>Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are folded to letters by NFKC applied to
 *       those characters only, so ligatures and isolated/final forms from PDF copy-paste become plain letters
 *       while every other character keeps its exact form;</li>
 *   <li>zero-width characters, bidi controls and the soft hyphen are removed; the zero-width non-joiner
 *       (U+200C) is kept between two letters, where it is part of Persian and Urdu spelling
 *       (<i>می‌خواهم</i>), and removed elsewhere;</li>
 *   <li>tatweel (U+0640), a pure justification stretch, is removed;</li>
 *   <li>no-break and other Unicode spaces and tabs become a space; CR, CRLF, NEL and the Unicode line and
 *       paragraph separators become a line feed; other control characters are removed;</li>
 *   <li>lines are trimmed, runs of spaces collapse to one, empty lines disappear;</li>
 *   <li>each line is put in Unicode NFC (only when it is not already), last, so cleaning is idempotent.</li>
 * </ul>
 * Diacritics, hamza forms, ta marbuta, digits and punctuation stay as written: folding them is the business of
 * the matching form ({@code org.articlepipeline.normalize.text.MatchingForm}), never of the display text.
 */
public final class TextCleaner {

    private static final char PRESENTATION_A_START = '\uFB50';
    private static final char PRESENTATION_B_START = '\uFE70';
    /** NFKC of each Arabic presentation form, computed once; null where NFKC keeps the character. */
    private static final String[] PRESENTATION_A = foldTable(PRESENTATION_A_START, '\uFDFF');
    private static final String[] PRESENTATION_B = foldTable(PRESENTATION_B_START, '\uFEFF');

    /** Kept, and NFC leaves it alone in any context ({@link #nfcSafe}). */
    private static final byte KEEP = 0;
    /** Kept, but NFC may compose or reorder it with its neighbours. */
    private static final byte KEEP_MARK = 1;
    /** The ASCII space: a space like the others, told apart so the inner loop takes it. */
    private static final byte PLAIN_SPACE = 2;
    /** Any other space (no-break, tab, ...): becomes a plain space, and makes the line's blankness visible. */
    private static final byte SPACE = 3;
    private static final byte DROP = 4;
    /** The zero-width non-joiner: kept only between two letters. */
    private static final byte ZWNJ = 5;
    /** CR, LF and the other line breaks; CRLF is one break. */
    private static final byte NEWLINE = 6;
    /** An Arabic presentation form that NFKC folds. */
    private static final byte PRESENTATION = 7;

    /** Every char of one or two UTF-8 bytes, so the inner loop never leaves the table. */
    private static final char TABLE_END = '\u0800';
    /** {@link #classify} of every char below {@link #TABLE_END}, computed once, so the hot loop does one load. */
    private static final byte[] KINDS = kindTable();

    private static String[] foldTable(char from, char to) {
        String[] table = new String[to - from + 1];
        for (char c = from; c <= to; c++) {
            String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            table[c - from] = folded.equals(String.valueOf(c)) ? null : folded;
        }
        return table;
    }

    /** Cleans {@code text} into lines. */
    public CleanText clean(String s) {
        // One bulk copy of the input, so the loop reads plain array elements rather than calling charAt.
        char[] in = s.toCharArray();
        return clean(in, null, in.length, null);
    }

    /**
     * Decodes and cleans valid UTF-8 in one pass: the same rules as {@link #clean(String)} on the decoded text,
     * without building the decoded text first. Decoding is a pass of its own that pays for every switch between
     * ASCII spaces and Arabic letters again, and a page's time goes to such passes.
     *
     * <p>Only the common case is taken here: it returns null, having decided nothing, for bytes that are not
     * valid UTF-8 (whatever a decoder would make of them is the decoder's business), for U+FFFD spelled in the
     * page (the caller reads its share of the text), for control bytes the decoder weighs (see
     * {@link #leftToTheGeneralPath}), and for the zero-width non-joiner and Arabic presentation forms (rare,
     * and with rules of their own). The caller then decodes the bytes and calls {@code clean}.
     */
    public CleanText cleanUtf8(byte[] bytes) {
        return clean(null, bytes, bytes.length, null);
    }

    /** {@link #cleanUtf8(byte[])}, building lines in {@code room}, which this thread lends to page after page. */
    public CleanText cleanUtf8(byte[] bytes, LineBuffer room) {
        return clean(null, bytes, bytes.length, room);
    }

    /**
     * The one cleaning loop, over {@code chars}, or else over the UTF-8 {@code bytes} it decodes as it goes
     * (then null when it meets what {@link #cleanUtf8} leaves to the general path). Lines are built in
     * {@code room}, or in a buffer of their own when it is null.
     */
    private static CleanText clean(char[] chars, byte[] bytes, int n, LineBuffer room) {
        // The lines made so far (see Pass).
        Pass pass = new Pass(n);
        // The current line is built in a plain char array, sized for a long paragraph and grown when a line is
        // longer: one the size of the whole input, which bounds any line, cost as much to allocate and zero as
        // the strings of all lines together.
        pass.line = room != null ? room.chars() : new char[Math.min(n, LineBuffer.ROOM) + 32];
        CleanText clean = cleanLines(chars, bytes, n, pass);
        if (room != null) {
            room.giveBack(pass.line);
        }
        return clean;
    }

    /**
     * The loop, building lines in {@code pass.line}. When it returns, also with null for a page it leaves to the
     * general path, {@code pass.line} holds the room the line was built in, grown or not.
     */
    private static CleanText cleanLines(char[] chars, byte[] bytes, int n, Pass pass) {
        char[] line = pass.line;
        int len = 0;
        boolean pendingSpace = false;
        boolean sawInvisible = false;
        // Whether a char NFC may touch went into the line: only then is the line checked for NFC.
        boolean mayChange = false;
        // The second half of a surrogate pair, when four bytes decoded to two chars.
        char low = 0;
        int i = 0;
        while (i < n || low != 0) {
            char c;
            if (chars != null) {
                c = chars[i++];
            } else if (low != 0) {
                c = low;
                low = 0;
            } else {
                int b = bytes[i];
                if (b >= 0) {
                    c = (char) b;
                    i++;
                } else if (b >= -62 && b <= -33 && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {
                    // C2..DF and a continuation byte: two bytes, U+0080..U+07FF (Arabic lives here)
                    c = (char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                    i += 2;
                } else {
                    // Three and four bytes: curly quotes, dashes, emoji.
                    int cp = decodeLong(bytes, i, n);
                    if (cp < 0) {
                        return null;
                    }
                    if (cp < 0x10000) {
                        c = (char) cp;
                        i += 3;
                    } else {
                        c = Character.highSurrogate(cp);
                        low = Character.lowSurrogate(cp);
                        i += 4;
                    }
                }
            }
            byte k = kind(c);
            if (k <= KEEP_MARK) {
                // The common case (letters, digits, punctuation), decided before the switch.
                line = roomForTwo(line, len);
                len = appendKept(line, len, pendingSpace, c);
                pendingSpace = false;
                mayChange |= k == KEEP_MARK;
                continue;
            }
            if (chars == null && leftToTheGeneralPath(c, k)) {
                return null;
            }
            switch (k) {
                case PLAIN_SPACE -> pendingSpace = true;
                case SPACE -> {
                    pendingSpace = true;
                    sawInvisible = true;
                }
                case DROP -> sawInvisible = true;
                case ZWNJ -> {
                    if (len > 0 && !pendingSpace && i < n
                            && Character.isLetter(line[len - 1]) && Character.isLetter(chars[i])) {
                        line = roomForTwo(line, len);
                        line[len++] = c;
                        mayChange = true;
                    } else {
                        sawInvisible = true;
                    }
                }
                case NEWLINE -> {
                    if (c == '\r' && i < n && (chars != null ? chars[i] : bytes[i]) == '\n') {
                        i++;
                    }
                    pass.endLine(line, len, mayChange, sawInvisible);
                    len = 0;
                    pendingSpace = false;
                    sawInvisible = false;
                    mayChange = false;
                }
                default -> {
                    // A presentation form: NFKC of isolated harakat forms starts with a space and of medial
                    // ones with a tatweel, so the folded chars go through the same rules as any other.
                    String folded = presentationFold(c);
                    if (len + folded.length() + 1 > line.length) {
                        line = Arrays.copyOf(line, line.length * 2 + folded.length());
                    }
                    for (int f = 0; f < folded.length(); f++) {
                        char fc = folded.charAt(f);
                        byte fk = kind(fc);
                        if (fk == SPACE || fk == PLAIN_SPACE) {
                            pendingSpace = true;
                        } else if (fk == KEEP || fk == KEEP_MARK) {
                            len = appendKept(line, len, pendingSpace, fc);
                            pendingSpace = false;
                            mayChange |= fk == KEEP_MARK;
                        }
                    }
                }
            }
        }
        pass.endLine(line, len, mayChange, sawInvisible);
        pass.line = line;
        String[] lines = pass.lines;
        int lineCount = pass.lineCount;
        boolean[] marks = pass.marks;
        // NFC last, on the lines that hold a char it may touch (see markLine).
        if (marks != null) {
            // The marks end at the last line marked; the lines after it need nothing.
            for (int l = 0, end = Math.min(lineCount, marks.length); l < end; l++) {
                if (marks[l]) {
                    lines[l] = Normalizer.normalize(lines[l], Normalizer.Form.NFC);
                }
            }
        }
        return new CleanText(Arrays.asList(lines).subList(0, lineCount), pass.invisibleLines);
    }

    /**
     * The state of one cleaning pass that outlives a line: the lines made so far, with the marks of those NFC
     * may change and the count of lines that held only invisible chars; and the room lines are built in.
     */
    private static final class Pass {
        // A line per hundred chars (or bytes) of news text, so the array rarely grows.
        String[] lines;
        int lineCount;
        int invisibleLines;
        /** The lines that may change under NFC, by index; null while there is none. */
        boolean[] marks;
        /** The room the current line is built in, grown or not: handed back to the caller's buffer. */
        char[] line;

        Pass(int n) {
            lines = new String[n / 100 + 16];
        }

        /** Ends the line of {@code len} chars in {@code line}: kept if it holds any, counted if it held only invisible chars. */
        void endLine(char[] line, int len, boolean mayChange, boolean sawInvisible) {
            if (len > 0) {
                if (lineCount == lines.length) {
                    lines = Arrays.copyOf(lines, lineCount * 2);
                }
                lines[lineCount] = new String(line, 0, len);
                marks = mayChange ? markLine(marks, lineCount) : marks;
                lineCount++;
            } else if (sawInvisible) {
                invisibleLines++;
            }
        }
    }

    /**
     * What {@link #cleanUtf8} does not take: the zero-width non-joiner and presentation forms, which have rules
     * of their own, and the controls the decoder counts as evidence of binary content.
     */
    private static boolean leftToTheGeneralPath(char c, byte kind) {
        return kind == ZWNJ || kind == PRESENTATION || TextDecoder.isBinaryControl(c);
    }

    /** {@code line}, or a copy twice as long when it has no room for two more chars after {@code len}. */
    private static char[] roomForTwo(char[] line, int len) {
        return len + 2 > line.length ? Arrays.copyOf(line, line.length * 2) : line;
    }

    /**
     * Appends kept char {@code c} to the line of length {@code len}, after the space pending before it unless the
     * line is still empty (lines are trimmed); returns the new length.
     */
    private static int appendKept(char[] line, int len, boolean pendingSpace, char c) {
        if (pendingSpace && len > 0) {
            line[len++] = ' ';
        }
        line[len++] = c;
        return len;
    }

    /**
     * The code point of the three- or four-byte UTF-8 sequence at {@code bytes[i]}, or -1 when there is none
     * there that {@link #cleanUtf8} takes: an invalid or overlong sequence, an encoded surrogate, U+FFFD.
     */
    private static int decodeLong(byte[] bytes, int i, int n) {
        int b = bytes[i];
        if ((b & 0xF0) == 0xE0 && i + 2 < n && (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
            int c = ((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
            return c < 0x800 || Character.isSurrogate((char) c) || c == 0xFFFD ? -1 : c;
        }
        if ((b & 0xF8) == 0xF0 && i + 3 < n && (bytes[i + 1] & 0xC0) == 0x80
                && (bytes[i + 2] & 0xC0) == 0x80 && (bytes[i + 3] & 0xC0) == 0x80) {
            int cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6)
                    | (bytes[i + 3] & 0x3F);
            return cp < 0x10000 || cp > Character.MAX_CODE_POINT ? -1 : cp;
        }
        return -1;
    }

    /**
     * {@code marks} with line {@code line} marked, grown if need be. NFC runs last, per line: removing a tatweel
     * or a control between a letter and a combining mark can make a new composable pair, so composing first
     * would leave text that a second cleaning changes. {@code Normalizer.normalize} answers a line already in
     * NFC with itself after its quick check.
     */
    private static boolean[] markLine(boolean[] marks, int line) {
        boolean[] m = marks == null ? new boolean[Math.max(16, line + 1)]
                : line < marks.length ? marks : Arrays.copyOf(marks, Math.max(line + 1, 2 * marks.length));
        m[line] = true;
        return m;
    }

    /**
     * False when NFC leaves {@code c} alone in any context: below U+0300 (no combining marks there), Arabic
     * letters U+0621–U+064A (they only compose with a following U+0653–U+0655, which is not safe), Arabic
     * digits and punctuation, and general punctuation. A cheap test that spares most lines the real check.
     */
    private static boolean nfcSafe(char c) {
        return c < '\u0300' || (c >= '\u0621' && c <= '\u064A') || (c >= '\u0660' && c <= '\u066D')
                || c == '\u060C' || c == '\u061B' || c == '\u061F' || (c >= '\u2010' && c <= '\u205E');
    }

    /** The kind of {@code c}: one table load for the Latin and Arabic blocks, the rules beyond them. */
    private static byte kind(char c) {
        return c < TABLE_END ? KINDS[c] : classify(c);
    }

    private static byte[] kindTable() {
        byte[] t = new byte[TABLE_END];
        for (char c = 0; c < TABLE_END; c++) {
            t[c] = classify(c);
        }
        return t;
    }

    /** The rules of the class comment, one kind per char. */
    private static byte classify(char c) {
        if (presentationFold(c) != null) {
            return PRESENTATION;
        }
        byte kind = classifyPlain(c);
        return kind == KEEP && !nfcSafe(c) ? KEEP_MARK : kind;
    }

    /** NFKC of an Arabic presentation form, or null for any other char and for forms NFKC keeps. */
    private static String presentationFold(char c) {
        if (c >= PRESENTATION_A_START && c <= '\uFDFF') {
            return PRESENTATION_A[c - PRESENTATION_A_START];
        }
        if (c >= PRESENTATION_B_START && c < '\uFEFF') {
            return PRESENTATION_B[c - PRESENTATION_B_START];
        }
        return null;
    }

    private static byte classifyPlain(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return c == ' ' ? PLAIN_SPACE : KEEP;
        }
        switch (c) {
            case '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029':
                return c == '\u000B' || c == '\u000C' ? SPACE : NEWLINE;
            case '\t', '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000':
                return SPACE;
            case '\u200C':
                return ZWNJ;
            case '\u00AD', '\u0640', '\u061C', '\u180E', '\u200B', '\u200D', '\u200E', '\u200F',
                    '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2061', '\u2062', '\u2063',
                    '\u2064', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\uFFFE':
                return DROP;
            default:
                if (c >= '\u2000' && c <= '\u200A') {
                    return SPACE;
                }
                if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                    return DROP;
                }
                return KEEP;
        }
    }

    /** Convenience: the cleaned text as paragraphs separated by one blank line. */
    public String cleanToText(String text) {
        return clean(text).text();
    }
}
