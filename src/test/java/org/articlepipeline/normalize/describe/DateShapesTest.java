package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link DateFinder#numericShapes} skips a numeric date pattern only where it cannot match. */
class DateShapesTest {

    @Test
    void everyNumericPatternThatMatchesHasItsShape() {
        Pattern[] patterns = {DateFinder.ISO, DateFinder.YMD, DateFinder.DMY};
        String separators = "-/. :tzx";
        Random r = new Random(17);
        int[] matched = new int[3];
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(7); k > 0; k--) {
                for (int d = 1 + r.nextInt(5); d > 0; d--) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
                sb.append(separators.charAt(r.nextInt(separators.length())));
            }
            String n = sb.toString();
            int shapes = DateFinder.numericShapes(n);
            for (int kind = 0; kind < 3; kind++) {
                if (patterns[kind].matcher(n).find()) {
                    matched[kind]++;
                    int k = kind;
                    assertTrue((shapes & 1 << kind) != 0, () -> "kind " + k + " [" + n + "]");
                }
            }
        }
        for (int m : matched) {
            assertTrue(m > 20, java.util.Arrays.toString(matched));
        }
    }

    @Test
    void aLineWithoutFourDigitsBesideASeparatorHasNoNumericShape() {
        assertEquals(0, DateFinder.numericShapes("12:45 pm"));
        assertEquals(0, DateFinder.numericShapes("3.5 - 12/4"));
        assertEquals(4, DateFinder.numericShapes("26.11.2015 20:55"));
        assertEquals(1, DateFinder.numericShapes("2015-11-26"));
        assertEquals(2, DateFinder.numericShapes("2015/11/26"));
    }

    @Test
    void datesAreStillFoundAfterTheShapeCheck() {
        DateFinder dates = new DateFinder();
        assertEquals("2015-11-26T20:55", dates.find("26.11.2015 20:55"));
        assertEquals("2015-11-26T20:55:00Z", dates.find("2015-11-26T20:55:00Z"));
        assertEquals("2015-11-26", dates.find("2015/11/26"));
        assertEquals("2018-09-03", dates.find("الاثنين 3 أيلول 2018"));
    }
}
