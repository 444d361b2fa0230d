package org.articlepipeline.normalize.describe;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlepipeline.normalize.text.Chars;
import org.articlepipeline.normalize.text.MatchingForm;

/**
 * Finds dates in news text and writes them in ISO-8601.
 *
 * <p>Reads numeric dates ({@code 26.11.2015 20:55}, {@code 2015/11/26}, {@code 2015-11-26T20:55:00Z}) and
 * dates with month names in Arabic (Egyptian/Gulf {@code يناير…ديسمبر}, Levantine {@code كانون الثاني…كانون الأول},
 * Maghrebi {@code جانفي…ديسمبر}, also {@code 13 نوفمبر/تشرين الثاني}), English, French, German ({@code 5. März
 * 2020}) and Spanish ({@code 5 de marzo de 2020}), with Arabic-Indic
 * or Persian digits. Matching happens on the {@link MatchingForm}, so hamza and accent variants of month
 * names all match.
 *
 * <p>Output: {@code 2015-11-26}, or {@code 2015-11-26T20:55} when a time follows (seconds and offset only
 * when written). A date without a year is reported in the ISO-8601 partial form {@code --11-26}
 * (month-day, as in XML Schema {@code gMonthDay}) and never completed by guessing the year. Numeric dates are
 * read day-first (as written in Arabic and French) unless only month-first is valid.
 */
public final class DateFinder {

