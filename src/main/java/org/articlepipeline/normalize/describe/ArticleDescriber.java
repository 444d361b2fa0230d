package org.articlepipeline.normalize.describe;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlepipeline.normalize.RemovedLine;
import org.articlepipeline.normalize.structure.ChromeReason;
import org.articlepipeline.normalize.structure.PageStructure;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;

/**
 * Reads an article's metadata out of its structure, including the chrome that was removed: a credit line
 * still names the agency, a removed URL still names the site, a removed timestamp still dates the article.
 *
 * <ul>
 *   <li>{@code source}: the headline's site suffix, else a site-name line, else the name in a support appeal
 *       ({@code ادعم عنب بلدي}, {@code Support The Guardian}), else the host of a removed URL;</li>
 *   <li>{@code sourceUrl}: the first removed URL reduced to {@code https://host/} (scheme kept when written);</li>
 *   <li>{@code agency}: the dateline's parentheses, else a credit line, else a closing parenthetical of the
 *       last paragraph ({@code (رويترز)}); a photo credit in a caption is not the story's credit;</li>
 *   <li>{@code publishedAt}: the date written beside the headline (byline, date line), else a removed
 *       timestamp line, else the date in the dateline
 *       ({@code WASHINGTON, March 3 (Reuters)}). Dates inside the prose are events, not publication dates,
 *       and are not used.</li>
 * </ul>
 */
public final class ArticleDescriber {

    private static final Pattern APPEAL_NAME = Pattern.compile(
            "^(?:ادعم|ادعموا|إدعم|support|soutenez|soutenir)\\s+(.{2,40}?)[.!]?$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_NAMES = Set.of(
            "us", "our", "independent", "journalism", "نا", "الصحافه", "الصحافة", "المستقله", "nous", "notre");
    private static final Pattern CLOSING_PAREN = Pattern.compile("[(（]([^()（）]{1,30})[)）][\\s.]*$");

    private final MatchingForm form;
    private final Stopwords stopwords;
    private final DateFinder dates;
    private final Agencies agencies;
    private final LanguageDetector languages;

    public ArticleDescriber(MatchingForm form, Stopwords stopwords, DateFinder dates, Agencies agencies,
                            LanguageDetector languages) {
        this.form = form;
        this.stopwords = stopwords;
        this.dates = dates;
        this.agencies = agencies;
        this.languages = languages;
    }

    /** The description of the article in {@code page}. */
    public Description describe(PageStructure page) {
        String siteName = null;
        String appealName = null;
        String url = null;
        String credit = null;
        String timestamp = null;
        String creditName = null;
        for (RemovedLine line : page.removed()) {
            switch (line.reason()) {
                case SITE_NAME -> siteName = siteName == null ? line.text() : siteName;
                case APPEAL -> appealName = appealName == null ? appealName(line.text()) : appealName;
                case URL -> url = url == null ? siteUrl(line.text()) : url;
                case CREDIT -> {
                    // A photo credit names who took the picture, not who wrote the story.
                    if (!isPhotoCredit(line.text())) {
                        credit = credit == null ? agencies.find(line.text()) : credit;
                        creditName = creditName == null ? creditedName(line.text()) : creditName;
                    }
                }
                case TIMESTAMP -> timestamp = timestamp == null ? dates.find(line.text()) : timestamp;
                default -> { }
            }
        }
        String source = firstNonNull(page.titleSuffix(), siteName, appealName, creditName,
                url == null ? null : host(url));

        String agency = null;
        // The date beside the headline is the article's; a timestamp elsewhere may date another story.
        String publishedAt = page.headerDate() != null ? page.headerDate() : timestamp;
        if (page.dateline() != null) {
            agency = agencies.find(page.dateline().parenthesis());
            if (publishedAt == null && page.dateline().date() != null) {
                publishedAt = dates.find(page.dateline().date());
            }
        }
        if (agency == null) {
            agency = credit;
        }
        List<String> paragraphs = page.paragraphs();
        String last = paragraphs.isEmpty() ? "" : paragraphs.get(paragraphs.size() - 1);
        int close = closingParenthesis(last);
        if (agency == null && close > 0) {
            Matcher m = CLOSING_PAREN.matcher(last.substring(Math.max(0, close - 40)));
            if (m.find()) {
                agency = agencies.find(m.group(1));
            }
        }
        // The body joined by line feeds would be empty: no paragraph, or one empty one.
        boolean noBody = paragraphs.isEmpty() || paragraphs.size() == 1 && paragraphs.get(0).isEmpty();
        String language = noBody && page.title() != null ? languages.detect(page.title()) : languages.detect(paragraphs);
        return new Description(source, url, agency, publishedAt, language);
    }

    /**
     * Where the last parenthesis closes in the last three chars of {@code text} (a credit such as "(رويترز)."
     * ends a story), or -1. Only those chars are read: lastIndexOf would scan a whole paragraph that has none.
     */
    static int closingParenthesis(String text) {
        for (int i = text.length() - 1; i >= Math.max(0, text.length() - 3); i--) {
            if (text.charAt(i) == ')' || text.charAt(i) == '）') {
                return i;
            }
        }
        return -1;
    }

