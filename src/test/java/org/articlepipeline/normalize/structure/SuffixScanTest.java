package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

/** The scans in front of the headline's site-suffix regex and the repeated-title keys. */
class SuffixScanTest {

    private static final Pattern SUFFIX = StructureFinder.SUFFIX;

    private static final String[] PIECES = {"عنوان", "الخبر", "Talks", "Site", "24", "x", " ", " ", "  ", "\t", "-", "–",
        "—", "•", "·", "|", "--", "||", "مصدر24", "The Daily Courier", "Le Monde", "0123456789012345678901234567890123456789"};

    @Test
    void theSuffixPatternRunsOnEveryTitleItWouldSplit() {
        Random r = new Random(13);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = GeneratedText.glued(r, PIECES, 1 + r.nextInt(8));
            String title = sb.toString();
            if (SUFFIX.matcher(title).matches()) {
                matched++;
                assertTrue(StructureFinder.mayEndWithSuffix(title), () -> "[" + title + "]");
            }
        }
        assertTrue(matched > 2000, "matched " + matched);
    }

    @Test
    void theSuffixIsSplitWhereThePatternSplitsIt() {
        String[] pieces = {"عنوان", "Talks", "x", "ab", " ", " ", "  ", "\t", "\n", "\u2028", "-", "–", "•", "·", "|",
            "--", "||", "-|", "| ", " - ", " | ", "مصدر24", "0123456789012345678901234567890123456789"};
        Random r = new Random(31);
        int matched = 0;
        for (int i = 0; i < 400_000; i++) {
            StringBuilder sb = GeneratedText.glued(r, pieces, 1 + r.nextInt(8));
            String title = sb.toString();
            java.util.regex.Matcher m = SUFFIX.matcher(title);
            int[] expected = m.matches() ? new int[] {m.end(1), m.start(2)} : null;
            matched += expected == null ? 0 : 1;
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, StructureFinder.suffixBounds(title),
                    () -> "[" + title.replace("\n", "\\n") + "]");
        }
        assertTrue(matched > 20_000, "matched " + matched);
    }

    @Test
    void aDashInsideAWordOrATooLongTailIsNoSuffix() {
        assertFalse(StructureFinder.mayEndWithSuffix("COVID-19 cases rise again in the region"));
        assertFalse(StructureFinder.mayEndWithSuffix("Talks to resume in Geneva next week"));
        assertFalse(StructureFinder.mayEndWithSuffix("Macron - the man who wanted to talk to everyone and everywhere"));
        assertTrue(StructureFinder.mayEndWithSuffix("Talks to resume in Geneva|Site"));
        assertTrue(StructureFinder.mayEndWithSuffix("أولوند يقصد روسيا أملا في تحقيق تقدم – مصدر24"));
        assertTrue(StructureFinder.mayEndWithSuffix("Talks to resume -- Site"));
    }

    @Test
    void aLinesWordCharCountIsTheLengthOfItsKey() {
        String[] texts = {"", "Talks, to resume!", "فرنسا: بوتين طلب", "مُحَمَّد\u0640 ١٢ ب", "e\u0301t\u00E9 \u200Cx",
            "\uD83D\uDE00 Ⅻ ²", "İstanbul ǅ"};
        for (String t : texts) {
            FoldedLines folded = new FoldedLines(Stopwords.defaults(), t.length(), 1);
            folded.add(t);
            assertEquals(StructureFinder.key(t).length(), folded.wordCharCount(0), t);
            assertEquals(folded.wordChars(0).length(), folded.wordCharCount(0), t);
        }
    }
}