    private static final Map<String, Integer> MONTHS = months();

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[][] names = {
            {"يناير", "كانون الثاني", "جانفي", "january", "jan", "janvier", "janv", "januar", "jänner", "enero"},
            {"فبراير", "شباط", "فيفري", "february", "feb", "fevrier", "fevr", "februar", "febrero"},
            {"مارس", "آذار", "march", "mar", "mars", "märz", "marzo"},
            {"أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "april", "apr", "avril", "abril"},
            {"مايو", "أيار", "ماي", "may", "mai", "mayo"},
            {"يونيو", "يونيه", "حزيران", "جوان", "june", "jun", "juin", "juni", "junio"},
            {"يوليو", "يوليه", "تموز", "جويلية", "july", "jul", "juillet", "juil", "juli", "julio"},
            {"أغسطس", "آب", "أوت", "august", "aug", "aout", "agosto"},
            {"سبتمبر", "أيلول", "september", "sept", "sep", "septembre", "septiembre", "setiembre"},
            {"أكتوبر", "تشرين الأول", "october", "oct", "octobre", "oktober", "octubre"},
            {"نوفمبر", "تشرين الثاني", "november", "nov", "novembre", "noviembre"},
            {"ديسمبر", "كانون الأول", "december", "dec", "decembre", "dezember", "diciembre"},
        };
        MatchingForm form = new MatchingForm();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(form.normalize(name), i + 1);
            }
        }
        return m;
    }

    private static final String MONTH = monthAlternation();

    private static String monthAlternation() {
        List<String> names = new ArrayList<>(MONTHS.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder("(?:");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : "|").append(Pattern.quote(names.get(i)).replace(" ", "\\E\\s+\\Q"));
        }
        return sb.append(")").toString();
    }

    private static final String END = "(?![\\p{L}\\p{N}])";
    private static final String TIME =
            "(?:\\s*[-–,|،]?\\s*(?:at\\s+|a\\s+|الساعه\\s+)?(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?(?!\\d)\\s*(am|pm|a\\.m\\.|p\\.m\\.)?)?";
    static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?(z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)");
    static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)" + TIME);
    static final Pattern DMY = Pattern.compile("(?<!\\d)(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})(?!\\d)" + TIME);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er|st|nd|rd|th|\\.)?\\s*(?:من\\s+|de\\s+)?(?:شهر\\s+)?(" + MONTH + ")\\.?" + END
            + "(?:\\s*[/(-]\\s*" + MONTH + END + "\\)?)?"
            + "(?:\\s*[,،]?\\s*(?:(?:من\\s+)?(?:عام|سنه)\\s*|(?:de|del)\\s+)?(\\d{4})(?!\\d)" + TIME + ")?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(" + MONTH + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:\\s*,?\\s*(\\d{4})(?!\\d)" + TIME + ")?");

    /** Words that may stand beside a date on a line that is nothing but a timestamp (besides numbers and "20h55"). */
    private static final Set<String> LABEL_WORDS = Set.of(
            "published", "updated", "posted", "last", "on", "at", "by", "date", "gmt", "utc", "am", "pm", "a", "m",
            "p", "et", "est", "edt", "pt", "pst", "pdt", "bst", "cet", "cest",
            "le", "publie", "mis", "jour", "modifie",
            "نشر", "نشرت", "في", "بتاريخ", "تاريخ", "النشر", "اخر", "تحديث", "تم", "التحديث", "الساعه", "بتوقيت",
            "غرينتش", "مكه", "المكرمه", "القدس", "ص", "م",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "wed", "thu", "fri", "sat", "sun",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "يوم");

    /**
     * Letter-only words a date match itself may hold, apart from digits: the words of month names and the
     * glue of {@link #DAY_MONTH}, {@link #MONTH_DAY} and the time ("من شهر", "عام", "at", "am", "a.m.").
     */
    private static final Set<String> DATE_WORDS = dateWords();

    private static Set<String> dateWords() {
        java.util.Set<String> words = new java.util.HashSet<>(List.of(
                "من", "شهر", "عام", "سنه", "at", "a", "الساعه", "am", "pm", "m", "p", "de", "del"));
        for (String month : MONTHS.keySet()) {
            words.addAll(List.of(month.split(" ")));
        }
        return Set.copyOf(words);
    }
    private final MatchingForm form = new MatchingForm();

    /**
     * The last line {@link #isTimestampLine} said is a timestamp, with its date. The page's description asks
     * {@link #find} for the date of that very line (the same string) soon after its structure was found, and
     * the date patterns are the dearest rules such a line meets. It is the last answer of a function of the
     * line alone, so threads sharing this finder can only overwrite each other's, and then ask again.
     */
    private volatile Timestamp lastTimestamp;

    private record Timestamp(String line, String iso) {
    }

    /** A date found in a text. {@code start} and {@code end} index the text's matching form. */
    record Found(String iso, int start, int end) {
    }

    /** The first date written in {@code text}, in ISO-8601 (possibly partial), or null. */
    public String find(String text) {
        Timestamp last = lastTimestamp;
        if (last != null && last.line() == text) {
            return last.iso();           // the same string object, so the same answer
        }
        if (text == null || !Chars.hasDigit(text)) {
            return null;
        }
        Found f = first(form.normalize(text));
        return f == null ? null : f.iso();
    }

    /**
     * Whether {@code line} is only a timestamp: a date plus at most labels such as "Published", "آخر تحديث",
     * weekday names and time-zone words.
     */
    public boolean isTimestampLine(String line) {
        return isTimestampLine(line, form.terms(line));
    }

    /**
     * {@link #isTimestampLine(String)}, given the line's {@link MatchingForm#terms terms}: a line with a term
     * that can be neither a label, nor a number, nor part of a date ("comments", "said", "Paris") is answered
     * before any date regex runs.
     */
    public boolean isTimestampLine(String line, List<String> terms) {
        if (!Chars.hasDigit(line)) {
            return false;            // every date pattern has digits; skips the regexes for most lines
        }
        for (String term : terms) {
            if (!mayStandInTimestamp(term)) {
                return false;
            }
        }
        return isDateAndLabels(line);
    }

    /** The rule itself: the first date in the line, and nothing but labels and numbers beside it. */
    boolean isDateAndLabels(String line) {
        String n = form.normalize(line);
        Found f = first(n);
        if (f == null) {
            return false;
        }
        String rest = n.substring(0, f.start()) + " " + n.substring(f.end());
        for (String word : form.terms(rest)) {
            if (!isLabel(word) && !Chars.isNumber(word)) {
                return false;
            }
        }
        lastTimestamp = new Timestamp(line, f.iso());    // what find(line) would give: the first date
        return true;
    }

    /**
     * Whether a term of a line could be left on a timestamp line: a label or number beside the date, or a term
     * the date match covers. Those hold a digit, or are month and glue words; only "am" and "pm" can end a
     * match inside a term, so "amet" ("am" then the label "et") may be one too.
     */
    static boolean mayStandInTimestamp(String term) {
        if (isLabel(term) || DATE_WORDS.contains(term) || Chars.hasDigit(term)) {
            return true;
        }
        return term.length() > 2 && (term.startsWith("am") || term.startsWith("pm")) && isLabel(term.substring(2));
    }

    /** A word that may stand beside a date: a {@link #LABEL_WORDS label} or an hour such as "20h" or "20h55". */
    private static boolean isLabel(String word) {
        return LABEL_WORDS.contains(word) || isHourLabel(word);
    }

    /** {@code \d{1,2}h\d{0,2}}: "9h", "20h55". */
    private static boolean isHourLabel(String word) {
        int h = word.indexOf('h');
        if (h < 1 || h > 2 || word.length() - h - 1 > 2) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i != h && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The earliest valid date in an already normalized text. */
    Found first(String n) {
        Found best = null;
        int numeric = numericShapes(n);
        for (int kind = 0; kind < 5; kind++) {
            if (kind < 3 && (numeric & 1 << kind) == 0) {
                continue;            // the text lacks the digits and separators this numeric pattern starts with
            }
            Matcher m = (kind == 0 ? ISO : kind == 1 ? YMD : kind == 2 ? DMY : kind == 3 ? DAY_MONTH : MONTH_DAY).matcher(n);
            while (m.find()) {
                if (best != null && m.start() >= best.start()) {
                    break;
                }
                String iso = switch (kind) {
                    case 0 -> iso(m);
                    case 1 -> date(num(m, 1), num(m, 2), num(m, 3), m, 4);
                    case 2 -> dayFirst(m);
                    case 3 -> date(num(m, 3), MONTHS.get(squash(m.group(2))), num(m, 1), m, 4);
                    default -> date(num(m, 3), MONTHS.get(squash(m.group(1))), num(m, 2), m, 4);
                };
                if (iso != null) {
                    best = new Found(iso, m.start(), m.end());
                    break;
                }
            }
            if (best != null && best.start() == 0) {
                break;               // no other kind can start earlier
            }
        }
        return best;
    }

    /**
     * Which numeric patterns could match {@code n}, as bits by kind: {@link #ISO} needs four digits before a
     * hyphen, {@link #YMD} four digits before a slash or dot, {@link #DMY} a dot, slash or hyphen before four
     * digits.
     */
    static int numericShapes(String n) {
        int shapes = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c != '-' && c != '/' && c != '.') {
                continue;
            }
            if (asciiDigits(n, i - 4, i)) {
                shapes |= c == '-' ? 1 : 2;
            }
            if (asciiDigits(n, i + 1, i + 5)) {
                shapes |= 4;
            }
        }
        return shapes;
    }

    /** Whether {@code n[from, to)} lies inside {@code n} and is all ASCII digits ({@code \d}). */
    private static boolean asciiDigits(String n, int from, int to) {
        if (from < 0 || to > n.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The month name with each run of spaces made one space, as the {@link #MONTHS} keys are written. */
    private static String squash(String monthName) {
        StringBuilder sb = new StringBuilder(monthName.length());
        boolean space = false;
        for (int i = 0; i < monthName.length(); i++) {
            char c = monthName.charAt(i);
            if (Chars.isRegexSpace(c)) {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }

    private static int num(Matcher m, int group) {
        String g = m.group(group);
        return g == null ? -1 : Integer.parseInt(g);
    }

    private static String dayFirst(Matcher m) {
        int a = num(m, 1);
        int b = num(m, 2);
        int year = num(m, 3);
        if (a <= 12 && b > 12) {
            return date(year, a, b, m, 4);
        }
        return date(year, b, a, m, 4);
    }

    private static String iso(Matcher m) {
        String date = date(num(m, 1), num(m, 2), num(m, 3), null, 0);
        if (date == null || m.group(4) == null) {
            return date;
        }
        int h = num(m, 4);
        int min = num(m, 5);
        if (h > 23 || min > 59) {
            return date;
        }
        StringBuilder sb = new StringBuilder(date).append('T').append(m.group(4)).append(':').append(m.group(5));
        if (m.group(6) != null) {
            sb.append(':').append(m.group(6));
        }
        if (m.group(7) != null) {
            String zone = m.group(7).toUpperCase(java.util.Locale.ROOT);
            sb.append(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        }
        return sb.toString();
    }

    /** A validated date, with the time from groups {@code timeGroup..+3} of {@code m} when present. */
    private static String date(int year, Integer month, int day, Matcher m, int timeGroup) {
        if (month == null || month < 1 || month > 12 || day < 1) {
            return null;
        }
        // java.time validates (a day the month lacks throws); the ISO-8601 text (--MM-DD, YYYY-MM-DD, HH:MM) is
        // written here, as its toString methods would write it for these ranges, without their string work.
        StringBuilder iso = new StringBuilder(24);
        try {
            if (year < 0) {
                MonthDay.of(month, day);
                twoDigits(twoDigits(iso.append("--"), month).append('-'), day);
                return iso.toString();
            }
            if (year < 1900 || year > 2100) {
                return null;
            }
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        twoDigits(twoDigits(iso.append(year).append('-'), month).append('-'), day);
        if (m == null || timeGroup == 0 || m.groupCount() < timeGroup + 3 || m.group(timeGroup) == null) {
            return iso.toString();
        }
        int h = Integer.parseInt(m.group(timeGroup));
        int min = Integer.parseInt(m.group(timeGroup + 1));
        String ampm = m.group(timeGroup + 3);
        if (ampm != null && ampm.startsWith("p") && h < 12) {
            h += 12;
        } else if (ampm != null && ampm.startsWith("a") && h == 12) {
            h = 0;
        }
        if (h > 23 || min > 59) {
            return iso.toString();
        }
        twoDigits(twoDigits(iso.append('T'), h).append(':'), min);
        if (m.group(timeGroup + 2) != null) {
            iso.append(':').append(m.group(timeGroup + 2));
        }
        return iso.toString();
    }

    /** Appends {@code value} (0–99) with two digits. */
    private static StringBuilder twoDigits(StringBuilder sb, int value) {
        return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
