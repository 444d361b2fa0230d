package org.articlepipeline.normalize.clean;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

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
        List<String> lines = new ArrayList<>();
        int invisibleLines = 0;
        // The current line is built in a plain char array (no per-char StringBuilder bookkeeping); it only
        // grows past the input's length when presentation forms expand (U+FDFA is 18 letters).
        char[] line = new char[Math.max(16, s.length() + 32)];
        int len = 0;
        boolean pendingSpace = false;
        boolean sawInvisible = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String folded = null;
            if (c >= PRESENTATION_A_START && c <= '\uFDFF') {
                folded = PRESENTATION_A[c - PRESENTATION_A_START];
            } else if (c >= PRESENTATION_B_START && c < '\uFEFF') {
                folded = PRESENTATION_B[c - PRESENTATION_B_START];
            }
            if (folded != null) {
                if (len + folded.length() + 2 > line.length) {
                    line = java.util.Arrays.copyOf(line, line.length * 2 + folded.length());
                }
                // NFKC of isolated harakat forms starts with a space and of medial ones with a tatweel:
                // the folded characters go through the same rules as any other.
                for (int k = 0; k < folded.length(); k++) {
                    char fc = folded.charAt(k);
                    Kind kind = classify(fc);
                    if (kind == Kind.SPACE) {
                        pendingSpace = true;
                    } else if (kind == Kind.KEEP) {
                        if (pendingSpace && len > 0) {
                            line[len++] = ' ';
                        }
                        pendingSpace = false;
                        line[len++] = fc;
                    }
                }
                continue;
            }
            if (len + 2 > line.length) {
                line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            switch (classify(c)) {
                case KEEP -> {
                    if (pendingSpace && len > 0) {
                        line[len++] = ' ';
                    }
                    pendingSpace = false;
                    line[len++] = c;
                }
                case SPACE -> {
                    pendingSpace = true;
                    if (c != ' ') {
                        sawInvisible = true;
                    }
                }
                case DROP -> sawInvisible = true;
                case ZWNJ -> {
                    if (len > 0 && !pendingSpace && i + 1 < n
                            && Character.isLetter(line[len - 1]) && Character.isLetter(s.charAt(i + 1))) {
                        line[len++] = c;
                    } else {
                        sawInvisible = true;
                    }
                }
                case CR, NEWLINE -> {
                    if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (len > 0) {
                        lines.add(nfc(line, len));
                    } else if (sawInvisible) {
                        invisibleLines++;
                    }
                    len = 0;
                    pendingSpace = false;
                    sawInvisible = false;
                }
            }
        }
        if (len > 0) {
            lines.add(nfc(line, len));
        } else if (sawInvisible) {
            invisibleLines++;
        }
        return new CleanText(lines, invisibleLines);
    }

    /**
     * NFC runs last, per line: removing a tatweel or a control between a letter and a combining mark can make
     * a new composable pair, so composing first would leave text that a second cleaning changes.
     */
    private static String nfc(char[] line, int len) {
        String s = new String(line, 0, len);
        if (!mayChangeUnderNfc(s)) {
            return s;
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * False when every char is one NFC leaves alone in any context: below U+0300 (no combining marks there),
     * Arabic letters U+0621–U+064A (they only compose with a following U+0653–U+0655, which this lets through),
     * Arabic digits and punctuation, and general punctuation. A cheap scan that spares the real check.
     */
    private static boolean mayChangeUnderNfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\u0300' || (c >= '\u0621' && c <= '\u064A') || (c >= '\u0660' && c <= '\u066D')
                    || c == '\u060C' || c == '\u061B' || c == '\u061F' || (c >= '\u2010' && c <= '\u205E')) {
                continue;
            }
            return true;
        }
        return false;
    }

    private enum Kind { KEEP, SPACE, DROP, ZWNJ, CR, NEWLINE }

    private static Kind classify(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return c == ' ' ? Kind.SPACE : Kind.KEEP;
        }
        if (c >= '\u0621' && c <= '\u063A' || c >= '\u0641' && c <= '\u065F') {
            return Kind.KEEP;        // Arabic letters and harakat: the common case, decided at once
        }
        switch (c) {
            case '\n', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029':
                return c == '\u000B' || c == '\u000C' ? Kind.SPACE : Kind.NEWLINE;
            case '\r':
                return Kind.CR;
            case '\t', '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000':
                return Kind.SPACE;
            case '\u200C':
                return Kind.ZWNJ;
            case '\u00AD', '\u0640', '\u061C', '\u180E', '\u200B', '\u200D', '\u200E', '\u200F',
                    '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2061', '\u2062', '\u2063',
                    '\u2064', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\uFFFE':
                return Kind.DROP;
            default:
                if (c >= '\u2000' && c <= '\u200A') {
                    return Kind.SPACE;
                }
                if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                    return Kind.DROP;
                }
                return Kind.KEEP;
        }
    }

    /** Convenience: the cleaned text as paragraphs separated by one blank line. */
    public String cleanToText(String text) {
        return clean(text).text();
    }
}
