package org.articlepipeline.normalize.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.articlepipeline.normalize.RemovedLine;
import org.articlepipeline.normalize.clean.CleanText;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.text.Chars;
import org.articlepipeline.normalize.text.BodyForm;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;

/**
 * Finds headline, standfirst, dateline and body in cleaned lines and takes page chrome out.
 *
 * <p>Steps, each reading features that hold on any news site rather than strings of known sites:
 * <ol>
 *   <li><b>Shape rules</b> ({@link ChromeRules}): lines that are chrome by themselves (URLs, timestamps,
 *       credits, UI wording, icons, symbols).</li>
 *   <li><b>Prose classes</b> (the jusText idea): long lines that end like sentences and hold function words
 *       are <i>good</i>; medium lines ending like sentences are <i>near-good</i>; the rest are <i>short</i>.</li>
 *   <li><b>Core</b>: the article's core, the run of
 *       lines whose prose outweighs the short lines and chrome in it; menus, other stories and footers are long
 *       runs of short lines that no prose pays for.</li>
 *   <li><b>Headline</b> ({@link Headlines}): on a page long enough to have navigation, the line above the core
 *       that shares most words with the article, is printed twice, is followed by a byline or date and stands
 *       close to the prose; on a short page the first remaining line. A short site-name suffix
 *       ({@code – مصدر24}, {@code | Site}) is split off when there is evidence it is a name. Every other copy of
 *       the headline, also glued to itself, is removed as {@code repeated-title}.</li>
 *   <li><b>Outside the article</b>: above the headline (menu, navigation), after the core (other stories,
 *       footer, comments) everything is chrome, named by its cue wording or by the shape of its run.</li>
 *   <li><b>Edge zones</b>: after the last good line (footer), short lines with form-status, appeal or
 *       copyright wording are chrome too; before the first good line only copyright wording is.</li>
 *   <li><b>Context</b>: outside the core, a near-good line with no good neighbour but a chrome neighbour is
 *       chrome (a page without long prose promotes its near-good lines to good first); a short
 *       line is chrome when its nearest non-short neighbours are chrome on both sides, or chrome before it
 *       and nothing after it. Everything else is kept: a short line between prose is a section heading.</li>
 *   <li><b>Tail</b>: a run of short lines without sentence punctuation ending the page is chrome.</li>
 *   <li><b>Standfirst and dateline</b>: a short unpunctuated line right after the headline is the
 *       subtitle; a place and dash opening the first paragraph is the dateline.</li>
 * </ol>
 * Context-removed lines take their reason from the chrome block around them ({@code appeal} when the block
 * holds an appeal, {@code site-name} for a name beside a URL or logo).
 *
 * <p>{@link #find} reads as these stages in order, each a method over one page's state ({@code Page}): shape
 * rules, line kinds, article core, headline, outside the article, edge zones, context, tail, standfirst,
 * assembly. A new chrome rule that needs
 * only the line is a {@link ChromeRule} in {@link ChromeRules}; one that needs the neighbours is a stage here.
 */
public final class StructureFinder {

    private static final int MAX_TITLE_WORDS = 40;
    private static final int MAX_TITLE_CHARS = 400;
    private static final int GOOD_WORDS = 15;
    private static final int NEAR_GOOD_WORDS = 7;
    private static final int MAX_SUBTITLE_WORDS = 35;
    private static final int MIN_REPEAT_KEY = 8;
    /** A good line adds at most this to the core's score: one huge line (a widget repeating the article) is not an article. */
    private static final int CORE_LINE_CAP = 50;
    /** Pages shorter than this have no navigation or footer to cut away around the core. */
    static final int MIN_LINES_FOR_CORE = 40;
    /** How many lines around the headline its date is looked for in. */
    private static final int HEADER_DATE_REACH = 6;
    /** Between headline and core, a short line of fewer words is page furniture, not a standfirst. */
    private static final int MIN_STANDFIRST_WORDS = 6;
    /** A line of this many words or fewer outside the article is a menu item. */
    private static final int MENU_ITEM_WORDS = 3;
    /** A site suffix: text, a separator with spaces (or a bare pipe), and a short tail without separators. */
    static final Pattern SUFFIX = Pattern.compile("^(.+?)(?:\\s+[-–—•·|]{1,2}\\s+|\\s*\\|\\s*)([^-–—•·|]{2,40})$");
    /** A tail that mixes letters with digits, or is a domain: a name, not words of the headline. */
    private static final Pattern NAME_EVIDENCE = Pattern.compile(".*\\p{L}.*\\d.*|.*\\d.*\\p{L}.*|.*\\.[a-zA-Z]{2,}");

    /** A line's prose class, the jusText idea: chrome by a rule, good (long prose), near-good, short. */
    enum Kind { CHROME, GOOD, NEAR_GOOD, SHORT }

    private final MatchingForm form;
    private final Stopwords stopwords;
    private final ChromeLexicon lexicon;
    private final ChromeRules rules;
    private final Agencies agencies;
    private final Headlines headlines;
    private final DateFinder dates;

