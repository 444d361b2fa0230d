package org.articlepipeline.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Uploads just under the size cap that no person wrote, each pushing one cost of the normalizer to its limit:
 * the number of lines, the length of one line or one word, pages of marks or numbers, and deeply nested HTML.
 * The bounded-work test and {@code bench/pathological.sh} share them.
 */
public final class PathologicalPages {

    /** A named page, made to a size in bytes. */
    public record Page(String name, IntFunction<byte[]> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    private PathologicalPages() {
    }

    private static final String SENTENCE = "The council approved the budget for the schools of the city on Tuesday. ";

    /** Every page, in the order the benchmark reports them. */
    public static List<Page> all() {
        return List.of(
                new Page("one-letter lines", size -> repeat("a\n", size)),
                new Page("one-letter sentences", size -> repeat("a.\n", size)),
                new Page("sentence lines at the line cap", PathologicalPages::linesAtTheCap),
                new Page("one line of sentences", size -> repeat(SENTENCE, size)),
                new Page("one word", size -> repeat("a", size)),
                new Page("punctuation", size -> repeat(".,;:!?-()[]\n", size)),
                new Page("spaced dots", size -> repeat(". ", size)),
                new Page("digits", size -> repeat("0123456789 12 3456.\n", size)),
                new Page("deep html", size -> deepHtml(100_000, size)),
                new Page("shallow html (for comparison)", size -> deepHtml(10, size)),
                new Page("bare divs", PathologicalPages::bareDivs));
    }

    /** As many lines as the line cap allows, each a sentence, as long as fills {@code size} bytes. */
    static byte[] linesAtTheCap(int size) {
        int length = Math.max(16, size / NormalizerSettings.DEFAULT_MAX_LINES);
        StringBuilder page = new StringBuilder(size);
        // Each line its own: identical lines would all be copies of the headline, and removed as such.
        for (int i = 0; i < NormalizerSettings.DEFAULT_MAX_LINES && page.length() + length <= size; i++) {
            String line = "Report " + i + " of the day: " + "news ".repeat(length);
            page.append(line, 0, length - 2).append(".\n");
        }
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One paragraph inside as many nested divs as {@code size} bytes hold (about 950,000 in 10 MB). */
    static byte[] bareDivs(int size) {
        String paragraph = "<p>" + SENTENCE.repeat(5) + "</p>";
        int depth = Math.max(1, (size - paragraph.length() - 64) / "<div></div>".length());
        return ("<html><body>" + "<div>".repeat(depth) + paragraph + "</div>".repeat(depth) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code unit} repeated to {@code size} bytes (cut at a char boundary: every unit here is ASCII). */
    static byte[] repeat(String unit, int size) {
        byte[] one = unit.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        for (int at = 0; at < size; at += one.length) {
            System.arraycopy(one, 0, out, at, Math.min(one.length, size - at));
        }
        return out;
    }

    /** {@code depth} nested divs around paragraphs of prose filling the page to {@code size} bytes. */
    static byte[] deepHtml(int depth, int size) {
        String open = "<!DOCTYPE html><html><head><title>Budget</title></head><body>";
        String close = "</body></html>";
        int frame = open.length() + close.length() + depth * ("<div>".length() + "</div>".length());
        String paragraph = "<p>" + SENTENCE.repeat(5) + "</p>\n";
        int room = Math.max(paragraph.length(), size - frame);
        byte[] body = repeat(paragraph, room - room % paragraph.length());
        StringBuilder page = new StringBuilder(size + 64).append(open);
        page.append("<div>".repeat(depth)).append(new String(body, StandardCharsets.UTF_8))
                .append("</div>".repeat(depth)).append(close);
        byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
        return bytes.length <= size ? bytes : Arrays.copyOf(bytes, size);
    }
}
