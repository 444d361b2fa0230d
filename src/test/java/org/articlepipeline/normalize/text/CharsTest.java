package org.articlepipeline.normalize.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CharsTest {

    @Test
    void isDigitIsCharactersIsDigitForEveryChar() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertEquals(Character.isDigit(c), Chars.isDigit(c), () -> Integer.toHexString(c));
        }
    }

    @Test
    void isRegexSpaceIsTheRegexClassBackslashS() {
        Pattern space = Pattern.compile("\\s");
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertEquals(space.matcher(String.valueOf(c)).matches(), Chars.isRegexSpace(c),
                    () -> Integer.toHexString(c));
        }
    }

    @Test
    void aNumberIsDigitsOfAnyScriptOnlyInTextOrInABuffer() {
        assertTrue(Chars.isNumber("2015"));
        assertTrue(Chars.isNumber("٢٠١٥"));
        assertFalse(Chars.isNumber("3a"));
        assertFalse(Chars.isNumber("12:30"));
        char[] buffer = "x 2015 y".toCharArray();
        assertTrue(Chars.isNumber(buffer, 2, 6));
        assertFalse(Chars.isNumber(buffer, 1, 6));
    }

    @Test
    void findsADigitOfAnyScriptInText() {
        assertTrue(Chars.hasDigit("عام ٢٠١٥"));
        assertTrue(Chars.hasDigit("in 2015"));
        assertFalse(Chars.hasDigit("لا أرقام هنا"));
    }
}