    public StructureFinder(MatchingForm form, Stopwords stopwords, ChromeLexicon lexicon, DateFinder dates, Agencies agencies) {
        this.form = form;
        this.stopwords = stopwords;
        this.lexicon = lexicon;
        this.rules = new ChromeRules(form, lexicon, dates, agencies);
        this.agencies = agencies;
        this.headlines = new Headlines(stopwords, lexicon);
        this.dates = dates;
    }

    /** The structure of the page in {@code clean}. */
    public PageStructure find(CleanText clean) {
        return find(clean, new FoldedLines(stopwords, 0, 0));         // cleared to the page's size first
    }

    /**
     * The structure of the page in {@code clean}, its lines folded into {@code forms}, which is
     * {@link FoldedLines#clear cleared} first: a caller that normalizes page after page lends the same
     * buffers to each. The result holds only finished values: {@code forms} may be cleared again at once.
     */
    public PageStructure find(CleanText clean, FoldedLines forms) {
        return find(clean, forms, false);
    }

    /**
     * As {@link #find(CleanText, FoldedLines)}, for lines a page's markup already chose as its article (the
     * HTML extractor's body under its headline, {@code chosen}): they are all the article's core, so no run of
     * them is cut away as lying outside it; line rules, headline, context and tail still apply.
     */
    public PageStructure find(CleanText clean, FoldedLines forms, boolean chosen) {
        Page page = shapeRules(clean, forms);
        lineKinds(page);
        if (chosen) {
            page.coreStart = page.n > 0 ? 0 : -1;
            page.coreEnd = page.n - 1;
        } else {
            articleCore(page);
        }
        headline(page);
        outsideTheArticle(page);
        edgeZones(page);
        context(page);
        tail(page);
        nameContextReasons(page);
        standfirst(page);
        return assemble(page, clean);
    }

    /**
     * What the stages know of one page as they go: its lines, each line's reason (null while it may be prose),
     * its prose class before and after context, and the places found so far. One per call to {@link #find}.
     */
    static final class Page {
        final List<String> texts;
        final int n;
        final Line[] lines;
        final ChromeReason[] reason;
        final FoldedLines forms;
        /** The prose class each line has by itself, then {@link #resolved} after context. */
        Kind[] kind;
        Kind[] resolved;
        /** Lines made chrome by their neighbours, not by a rule: they take a reason from their block. */
        boolean[] byContext;
        /** The headline's line, or -1. */
        int title = -1;
        String titleText;
        String suffix;
        /** The first and last good (long prose) line; {@code n} and -1 when there is none. */
        int firstGood;
        int lastGood = -1;
        /** The article's core: the run of lines where prose outweighs everything else; -1 when none. */
        int coreStart = -1;
        int coreEnd = -1;
        /** The first kept line after the headline and the one after it, or -1. */
        int firstBody = -1;
        int next = -1;
        String subtitle;
        /** The datelines of {@link #firstBody} and {@link #next} when the standfirst check read them. */
        Dateline firstBodyDateline = UNREAD;
        Dateline nextDateline = UNREAD;

        Page(List<String> texts, FoldedLines forms) {
            this.texts = texts;
            this.n = texts.size();
            this.lines = new Line[n];
            this.reason = new ChromeReason[n];
            this.forms = forms;
            this.firstGood = n;
        }
    }

    /**
     * Line analysis and shape rules: each line folded once (the body's content hash, fingerprint and word count
     * reuse it) and asked of the {@link ChromeRules}; a label ending in a colon or comma ("Image caption,",
     * "Photo:") makes the line after it a caption.
     */
    private Page shapeRules(CleanText clean, FoldedLines forms) {
        List<String> texts = clean.lines();
        Page page = new Page(texts, forms);
        int n = page.n;
        forms.clear(foldingRoom(texts), n + 1);
        for (int i = 0; i < n; i++) {
            page.lines[i] = analyze(texts.get(i), forms);
            page.reason[i] = rules.reason(page.lines[i]);
        }
        for (int i = 0; i + 1 < n; i++) {
            String label = texts.get(i);
            if (page.reason[i] == ChromeReason.CREDIT && page.lines[i].words() <= 3
                    && (label.endsWith(",") || label.endsWith(":"))
                    && page.reason[i + 1] == null && page.lines[i + 1].words() <= ChromeRules.MAX_CHROME_WORDS + 10) {
                page.reason[i + 1] = ChromeReason.CAPTION;
            }
        }
        return page;
    }

