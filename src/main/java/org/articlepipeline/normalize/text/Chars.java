package org.articlepipeline.normalize.text;

/**
 * Char tests that the rules of several stages share, answered without {@link Character}'s tables where the
 * block a char is in already tells. Each is exactly the JDK test or regex class it names.
 */
public final class Chars {

    private Chars() {
    }

    /**
     * {@link Character#isDigit(char)}, answered without its table lookup for the chars below U+0660 (Latin,
     * Arabic letters): the only digits there are 0-9.
     */
    public static boolean isDigit(char c) {
        return c <= '9' ? c >= '0' : c >= '\u0660' && Character.isDigit(c);
    }

    /** Whether {@code s} holds a char {@link #isDigit} accepts. */
    public static boolean hasDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every char of {@code s} is one {@link #isDigit} accepts: a number written in any script's digits. */
    public static boolean isNumber(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isNumber(CharSequence)} of {@code chars[from, to)}, for scans over a buffer. */
    public static boolean isNumber(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** The regex class {@code \s}: {@code [ \t\n\x0B\f\r]}, for scans that stand in for a pattern. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
