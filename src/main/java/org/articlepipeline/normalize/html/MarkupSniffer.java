package org.articlepipeline.normalize.html;

/**
 * Tells HTML from text by its content. After a byte order mark and whitespace, a page opens with a doctype,
 * an {@code <html>}, {@code <head>} or {@code <body>} tag, an XML declaration or a comment, or else it must be
 * dense markup: opening with a tag and holding many closing tags in its first kilobytes. A file name or
 * content type saying HTML is only a hint: it lowers how dense the markup must be, never makes text HTML.
 */
public final class MarkupSniffer {

    /** How far into a page the density of markup is measured. */
    static final int SAMPLE = 16 * 1024;
    /** Closing tags in the sample that make markup dense: a text dump quoting a tag or two has far fewer. */
    static final int DENSE_CLOSING_TAGS = 8;
    static final int HINTED_CLOSING_TAGS = 2;

    private static final String[] OPENINGS = {"<!doctype", "<html", "<head", "<body", "<?xml", "<!--"};

    /** Whether {@code text} is an HTML page; {@code hinted} when the name or content type says HTML. */
    public boolean isHtml(CharSequence text, boolean hinted) {
        int n = Math.min(text.length(), SAMPLE);
        int i = 0;
        if (i < n && text.charAt(0) == '\uFEFF') {
            i++;
        }
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        if (i >= n || text.charAt(i) != '<') {
            return false;
        }
        for (String opening : OPENINGS) {
            if (startsWithIgnoreCase(text, i, opening)) {
                return true;
            }
        }
        int closing = 0;
        int needed = hinted ? HINTED_CLOSING_TAGS : DENSE_CLOSING_TAGS;
        for (int k = i; k + 2 < n && closing < needed; k++) {
            if (text.charAt(k) == '<' && text.charAt(k + 1) == '/' && isAsciiLetter(text.charAt(k + 2))) {
                closing++;
            }
        }
        return closing >= needed;
    }

    /** As {@link #isHtml(CharSequence, boolean)} on bytes of an ASCII-compatible charset (UTF-8 and legacy). */
    public boolean isHtml(byte[] content, boolean hinted) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        int end = Math.min(content.length, start + SAMPLE);
        return isHtml(new AsciiView(content, start, end), hinted);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    private static boolean startsWithIgnoreCase(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Bytes read as chars: markup is ASCII, and any other byte is just not markup. */
    private record AsciiView(byte[] bytes, int from, int to) implements CharSequence {
        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            int b = bytes[from + index] & 0xFF;
            return b < 0x80 ? (char) b : '\uFFFD';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new AsciiView(bytes, from + start, from + end);
        }
    }
}