    /**
     * Headline: the first line no rule took, unless it is paragraph-long; a site name right above it moves it
     * one line down. Its site suffix is split off, and every other copy of it is {@code repeated-title}.
     */
    private void headline(Page page) {
        int n = page.n;
        int t = headlines.best(page);
        if (t >= 0 && t + 1 < n && isSiteNameAbove(page.lines[t], page.lines[t + 1], page.reason[t + 1])) {
            page.reason[t] = ChromeReason.SITE_NAME;
            page.kind[t] = Kind.CHROME;
            t = t + 1;
        }
        page.title = t;
        if (t < 0) {
            return;
        }
        List<String> texts = page.texts;
        String title = texts.get(t);
        String suffix = null;
        for (int round = 0; round < 2; round++) {
            String[] split = splitSuffix(title, texts, page.forms, t);
            if (split == null) {
                break;
            }
            title = split[0];
            suffix = split[1];
        }
        page.titleText = title;
        page.suffix = suffix;
        String fullKey = page.forms.wordChars(t);
        String titleKey = suffix == null ? fullKey : key(title);     // the same chars when nothing was split off
        int longest = 3 * texts.get(t).length() + 16;
        for (int i = 0; i < n; i++) {
            // A copy is at most a few titles long and at least half of one: skip the key of other lines.
            int len = texts.get(i).length();
            if (i != t && page.reason[i] == null && len <= longest && len >= title.length() / 2
                    && startsLike(texts.get(i), titleKey) && isRepeat(page.forms.wordChars(i), titleKey, fullKey)) {
                page.reason[i] = ChromeReason.REPEATED_TITLE;
                page.kind[i] = Kind.CHROME;
            }
        }
        page.kind[t] = Kind.GOOD;
    }

    /**
     * Line kinds (the jusText idea): long lines that end like sentences and hold function words are good;
     * medium lines ending like sentences are near-good; the rest are short. A page without long prose
     * promotes its near-good lines to good.
     */
    private static void lineKinds(Page page) {
        int n = page.n;
        Kind[] kind = new Kind[n];
        for (int i = 0; i < n; i++) {
            if (page.reason[i] != null) {
                kind[i] = Kind.CHROME;
            } else {
                kind[i] = proseKind(page.lines[i]);
                if (kind[i] == Kind.GOOD) {
                    page.firstGood = Math.min(page.firstGood, i);
                    page.lastGood = i;
                }
            }
        }
        if (page.lastGood < 0) {
            // No long prose at all (a page of short paragraphs): its medium lines are the best prose it has.
            for (int i = 0; i < n; i++) {
                if (kind[i] == Kind.NEAR_GOOD) {
                    kind[i] = Kind.GOOD;
                    page.firstGood = Math.min(page.firstGood, i);
                    page.lastGood = i;
                }
            }
        }
        page.kind = kind;
    }

    /**
     * The article's core: the run of lines whose prose outweighs the chrome and short lines in it, found as the
     * run with the highest sum of per-line scores (long prose scores its words, short lines and chrome cost a
     * little each). Menus, lists of other stories and footers around an article are long runs of short lines
     * that no prose pays for, so they fall outside; a caption or an ad block inside the article does not.
     */
    private static void articleCore(Page page) {
        int bestSum = 0;
        int sum = 0;
        int start = 0;
        for (int i = 0; i < page.n; i++) {
            if (sum <= 0) {
                sum = 0;
                start = i;
            }
            sum += coreScore(page.kind[i], page.lines[i]);
            if (sum > bestSum) {
                bestSum = sum;
                page.coreStart = start;
                page.coreEnd = i;
            }
        }
    }

    private static int coreScore(Kind kind, Line line) {
        return switch (kind) {
            case GOOD -> Math.min(line.words(), CORE_LINE_CAP);
            case NEAR_GOOD -> line.endsSentence() ? line.words() / 2 : -1;
            case SHORT -> -3;
            case CHROME -> -2;
        };
    }

    /**
     * Lines outside the article: above the headline (or above the core when there is none), the page's
     * navigation and teasers; after the core, lists of other stories, comments and the footer. Between the
     * headline and the core only what reads like a standfirst or prose stays. Pages too short to have
     * chrome around the article are left to the context stages.
     */
    private void outsideTheArticle(Page page) {
        if (page.coreStart < 0 || page.n < MIN_LINES_FOR_CORE) {
            recountGood(page);
            return;
        }
        int top = page.title >= 0 ? Math.min(page.title, page.coreStart) : page.coreStart;
        for (int i = 0; i < page.n; i++) {
            if (i == page.title || page.kind[i] == Kind.CHROME) {
                continue;
            }
            boolean above = i < top;
            boolean below = i > page.coreEnd;
            boolean header = i > top && i < page.coreStart && page.kind[i] == Kind.SHORT
                    && page.lines[i].words() < MIN_STANDFIRST_WORDS;
            if (above || below || header) {
                page.reason[i] = outsideReason(page, i);
                page.kind[i] = Kind.CHROME;
            }
        }
        recountGood(page);
    }

    /** The reason for a line outside the article: its cue wording, else what its run looks like. */
    private ChromeReason outsideReason(Page page, int i) {
        Line line = page.lines[i];
        if (line.words() <= ChromeRules.MAX_CHROME_WORDS && lexicon.mayHoldCue(page.forms, i)) {
            ChromeReason cue = lexicon.cue(line.terms());
            if (cue != null) {
                return cue;
            }
        }
        if (isHeadlineLike(line) && (isHeadlineLike(page, i - 1) || isHeadlineLike(page, i + 1))) {
            return ChromeReason.OTHER_STORIES;
        }
        return line.words() <= MENU_ITEM_WORDS ? ChromeReason.MENU : ChromeReason.BOILERPLATE;
    }

    private static boolean isHeadlineLike(Page page, int i) {
        return i >= 0 && i < page.n && isHeadlineLike(page.lines[i]);
    }

