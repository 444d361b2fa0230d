package org.articlepipeline.normalize.structure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.text.Chars;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.TermHashSet;

/**
 * Rules that recognize a page-chrome line by its own shape, wherever it stands: symbol-only lines, URLs,
 * e-mail addresses and handles, bare timestamps, credit and byline lines, icon labels, font-size buttons,
 * breadcrumbs, hashtag lists, copyright notices and known UI wording. Each is a {@link ChromeRule} in the list
 * the constructor builds, asked in that order; the first reason given wins. The first-word pre-filter is
 * built from the rules' own trigger words. Rules that need the line's position live in {@link StructureFinder}.
 */
final class ChromeRules {

    /** Lines longer than this are prose, whatever they contain. */
    static final int MAX_CHROME_WORDS = 20;
    /** Nor is a line this long; the bound also keeps the regexes below cheap on pathological lines. */
    static final int MAX_CHROME_CHARS = 400;

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:https?://\\S+|www\\.[\\w.-]+\\S*|(?<![@\\w.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|info|news|tv|me|co|io|fr|uk|us|de|ma|dz|tn|eg|sa|ae|qa|kw|lb|sy|iq|jo|ps|ly|sd|ye|om|bh|tr|ir|pk)(?:/\\S*)?(?![\\w]))");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{2,}");
    private static final java.util.Set<String> CREDIT_LABELS = java.util.Set.of(
            "المصدر", "مصدر", "المصادر", "source", "sources", "credit", "credits", "photo", "photos", "image",
            "foto", "via", "تصوير", "الصوره", "صوره", "ترجمه", "illustration", "video", "getty", "credito");
    private static final java.util.Set<String> STAFF_WORDS = java.util.Set.of(
            "reporting", "editing", "writing", "additional", "compiled", "edited", "written");
    private static final java.util.Set<String> BYLINE_WORDS = java.util.Set.of("by", "par", "بقلم");

    private final ChromeLexicon lexicon;
    private final DateFinder dates;
    private final Agencies agencies;

    /** Asked first, of every line: one without letters or digits. */
    private final ChromeRule symbols;
    /** The rules for lines short enough to be chrome, in the order they are asked: the first answer wins. */
    private final List<ChromeRule> rules;
    /**
     * For each trigger word, which of {@link #rules} it opens, as bits by rule index; a rule that reads shape
     * is in {@link #anyLineRules} instead. Built from the rules' own {@link ChromeRule#triggers() triggers}.
     */
    private final java.util.Map<String, Long> rulesByOpener = new java.util.HashMap<>();
    private long anyLineRules;
    private long numberRules;
    /** The hashes of every trigger word: most lines open with none, which needs no string to tell. */
    private final TermHashSet openerHashes;

