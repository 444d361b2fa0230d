package org.articlepipeline.normalize.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern ARABIC = Pattern.compile(
            "^(\\p{IsArabic}{2,}(?:\\s+\\p{IsArabic}{2,}){0,2})(?:" + PAREN + ")?" + DASH);
    /** An upper-case place, optional ", date", optional parentheses, then a dash or em dash. */
    private static final Pattern UPPER = Pattern.compile(
            "^(\\p{Lu}[\\p{Lu}'’.\\-]+(?:\\s+\\p{Lu}[\\p{Lu}'’.\\-]+){0,3})(?:,\\s*([^()\\-–—]{1,30}?))?(?:" + PAREN + ")?" + DASH);
    /** A capitalized place is a dateline only with parentheses: {@code Paris (AFP) -}. */
    private static final Pattern CAPITALIZED = Pattern.compile(
            "^(\\p{Lu}[\\p{L}'’.\\-]+(?:\\s+\\p{Lu}[\\p{L}'’.\\-]+){0,3})(?:,\\s*([^()\\-–—]{1,30}?))?" + PAREN + DASH);

    /** Compiled once: {@code String.split("\\s+")} compiles its pattern on every call. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Words the rest must hold: a dash after three words and then almost nothing is not a dateline. */
    private static final int MIN_REST_WORDS = 4;

    /** The dateline opening {@code paragraph}, or null. */
    public static Dateline find(String paragraph) {
        Dateline d = match(ARABIC, paragraph, false);
        if (d == null) {
            d = match(UPPER, paragraph, true);
        }
        if (d == null) {
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
        if (SPACES.split(rest).length < MIN_REST_WORDS) {
            return null;
        }
        String place = m.group(1).strip();
        String date = hasDateGroup ? m.group(2) : null;
        String paren = hasDateGroup ? m.group(3) : m.group(2);
        return new Dateline(place, paren == null ? null : paren.strip(), date == null ? null : date.strip(), rest);
    }
}
