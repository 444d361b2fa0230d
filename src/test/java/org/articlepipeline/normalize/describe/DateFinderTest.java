package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DateFinderTest {

    private final DateFinder dates = new DateFinder();

    @Test
    void readsDayFirstNumericDateWithTime() {
        assertEquals("2015-11-26T20:55", dates.find("26.11.2015 20:55"));
        assertEquals("2015-11-26", dates.find("26/11/2015"));
    }

    @Test
    void givesATimestampLinesDateAsIfItHadNotJustReadIt() {
        String line = "26.11.2015 20:55";
        String other = "نشر في 3 يناير 2016";
        assertTrue(dates.isTimestampLine(line));
        assertEquals("2015-11-26T20:55", dates.find(line));
        assertEquals("2016-01-03", dates.find(other), "another line right after");
        assertEquals("2015-11-26T20:55", dates.find(new String(line.toCharArray())), "an equal line");
        assertTrue(dates.isTimestampLine(other));
        assertEquals("2015-11-26T20:55", dates.find(line));
        assertEquals("2016-01-03", new DateFinder().find(other));
        assertNull(dates.find("قال الرئيس"));
    }

    @Test
    void readsMonthFirstOnlyWhenDayFirstIsImpossible() {
        assertEquals("2015-11-26", dates.find("11/26/2015"));
    }

    @Test
    void readsYearFirstDates() {
        assertEquals("2015-11-26", dates.find("2015/11/26"));
        assertEquals("2015-11-26T20:55:00Z", dates.find("2015-11-26T20:55:00Z"));
        assertEquals("2015-11-26T20:55+03:00", dates.find("2015-11-26T20:55+0300"));
    }

    @Test
    void readsEgyptianAndGulfMonthNames() {
        assertEquals("2015-11-26", dates.find("الخميس 26 نوفمبر 2015"));
        assertEquals("2019-08-05", dates.find("5 أغسطس 2019"));
    }

    @Test
    void readsLevantineMonthNames() {
        assertEquals("2019-01-03", dates.find("3 كانون الثاني 2019"));
        assertEquals("2020-12-20", dates.find("20 كانون الأول 2020"));
        assertEquals("2018-03-01", dates.find("1 آذار 2018"));
        assertEquals("2018-08-09", dates.find("9 آب 2018"));
        assertEquals("2018-09-09", dates.find("9 أيلول 2018"));
        assertEquals("2018-10-09", dates.find("9 تشرين الأول 2018"));
    }

    @Test
    void readsMaghrebiMonthNames() {
        assertEquals("2021-01-12", dates.find("12 جانفي 2021"));
        assertEquals("2021-02-12", dates.find("12 فيفري 2021"));
        assertEquals("2021-04-12", dates.find("12 أفريل 2021"));
        assertEquals("2021-05-12", dates.find("12 ماي 2021"));
        assertEquals("2021-06-12", dates.find("12 جوان 2021"));
        assertEquals("2021-07-12", dates.find("12 جويلية 2021"));
        assertEquals("2021-08-12", dates.find("12 أوت 2021"));
    }

    @Test
    void readsDoubleMonthNamesAndTheWordMin() {
        assertEquals("2015-11-13", dates.find("13 نوفمبر /تشرين الثاني 2015"));
        assertEquals("--01-03", dates.find("الأربعاء 3 من كانون الثاني"));
    }

    @Test
    void readsArabicIndicDigits() {
        assertEquals("2015-11-26", dates.find("٢٦ نوفمبر ٢٠١٥"));
    }

    @Test
    void readsEnglishAndFrenchDates() {
        assertEquals("2015-11-26", dates.find("November 26, 2015"));
        assertEquals("2015-11-26T20:55", dates.find("Nov. 26, 2015 8:55 pm"));
        assertEquals("2015-11-26", dates.find("26 novembre 2015"));
        assertEquals("2015-08-01", dates.find("1er août 2015"));
    }

    @Test
    void reportsADateWithoutYearAsPartialNeverGuessingTheYear() {
        assertEquals("--03-03", dates.find("March 3"));
        assertEquals("--11-26", dates.find("26 نوفمبر"));
    }

    @Test
    void rejectsImpossibleDates() {
        assertNull(dates.find("31.02.2015"));
        assertNull(dates.find("no date here"));
    }

    @Test
    void tellsTimestampLinesFromProseWithDates() {
        assertTrue(dates.isTimestampLine("26.11.2015 20:55"));
        assertTrue(dates.isTimestampLine("Published: November 26, 2015"));
        assertTrue(dates.isTimestampLine("نشر في: الخميس 26 نوفمبر 2015"));
        assertFalse(dates.isTimestampLine("وقعت هجمات في 13 نوفمبر أسفرت عن مقتل 130 شخصا"));
    }

    @Test
    void readsFrenchHourNotationAndAmPmWithDots() {
        assertEquals("2024-03-12T10:30", dates.find("Publié le 12/03/2024 à 10h30"));
        assertTrue(dates.isTimestampLine("Publié le 12/03/2024 à 10h30"));
        assertEquals("2024-03-05T21:15", dates.find("March 5, 2024 9:15 p.m. ET"));
        assertTrue(dates.isTimestampLine("Updated March 5, 2024 9:15 p.m. ET"));
    }
}
