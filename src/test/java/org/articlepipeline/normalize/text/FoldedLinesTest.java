package org.articlepipeline.normalize.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedLinesTest {

    private static final Stopwords STOPWORDS = Stopwords.defaults();
    private final MatchingForm form = new MatchingForm();

    private static FoldedLines fold(List<String> lines) {
        FoldedLines folded = new FoldedLines(STOPWORDS, 0, 0);
        lines.forEach(folded::add);
        return folded;
    }

    @Test
    void digestsTheUtf16leMatchingFormOfEachLineAndALineFeed() throws Exception {
        List<String> lines = List.of("قالَ الرئيسُ إنّ «الأمم المتحدة» مستعدة.", "Le Président a dit « oui ».", "٢٠١٥",
                "emoji \uD83D\uDE00 pair");
        StringBuilder expected = new StringBuilder();
        lines.forEach(l -> expected.append(form.normalize(l)).append('\n'));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        fold(lines).digest(sha);
        assertEquals(hex(expected.toString()), HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void collectsTheSameTermHashesAsTheMatchingFormOfTheJoinedLines() {
        List<String> lines = List.of("قالَ الرئيسُ: «نعم»", "Le Président a dit « oui ».", "٢٠١٥");
        FoldedLines folded = fold(lines);
        MatchingForm.TermHashes direct = form.termHashes(String.join("\n\n", lines), new MatchingForm.TermHashes());
        assertEquals(direct.size(), folded.termCount());
        int i = 0;
        for (int line = 0; line < folded.size(); line++) {
            for (int k = 0; k < folded.termCount(line); k++) {
                assertEquals(direct.get(i++), folded.termHash(line, k));
            }
        }
        assertEquals(direct.size(), i);
    }

    @Test
    void countsTokensHoldingALetterOrDigit() {
        FoldedLines folded = fold(List.of("قال — الرئيس 2015 «نعم»", "", "Le Président a dit « oui »."));
        assertEquals(4, folded.tokens(0));
        assertEquals(0, folded.tokens(1));
        assertEquals(5, folded.tokens(2));
    }

    @Test
    void countsWordsWithALetterAndTheFunctionWordsAmongThem() {
        FoldedLines folded = fold(List.of("the cat sat on 2015 mats"));
        assertEquals(5, folded.words(0));            // 2015 is a number, not a word
        assertEquals(2, folded.functionWords(0));    // the, on
    }

    @Test
    void readsTheSameTermsAndWordCharsAsTheMatchingForm() {
        List<String> lines = List.of("قالَ الرئيسُ: «نعم»", "", "Le Président a dit « oui ».", "ـ٢٠١٥ ـ", "a\u200Cb c\u0640d");
        FoldedLines folded = fold(lines);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(form.terms(lines.get(i)), folded.terms(i), lines.get(i));
            assertEquals(String.join("", form.terms(lines.get(i))), folded.wordChars(i), lines.get(i));
        }
    }

    @Test
    void foldsEveryCharAroundTheGeneralPunctuationBlockAsTheMatchingFormDoes() {
        // The block has a table of its own in the fold loop; its edges and its neighbours take other paths.
        for (char c = '\u1FF0'; c <= '\u2080'; c++) {
            String line = "قال" + c + "الرئيس " + c + "oui" + c + " 2015" + c;
            FoldedLines folded = fold(List.of(line));
            FoldedLines alone = fold(List.of(String.valueOf(c)));
            String name = "U+" + Integer.toHexString(c);
            assertEquals(form.terms(line), folded.terms(0), name);
            assertEquals(String.join("", form.terms(line)), folded.wordChars(0), name);
            assertEquals(form.terms(String.valueOf(c)).size(), alone.termCount(0), name);
            assertEquals(MatchingForm.isWordChar(c) ? 1 : 0, alone.tokens(0), name);
            MatchingForm.TermHashes hashes = form.termHashes(line, new MatchingForm.TermHashes());
            for (int k = 0; k < hashes.size(); k++) {
                assertEquals(hashes.get(k), folded.termHash(0, k), name);
            }
        }
    }

    @Test
    void aSelectionDigestsAsItsLinesFoldedAfreshWhetherTheyLayTogetherOrNot() throws Exception {
        List<String> texts = List.of("عنوان", "قالَ الرئيسُ", "Share", "«نعم» قالت.", "Le Président",
                "word ".repeat(700), "آخر سطر");
        FoldedLines page = fold(texts);
        page.addTail(1, texts.get(1), 4);
        int[][] selections = {{0, 1, 2}, {1, 3, 4}, {3, 1}, {2, 2}, {4, 5, 6}, {7, 2, 3, 4}, {6, 5, 4, 3, 2, 1, 0}};
        for (int[] lines : selections) {
            List<String> chosen = new java.util.ArrayList<>();
            for (int line : lines) {
                chosen.add(line == 7 ? texts.get(1).substring(4) : texts.get(line));
            }
            MessageDigest a = MessageDigest.getInstance("SHA-256");
            MessageDigest b = MessageDigest.getInstance("SHA-256");
            page.select(lines, lines.length).digest(a);
            fold(chosen).digest(b);
            assertEquals(HexFormat.of().formatHex(b.digest()), HexFormat.of().formatHex(a.digest()),
                    java.util.Arrays.toString(lines));
        }
    }

    @Test
    void aSelectionOfLinesIsThoseLinesFoldedAgainAndReadOnly() throws Exception {
        FoldedLines page = fold(List.of("عنوان", "قالَ الرئيسُ: «نعم»", "Share", "Le Président a dit « oui »."));
        FoldedLines body = page.select(new int[] {1, 3}, 2);
        page.add("a line appended to the page after the selection, growing its buffers ".repeat(40));
        FoldedLines direct = fold(List.of("قالَ الرئيسُ: «نعم»", "Le Président a dit « oui »."));
        MessageDigest a = MessageDigest.getInstance("SHA-256");
        MessageDigest b = MessageDigest.getInstance("SHA-256");
        body.digest(a);
        direct.digest(b);
        assertEquals(HexFormat.of().formatHex(b.digest()), HexFormat.of().formatHex(a.digest()));
        assertEquals(2, body.size());
        assertEquals(direct.termCount(), body.termCount());
        for (int line = 0; line < 2; line++) {
            assertEquals(direct.terms(line), body.terms(line));
            assertEquals(direct.termCount(line), body.termCount(line));
            assertEquals(direct.termHash(line, 0), body.termHash(line, 0));
            assertEquals(direct.words(line), body.words(line));
            assertEquals(direct.functionWords(line), body.functionWords(line));
            assertEquals(direct.tokens(line), body.tokens(line));
            assertEquals(direct.wordChars(line), body.wordChars(line));
        }
        assertThrows(UnsupportedOperationException.class, () -> body.add("more"));
    }

    @Test
    void aLineWithoutItsDatelineIsFoldedAsItsTailAlone() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"باريس- ", "قالَ الرئيسُ: «نعم» اليومَ في 2015."},
                new String[] {"واشنطن (أ ف ب) - ", "أعلنت الـوزارة أمس."},
                new String[] {"LONDON -", "«Reuters» said on Monday."},
                new String[] {"Paris—", "a dash glued to both sides is folded again"});
        for (String[] c : cases) {
            String text = c[0] + c[1];
            FoldedLines page = fold(List.of("عنوان", text));
            page.addTail(1, text, c[0].length());
            FoldedLines direct = fold(List.of("عنوان", c[1]));
            MessageDigest a = MessageDigest.getInstance("SHA-256");
            MessageDigest b = MessageDigest.getInstance("SHA-256");
            page.select(new int[] {0, 2}, 2).digest(a);
            direct.digest(b);
            assertEquals(HexFormat.of().formatHex(b.digest()), HexFormat.of().formatHex(a.digest()), text);
            assertEquals(direct.terms(1), page.terms(2), text);
            assertEquals(direct.termCount(), page.select(new int[] {0, 2}, 2).termCount(), text);
            assertEquals(direct.words(1), page.words(2), text);
            assertEquals(direct.functionWords(1), page.functionWords(2), text);
            assertEquals(direct.tokens(1), page.tokens(2), text);
        }
    }

    @Test
    void aLinesTermsCanBeReadInAnyOrderAndNotChanged() {
        List<String> terms = fold(List.of("«قالَ» الرئيسُ: 2015 — Le Président")).terms(0);
        assertEquals("الرئيس", terms.get(1));
        assertEquals("قال", terms.get(0));
        assertEquals(List.of("قال", "الرئيس", "2015", "le", "president"), terms);
        assertThrows(IndexOutOfBoundsException.class, () -> terms.get(5));
        assertThrows(UnsupportedOperationException.class, () -> terms.add("x"));
        List<String> fresh = fold(List.of("  one, two… three  ")).terms(0);
        assertEquals("three", fresh.get(2), "the last term first");
        assertEquals("two", fresh.get(1));
    }

    @Test
    void aLinesTermsTellTheirHashAndWhetherTheyAreNumbersWithoutStrings() {
        String text = "«قالَ» الرئيسُ: ٢٠١٥ — Le Président 3a";
        FoldedLines.Terms terms = fold(List.of(text)).terms(0);
        MatchingForm.TermHashes hashes = form.termHashes(text, new MatchingForm.TermHashes());
        assertEquals(hashes.size(), terms.size());
        for (int k = 0; k < terms.size(); k++) {
            assertEquals(hashes.get(k), terms.hash(k), "term " + k);
        }
        assertTrue(terms.isNumber(2), "Arabic-Indic digits fold to a number");
        assertFalse(terms.isNumber(0));
        assertFalse(terms.isNumber(5), "a digit and a letter are not a number");
        assertTrue(terms.isNumber(2), "asked again, after a later term");
        assertEquals("2015", terms.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> terms.hash(6));
        assertThrows(IndexOutOfBoundsException.class, () -> terms.isNumber(-1));
        assertEquals(0, FoldedLines.Terms.none().size());
    }

    @Test
    void knowsWhetherItsLinesHoldCharsBeyondTheBmp() {
        FoldedLines page = fold(List.of("باريس- خبر 😀 اليوم", "عنوان"));
        assertTrue(page.hasSurrogates());
        assertFalse(page.select(new int[] {1}, 1).hasSurrogates());
        page.addTail(0, "باريس- خبر 😀 اليوم", "باريس- ".length());
        assertTrue(page.select(new int[] {2}, 1).hasSurrogates());
        assertFalse(fold(List.of("no pair here")).hasSurrogates());
    }

    private static String hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void tellsWhetherAnyTermOfALineIsInASetWithoutMakingStrings() {
        FoldedLines page = fold(List.of("أخبار العالم اليوم", "Sports and weather", "٢٠١٥"));
        TermHashSet set = new TermHashSet(List.of("weather", "اخبار"), form);
        assertTrue(page.anyTermIn(0, set), "أخبار folds to اخبار");
        assertTrue(page.anyTermIn(1, set));
        assertFalse(page.anyTermIn(2, set));
        assertFalse(page.anyTermIn(1, new TermHashSet(List.of("sport"), form)), "whole terms only");
    }

    @Test
    void aClearedInstanceFoldsTheNextPageAsAFreshOneDoes() throws Exception {
        List<String> first = List.of("قالَ الرئيسُ إنّ «الأمم المتحدة» مستعدة للحوار مع جميع الأطراف. ".repeat(40),
                "emoji \uD83D\uDE00 pair", "Le Président a dit « oui ».");
        List<String> next = List.of("عنوان قصير", "٢٠١٥ — خبر", "The president said yes.");
        FoldedLines reused = fold(first);
        reused.clear(0, 0);
        assertEquals(0, reused.size());
        assertEquals(0, reused.termCount());
        next.forEach(reused::add);
        FoldedLines fresh = fold(next);
        assertFalse(reused.hasSurrogates(), "the first page's surrogate pair is forgotten");
        assertEquals(fresh.termCount(), reused.termCount());
        for (int line = 0; line < next.size(); line++) {
            assertEquals(fresh.terms(line), reused.terms(line));
            assertEquals(fresh.wordChars(line), reused.wordChars(line));
            assertEquals(fresh.words(line), reused.words(line));
            assertEquals(fresh.functionWords(line), reused.functionWords(line));
            assertEquals(fresh.tokens(line), reused.tokens(line));
            for (int k = 0; k < fresh.termCount(line); k++) {
                assertEquals(fresh.termHash(line, k), reused.termHash(line, k));
            }
        }
        MessageDigest a = MessageDigest.getInstance("SHA-256");
        MessageDigest b = MessageDigest.getInstance("SHA-256");
        fresh.digest(a);
        reused.select(new int[] {0, 1, 2}, 3).digest(b);
        assertEquals(HexFormat.of().formatHex(a.digest()), HexFormat.of().formatHex(b.digest()));
    }

    @Test
    void clearingKeepsBuffersThatFitAndLetsGoOfOnesFarTooLarge() {
        assertTrue(FoldedLines.fits(4096, 3000), "room enough: kept");
        assertFalse(FoldedLines.fits(2048, 3000), "too small: replaced");
        assertTrue(FoldedLines.fits(1 << 17, 10), "a buffer the size of a long article is kept whatever the page");
        assertTrue(FoldedLines.fits(1 << 20, 600_000), "a huge buffer is kept for a page that needs most of it");
        assertFalse(FoldedLines.fits(1 << 22, 3000), "a huge upload's buffer is let go after it");
    }

    @Test
    void aSelectionCannotBeCleared() {
        FoldedLines page = fold(List.of("سطر", "line"));
        assertThrows(UnsupportedOperationException.class, () -> page.select(new int[] {0}, 1).clear(0, 0));
    }
}
