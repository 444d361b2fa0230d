package org.articlepipeline.normalize.html;

/**
 * One start tag read by the charset prescan, from a page's opening bytes lower-cased: where it ends and, for a
 * {@code <meta>} tag, the charset it declares ({@code charset}, or {@code http-equiv="content-type"} with a
 * {@code content} naming one).
 *
 * @param end          the index just past the tag's {@code >} (or the text's end)
 * @param charsetLabel the declared label as written, or null
 */
record MetaTag(int end, String charsetLabel) {

    /** Reads the tag whose name starts at {@code at} in {@code s} (already lower-cased). */
    static MetaTag read(String s, int at) {
        int i = at;
        while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') {
            i++;
        }
        boolean meta = s.startsWith("meta", at) && i == at + 4;
        String charset = null;
        String httpEquiv = null;
        String content = null;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '>') {
                i++;
                break;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < s.length() && !isSpace(s.charAt(i)) && "/>=".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String name = s.substring(nameStart, i);
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < s.length() && s.charAt(i) == '=') {
                i++;
                while (i < s.length() && isSpace(s.charAt(i))) {
                    i++;
                }
                int valueEnd = valueEnd(s, i);
                value = unquote(s.substring(i, valueEnd));
                i = valueEnd;
            }
            switch (name) {
                case "charset" -> charset = charset == null ? value : charset;
                case "http-equiv" -> httpEquiv = httpEquiv == null ? value : httpEquiv;
                case "content" -> content = content == null ? value : content;
                default -> { }
            }
        }
        if (!meta) {
            return new MetaTag(i, null);
        }
        if (charset != null) {
            // <meta charset=utf-8/>: an unquoted value runs to the '>', self-closing slash and all.
            String label = charset.strip();
            return new MetaTag(i, label.endsWith("/") ? label.substring(0, label.length() - 1) : label);
        }
        if (content != null && httpEquiv != null && httpEquiv.strip().equals("content-type")) {
            int at2 = content.indexOf("charset");
            return new MetaTag(i, at2 < 0 ? null : valueAfterEquals(content, at2 + "charset".length(), content.length()));
        }
        return new MetaTag(i, null);
    }

    /**
     * The value after optional spaces, an {@code =} and optional spaces at {@code from}, quoted or up to a space,
     * {@code ;} or {@code end}: how a charset is written in a content type or an XML declaration. Null when no
     * {@code =} follows.
     */
    static String valueAfterEquals(String s, int from, int end) {
        int i = from;
        while (i < end && isSpace(s.charAt(i))) {
            i++;
        }
        if (i >= end || s.charAt(i) != '=') {
            return null;
        }
        i++;
        while (i < end && isSpace(s.charAt(i))) {
            i++;
        }
        if (i < end && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            int close = s.indexOf(s.charAt(i), i + 1);
            return close < 0 || close > end ? null : s.substring(i + 1, close);
        }
        int start = i;
        while (i < end && !isSpace(s.charAt(i)) && s.charAt(i) != ';' && s.charAt(i) != '"' && s.charAt(i) != '\'') {
            i++;
        }
        return i > start ? s.substring(start, i) : null;
    }

    /** Where an attribute value starting at {@code at} ends: after its closing quote, or at a space or {@code >}. */
    private static int valueEnd(String s, int at) {
        if (at < s.length() && (s.charAt(at) == '"' || s.charAt(at) == '\'')) {
            int close = s.indexOf(s.charAt(at), at + 1);
            return close < 0 ? s.length() : close + 1;
        }
        int i = at;
        while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '>') {
            i++;
        }
        return i;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v.startsWith("\"") || v.startsWith("'") ? v.substring(1) : v;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
