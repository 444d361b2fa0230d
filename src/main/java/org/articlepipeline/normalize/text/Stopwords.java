package org.articlepipeline.normalize.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Function-word lists for Arabic, English and French, in {@link MatchingForm}, read from
 * {@code org/articlepipeline/normalize/stopwords-<lang>.txt}.
 *
 * <p>Stopword density tells prose from page chrome (the jusText idea): sentences are full of function words,
 * menus and labels have almost none. It also tells English from French.
 */
public final class Stopwords {

    /** The languages with a stoplist, in the order {@link #languages()} gives them. */
    private static final java.util.List<String> LANGUAGES = java.util.List.of("ar", "en", "fr", "de", "es");

    private final Map<String, Set<String>> byLanguage;
    private final Set<String> all;
    /** Every stopword by its term hash, for lookups that allocate nothing. */
    private final TermHashSet hashes;

    /** The shipped lists. */
    public static Stopwords defaults() {
        return new Stopwords(new MatchingForm());
    }

    private Stopwords(MatchingForm form) {
        Map<String, Set<String>> lists = new java.util.LinkedHashMap<>();
        for (String language : LANGUAGES) {
            lists.put(language, load(language, form));
        }
        this.byLanguage = Map.copyOf(lists);
        Set<String> union = new HashSet<>();
        lists.values().forEach(union::addAll);
        this.all = Set.copyOf(union);
        this.hashes = new TermHashSet(union, form);
    }

    /** Whether a term whose {@link MatchingForm#termHashes hash} is {@code termHash} is a function word. */
    public boolean isStopwordHash(long termHash) {
        return hashes.contains(termHash);
    }

    /** Whether the matching-form {@code term} is a function word in any of the languages. */
    public boolean isStopword(String term) {
        return all.contains(term);
    }

    /** The languages with a stoplist: ar, en, fr, de, es. */
    public java.util.List<String> languages() {
        return LANGUAGES;
    }

    /** Whether the matching-form {@code term} is a function word of {@code language} ({@code ar}, {@code en}, {@code fr}). */
    public boolean isStopword(String language, String term) {
        Set<String> set = byLanguage.get(language);
        return set != null && set.contains(term);
    }

    private static Set<String> load(String language, MatchingForm form) {
        String name = "/org/articlepipeline/normalize/stopwords-" + language + ".txt";
        Set<String> words = new HashSet<>();
        try (InputStream in = Stopwords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    words.addAll(form.terms(s));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
