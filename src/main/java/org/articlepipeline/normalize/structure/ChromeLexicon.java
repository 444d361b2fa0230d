package org.articlepipeline.normalize.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.TermHashSet;

/**
 * Generic page-chrome wording in Arabic, English and French (share, most read, read more, form status
 * messages, donation appeals, copyright notices), read from
 * {@code org/articlepipeline/normalize/chrome-phrases.tsv} and matched on the {@link MatchingForm} terms of
 * a line. Each phrase carries the {@link ChromeReason} a matching line is removed with, by its code.
 */
public final class ChromeLexicon {

    private static final int LONGEST_PREFIX = 4;

    /**
     * Whole-line phrases and lead-ins by their terms: a line's own list of terms is the key, so looking a line
     * up hashes the terms' cached hashes instead of joining them into a new string first.
     */
    private final Map<List<String>, ChromeReason> lines = new HashMap<>();
    private final Map<List<String>, ChromeReason> prefixes = new HashMap<>();
    /**
     * Cue phrases by their first term, each list in file order: a line is searched only for the cues that one
     * of its terms opens, where joining it and searching it for every cue cost a page more than folding it.
     */
    private final Map<String, List<Cue>> cuesByStart = new HashMap<>();
    private int cueCount;
    /** The most terms a whole-line phrase has: a longer line is none of them, and is not looked up. */
    private int longestLine;
    /** The first term of every whole-line phrase: a line opening with another term is none, and is not looked up. */
    private final Set<String> lineStarts = new HashSet<>();
    /** The first term of every lead-in: a line opening with another term has none, and builds no keys. */
    private final Set<String> prefixStarts = new HashSet<>();
    /**
     * The first term of every cue by term hash, for {@link #mayHoldCue}: a cue matches at term bounds only, so a
     * line without any of these terms holds no cue.
     */
    private final TermHashSet cueStartHashes;

    /** The shipped phrase list. */
    public static ChromeLexicon defaults() {
        return new ChromeLexicon(new MatchingForm());
    }

    private ChromeLexicon(MatchingForm form) {
        String name = "/org/articlepipeline/normalize/chrome-phrases.tsv";
        try (InputStream in = ChromeLexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] cols = row.split("\t");
                ChromeReason reason = ChromeReason.ofCode(cols[0]);
                List<String> terms = List.copyOf(form.terms(cols[2]));
                if (terms.isEmpty()) {
                    continue;
                }
                switch (cols[1]) {
                    case "line" -> {
                        lines.putIfAbsent(terms, reason);
                        lineStarts.add(terms.get(0));
                        longestLine = Math.max(longestLine, terms.size());
                    }
                    case "prefix" -> {
                        prefixes.putIfAbsent(terms, reason);
                        prefixStarts.add(terms.get(0));
                    }
                    case "cue" -> {
                        cuesByStart.computeIfAbsent(terms.get(0), k -> new ArrayList<>())
                                .add(new Cue(terms, reason, cueCount++));
                    }
                    default -> throw new IllegalStateException("unknown mode in " + row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.cueStartHashes = new TermHashSet(cuesByStart.keySet(), form);
    }

    /** The first term of every whole-line phrase: no line opening otherwise is one. */
    Set<String> lineOpeners() {
        return java.util.Collections.unmodifiableSet(lineStarts);
    }

    /** The first term of every lead-in: no line opening otherwise has one. */
    Set<String> leadInOpeners() {
        return java.util.Collections.unmodifiableSet(prefixStarts);
    }

    /** The reasons the whole-line phrases give. */
    Set<ChromeReason> lineReasons() {
        return java.util.EnumSet.copyOf(lines.values());
    }

    /** The reasons the lead-ins give. */
    Set<ChromeReason> leadInReasons() {
        return java.util.EnumSet.copyOf(prefixes.values());
    }

    /** The reason when the whole line is a known UI phrase, else null. */
    public ChromeReason wholeLine(List<String> terms) {
        if (terms.isEmpty() || terms.size() > longestLine || !lineStarts.contains(terms.get(0))) {
            return null;
        }
        return lines.get(terms);
    }

    /**
     * The reason when the line opens with a known lead-in ("Read more", "اقرأ أيضا", "Tags"), else null.
     *
     * @return the reason and, through {@link Prefix#length()}, how many terms the lead-in has
     */
    public Prefix prefix(List<String> terms) {
        if (terms.isEmpty() || !prefixStarts.contains(terms.get(0))) {
            return null;
        }
        Prefix found = null;
        for (int k = 0; k < Math.min(LONGEST_PREFIX, terms.size()); k++) {
            ChromeReason reason = prefixes.get(terms.subList(0, k + 1));
            if (reason != null) {
                found = new Prefix(reason, k + 1);
            }
        }
        return found;
    }

    /**
     * Whether line {@code line} of {@code forms} may hold a cue phrase: whether any of its terms opens one, asked
     * of the term hashes its folding left, so a line that holds none (nearly every line) makes no strings to
     * tell. {@link #cue} gives the answer.
     */
    public boolean mayHoldCue(FoldedLines forms, int line) {
        return forms.anyTermIn(line, cueStartHashes);
    }

    /**
     * The reason of the cue phrase the line contains at term bounds, else null; when it holds several, the one
     * listed first in the phrase file.
     */
    public ChromeReason cue(List<String> terms) {
        Cue found = null;
        for (int at = 0; at < terms.size(); at++) {
            List<Cue> opening = cuesByStart.get(terms.get(at));
            if (opening == null) {
                continue;
            }
            for (Cue cue : opening) {
                if ((found == null || cue.order() < found.order()) && cue.isAt(terms, at)) {
                    found = cue;
                }
            }
        }
        return found == null ? null : found.reason();
    }

    /** A cue phrase: its terms, its reason, and its place in the phrase file. */
    private record Cue(List<String> terms, ChromeReason reason, int order) {

        /** Whether {@code line} holds this cue's terms from term {@code at} on. */
        boolean isAt(List<String> line, int at) {
            if (at + terms.size() > line.size()) {
                return false;
            }
            for (int k = 1; k < terms.size(); k++) {
                if (!terms.get(k).equals(line.get(at + k))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A matched lead-in: its reason and its length in terms. */
    public record Prefix(ChromeReason reason, int length) {
    }
}
