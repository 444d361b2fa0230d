package org.articlepipeline.normalize.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    private String clean(String s) {
        return cleaner.cleanToText(s);
    }

    @Test
    void composesToNfc() {
        assertEquals("caf\u00e9", clean("cafe\u0301"));
        // alef + combining hamza above composes to U+0623
        assertEquals("\u0623", clean("\u0627\u0654"));
    }

    @Test
    void foldsArabicPresentationFormsToLetters() {
        // isolated/final/initial forms of lam, alef, meem
        assertEquals("\u0644\u0627", clean("\uFEFB"));
        assertEquals("\u0645\u0631\u062D\u0628\u0627", clean("\uFEE3\uFEAE\uFEA3\uFE92\uFE8E"));
        assertEquals("\u0627\u0644\u0644\u0647", clean("\uFDF2"));
    }

    @Test
    void keepsOtherCompatibilityCharactersAsWritten() {
        assertEquals("\uFB01 \u00B2 \u2460", clean("\uFB01 \u00B2 \u2460"));
    }

    @Test
    void removesZeroWidthAndBidiControlsAndSoftHyphens() {
        assertEquals("abc def", clean("a\u200Bb\u200Ec \u202Bdef\u202C\u00AD"));
        assertEquals("\u0645\u0631\u062D\u0628\u0627", clean("\u200F\u0645\u0631\u062D\u0628\u0627\u061C"));
    }

    @Test
    void keepsZeroWidthNonJoinerInsideAPersianWord() {
        assertEquals("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", clean("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"));
        assertEquals("a b", clean("\u200Ca \u200Cb\u200C"));
    }

    @Test
    void removesTatweel() {
        assertEquals("\u0627\u0644\u0639\u0631\u0628", clean("\u0627\u0644\u0639\u0640\u0640\u0631\u0628"));
    }

    @Test
    void turnsNoBreakAndUnicodeSpacesIntoOneSpace() {
        assertEquals("a b c d", clean("a\u00A0b\u2009\u2009c\u3000\td"));
    }

    @Test
    void turnsCrAndCrlfIntoLineBreaks() {
        assertEquals(List.of("one", "two", "three"), cleaner.clean("one\r\ntwo\rthree").lines());
    }

    @Test
    void trimsLinesCollapsesSpacesAndSeparatesParagraphsByOneBlankLine() {
        assertEquals("a b\n\nc", clean("  a    b  \n\n\n\n   c   \n"));
    }

    @Test
    void countsLinesHoldingOnlyInvisibleCharacters() {
        CleanText t = cleaner.clean("a\n\u00A0\n\n\u200B\nb");
        assertEquals(List.of("a", "b"), t.lines());
        assertEquals(2, t.invisibleLines());
    }

    @Test
    void keepsDiacriticsHamzaTaMarbutaDigitsAndPunctuation() {
        String s = "\u0645\u064F\u062D\u064E\u0645\u064E\u0651\u062F \u0625\u0630\u0627 \u0645\u062F\u0631\u0633\u0629 \u0663\u0664 2015\u061F \u00AB\u0646\u0639\u0645\u00BB";
        assertEquals(s, clean(s));
    }

    @Test
    void foldsIsolatedAndMedialHarakatFormsWithoutLeavingSpacesOrTatweel() {
        // NFKC: U+FC5E is space + dammatan + shadda, U+FE7F is tatweel + sukun
        assertEquals("\u064C\u0651\u0628", clean("\uFC5E\u0628"));
        assertEquals("\u0628 \u064C\u0651", clean("\u0628\uFC5E"));
        assertEquals("\u0628\u0652", clean("\u0628\uFE7F"));
    }

    @Test
    void isIdempotent() {
        String once = clean("\uFC5E0 \u0627\u0640\u0654 x\uFE7F");
        assertEquals(once, clean(once));
    }

    @Test
    void composesAcrossARemovedTatweel() {
        assertEquals("\u0623", clean("\u0627\u0640\u0654"));
    }

    @Test
    void cleansLinesLongerThanTheRoomItMakesUpFront() {
        String word = "كلمة  ";
        String line = word.repeat(2000);                      // 12,000 chars, spaces to collapse
        String expected = "كلمة ".repeat(2000).strip();
        assertEquals(expected + "\n\nend", clean(line + "\nend"));
        assertEquals(List.of(expected, "end"),
                cleaner.cleanUtf8((line + "\nend").getBytes(java.nio.charset.StandardCharsets.UTF_8)).lines());
        // The rules that write outside the common case, far into a long line: a kept zero-width non-joiner
        // and a presentation form that expands to 18 letters.
        String persian = "می\u200Cخواهم ".repeat(1500);
        assertEquals(persian.strip(), clean(persian));
        String ligature = "\uFDFA".repeat(600);
        assertEquals(java.text.Normalizer.normalize(ligature, java.text.Normalizer.Form.NFKC), clean(ligature));
    }

    @Test
    void composesEveryLineThatNeedsItOnALongPage() {
        String page = ("plain line\n" + "\u0627\u0654 line\n").repeat(40);
        List<String> lines = cleaner.cleanUtf8(page.getBytes(java.nio.charset.StandardCharsets.UTF_8)).lines();
        assertEquals(80, lines.size());
        for (int i = 0; i < 80; i++) {
            assertEquals(i % 2 == 0 ? "plain line" : "\u0623 line", lines.get(i), "line " + i);
        }
        // One line to compose early, then many lines that need nothing.
        String early = "\u0627\u0654\n" + "plain line\n".repeat(100);
        assertEquals(101, cleaner.cleanUtf8(early.getBytes(java.nio.charset.StandardCharsets.UTF_8)).lines().size());
        assertEquals("\u0623", clean(early).lines().findFirst().orElseThrow());
    }
}
