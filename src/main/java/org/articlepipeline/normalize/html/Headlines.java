package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Chooses a page's headline and cuts the site's name from it: {@code Les pêcheurs de merlu - Le Journal} is
 * {@code Les pêcheurs de merlu} when the site goes by {@code Le Journal} (its publisher, app or host name).
 */
final class Headlines {

    /** What sites put between a headline and their name: {@code - | – — : « » ::} with spaces around. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[-|–—:«»]|::)\\s+|\\s*\\|\\s*");
    /** A site name is short; a longer segment is part of the headline. */
    private static final int MAX_SITE_NAME = 60;

    /**
     * The headline to report: the meta headline without the site's name, unless the visible {@code h1} is the
     * fuller form of it (meta headlines get truncated with an ellipsis), or unless it only came from the
     * {@code <title>} element, which is the headline plus whatever the site adds: then the {@code h1} when the
     * title holds it.
     */
    String choose(String headline, boolean fromTitleElement, String h1, List<String> siteNames) {
        String cut = headline == null ? null : withoutSiteName(headline, siteNames);
        if (h1 == null) {
            return cut;
        }
        if (cut == null) {
            return withoutSiteName(h1, siteNames);
        }
        String bare = stripEllipsis(cut);
        String foldedH1 = fold(h1);
        String foldedCut = fold(cut);
        if (bare.length() < cut.length() && bare.length() >= 10 && foldedH1.startsWith(fold(bare))) {
            return h1;
        }
        // The same words: the visible form keeps what meta attributes lose (quotes, typographic apostrophes).
        if (foldedH1.equals(foldedCut)) {
            return h1;
        }
        // The h1 is one segment of the headline (the rest a site or section name no meta tag spells out), or
        // the headline only came from <title>, which is the headline plus whatever the site adds to it.
        boolean segment = isSegment(cut, h1) && 2 * foldedH1.length() >= foldedCut.length();
        if ((segment || fromTitleElement && foldedCut.contains(foldedH1)) && foldedH1.length() >= 10) {
            return h1;
        }
        return cut;
    }

    /**
     * What a headline adds to {@code headline}: its first or last segment when the rest is {@code headline}
     * ({@code Le Journal} of {@code Les pêcheurs de merlu - Le Journal}); null otherwise.
     */
    static String siteSegment(String title, String headline) {
        if (title == null || headline == null) {
            return null;
        }
        String h = fold(headline);
        var m = SEPARATOR.matcher(title);
        String firstSegment = null;
        String lastRest = null;
        while (m.find()) {
            if (firstSegment == null && fold(title.substring(m.end())).equals(h)) {
                firstSegment = title.substring(0, m.start()).strip();
            }
            if (fold(title.substring(0, m.start())).equals(h)) {
                lastRest = title.substring(m.end());
            }
        }
        if (lastRest != null) {
            // "Headline - Section | Site": the site's name is the last segment
            var last = SEPARATOR.matcher(lastRest);
            int cut = 0;
            while (last.find()) {
                cut = last.end();
            }
            return blankToNull(lastRest.substring(cut).strip());
        }
        return blankToNull(firstSegment);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() || s.length() > MAX_SITE_NAME ? null : s;
    }

    /** Whether {@code part} is the text of {@code whole} before its first separator or after its last one. */
    private static boolean isSegment(String whole, String part) {
        String p = fold(part);
        var m = SEPARATOR.matcher(whole);
        while (m.find()) {
            if (fold(whole.substring(0, m.start())).equals(p) || fold(whole.substring(m.end())).equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@code title} without a first or last segment that names the site, with its separator. */
    static String withoutSiteName(String title, List<String> siteNames) {
        String t = title.strip();
        List<int[]> separators = new ArrayList<>();
        var m = SEPARATOR.matcher(t);
        while (m.find()) {
            separators.add(new int[] {m.start(), m.end()});
        }
        if (separators.isEmpty()) {
            return t;
        }
        int[] last = separators.get(separators.size() - 1);
        String tail = t.substring(last[1]);
        if (last[0] > 0 && namesSite(tail, siteNames)) {
            return withoutSiteName(t.substring(0, last[0]), siteNames);
        }
        int[] first = separators.get(0);
        String head = t.substring(0, first[0]);
        if (first[1] < t.length() && namesSite(head, siteNames)) {
            return withoutSiteName(t.substring(first[1]), siteNames);
        }
        return t;
    }

    /** Whether a title segment is one of the site's names: equal letters and digits, or the host's own name. */
    static boolean namesSite(String segment, List<String> siteNames) {
        String s = fold(segment);
        if (s.isEmpty() || segment.length() > MAX_SITE_NAME) {
            return false;
        }
        for (String name : siteNames) {
            String n = fold(name);
            if (n.isEmpty()) {
                continue;
            }
            if (s.equals(n) || s.equals(fold(hostName(name)))) {
                return true;
            }
            // "Le Monde.fr" against the host lemonde.fr; "BBC News" against bbc.com (the host's name, 3+ letters)
            String host = fold(hostName(name));
            if (host.length() >= 3 && name.indexOf('.') > 0 && name.indexOf(' ') < 0
                    && (s.startsWith(host) || s.endsWith(host)) && s.length() <= host.length() + 8) {
                return true;
            }
        }
        return false;
    }

    /** {@code lemonde} of {@code lemonde.fr} or {@code edition.lemonde.fr}; the name itself when it is no host. */
    private static String hostName(String name) {
        if (name.indexOf(' ') >= 0 || name.indexOf('.') < 0) {
            return name;
        }
        String[] labels = name.split("\\.");
        // the label before the public suffix: "co.uk", "com.tn" and the like take two labels
        int i = labels.length - 2;
        if (i > 0 && labels[i].length() <= 3 && labels[labels.length - 1].length() == 2) {
            i--;
        }
        return labels[Math.max(0, i)];
    }

    private static String stripEllipsis(String s) {
        String t = s.strip();
        if (t.endsWith("…")) {
            return t.substring(0, t.length() - 1).strip();
        }
        if (t.endsWith("...")) {
            return t.substring(0, t.length() - 3).strip();
        }
        return t;
    }

    /** Letters and digits only, lower-cased: how two spellings of a name are compared. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
