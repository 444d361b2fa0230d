package org.articlepipeline.normalize.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlepipeline.normalize.text.Chars;

/**
 * The place (and optionally the date and wire service) that opens a news story: {@code باريس- },
 * {@code واشنطن (أ ف ب) - }, {@code LONDON (Reuters) -}, {@code WASHINGTON, March 3 (Reuters) -},
 * {@code PARIS (AFP) -}, {@code LONDON —}.
 *
 * @param place       the place as written
 * @param parenthesis what the dateline held in parentheses (usually the wire service), or null
 * @param date        the text between the place and the parentheses after a comma, or null
 * @param rest        the paragraph without its dateline
 */
public record Dateline(String place, String parenthesis, String date, String rest) {

    private static final String DASH = "(?:\\s+[-–—]{1,2}\\s*|[-–—]{1,2}\\s+)";
    private static final String PAREN = "\\s*[(（]([^()（）]{1,40})[)）]";
    /** One to three Arabic-script words, optional parentheses, then a dash with a space on one side. */
    static final Pattern ARABIC = Pattern.compile(
            "^(\\p{IsArabic}{2,}(?:\\s+\\p{IsArabic}{2,}){0,2})(?:" + PAREN + ")?" + DASH);
    /** An upper-case place, optional ", date", optional parentheses, then a dash or em dash. */
    static final Pattern UPPER = Pattern.compile(
            "^(\\p{Lu}[\\p{Lu}'’.\\-]+(?:\\s+\\p{Lu}[\\p{Lu}'’.\\-]+){0,3})(?:,\\s*([^()\\-–—]{1,30}?))?(?:" + PAREN + ")?" + DASH);
    /** A capitalized place is a dateline only with parentheses: {@code Paris (AFP) -}. */
    static final Pattern CAPITALIZED = Pattern.compile(
            "^(\\p{Lu}[\\p{L}'’.\\-]+(?:\\s+\\p{Lu}[\\p{L}'’.\\-]+){0,3})(?:,\\s*([^()\\-–—]{1,30}?))?" + PAREN + DASH);

    /** Words the rest must hold: a dash after three words and then almost nothing is not a dateline. */
    private static final int MIN_REST_WORDS = 4;

    /** Which chars of the Arabic block (U+0600–U+06FF) are of the Arabic script, as {@code \p{IsArabic}} reads them. */
    private static final boolean[] ARABIC_BLOCK_SCRIPT = arabicBlockScript();

    private static boolean[] arabicBlockScript() {
        boolean[] t = new boolean[0x100];
        for (int i = 0; i < t.length; i++) {
            t[i] = Character.UnicodeScript.of(0x600 + i) == Character.UnicodeScript.ARABIC;
        }
        return t;
    }

    /**
     * The dateline opening {@code paragraph}, or null. Each pattern runs only when a scan of the opening
     * words says it could match: most paragraphs open with a fifth word, a lower-case word or punctuation
     * long before any dash.
     */
    public static Dateline find(String paragraph) {
        Dateline d = null;
        if (mayOpenWithArabicPlace(paragraph)) {
            int[] bounds = arabicBounds(paragraph);
            d = bounds == null ? match(ARABIC, paragraph, false)
                    : bounds[0] < 0 ? null : dateline(paragraph, bounds);
        }
        if (d == null && mayOpenWithUpperCasePlace(paragraph)) {
            d = match(UPPER, paragraph, true);
        }
        if (d == null && mayOpenWithCapitalizedPlace(paragraph)) {
            d = match(CAPITALIZED, paragraph, true);
        }
        return d;
    }

    private static Dateline match(Pattern pattern, String paragraph, boolean hasDateGroup) {
        Matcher m = pattern.matcher(paragraph);
        if (!m.lookingAt()) {
            return null;
        }
        String rest = paragraph.substring(m.end()).strip();
        if (!hasWords(rest, MIN_REST_WORDS)) {
            return null;
        }
        String place = m.group(1).strip();
        String date = hasDateGroup ? m.group(2) : null;
        String paren = hasDateGroup ? m.group(3) : m.group(2);
        return new Dateline(place, paren == null ? null : paren.strip(), date == null ? null : date.strip(), rest);
    }

    /** The dateline {@link #arabicBounds} found, if the rest holds enough words. */
    private static Dateline dateline(String paragraph, int[] bounds) {
        String rest = paragraph.substring(bounds[1]).strip();
        if (!hasWords(rest, MIN_REST_WORDS)) {
            return null;
        }
        String paren = bounds[2] < 0 ? null : paragraph.substring(bounds[2], bounds[3]).strip();
        return new Dateline(paragraph.substring(0, bounds[0]).strip(), paren, null, rest);
    }