    /** A headline's shape: four to 25 words, no sentence end. */
    static boolean isHeadlineLike(Line line) {
        return line.words() >= 4 && line.words() <= 25 && !line.endsSentence();
    }

    /** The first and last good line other than the headline, which the edge and context stages read. */
    private static void recountGood(Page page) {
        page.firstGood = page.n;
        page.lastGood = -1;
        for (int i = 0; i < page.n; i++) {
            if (page.kind[i] == Kind.GOOD && i != page.title) {
                page.firstGood = Math.min(page.firstGood, i);
                page.lastGood = i;
            }
        }
    }

    /**
     * Edge zones: wording that is chrome only outside the prose core. After the last good line, short lines
     * with form-status, appeal or copyright wording go; above the article only copyright wording is trusted,
     * since a standfirst may well say "donate".
     */
    private void edgeZones(Page page) {
        Kind[] kind = page.kind;
        for (int i = 0; i < page.n; i++) {
            if ((i < page.firstGood || i > page.lastGood) && i != page.title && kind[i] != Kind.CHROME
                    && kind[i] != Kind.GOOD && page.lines[i].words() <= ChromeRules.MAX_CHROME_WORDS) {
                ChromeReason cue = lexicon.mayHoldCue(page.forms, i) ? lexicon.cue(page.lines[i].terms()) : null;
                if (cue != null && (i > page.lastGood || cue == ChromeReason.COPYRIGHT)) {
                    page.reason[i] = cue;
                    kind[i] = Kind.CHROME;
                }
            }
        }
    }

    /**
     * Context: outside the core, a near-good line with no good neighbour but a chrome neighbour is chrome; a
     * short line is chrome when its nearest non-short neighbours are chrome on both sides, or chrome before it
     * and nothing after it. Everything else is kept: a short line between prose is a section heading.
     */
    private static void context(Page page) {
        int n = page.n;
        Kind[] kind = page.kind;
        Kind[] resolved = kind.clone();
        for (int i = 0; i < n; i++) {
            if (kind[i] == Kind.NEAR_GOOD && (i < page.firstGood || i > page.lastGood)) {
                // Inside the core (between long paragraphs) a sentence is kept whatever chrome is beside it.
                Kind before = proseNeighbour(kind, i, -1);
                Kind after = proseNeighbour(kind, i, +1);
                boolean goodNear = before == Kind.GOOD || after == Kind.GOOD;
                boolean chromeNear = before == Kind.CHROME || after == Kind.CHROME;
                resolved[i] = !goodNear && chromeNear ? Kind.CHROME : Kind.GOOD;
            } else if (kind[i] == Kind.NEAR_GOOD) {
                resolved[i] = Kind.GOOD;
            }
        }
        for (int i = 0; i < n; i++) {
            if (kind[i] == Kind.SHORT) {
                Kind before = neighbour(resolved, i, -1);
                Kind after = neighbour(resolved, i, +1);
                if (before == Kind.CHROME && (after == Kind.CHROME || after == null)) {
                    resolved[i] = Kind.CHROME;
                }
            }
        }
        boolean[] byContext = new boolean[n];
        for (int i = 0; i < n; i++) {
            byContext[i] = resolved[i] == Kind.CHROME && page.reason[i] == null;
        }
        page.resolved = resolved;
        page.byContext = byContext;
    }

    /** Tail: a run of short lines without sentence punctuation closing the page is chrome. */
    private static void tail(Page page) {
        for (int i = page.n - 1; page.lastGood >= 0 && i > page.title && i > page.lastGood; i--) {
            if (page.resolved[i] == Kind.CHROME) {
                continue;
            }
            if (page.kind[i] == Kind.SHORT && !page.lines[i].endsSentence()) {
                page.resolved[i] = Kind.CHROME;
                page.byContext[i] = true;
            } else {
                break;
            }
        }
    }

    /**
     * Standfirst: a short unpunctuated line right after the headline, when the line after it does not look like
     * one itself. Otherwise the same page without its standfirst (as the normalizer's own output is) would
     * promote that line, and normalizing twice would not give the same body. The datelines read here are
     * kept: the first paragraph is one of these two lines, and its dateline is asked for in assembly.
     */
    private void standfirst(Page page) {
        int t = page.title;
        for (int i = t + 1; i < page.n; i++) {
            if (page.resolved[i] != Kind.CHROME) {
                page.firstBody = i;
                break;
            }
        }
        int firstBody = page.firstBody;
        page.next = nextKept(page.resolved, firstBody);
        if (t >= 0 && firstBody > t && page.next > 0 && hasStandfirstShape(page.lines[firstBody])) {
            page.firstBodyDateline = Dateline.find(page.texts.get(firstBody));
            if (page.firstBodyDateline == null) {
                page.nextDateline = Dateline.find(page.texts.get(page.next));
                if (!couldBeSubtitle(page.lines[page.next], page.nextDateline)) {
                    page.subtitle = page.texts.get(firstBody);
                }
            }
        }
    }