    ChromeRules(MatchingForm form, ChromeLexicon lexicon, DateFinder dates, Agencies agencies) {
        this.lexicon = lexicon;
        this.dates = dates;
        this.agencies = agencies;
        this.symbols = rule("symbols", EnumSet.of(ChromeReason.UI_LABEL, ChromeReason.PUNCTUATION), ChromeRule.Triggers.ANY_LINE,
                (line, marks) -> isCloseButton(line.text()) ? ChromeReason.UI_LABEL : ChromeReason.PUNCTUATION);
        this.rules = List.of(
                rule("icon-label", EnumSet.of(ChromeReason.CAPTION_ICON, ChromeReason.UI_LABEL), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> iconLabel(line.text())),
                rule("timestamp", EnumSet.of(ChromeReason.TIMESTAMP), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> marks.digit() && line.words() <= 12 && dates.isTimestampLine(line.text(), line.terms())
                                ? ChromeReason.TIMESTAMP : null),
                rule("contact", EnumSet.of(ChromeReason.URL, ChromeReason.CONTACT), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> marks.address() ? contactReason(line.text()) : null),
                rule("credit", EnumSet.of(ChromeReason.CREDIT),
                        ChromeRule.Triggers.openingWith(union(CREDIT_LABELS, STAFF_WORDS, agencies.words())),
                        (line, marks) -> isCredit(line) ? ChromeReason.CREDIT : null),
                rule("byline", EnumSet.of(ChromeReason.BYLINE),
                        ChromeRule.Triggers.openingWith(union(BYLINE_WORDS, COLON_BYLINE_WORDS)),
                        (line, marks) -> isByline(line, marks) ? ChromeReason.BYLINE : null),
                rule("photo-caption", EnumSet.of(ChromeReason.CAPTION), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> isCreditedCaption(line.text()) ? ChromeReason.CAPTION : null),
                rule("copyright-sign", EnumSet.of(ChromeReason.COPYRIGHT), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> line.text().indexOf('©') >= 0 ? ChromeReason.COPYRIGHT : null),
                rule("phrase", lexicon.lineReasons(), ChromeRule.Triggers.openingWith(lexicon.lineOpeners()),
                        (line, marks) -> lexicon.wholeLine(line.terms())),
                rule("relative-time", EnumSet.of(ChromeReason.TIMESTAMP),
                        ChromeRule.Triggers.openingWithOrNumber(union(TIME_UNITS, RELATIVE_WORDS)),
                        (line, marks) -> isRelativeTime(line.terms()) ? ChromeReason.TIMESTAMP : null),
                rule("counter", lexicon.lineReasons(), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> counterReason(line.terms())),
                rule("lead-in", lexicon.leadInReasons(), ChromeRule.Triggers.openingWith(lexicon.leadInOpeners()),
                        (line, marks) -> leadInReason(line)),
                rule("button-row", EnumSet.of(ChromeReason.UI_LABEL), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> isButtonRow(line.text()) ? ChromeReason.UI_LABEL : null),
                rule("breadcrumb", EnumSet.of(ChromeReason.NAVIGATION), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> isBreadcrumb(line.text(), marks.separators()) ? ChromeReason.NAVIGATION : null),
                rule("keyword-list", EnumSet.of(ChromeReason.TAGS), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> isKeywordList(line) ? ChromeReason.TAGS : null),
                rule("hashtags", EnumSet.of(ChromeReason.TAGS), ChromeRule.Triggers.ANY_LINE,
                        (line, marks) -> isHashtags(line.text()) ? ChromeReason.TAGS : null));
        if (rules.size() > Long.SIZE) {
            throw new IllegalStateException("more rules than the pre-filter's bit set holds");
        }
        for (int r = 0; r < rules.size(); r++) {
            ChromeRule.Triggers triggers = rules.get(r).triggers();
            long bit = 1L << r;
            if (triggers.anyLine()) {
                anyLineRules |= bit;
            }
            if (triggers.number()) {
                numberRules |= bit;
            }
            for (String word : triggers.words()) {
                rulesByOpener.merge(word, bit, (a, b) -> a | b);
            }
        }
        this.openerHashes = new TermHashSet(rulesByOpener.keySet(), form);
    }

    /** The rules in the order they are asked, after {@link #symbols}: for tests and documentation. */
    List<ChromeRule> rules() {
        return rules;
    }

    /** The reason {@code line} is chrome by its own shape, or null when it may be prose. */
    ChromeReason reason(Line line) {
        String text = line.text();
        if (!line.hasLetters() && !Chars.hasDigit(text)) {
            return symbols.reason(line, null);
        }
        if (line.words() > MAX_CHROME_WORDS || text.length() > MAX_CHROME_CHARS) {
            return null;
        }
        Marks marks = Marks.of(text);
        long asked = anyLineRules | openedRules(line.terms());
        while (asked != 0) {
            int r = Long.numberOfTrailingZeros(asked);
            ChromeReason reason = rules.get(r).reason(line, marks);
            if (reason != null) {
                return reason;
            }
            asked &= asked - 1;
        }
        return null;
    }

