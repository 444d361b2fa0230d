package org.articlepipeline.normalize.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule. Cases written after the rules of Lucene's ArabicNormalizer tests (alef forms, alef
 * maksura, teh marbuta, tatweel, harakat) and CAMeL Tools' normalize_alef_ar, normalize_alef_maksura_ar,
 * normalize_teh_marbuta_ar and dediac_ar.
 */
class MatchingFormTest {

    private final MatchingForm form = new MatchingForm();

    private String n(String s) {
        return form.normalize(s);
    }

    @Test
    void foldsAlefWithHamzaAboveToBareAlef() {
        assertEquals("احمد", n("أحمد"));
    }

    @Test
    void foldsAlefWithHamzaBelowToBareAlef() {
        assertEquals("اسلام", n("إسلام"));
    }

    @Test
    void foldsAlefWithMaddaToBareAlef() {
        assertEquals("امن", n("آمن"));
    }

    @Test
    void foldsAlefWaslaToBareAlef() {
        assertEquals("الله", n("\u0671لله"));
    }

    @Test
    void foldsAlefMaksuraToYeh() {
        assertEquals("علي", n("على"));
        assertEquals("مستشفي", n("مستشفى"));
    }

    @Test
    void foldsTehMarbutaToHeh() {
        assertEquals("مدرسه", n("مدرسة"));
    }

    @Test
    void dropsTatweel() {
        assertEquals("جميل", n("جمـــيل"));
    }

    @Test
    void dropsHarakatTanwinShaddaAndSukun() {
        assertEquals("محمد", n("مُحَمَّد"));
        assertEquals("كتابا", n("كِتَابًا"));
        assertEquals("قلم", n("قَلْم"));
    }

    @Test
    void dropsSuperscriptAlefAndQuranicMarks() {
        assertEquals("هذا", n("هٰذا"));
        assertEquals("الرحمن", n("الرَّحْمَٰنِ\u06D6"));
    }

    @Test
    void foldsPersianKehehAndYehToArabicLetters() {
        assertEquals("كتاب", n("کتاب"));
        assertEquals("ايران", n("ایران"));
    }

    @Test
    void foldsUrduHehGoalAndYehBarree() {
        assertEquals("ه", n("ہ"));
        assertEquals("ي", n("ے"));
        assertEquals("خانه", n("خانۀ"));
    }

    @Test
    void foldsArabicIndicAndPersianDigitsToAscii() {
        assertEquals("2015", n("٢٠١٥"));
        assertEquals("1394", n("۱۳۹۴"));
    }

    @Test
    void lowerCasesAndFoldsLatinAccents() {
        assertEquals("etats-unis", n("États-Unis"));
        assertEquals("francois", n("François"));
        assertEquals("reuters", n("REUTERS"));
    }

    @Test
    void dropsZeroWidthNonJoinerSoPersianSpellingsMatch() {
        assertEquals(n("میخواهم"), n("می\u200Cخواهم"));
    }

    @Test
    void keepsHamzaOnWawAndYeh() {
        assertEquals("مسؤول", n("مسؤول"));
        assertEquals("رئيس", n("رئيس"));
    }

    @Test
    void spellingVariantsOfOneWordMeetInOneForm() {
        assertEquals(n("إلى"), n("الي"));
        assertEquals(n("الأمم المتحدة"), n("الامم المتحده"));
        assertNotEquals(n("قال"), n("قائل"));
    }

    @Test
    void termsSplitOnPunctuationAndSpacesButNotOnDroppedMarks() {
        assertEquals(List.of("قال", "الرئيس", "الفرنسي", "2015"), form.terms("قَالَ «الرئيس» الفرنسي، ٢٠١٥."));
        assertEquals(List.of("l", "etat", "francais"), form.terms("L'État français"));
    }

    @Test
    void termHashesAgreeForEqualTerms() {
        MatchingForm.TermHashes a = form.termHashes("أحمد قال", new MatchingForm.TermHashes());
        long first = a.get(0);
        MatchingForm.TermHashes b = form.termHashes("احمد", new MatchingForm.TermHashes());
        assertEquals(first, b.get(0));
        assertEquals(2, a.size());
    }
}