    /**
     * Assembly: the body and the removed lines in page order, the dateline taken off the first paragraph, and
     * the body's matching form finished for the content hash, fingerprint and word count.
     */
    private PageStructure assemble(Page page, CleanText clean) {
        int n = page.n;
        List<String> texts = page.texts;
        List<String> paragraphs = new ArrayList<>(n);
        int[] paragraphLines = new int[n];
        List<RemovedLine> removed = new ArrayList<>(n + clean.invisibleLines());
        for (int i = 0; i < clean.invisibleLines(); i++) {
            removed.add(new RemovedLine("", ChromeReason.BLANK));
        }
        boolean hasSubtitle = page.subtitle != null;
        for (int i = 0; i < n; i++) {
            if (page.resolved[i] == Kind.CHROME) {
                removed.add(new RemovedLine(texts.get(i), page.reason[i]));
            } else if (i != page.title && !(hasSubtitle && i == page.firstBody)) {
                paragraphLines[paragraphs.size()] = i;
                paragraphs.add(texts.get(i));
            }
        }
        Dateline dateline = null;
        if (!paragraphs.isEmpty()) {
            int first = paragraphLines[0];
            dateline = first == page.firstBody && page.firstBodyDateline != UNREAD ? page.firstBodyDateline
                    : first == page.next && page.nextDateline != UNREAD ? page.nextDateline
                    : Dateline.find(paragraphs.get(0));
            if (dateline != null && placeIsName(dateline.place())) {
                paragraphs.set(0, dateline.rest());
            } else {
                dateline = null;
            }
        }
        FoldedLines forms = page.forms;
        if (dateline != null) {
            // The first paragraph lost its dateline: take its folding without the dateline's instead.
            String text = texts.get(paragraphLines[0]);
            String rest = paragraphs.get(0);
            forms.addTail(paragraphLines[0], text, text.length() - rest.length());
            paragraphLines[0] = forms.size() - 1;
        }
        BodyForm body = forms.select(paragraphLines, paragraphs.size()).bodyForm();
        return new PageStructure(page.titleText, page.suffix, page.subtitle, dateline, paragraphs, removed, body,
                headerDate(page));
    }

    /**
     * The date written nearest the headline: first in the lines after it, up to a few lines into the article,
     * then in the few lines above it. Only short lines are read (a byline, a date line, a section label glued to
     * its date), never prose, whose dates are events; relative times ("2 hours ago") hold no date to read.
     */
    private String headerDate(Page page) {
        int t = page.title;
        if (t < 0) {
            return null;
        }
        int end = Math.min(page.n - 1, Math.max(t, page.coreStart) + HEADER_DATE_REACH);
        if (page.coreEnd >= t) {
            end = Math.min(end, page.coreEnd);         // after the article, dates are other stories'
        }
        String updated = null;
        for (int i = t + 1; i <= end; i++) {
            String date = shortLineDate(page, i);
            if (date != null && !isUpdate(page.lines[i])) {
                return date;
            }
            updated = updated == null ? date : updated;
        }
        for (int i = t - 1; i >= Math.max(0, t - HEADER_DATE_REACH); i--) {
            // Above the headline other stories' dated teasers stand too: only a date line or a label is read.
            ChromeReason r = page.reason[i];
            if (r != ChromeReason.TIMESTAMP && r != ChromeReason.BYLINE && page.lines[i].words() > 3) {
                continue;
            }
            String date = shortLineDate(page, i);
            if (date != null && !isUpdate(page.lines[i])) {
                return date;
            }
            updated = updated == null ? date : updated;
        }
        return updated;
    }