    /**
     * The rules that {@code terms}' first term opens, as bits: the hash first, and the word itself only on a
     * hit, so a collision cannot open a rule.
     */
    private long openedRules(FoldedLines.Terms terms) {
        if (terms.isEmpty()) {
            return 0;
        }
        long opened = terms.isNumber(0) ? numberRules : 0;
        if (openerHashes.contains(terms.hash(0))) {
            Long bits = rulesByOpener.get(terms.get(0));
            opened |= bits == null ? 0 : bits;
        }
        return opened;
    }

    /** Whether a line whose first term is {@code word} is asked of {@code rule}: what the pre-filter lets through. */
    boolean opens(String word, ChromeRule rule) {
        int r = rules.indexOf(rule);
        long bit = 1L << r;
        Long bits = rulesByOpener.get(word);
        return r >= 0 && ((anyLineRules & bit) != 0
                || openerHashes.contains(new MatchingForm().termHashes(word, new MatchingForm.TermHashes(1)).get(0))
                && bits != null && (bits & bit) != 0);
    }

    /** A line that opens with a lead-in ("Read more:", "Tags") and is not much longer than it. */
    private ChromeReason leadInReason(Line line) {
        ChromeLexicon.Prefix prefix = lexicon.prefix(line.terms());
        return prefix != null && line.terms().size() <= prefix.length() + 12
                && (!line.endsSentence() || colonSoon(line.text())) ? prefix.reason() : null;
    }