    private boolean isPhotoCredit(String text) {
        List<String> terms = form.terms(text);
        return !terms.isEmpty() && PHOTO_LABELS.contains(terms.get(0));
    }

    /**
     * The publisher named by a source line ("المصدر: الجزيرة + وكالات" gives الجزيرة): the first part after
     * the colon that is neither a wire service nor the generic "agencies"; null when there is none.
     */
    private String creditedName(String text) {
        int colon = Math.max(text.indexOf(':'), text.indexOf('：'));
        if (colon < 0) {
            return null;
        }
        List<String> label = form.terms(text.substring(0, colon));
        if (label.size() != 1 || !SOURCE_LABELS.contains(label.get(0))) {
            return null;
        }
        for (String part : CREDIT_PARTS.split(text.substring(colon + 1))) {
            String name = part.strip();
            List<String> terms = form.terms(name);
            if (!terms.isEmpty() && terms.size() <= 4 && agencies.find(name) == null
                    && !terms.contains("وكالات") && !terms.contains("agencies") && !terms.contains("agences")) {
                return name;
            }
        }
        return null;
    }

    private static final Pattern CREDIT_PARTS = Pattern.compile("[+،,/&]|\\s-\\s");
    private static final Set<String> PHOTO_LABELS = Set.of(
            "photo", "photos", "image", "foto", "تصوير", "الصوره", "صوره", "illustration", "video", "getty", "credito");
    private static final Set<String> SOURCE_LABELS = Set.of("المصدر", "مصدر", "source", "sources");

    private String appealName(String text) {
        Matcher m = APPEAL_NAME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1).strip();
        List<String> terms = form.terms(name);
        if (terms.isEmpty() || terms.size() > 4) {
            return null;
        }
        for (String term : terms) {
            if (stopwords.isStopword(term) || NOT_NAMES.contains(term)) {
                return null;
            }
        }
        return name;
    }

    /**
     * The site of the first URL in {@code text}: {@code https://host/}, keeping a written scheme. The URL is
     * what {@code (?i)(https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})} finds first, read by hand: at the first
     * position where it can, a scheme when one is written, then dotted labels ending in two or more letters.
     */
    static String siteUrl(String text) {
        for (int start = 0; start < text.length(); start++) {
            int scheme = schemeLength(text, start);
            int hostEnd = scheme > 0 ? hostEnd(text, start + scheme) : -1;
            if (hostEnd < 0) {
                scheme = 0;
                hostEnd = hostEnd(text, start);
            }
            if (hostEnd >= 0) {
                String written = scheme == 0 ? "https://" : text.substring(start, start + scheme).toLowerCase(Locale.ROOT);
                return written + text.substring(start + scheme, hostEnd).toLowerCase(Locale.ROOT) + "/";
            }
        }
        return null;
    }

    /** The length of "http://" or "https://" at {@code at}, in any ASCII case, or 0. */
    private static int schemeLength(String text, int at) {
        int i = at;
        for (char expected : "http".toCharArray()) {
            if (i >= text.length() || (text.charAt(i) | 0x20) != expected) {
                return 0;
            }
            i++;
        }
        if (i < text.length() && (text.charAt(i) | 0x20) == 's') {
            i++;
        }
        return text.startsWith("://", i) ? i + 3 - at : 0;
    }

    /**
     * Where a host starting at {@code at} ends, or -1: one or more labels ({@code [a-z0-9-]+}) each followed by a
     * dot, then two or more letters; the last dot after which letters follow closes the labels, as the regex's
     * greedy repetition gives back labels one by one.
     */
    private static int hostEnd(String text, int at) {
        int n = text.length();
        int[] afterDots = null;
        int dots = 0;
        int pos = at;
        while (true) {
            int q = pos;
            while (q < n && isLabelChar(text.charAt(q))) {
                q++;
            }
            if (q == pos || q >= n || text.charAt(q) != '.') {
                break;
            }
            if (afterDots == null) {
                afterDots = new int[4];
            } else if (dots == afterDots.length) {
                afterDots = java.util.Arrays.copyOf(afterDots, dots * 2);
            }
            afterDots[dots++] = q + 1;
            pos = q + 1;
        }
        for (int j = dots - 1; j >= 0; j--) {
            int end = afterDots[j];
            while (end < n && isAsciiLetter(text.charAt(end))) {
                end++;
            }
            if (end - afterDots[j] >= 2) {
                return end;
            }
        }
        return -1;
    }

    private static boolean isLabelChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * The host of a {@link #siteUrl}: without its scheme, its closing slash and a leading "www." (plain string
     * checks: {@code String.replaceFirst} would compile a pattern on every call).
     */
    static String host(String siteUrl) {
        int from = siteUrl.startsWith("http://") ? 7 : siteUrl.startsWith("https://") ? 8 : 0;
        int to = siteUrl.endsWith("/") && siteUrl.length() > from ? siteUrl.length() - 1 : siteUrl.length();
        String host = siteUrl.substring(from, to);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
