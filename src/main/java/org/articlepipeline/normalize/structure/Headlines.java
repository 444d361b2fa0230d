package org.articlepipeline.normalize.structure;

import java.util.HashSet;
import java.util.Set;
import org.articlepipeline.normalize.structure.StructureFinder.Kind;
import org.articlepipeline.normalize.structure.StructureFinder.Page;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.Stopwords;

/**
 * Chooses the headline among the lines above the article's core by signals that hold on any news site: a
 * headline shares words with the article, is often printed twice (the page's h1 and a share title), is
 * followed by a byline, a date or the first paragraph, and stands close above the prose. Navigation items,
 * section names and other stories' headlines share few words with the article and stand among lines like
 * themselves.
 */
final class Headlines {

    /** How far above the core's first line a headline is looked for. */
    private static final int WINDOW = 80;
    /** How far around a candidate its second copy is looked for. */
    private static final int REPEAT_REACH = 120;
    /** The most body terms remembered for the overlap: an article's opening says what it is about. */
    private static final int BODY_TERMS = 4000;
    private static final int MAX_TITLE_WORDS = 40;

    /** A shorter line right above the best one and scoring this close is the headline, the best its standfirst. */
    private static final double STANDFIRST_MARGIN = 3.0;
    /** A word on this many lines outside the article is the site's or a section's name. */
    private static final int BRAND_LINES = 4;
    private static final int MIN_TITLE_WORDS = 3;

    private final Stopwords stopwords;
    private final ChromeLexicon lexicon;

    Headlines(Stopwords stopwords, ChromeLexicon lexicon) {
        this.stopwords = stopwords;
        this.lexicon = lexicon;
    }