    @SafeVarargs
    private static java.util.Set<String> union(java.util.Set<String>... sets) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (java.util.Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** The test of a {@link #rule}. */
    @FunctionalInterface
    private interface Test {
        ChromeReason reason(Line line, Marks marks);
    }

    private static ChromeRule rule(String name, java.util.Set<ChromeReason> reasons, ChromeRule.Triggers triggers, Test test) {
        java.util.Set<ChromeReason> declared = java.util.Collections.unmodifiableSet(EnumSet.copyOf(reasons));
        return new ChromeRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public java.util.Set<ChromeReason> reasons() {
                return declared;
            }

            @Override
            public Triggers triggers() {
                return triggers;
            }

            @Override
            public ChromeReason reason(Line line, Marks marks) {
                return test.reason(line, marks);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * A photo caption that ends with its credit: "... last year. Photograph: Jane Doe/Reuters",
     * "... (Getty/Jane Doe)", "... Photo : AFP". A credit label after the caption's words, or a photo agency in
     * closing parentheses.
     */
    static boolean isCreditedCaption(String text) {
        // Each pattern needs a char most lines lack: the regexes run only where they could match.
        return text.indexOf(':') > 0 && CREDIT_INSIDE.matcher(text).find()
                || text.endsWith(")") && CREDIT_CLOSING.matcher(text).find()
                || text.indexOf('/') > 0 && CREDIT_END.matcher(text).find();
    }

    private static final Pattern CREDIT_INSIDE = Pattern.compile(
            "(?iu)\\S\\s+(?:photograph|photo|photos|foto|fotos|picture|image|illustration|crédits? photo|photo credit)\\s?:\\s*\\S");
    private static final Pattern CREDIT_END = Pattern.compile(
            "(?i)\\s(?:reuters|afp|ap|epa|getty images)\\s?/\\s?\\p{L}[^/]{0,40}$");
    private static final Pattern CREDIT_CLOSING = Pattern.compile(
            "\\((?:[^()]*[/ ])?(?:Getty|AFP|Reuters|AP|EPA|Shutterstock|iStock)(?:[/ ][^()]*)?\\)\\s*$");

    /** "5 hours ago", "منذ 3 ساعات", "il y a 2 jours": when a page was updated, relative to the visit. */
    private static boolean isRelativeTime(List<String> terms) {
        if (terms.size() < 2 || terms.size() > 6) {
            return false;
        }
        boolean number = false;
        boolean unit = false;
        for (String t : terms) {
            if (Chars.isNumber(t)) {
                number = true;
            } else if (TIME_UNITS.contains(t)) {
                unit = true;
            } else if (!RELATIVE_WORDS.contains(t)) {
                return false;
            }
        }
        return unit && (number || terms.contains("منذ") || terms.contains("ago"));
    }

    /** "12 comments", "3 min read", "1.2k views": a number beside UI wording. */
    private ChromeReason counterReason(FoldedLines.Terms terms) {
        if (terms.size() < 2 || terms.size() > 4 || !terms.isNumber(0) && !terms.isNumber(terms.size() - 1)) {
            return null;
        }
        // The UI words: the terms that are neither numbers nor a number's short unit ("1k", "3m").
        List<String> words = new ArrayList<>(terms.size());
        for (String t : terms) {
            if (!Chars.isNumber(t) && !(t.length() <= 2 && Chars.isDigit(t.charAt(0)))) {
                words.add(t);
            }
        }
        return words.isEmpty() ? null : lexicon.wholeLine(words);
    }

    private static final java.util.Set<String> TIME_UNITS = java.util.Set.of(
            "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
            "week", "weeks", "month", "months", "seconde", "secondes", "heure", "heures", "jour", "jours", "semaine",
            "semaines", "mois", "ثانيه", "ثوان", "دقيقه", "دقائق", "ساعه", "ساعات", "ساعتين", "يوم", "ايام", "يومين",
            "اسبوع", "اسابيع", "شهر", "اشهر");
    private static final java.util.Set<String> RELATIVE_WORDS = java.util.Set.of(
            "ago", "an", "a", "updated", "published", "posted", "il", "y", "depuis", "mis", "jour", "منذ", "قبل",
            "نشر", "تحديث", "اخر", "حوالي", "about", "one");

    /**
     * "camera icon", "tag_icon", "Playicon": an icon's name left as text. Matched by hand as
     * {@code (?i)^([a-z]+)[ _-]?icon(?![a-z])} would match it (ASCII letters, either case): "caption-icon" when
     * a camera-like name has a caption after it, else "ui-label"; null when the line does not open so.
     */
    static ChromeReason iconLabel(String text) {
        int n = text.length();
        int run = 0;
        while (run < n && isAsciiLetter(text.charAt(run))) {
            run++;
        }
        if (run == 0) {
            return null;             // every Arabic line ends here
        }
        int nameEnd;
        char after = run < n ? text.charAt(run) : ' ';
        if (run < n && (after == ' ' || after == '_' || after == '-') && isIconWord(text, run + 1)) {
            nameEnd = run;           // "camera icon": the letters, a separator, "icon"
        } else if (run >= 5 && isIconWord(text, run - 4)) {
            nameEnd = run - 4;       // "cameraicon": the word itself ends in "icon"
        } else {
            return null;
        }
        int end = nameEnd == run ? run + 5 : run;
        String name = text.substring(0, nameEnd).toLowerCase(java.util.Locale.ROOT);
        return CAPTION_ICON_NAMES.contains(name) && n > end + 3 ? ChromeReason.CAPTION_ICON : ChromeReason.UI_LABEL;
    }

    /** Icon names that stand before a photo or video caption. */
    private static final java.util.Set<String> CAPTION_ICON_NAMES = java.util.Set.of(
            "camera", "photo", "image", "picture", "video", "gallery", "play");

    /** "icon" in any ASCII case at {@code from}, not followed by an ASCII letter. */
    private static boolean isIconWord(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if ((text.charAt(from + i) | 0x20) != "icon".charAt(i)) {
                return false;        // only 'I' and 'i' give 'i' when or-ed with 0x20, and so on
            }
        }
        return from + 4 == text.length() || !isAsciiLetter(text.charAt(from + 4));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isCloseButton(String s) {
        return s.equals("×") || s.equals("✕") || s.equals("✖") || s.equals("☰") || s.equals("x") || s.equals("X");
    }

    private static boolean colonSoon(String text) {
        int colon = text.indexOf(':');
        return colon >= 0 && colon < 40;
    }

    /** URL, e-mail or handle lines (given {@link Marks#address}): the address plus at most three other words. */
    static ChromeReason contactReason(String text) {
        // A site's address on a line of its own is common chrome: it is told without the regexes.
        return isWholeLineUrl(text) ? ChromeReason.URL : contactReasonByRegex(text);
    }

    /**
     * Whether {@link #URL} takes the whole of {@code text} as one match from its first char: a line without
     * whitespace that opens with {@code http://} or {@code https://} and more, or with {@code www.} and a host
     * char (either case, ASCII only, as the regex's case folding is). {@link #contactReasonByRegex} then leaves
     * nothing but the address: the reason is {@code url}. Any other line goes to the regexes.
     */
    static boolean isWholeLineUrl(String text) {
        int n = text.length();
        boolean opens = opensWith(text, "https://") && n > 8 || opensWith(text, "http://") && n > 7
                || opensWith(text, "www.") && n > 4 && isHostChar(text.charAt(4));
        if (!opens) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Chars.isRegexSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} opens with {@code lower}, ASCII letters matched in either case. */
    private static boolean opensWith(String text, String lower) {
        if (text.length() < lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #contactReason} by the regexes alone: the reference {@link #isWholeLineUrl} is tested against. */
    static ChromeReason contactReasonByRegex(String text) {
        // Each regex below only runs on a line that could hold what it finds.
        boolean mayHoldUrl = mayMatchUrl(text);
        boolean mayHoldContact = text.indexOf('@') >= 0;
        if (!mayHoldUrl && !mayHoldContact) {
            return null;
        }
        String withoutUrls = mayHoldUrl ? URL.matcher(text).replaceAll(" ") : text;
        boolean hadUrl = withoutUrls.length() != text.length() || !withoutUrls.equals(text);
        String withoutHandles = withoutUrls;
        if (mayHoldContact) {
            String withoutMail = EMAIL.matcher(withoutUrls).replaceAll(" ");
            withoutHandles = HANDLE.matcher(withoutMail).replaceAll(" ");
        }
        boolean hadContact = !withoutHandles.equals(withoutUrls);
        if (!hadUrl && !hadContact) {
            return null;
        }
        String rest = withoutHandles.strip();
        int restWords = rest.isEmpty() ? 0 : splitCount(rest, 0, rest.length());
        if (restWords > 3 || rest.endsWith(".") && restWords > 1) {
            return null;
        }
        return hadUrl ? ChromeReason.URL : ChromeReason.CONTACT;
    }

    /**
     * Whether {@link #URL} could match: it needs "://", "www." before a host char, or a dot followed by one of
     * its top-level domains and then no word char. Prose with "U.S.", "3.5" or "e.g." has none of these.
     * ({@link #EMAIL} and {@link #HANDLE} need an at sign.)
     */
    static boolean mayMatchUrl(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' && text.startsWith("//", i + 1)) {
                return true;
            }
            if (c == '.' && i + 1 < n) {
                if (i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3) && isHostChar(text.charAt(i + 1))) {
                    return true;
                }
                if (i > 0 && isLabelChar(text.charAt(i - 1)) && isTopLevelDomainAt(text, i + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the run of word chars at {@code from} is one of the {@link #URL} regex's top-level domains: the
     * regex wants the domain followed by a path or by no word char, so the whole run must be the domain.
     */
    static boolean isTopLevelDomainAt(String text, int from) {
        int end = from;
        while (end < text.length() && isRegexWordChar(text.charAt(end))) {
            end++;
        }
        int length = end - from;
        if (length < 2 || length > 4) {
            return false;
        }
        char[] tld = new char[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(from + i);
            tld[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return TOP_LEVEL_DOMAINS.contains(new String(tld));
    }

    /** The top-level domains of {@link #URL}'s bare-domain branch. */
    private static final java.util.Set<String> TOP_LEVEL_DOMAINS = java.util.Set.of(
            "com", "net", "org", "info", "news", "tv", "me", "co", "io", "fr", "uk", "us", "de", "ma", "dz", "tn",
            "eg", "sa", "ae", "qa", "kw", "lb", "sy", "iq", "jo", "ps", "ly", "sd", "ye", "om", "bh", "tr", "ir", "pk");

    /** A char of a domain label in {@link #URL}: {@code [a-z0-9-]}, either case. */
    private static boolean isLabelChar(char c) {
        return isAsciiAlnum(c) || c == '-';
    }

    /** A char {@link #URL}'s "www." branch takes after the dot: {@code [\w.-]}. */
    private static boolean isHostChar(char c) {
        return isRegexWordChar(c) || c == '.' || c == '-';
    }

    /** The regex class {@code \w} without UNICODE_CHARACTER_CLASS: {@code [a-zA-Z_0-9]}. */
    private static boolean isRegexWordChar(char c) {
        return isAsciiAlnum(c) || c == '_';
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** "المصدر: رويترز", "Source: AFP", "Photo: ...", "Reporting by ...", or a line naming only wire services. */
    private boolean isCredit(Line line) {
        List<String> terms = line.terms();
        if (terms.isEmpty() || line.words() > 12) {
            return false;
        }
        String first = terms.get(0);
        String text = line.text();
        if (CREDIT_LABELS.contains(first) && terms.size() > 1) {
            // "Source: AFP", "المصدر:رويترز", BBC's "Image source, Getty Images"
            int colon = Math.max(Math.max(text.indexOf(':'), text.indexOf('：')), text.indexOf(','));
            return colon >= 0 && colon <= text.length() / 2 + 12;
        }
        if (STAFF_WORDS.contains(first) && terms.size() > 2 && terms.contains("by")) {
            return true;
        }
        return line.words() <= 6 && agencies.isOnlyAgencies(terms);
    }

    private static boolean isByline(Line line, Marks marks) {
        List<String> terms = line.terms();
        // "By Jane Doe", or with the date: "Par Jane Doe le 7 mai 2020".
        if (terms.size() >= 2 && BYLINE_WORDS.contains(terms.get(0)) && !line.endsSentence()
                && (terms.size() <= 6 || marks.digit() && terms.size() <= 12)) {
            return true;
        }
        if (terms.size() < 2 || terms.size() > 6) {
            return false;
        }
        // "كتب: محمد أحمد", "إعداد: ...": verbs that open prose too, so only with a colon right after them.
        int colon = line.text().indexOf(':');
        return COLON_BYLINE_WORDS.contains(terms.get(0)) && colon > 0 && colon <= 8
                && colon < line.text().length() - 1;
    }

    private static final java.util.Set<String> COLON_BYLINE_WORDS = java.util.Set.of(
            "كتب", "كتبت", "اعداد", "تحرير", "متابعه", "مراسل", "ترجمه", "تقرير", "written", "auteur", "author");

    /** Font-size buttons, pagination, reactions: two or more tokens of at most two characters each. */
    private static boolean isButtonRow(String text) {
        int tokens = 1;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                tokens++;
                run = 0;
            } else if (++run > 2) {
                return false;
            }
        }
        return tokens >= 2;
    }

    /**
     * Home › World › Middle East: three or more short segments between separators ({@code separators} is the
     * line's {@link Marks#separators}).
     */
    private static boolean isBreadcrumb(String text, int separators) {
        if (separators < 2) {
            return false;            // three segments need two separators; skip the scan
        }
        return isShortSegments(text);
    }

    /**
     * What {@code Pattern.split} on {@code \s*(?:[|›»>•/]|\s-\s)\s*} gives, checked segment by segment
     * without building it: at least three segments (trailing empty ones do not count, as split drops
     * them), none blank, none of more than four words. A separator is a {@code | › » > • /}, or a dash with
     * whitespace on both sides, with the whitespace around it.
     */
    static boolean isShortSegments(String text) {
        int n = text.length();
        int segments = 0;
        boolean emptyBefore = false;      // an empty segment: fatal unless only empty ones follow
        int start = 0;
        int p = 0;
        while (true) {
            int sepStart = -1;
            int sepEnd = -1;
            while (p < n) {
                int q = p;
                while (q < n && Chars.isRegexSpace(text.charAt(q))) {
                    q++;
                }
                if (q < n && isNavSeparator(text.charAt(q))) {
                    sepStart = p;
                    sepEnd = q + 1;
                    break;
                }
                if (q > p && q + 1 < n && text.charAt(q) == '-' && Chars.isRegexSpace(text.charAt(q + 1))) {
                    sepStart = p;
                    sepEnd = q + 2;
                    break;
                }
                p = q > p ? q : p + 1;    // no match may start anywhere in that run of spaces either
            }
            int end = sepStart < 0 ? n : sepStart;
            if (end == start) {
                emptyBefore = true;
            } else if (emptyBefore || isBlank(text, start, end) || splitCount(text, start, end) > 4) {
                return false;
            } else {
                segments++;
            }
            if (sepStart < 0) {
                return segments >= 3;
            }
            while (sepEnd < n && Chars.isRegexSpace(text.charAt(sepEnd))) {
                sepEnd++;
            }
            start = sepEnd;
            p = sepEnd;
        }
    }

    /** {@link String#isBlank()} of {@code text[from, to)}. */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNavSeparator(char c) {
        return c == '|' || c == '›' || c == '»' || c == '>' || c == '•' || c == '/';
    }

    /**
     * How many strings {@code SPACES.split} ({@code \s+}) gives for {@code text[from, to)}, without building
     * them: one per run of non-space chars, one more for the empty string before a leading space, none for
     * trailing spaces, and one for an empty text.
     */
    static int splitCount(String text, int from, int to) {
        if (from == to) {
            return 1;
        }
        int runs = 0;
        boolean inRun = false;
        for (int i = from; i < to; i++) {
            boolean space = Chars.isRegexSpace(text.charAt(i));
            if (!space && !inRun) {
                runs++;
            }
            inRun = !space;
        }
        return runs == 0 ? 0 : runs + (Chars.isRegexSpace(text.charAt(from)) ? 1 : 0);
    }

    /**
     * "Politique, Justice, Emmanuel Macron": three or more items of at most four words between commas, no
     * sentence end: a list of the article's tags or keywords.
     */
    static boolean isKeywordList(Line line) {
        if (line.endsSentence() || line.words() > 15) {
            return false;
        }
        String text = line.text();
        int items = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ',' || text.charAt(i) == '،') {
                int words = splitCount(text, start, i);
                if (isBlank(text, start, i) || words > 4) {
                    return false;
                }
                items += i < text.length() ? 1 : 0;
                start = i + 1;
            }
        }
        return items >= 3;
    }

    private static boolean isHashtags(String text) {
        if (text.charAt(0) != '#') {
            return false;
        }
        for (String t : text.split(" ")) {
            if (!t.startsWith("#") && !t.equals(",") && !t.equals("،")) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a line's chars hold that the rules test before anything dearer, read in one pass instead of one
     * per rule.
     *
     * @param digit      whether it has a digit: every date has one
     * @param address    whether an at sign, or a dot between two ASCII letters or digits, stands inside it
     *                   (not first, not last): what an address needs
     * @param separators how many breadcrumb separators ({@code | › » > • / -}) it has
     */
    record Marks(boolean digit, boolean address, int separators) {

        static Marks of(String text) {
            boolean digit = false;
            boolean address = false;
            int separators = 0;
            int last = text.length() - 1;
            for (int i = 0; i <= last; i++) {
                char c = text.charAt(i);
                if ((char) (c - '\u0600') < 0x60) {
                    continue;            // Arabic letters, marks and punctuation, most of a line here: none counts
                }
                if (c < 0x80) {
                    if (c >= '0' && c <= '9') {
                        digit = true;
                    } else if (c == '@') {
                        address |= i > 0 && i < last;
                    } else if (c == '.') {
                        address |= i > 0 && i < last && isAsciiAlnum(text.charAt(i - 1)) && isAsciiAlnum(text.charAt(i + 1));
                    } else if (c == '|' || c == '>' || c == '/' || c == '-') {
                        separators++;
                    }
                } else if (c >= '\u0660') {
                    if (Character.isDigit(c)) {
                        digit = true;
                    } else if (c == '›' || c == '•') {
                        separators++;
                    }
                } else if (c == '»') {
                    separators++;
                }
            }
            return new Marks(digit, address, separators);
        }
    }
}
