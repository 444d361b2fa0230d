package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

/** Dates are written as java.time writes them, and refused where java.time refuses them. */
class DateWritingTest {

    private final DateFinder dates = new DateFinder();

    private static String javaTime(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Test
    void everyDayOfALeapAndACommonYearIsWrittenAsLocalDateWritesIt() {
        for (int year : new int[] {1900, 2015, 2016, 2100}) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 1; day <= 31; day++) {
                    String text = day + "." + month + "." + year;
                    assertEquals(javaTime(year, month, day), dates.find(text), text);
                }
            }
        }
    }

    @Test
    void aTimeIsWrittenAsLocalTimeWritesIt() {
        for (int h = 0; h < 24; h += 5) {
            for (int min = 0; min < 60; min += 7) {
                String text = String.format("26.11.2015 %d:%02d", h, min);
                assertEquals("2015-11-26T" + LocalTime.of(h, min), dates.find(text), text);
            }
        }
        assertEquals("2015-11-26T20:55:07", dates.find("26.11.2015 20:55:07"));
        assertEquals("2015-11-26T00:05", dates.find("26.11.2015 12:05 am"));
        assertEquals("2015-11-26", dates.find("26.11.2015 24:05"));
    }

    @Test
    void aDateWithoutYearIsWrittenAsMonthDayWritesIt() {
        assertEquals(MonthDay.of(3, 5).toString(), dates.find("5 mars"));
        assertEquals(MonthDay.of(2, 29).toString(), dates.find("29 février"));
        assertEquals(null, dates.find("30 février"));
        assertEquals("--11-13", dates.find("13 نوفمبر/تشرين الثاني"));
    }
}