    /** "Updated ...", "Mis à jour le ...", "آخر تحديث": a later date than the article's own. */
    private static boolean isUpdate(Line line) {
        for (String term : line.terms()) {
            if (UPDATE_WORDS.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> UPDATE_WORDS = java.util.Set.of(
            "updated", "update", "modified", "jour", "modifie", "actualise", "aktualisiert", "actualizado",
            "تحديث", "التحديث", "عدل");

    private String shortLineDate(Page page, int i) {
        Line line = page.lines[i];
        if (line.words() > ChromeRules.MAX_CHROME_WORDS || page.reason[i] == ChromeReason.REPEATED_TITLE) {
            return null;
        }
        String date = dates.find(page.texts.get(i));
        // A full date only: a day and month without the year cannot date an article.
        return date != null && !date.startsWith("--") ? date : null;
    }

    /**
     * Folds {@code text} into {@code forms}, which counts its words and function words on the way; the list of
     * terms is built only for lines short enough to be chrome.
     */
    private Line analyze(String text, FoldedLines forms) {
        forms.add(text);
        int line = forms.size() - 1;
        int words = forms.words(line);
        FoldedLines.Terms terms = words <= ChromeRules.MAX_CHROME_WORDS ? forms.terms(line) : FoldedLines.Terms.none();
        return new Line(text, terms, words, endsSentence(text),
                words == 0 ? 0 : (double) forms.functionWords(line) / words);
    }

    /**
     * Chars to fold: every line, and the longest once more, because the first paragraph is taken again
     * without its dateline ({@link FoldedLines#addTail}); buffers that fit need no regrowth.
     */
    private static int foldingRoom(List<String> texts) {
        int length = 0;
        int longest = 0;
        for (String t : texts) {
            length += t.length();
            longest = Math.max(longest, t.length());
        }
        return length + longest;
    }

    /** Whether {@code text} ends with sentence punctuation ({@code . ! ? ؟ … : ; ؛ ۔}), before closing marks. */
    static boolean endsSentence(String text) {
        int i = text.length() - 1;
        while (i >= 0 && isClosingMark(text.charAt(i))) {
            i--;
        }
        return i >= 0 && isSentenceEnd(text.charAt(i));
    }

    // Switches, not String.indexOf: every line asks, and indexOf on a short constant costs more than the answer.
    private static boolean isClosingMark(char c) {
        return switch (c) {
            case '"', '\'', '”', '’', '»', ')', ']', '›', '*' -> true;
            default -> false;
        };
    }

    private static boolean isSentenceEnd(char c) {
        return switch (c) {
            case '.', '!', '?', '؟', '…', ':', ';', '؛', '۔' -> true;
            default -> false;
        };
    }

    private static Kind proseKind(Line line) {
        int w = line.words();
        boolean sentence = line.endsSentence();
        if (w >= GOOD_WORDS && (sentence || w >= 2 * GOOD_WORDS) && (line.stopwordRatio() >= 0.04 || w >= 40)) {
            return Kind.GOOD;
        }
        if (w >= NEAR_GOOD_WORDS && (sentence || line.stopwordRatio() >= 0.2)) {
            return Kind.NEAR_GOOD;
        }
        return Kind.SHORT;
    }

    /** The class of the nearest line in {@code direction} that is not short. */
    private static Kind neighbour(Kind[] kinds, int i, int direction) {
        for (int j = i + direction; j >= 0 && j < kinds.length; j += direction) {
            Kind k = kinds[j];
            if (k == Kind.SHORT) {
                continue;
            }
            return k;
        }
        return null;
    }

    /**
     * The nearest line in {@code direction} that is neither short nor near-good, also skipping a chrome line
     * that stands alone between prose (an inline "Read more" link or ad): a sentence after such an insertion
     * still belongs to the article.
     */
    private static Kind proseNeighbour(Kind[] kinds, int i, int direction) {
        for (int j = i + direction; j >= 0 && j < kinds.length; j += direction) {
            Kind k = kinds[j];
            if (k == Kind.SHORT || k == Kind.NEAR_GOOD || (k == Kind.CHROME && isolated(kinds, j))) {
                continue;
            }
            return k;
        }
        return null;
    }

    private static boolean isolated(Kind[] kinds, int j) {
        return j > 0 && j < kinds.length - 1 && kinds[j - 1] != Kind.CHROME && kinds[j + 1] != Kind.CHROME;
    }

    private static int nextKept(Kind[] resolved, int i) {
        for (int j = i + 1; i >= 0 && j < resolved.length; j++) {
            if (resolved[j] != Kind.CHROME) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Whether {@code line}, or what is left of it once its {@code dateline} (null for none) is taken off, has a
     * standfirst's shape.
     */
    private boolean couldBeSubtitle(Line line, Dateline dateline) {
        if (dateline == null) {
            return hasStandfirstShape(line);     // and no dateline, as isSubtitle asks
        }
        String rest = dateline.rest();
        if (endsSentence(rest)) {
            return false;            // what isSubtitle would say too, without folding a whole paragraph first
        }
        return isSubtitle(analyze(rest, new FoldedLines(stopwords, rest.length(), 1)));
    }

    /** Context-removed lines take the reason of the chrome block they sit in. */
    private static void nameContextReasons(Page page) {
        int n = page.n;
        Kind[] resolved = page.resolved;
        ChromeReason[] reason = page.reason;
        int i = 0;
        while (i < n) {
            if (resolved[i] != Kind.CHROME) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && resolved[end] == Kind.CHROME) {
                end++;
            }
            boolean appeal = false;
            boolean siteMarks = false;
            for (int j = i; j < end; j++) {
                appeal |= reason[j] == ChromeReason.APPEAL;
                siteMarks |= reason[j] == ChromeReason.URL || isLogo(page.lines[j]);
            }
            for (int j = i; j < end; j++) {
                if (!page.byContext[j]) {
                    continue;
                }
                if (appeal) {
                    reason[j] = ChromeReason.APPEAL;
                } else if (siteMarks && looksLikeName(page.lines[j])) {
                    reason[j] = ChromeReason.SITE_NAME;
                } else {
                    reason[j] = nearestReason(reason, page.byContext, j, i, end);
                }
            }
            i = end;
        }
    }

    private static boolean isLogo(Line line) {
        return line.terms().size() == 1 && (line.terms().get(0).equals("logo") || line.terms().get(0).equals("شعار"));
    }

    /** A short name: at most four words, no sentence punctuation. */
    static boolean looksLikeName(Line line) {
        return line.words() >= 1 && line.words() <= 4 && !hasNamePunctuation(line.text());
    }

    /** Sentence punctuation, quotes and parentheses: a name has none of them. */
    private static final String NAME_PUNCTUATION = ".,،:;؛?؟!\"“”«»()";

    private static boolean hasNamePunctuation(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (NAME_PUNCTUATION.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static ChromeReason nearestReason(ChromeReason[] reason, boolean[] byContext, int j, int from, int to) {
        for (int d = 1; d < to - from; d++) {
            if (j + d < to && !byContext[j + d] && reason[j + d] != null) {
                return reason[j + d];
            }
            if (j - d >= from && !byContext[j - d] && reason[j - d] != null) {
                return reason[j - d];
            }
        }
        return ChromeReason.BOILERPLATE;
    }

    /**
     * A one- or two-word name without punctuation right above a headline-shaped line (four or more words, not
     * ending like a sentence) is the site's name, not the headline: "الجزيرة نت", "BBC News".
     */
    private static boolean isSiteNameAbove(Line first, Line next, ChromeReason nextReason) {
        return nextReason == null && first.words() <= 2 && looksLikeName(first) && !Chars.hasDigit(first.text())
                && next.words() >= 4 && next.words() <= MAX_TITLE_WORDS && !next.endsSentence()
                && Dateline.find(next.text()) == null;
    }

    /** A standfirst: three to {@value #MAX_SUBTITLE_WORDS} words, no sentence end, no dateline. */
    private static boolean isSubtitle(Line line) {
        return hasStandfirstShape(line) && Dateline.find(line.text()) == null;
    }

    /** {@link #isSubtitle} but for the dateline, which costs more to rule out. */
    private static boolean hasStandfirstShape(Line line) {
        return line.words() >= 3 && line.words() <= MAX_SUBTITLE_WORDS && !line.endsSentence();
    }

    /** Stands for a dateline not read yet: {@link Dateline#find} gives null for a line without one. */
    private static final Dateline UNREAD = new Dateline("", null, null, "");

    /** Whether none of the words of {@code place} is a function word, asked by their hashes as folding does. */
    private boolean placeIsName(String place) {
        MatchingForm.TermHashes terms = form.termHashes(place, new MatchingForm.TermHashes(4));
        for (int k = 0; k < terms.size(); k++) {
            if (stopwords.isStopwordHash(terms.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Letters and digits of the matching form, nothing else: "same line" ignoring spacing and punctuation. */
    static String key(String text) {
        // A plain array: a StringBuilder checks its capacity and coder on every append.
        char[] key = new char[text.length()];
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            char f = MatchingForm.fold(text.charAt(i));
            if (MatchingForm.isWordChar(f)) {
                key[k++] = f;
            }
        }
        return new String(key, 0, k);
    }

    /** Whether the first letter or digit of {@code text} is the first char of {@code key}: a cheap pre-check. */
    private static boolean startsLike(String text, String key) {
        for (int i = 0; i < text.length(); i++) {
            char f = MatchingForm.fold(text.charAt(i));
            if (MatchingForm.isWordChar(f)) {
                return !key.isEmpty() && key.charAt(0) == f;
            }
        }
        return false;
    }

    /** Whether {@code key} is one or more copies of the title (with or without its suffix), glued or not. */
    private static boolean isRepeat(String key, String titleKey, String fullKey) {
        if (key.isEmpty() || titleKey.isEmpty()) {
            return false;
        }
        if (key.equals(titleKey) || key.equals(fullKey)) {
            return true;
        }
        if (titleKey.length() < MIN_REPEAT_KEY) {
            return false;
        }
        int at = 0;
        int copies = 0;
        while (at < key.length()) {
            if (key.startsWith(fullKey, at)) {
                at += fullKey.length();
            } else if (key.startsWith(titleKey, at)) {
                at += titleKey.length();
            } else {
                return false;
            }
            copies++;
        }
        return copies >= 2;
    }

    /**
     * Splits a site suffix off {@code title}: {@code [headline, site]}, or null. The tail must be short, look
     * like a name (no sentence punctuation, no function words) and there must be evidence it is a name: a pipe
     * separator, a wire service's name, the headline repeated without it elsewhere on the page, the tail found
     * as a short line elsewhere on the page, or a tail that mixes letters with digits or is a domain.
     */
    private String[] splitSuffix(String title, List<String> texts, FoldedLines forms, int t) {
        if (title.length() > MAX_TITLE_CHARS) {
            return null;
        }
        int[] bounds = suffixBounds(title);
        if (bounds == null) {
            return null;
        }
        String head = title.substring(0, bounds[0]).strip();
        String tail = title.substring(bounds[1]).strip();
        List<String> tailTerms = form.terms(tail);
        if (tailTerms.isEmpty() || tailTerms.size() > 4 || form.terms(head).size() < 3
                || head.length() <= tail.length() || hasNamePunctuation(tail)) {
            return null;
        }
        boolean pipe = title.substring(bounds[0], bounds[1]).contains("|");
        // A capitalized name may open with an article (The Guardian, Le Monde); otherwise function words
        // mean the tail is part of the sentence.
        int from = Character.isUpperCase(tail.charAt(0)) ? 1 : 0;
        for (int i = from; i < tailTerms.size() && !pipe; i++) {
            if (stopwords.isStopword(tailTerms.get(i))) {
                return null;
            }
        }
        boolean evidence = pipe || agencies.isOnlyAgencies(tail) || NAME_EVIDENCE.matcher(tail).matches();
        String headKey = key(head);
        String tailKey = key(tail);
        for (int i = 0; i < texts.size() && !evidence; i++) {
            if (i == t) {
                continue;
            }
            if (texts.get(i).length() > 2 * title.length() + 16) {
                continue;
            }
            // The key's length alone rules out most lines: build the key only when it could match.
            int length = forms.wordCharCount(i);
            if (length != headKey.length() && length != tailKey.length()
                    && !(tailKey.length() >= 4 && length <= tailKey.length() + 12 && length > tailKey.length())) {
                continue;
            }
            String k = forms.wordChars(i);
            evidence = k.equals(headKey) || k.equals(tailKey)
                    || (tailKey.length() >= 4 && k.length() <= tailKey.length() + 12 && k.contains(tailKey));
        }
        return evidence ? new String[] {head, tail} : null;
    }

    /**
     * Whether {@link #SUFFIX} could match {@code title}: its last separator char ({@code - – — • · |}) must stand
     * in a separator (a pipe, or a run of one or two with spaces on both sides) and leave a tail of 2 to 40
     * chars after the spaces that follow it. Most headlines have no separator at all.
     */
    static boolean mayEndWithSuffix(String title) {
        int n = title.length();
        int last = n - 1;
        while (last >= 0 && !isSuffixSeparator(title.charAt(last))) {
            last--;
        }
        if (last < 1 || n - (last + 1) < 2) {
            return false;
        }
        int tail = last + 1;
        while (tail < n && Chars.isRegexSpace(title.charAt(tail))) {
            tail++;
        }
        if (n - tail > 40) {
            return false;
        }
        if (title.charAt(last) == '|') {
            return true;
        }
        char before = title.charAt(last - 1);
        boolean spaceBefore = Chars.isRegexSpace(before)
                || isSuffixSeparator(before) && last >= 2 && Chars.isRegexSpace(title.charAt(last - 2));
        return spaceBefore && Chars.isRegexSpace(title.charAt(last + 1));
    }

    private static boolean isSuffixSeparator(char c) {
        return c == '-' || c == '–' || c == '—' || c == '•' || c == '·' || c == '|';
    }

    /**
     * Where {@link #SUFFIX} splits {@code title} ({@code title.length() <= MAX_TITLE_CHARS}): {@code [end of the
     * headline, start of the tail]}, or null when it does not match. Found by hand from the last separator char,
     * which the separator must end with since the tail has none: the headline ({@code .+?}, no line
     * terminator) is the shortest one before whitespace and a run of one or two separator chars ending there,
     * then whitespace, or else before a pipe ending there; the tail after the whitespace holds 2 to 40 chars.
     */
    static int[] suffixBounds(String title) {
        if (!mayEndWithSuffix(title)) {
            return null;
        }
        int n = title.length();
        int last = n - 1;
        while (!isSuffixSeparator(title.charAt(last))) {
            last--;
        }
        int lineEnd = 0;              // the headline cannot reach past a line terminator
        while (lineEnd < n && !isLineTerminator(title.charAt(lineEnd))) {
            lineEnd++;
        }
        // Dashes and the like: whitespace, one or two separator chars ending at the last, whitespace.
        int run = last > 0 && isSuffixSeparator(title.charAt(last - 1)) ? last - 1 : last;
        int spaced = spacesBefore(title, run);
        int dashHead = Math.max(1, spaced);
        int dashTail = last + 1 < n && Chars.isRegexSpace(title.charAt(last + 1)) ? tailStart(title, last + 2) : -1;
        boolean dash = spaced < run && dashHead < run && dashHead <= lineEnd && dashTail >= 0;
        // A pipe: optional whitespace, the pipe, optional whitespace.
        int pipeHead = Math.max(1, spacesBefore(title, last));
        int pipeTail = title.charAt(last) == '|' ? tailStart(title, last + 1) : -1;
        boolean pipe = pipeTail >= 0 && pipeHead <= lineEnd;
        if (dash && (!pipe || dashHead <= pipeHead)) {
            return new int[] {dashHead, dashTail};
        }
        return pipe ? new int[] {pipeHead, pipeTail} : null;
    }

    /** Where the run of whitespace ending right before {@code at} starts ({@code at} itself when there is none). */
    private static int spacesBefore(String text, int at) {
        int i = at;
        while (i > 0 && Chars.isRegexSpace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /**
     * Where the tail starts when the whitespace before it may begin at {@code from}: after all of it (the
     * pattern's whitespace is greedy), or, when that leaves fewer than 2 chars, 2 chars from the end if that
     * still lies in the whitespace; -1 when the tail cannot hold 2 to 40 chars.
     */
    private static int tailStart(String text, int from) {
        int n = text.length();
        int k = from;
        while (k < n && Chars.isRegexSpace(text.charAt(k))) {
            k++;
        }
        if (n - k >= 2) {
            return n - k <= 40 ? k : -1;
        }
        return n - 2 >= from ? n - 2 : -1;
    }

    /** What the regex dot does not match: {@code \n \r \u0085 \u2028 \u2029}. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
