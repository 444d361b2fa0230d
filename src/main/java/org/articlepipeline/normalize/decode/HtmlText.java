package org.articlepipeline.normalize.decode;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small tag stripper for pages saved as HTML: block elements become line breaks, scripts and styles
 * disappear, common entities are decoded, and the {@code <title>} becomes the first line (so the structure
 * stage treats it like the headline of a text page, site suffix and all). Also reads the
 * {@code og:site_name} and {@code article:published_time} meta tags. Not a parser: it does not build a tree,
 * which is all a line-based article reader needs.
 *
 * @param text          the page as lines of text
 * @param siteName      {@code og:site_name}, or null
 * @param publishedTime {@code article:published_time} as written, or null
 */
public record HtmlText(String text, String siteName, String publishedTime) {

    private static final Pattern TAG = Pattern.compile(
            "<!--.*?-->|<!\\[CDATA\\[.*?]]>|<[!?][^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z:_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "svg", "template", "iframe");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
            "article", "header", "footer", "nav", "aside", "main", "blockquote", "figure", "figcaption", "pre",
            "dd", "dt", "dl", "hr", "form", "title", "body", "html", "head", "address", "time", "button", "td", "th");

    /** Whether {@code s} is HTML rather than text: it opens with a doctype or html tag, or is mostly tags. */
    public static boolean looksLikeHtml(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        String start = s.substring(i, Math.min(s.length(), i + 15)).toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml")) {
            return true;
        }
        if (!start.startsWith("<")) {
            return false;
        }
        int closing = 0;
        for (int at = s.indexOf("</"); at >= 0 && closing < 5; at = s.indexOf("</", at + 2)) {
            closing++;
        }
        return closing >= 5;
    }

    /** Reduces an HTML page to text. */
    public static HtmlText parse(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        String title = null;
        String siteName = null;
        String published = null;
        Matcher m = TAG.matcher(html);
        int at = 0;
        int titleStart = -1;
        String lower = null;
        while (m.find(at)) {
            appendText(html, at, m.start(), out);
            at = m.end();
            String name = m.group(2);
            if (name == null) {
                continue;
            }
            name = name.toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (!closing && SKIPPED.contains(name)) {
                if (lower == null) {
                    lower = html.toLowerCase(Locale.ROOT);
                }
                int end = lower.indexOf("</" + name, at);
                at = end < 0 ? html.length() : end;
                continue;
            }
            if (name.equals("meta")) {
                String property = null;
                String content = null;
                Matcher a = ATTRIBUTE.matcher(m.group(3));
                while (a.find()) {
                    String key = a.group(1).toLowerCase(Locale.ROOT);
                    String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                    if (key.equals("property") || key.equals("name")) {
                        property = value.toLowerCase(Locale.ROOT);
                    } else if (key.equals("content")) {
                        content = decodeEntities(value).strip();
                    }
                }
                if ("og:site_name".equals(property) && content != null && !content.isEmpty()) {
                    siteName = content;
                } else if ("article:published_time".equals(property) && content != null && !content.isEmpty()) {
                    published = content;
                }
            }
            if (name.equals("title")) {
                if (!closing) {
                    titleStart = out.length();
                } else if (titleStart >= 0 && title == null) {
                    title = out.substring(titleStart).strip();
                    out.setLength(titleStart);
                }
            }
            if (BLOCKS.contains(name)) {
                out.append('\n');
            }
        }
        appendText(html, at, html.length(), out);
        String text = out.toString();
        return new HtmlText(title == null || title.isEmpty() ? text : title + "\n\n" + text, siteName, published);
    }

    private static void appendText(String html, int from, int to, StringBuilder out) {
        if (from >= to) {
            return;
        }
        String chunk = html.substring(from, to);
        // Source line breaks inside an element are spaces in HTML; only block tags break lines.
        chunk = chunk.replace('\n', ' ').replace('\r', ' ');
        out.append(chunk.indexOf('&') >= 0 ? decodeEntities(chunk) : chunk);
    }

    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        int at = 0;
        while (m.find()) {
            sb.append(s, at, m.start());
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00A0";
                case "laquo" -> "«";
                case "raquo" -> "»";
                case "ndash" -> "–";
                case "mdash" -> "—";
                case "hellip" -> "…";
                case "rsquo" -> "’";
                case "lsquo" -> "‘";
                case "rdquo" -> "”";
                case "ldquo" -> "“";
                case "copy" -> "©";
                default -> numeric(e);
            };
            sb.append(replacement == null ? m.group() : replacement);
            at = m.end();
        }
        return sb.append(s, at, s.length()).toString();
    }

    private static String numeric(String e) {
        if (!e.startsWith("#")) {
            return null;
        }
        try {
            int cp = e.startsWith("#x") || e.startsWith("#X")
                    ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
