package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

/** The packed per-char counts of {@link LanguageDetector} tell the scripts apart as one counter per script did. */
class LanguageCountsTest {

    private final LanguageDetector languages = new LanguageDetector(new MatchingForm(), Stopwords.defaults());

    @Test
    void scriptsOutsideArabicAndLatinAreCountedApart() {
        assertEquals("ru", languages.detect("Министр заявил, что переговоры возобновятся"));
        assertEquals("el", languages.detect("Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν"));
        assertEquals("he", languages.detect("השר אמר כי השיחות יתחדשו בשבוע הבא"));
        assertEquals("zh", languages.detect("部长说会谈将于下周恢复"));
        assertNull(languages.detect("12 345 -- !!"));
    }

    @Test
    void aFewWordsOfAnotherScriptDoNotTipAnArabicText() {
        assertEquals("ar", languages.detect("قال الرئيس الفرنسي إن بلاده مستعدة Москва للتعاون مع روسيا"));
    }

    @Test
    void onlyTheFirst1000CharsAreCounted() {
        // 990 Latin letters and spaces, then much Arabic: Arabic after the cut must not count.
        String latin = "abcd ".repeat(198);
        String arabic = "قال الرئيس الفرنسي ".repeat(200);
        assertNull(languages.detect(List.of(latin + arabic)));          // Latin, but no English or French stopword
        assertEquals("ar", languages.detect(List.of("ab", arabic)));
    }

    @Test
    void anArabicOpeningInsideTheSampleDoesNotTipPersianOrUrduText() {
        // Persian and Urdu news often opens with an Arabic formula or verse; the sample holds what follows too.
        String arabic = "بسم الله الرحمن الرحيم. قال تعالى: وتعاونوا على البر والتقوى ولا تعاونوا على الإثم والعدوان.";
        String persian = "رئیس جمهور فرانسه گفت که کشورش برای همکاری با روسیه آماده است. ";
        String urdu = "فرانس کے صدر نے کہا کہ ان کا ملک روس کے ساتھ تعاون کے لیے تیار ہے۔ ";
        assertEquals("fa", languages.detect(List.of(arabic, persian.repeat(20))));
        assertEquals("ur", languages.detect(List.of(arabic, urdu.repeat(20))));
        assertEquals("ar", languages.detect(List.of(arabic, "قال الرئيس الفرنسي إن بلاده مستعدة للتعاون. ".repeat(20))));
    }

    @Test
    void countersDoNotSpillIntoEachOtherAtTheCap() {
        // Letters of one class past the sample: the largest count a 12-bit field must hold.
        assertEquals("fa", languages.detect("گ".repeat(3000)));
        assertEquals("ur", languages.detect("ٹ".repeat(3000)));
        assertEquals("ar", languages.detect("ي".repeat(3000)));
    }
}