    /** The headline's line on {@code page}, or -1 when no line can be one. */
    int best(Page page) {
        if (page.coreStart < 0 || page.n < StructureFinder.MIN_LINES_FOR_CORE) {
            // A short page has no navigation above its headline: it opens with it.
            return firstLine(page, page.n);
        }
        Set<Long> body = bodyTerms(page);
        Set<Long> brand = brandTerms(page);
        int from = Math.max(0, page.coreStart - WINDOW);
        int to = Math.min(page.n - 1, page.coreStart + 2);
        int best = -1;
        double[] scores = new double[to - from + 1];
        java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = from; i <= to; i++) {
            if (!isCandidate(page, i)) {
                continue;
            }
            scores[i - from] = score(page, i, body, brand);
            if (best < 0 || scores[i - from] > scores[best - from]) {
                best = i;
            }
        }
        if (best < 0) {
            return firstLine(page, page.coreStart);
        }
        // A headline comes before its standfirst, which is longer and shares as many words with the article.
        for (int i = best - 1; i >= from; i--) {
            if (page.kind[i] == Kind.CHROME) {
                continue;
            }
            if (scores[i - from] >= scores[best - from] - STANDFIRST_MARGIN && page.lines[i].words() >= 4
                    && page.lines[i].words() < page.lines[best].words() && !isUpperCase(page.texts.get(i))) {
                best = i;
            }
            break;
        }
        return best;
    }

    /** The first line no rule took, when it is short enough to be a headline and stands before {@code end}. */
    private static int firstLine(Page page, int end) {
        for (int i = 0; i < page.n; i++) {
            if (page.reason[i] == null && page.lines[i].hasLetters()) {
                return i < Math.max(end, 1) && page.lines[i].words() <= MAX_TITLE_WORDS ? i : -1;
            }
        }
        return -1;
    }

    /**
     * A line that may be the headline: not chrome, three to {@value #MAX_TITLE_WORDS} words, not prose (a headline
     * does not end with a full stop, a kicker not with a colon), and no footer or form wording ("Tous droits réservés").
     */
    private boolean isCandidate(Page page, int i) {
        Line line = page.lines[i];
        return page.reason[i] == null && line.words() >= MIN_TITLE_WORDS && line.words() <= MAX_TITLE_WORDS
                && page.kind[i] != Kind.GOOD && !line.text().endsWith(".") && !line.text().endsWith(":")
                && !(lexicon.mayHoldCue(page.forms, i) && lexicon.cue(line.terms()) != null);
    }

    private double score(Page page, int i, Set<Long> body, Set<Long> brand) {
        Line line = page.lines[i];
        double score = 4.0 * overlap(page.forms, i, body) - 3.0 * overlap(page.forms, i, brand);
        if (line.words() >= 3 && isRepeated(page, i)) {
            score += 2.0;
        }
        if (isFollowedByArticleStart(page, i)) {
            score += 1.5;
        }
        if (line.words() >= 4 && line.words() <= 30) {
            score += 1.0;
        }
        if (isUpperCase(line.text())) {
            score -= 3.0;             // a kicker or section label in capitals
        }
        if (Character.isLowerCase(line.text().charAt(0))) {
            score -= 2.0;             // the middle of a sentence or a widget's fragment
        }
        score -= 0.15 * linesBetween(page, i, page.coreStart);
        return score;
    }

    /** Whether the line's letters are all capitals (scripts without case are never). */
    private static boolean isUpperCase(String text) {
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
        }
        return upper;
    }

    /** The share of the line's content words (not function words) that the article's prose uses too. */
    private double overlap(FoldedLines forms, int i, Set<Long> body) {
        int content = 0;
        int shared = 0;
        for (int k = 0, n = forms.termCount(i); k < n; k++) {
            long h = forms.termHash(i, k);
            if (!stopwords.isStopwordHash(h)) {
                content++;
                shared += body.contains(h) ? 1 : 0;
            }
        }
        return content == 0 ? 0 : (double) shared / content;
    }

    /** The content terms of the core's good lines. */
    private Set<Long> bodyTerms(Page page) {
        Set<Long> terms = new HashSet<>();
        for (int i = page.coreStart; i <= page.coreEnd && terms.size() < BODY_TERMS; i++) {
            if (page.kind[i] != Kind.GOOD && page.kind[i] != Kind.NEAR_GOOD) {
                continue;
            }
            for (int k = 0, n = page.forms.termCount(i); k < n; k++) {
                long h = page.forms.termHash(i, k);
                if (!stopwords.isStopwordHash(h)) {
                    terms.add(h);
                }
            }
        }
        return terms;
    }

    /**
     * The content terms found on {@value #BRAND_LINES} or more lines outside the article's core: the site's
     * name, its sections, its menu words. A headline is about the article, not about the site.
     */
    private Set<Long> brandTerms(Page page) {
        java.util.Map<Long, Integer> lines = new java.util.HashMap<>();
        for (int i = 0; i < page.n; i++) {
            if (i >= page.coreStart && i <= page.coreEnd || page.lines[i].words() > ChromeRules.MAX_CHROME_WORDS) {
                continue;
            }
            Set<Long> seen = new HashSet<>();
            for (int k = 0, n = page.forms.termCount(i); k < n; k++) {
                long h = page.forms.termHash(i, k);
                if (!stopwords.isStopwordHash(h) && seen.add(h)) {
                    lines.merge(h, 1, Integer::sum);
                }
            }
        }
        Set<Long> brand = new HashSet<>();
        lines.forEach((h, count) -> {
            if (count >= BRAND_LINES) {
                brand.add(h);
            }
        });
        return brand;
    }

    /** Whether another line near {@code i} holds the same words (the h1 and a share or og title). */
    private static boolean isRepeated(Page page, int i) {
        int length = page.forms.wordCharCount(i);
        String key = null;
        for (int j = Math.max(0, i - REPEAT_REACH); j < Math.min(page.n, i + REPEAT_REACH); j++) {
            if (j == i || page.forms.wordCharCount(j) != length) {
                continue;
            }
            key = key == null ? page.forms.wordChars(i) : key;
            if (key.equals(page.forms.wordChars(j))) {
                return true;
            }
        }
        return false;
    }

    /** A byline, a date or the first prose within the next few lines. */
    private static boolean isFollowedByArticleStart(Page page, int i) {
        for (int j = i + 1, seen = 0; j < page.n && seen < 4; j++, seen++) {
            ChromeReason r = page.reason[j];
            if (r == ChromeReason.BYLINE || r == ChromeReason.TIMESTAMP || r == ChromeReason.CREDIT
                    || page.kind[j] == Kind.GOOD) {
                return true;
            }
        }
        return false;
    }

    /** How many lines that no rule took stand between {@code i} and {@code end}. */
    private static int linesBetween(Page page, int i, int end) {
        int count = 0;
        for (int j = i + 1; j < end; j++) {
            count += page.kind[j] == Kind.CHROME ? 0 : 1;
        }
        return count;
    }
}