    /**
     * {@link #ARABIC} matched by hand: {@code [end of the place, end of the dash, start and end of the
     * parentheses' content or -1]}; {@code [-1]} when it does not match; null when a surrogate pair stands in
     * the way (the regex reads code points: let it decide). Each step has one way to succeed, so there is no
     * backtracking to emulate: the place is every Arabic word before the first other char (one to three, of two
     * or more letters each), then optional parentheses, then a dash with whitespace before or after it.
     */
    static int[] arabicBounds(String text) {
        int n = text.length();
        int i = 0;
        int placeEnd = -1;
        for (int words = 0; ; words++) {
            int start = i;
            while (i < n && isArabicScript(text.charAt(i))) {
                i++;
            }
            if (i < n && Character.isSurrogate(text.charAt(i))) {
                return null;
            }
            if (i - start < 2 || words == 3) {
                if (i > start || words == 0) {
                    return NO_MATCH;         // a one-letter or fourth word
                }
                break;                       // not a word: the place ended before the spaces
            }
            placeEnd = i;
            while (i < n && Chars.isRegexSpace(text.charAt(i))) {
                i++;
            }
            if (i == placeEnd) {
                break;
            }
        }
        int at = placeEnd;
        int parenStart = -1;
        int parenEnd = -1;
        int open = skipSpaces(text, at);
        if (open < n && (text.charAt(open) == '(' || text.charAt(open) == '（')) {
            int close = open + 1;
            while (close < n && !isParenthesis(text.charAt(close))) {
                if (Character.isSurrogate(text.charAt(close))) {
                    return null;             // the 40 of the regex counts code points
                }
                close++;
            }
            if (close - open - 1 < 1 || close - open - 1 > 40 || close == n
                    || text.charAt(close) != ')' && text.charAt(close) != '）') {
                return NO_MATCH;             // without its parentheses the place is followed by "(", not a dash
            }
            parenStart = open + 1;
            parenEnd = close;
            at = close + 1;
        }
        int dashEnd = dashEnd(text, at);
        return dashEnd < 0 ? NO_MATCH : new int[] {placeEnd, dashEnd, parenStart, parenEnd};
    }

    private static final int[] NO_MATCH = {-1};

    /**
     * Where {@code \s+[-–—]{1,2}\s*} or else {@code [-–—]{1,2}\s+} starting at {@code at} ends, or -1.
     */
    private static int dashEnd(String text, int at) {
        int n = text.length();
        int dash = skipSpaces(text, at);
        if (dash > at && dash < n && isDash(text.charAt(dash))) {
            int end = dash + 1;
            if (end < n && isDash(text.charAt(end))) {
                end++;
            }
            return skipSpaces(text, end);
        }
        if (dash == at && dash < n && isDash(text.charAt(dash))) {
            int end = dash + 1 < n && isDash(text.charAt(dash + 1)) ? dash + 2 : dash + 1;
            int after = skipSpaces(text, end);
            return after > end ? after : -1;
        }
        return -1;
    }

    private static int skipSpaces(String text, int at) {
        int i = at;
        while (i < text.length() && Chars.isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isParenthesis(char c) {
        return c == '(' || c == ')' || c == '（' || c == '）';
    }

    /**
     * Whether {@code text}, which does not start with a space, has at least {@code count} words between
     * spaces ({@code \s}): what splitting it on spaces would tell, counted only as far as needed.
     */
    static boolean hasWords(String text, int count) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Chars.isRegexSpace(text.charAt(i));
            if (!space && !inWord && ++words >= count) {
                return true;
            }
            inWord = !space;
        }
        return false;
    }

    /**
     * Whether {@link #ARABIC} could match: one to three runs of Arabic-script chars between spaces, then (after
     * optional spaces) an opening parenthesis or a dash. Any other char ends the chance.
     */
    static boolean mayOpenWithArabicPlace(String text) {
        int n = text.length();
        int i = 0;
        for (int words = 1; words <= 3; words++) {
            int start = i;
            while (i < n && isArabicScript(text.charAt(i))) {
                i++;
            }
            if (i < n && Character.isSurrogate(text.charAt(i))) {
                return true;         // the regex reads code points, and some beyond U+FFFF are Arabic: let it decide
            }
            if (i == start) {
                return false;        // a place word must start here
            }
            while (i < n && Chars.isRegexSpace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return false;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '（' || isDash(c) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;                // a fourth word
    }

    /** Whether {@link #UPPER} could match: an upper-case letter, then another, an apostrophe, dot or hyphen. */
    static boolean mayOpenWithUpperCasePlace(String text) {
        if (text.length() < 2 || Character.isSurrogate(text.charAt(0)) || Character.isSurrogate(text.charAt(1))) {
            return text.length() >= 2;
        }
        char second = text.charAt(1);
        return isUpperCase(text.charAt(0))
                && (isUpperCase(second) || second == '\'' || second == '’' || second == '.' || second == '-');
    }

    /**
     * Whether {@link #CAPITALIZED} could match: one to four words of letters (and {@code ' ’ . -}) opening with a
     * capital, then a comma right after the last one, or a parenthesis after optional spaces.
     */
    static boolean mayOpenWithCapitalizedPlace(String text) {
        int n = text.length();
        int i = 0;
        for (int words = 1; words <= 4; words++) {
            if (i == n || Character.isSurrogate(text.charAt(i))) {
                return i < n;
            }
            if (!isUpperCase(text.charAt(i))) {
                return false;
            }
            i++;
            while (i < n && isPlaceChar(text.charAt(i))) {
                i++;
            }
            int wordEnd = i;
            while (i < n && Chars.isRegexSpace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return false;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '（' || c == ',' && i == wordEnd || Character.isSurrogate(c)) {
                return true;
            }
            if (i == wordEnd) {
                return false;        // punctuation inside the place
            }
        }
        return false;                // a fifth word
    }

    /** {@code \p{IsArabic}} for one char. */
    private static boolean isArabicScript(char c) {
        if (c < '\u0600') {
            return false;
        }
        if (c <= '\u06FF') {
            return ARABIC_BLOCK_SCRIPT[c - '\u0600'];
        }
        return !Character.isSurrogate(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }

    /** {@code \p{Lu}} for one char. */
    private static boolean isUpperCase(char c) {
        return Character.getType(c) == Character.UPPERCASE_LETTER;
    }

    /** {@code [\p{L}'’.\-]}: a char of a capitalized place word. */
    private static boolean isPlaceChar(char c) {
        return Character.isLetter(c) || c == '\'' || c == '’' || c == '.' || c == '-';
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '–' || c == '—';
    }
}
