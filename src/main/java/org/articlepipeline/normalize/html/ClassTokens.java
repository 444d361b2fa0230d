package org.articlepipeline.normalize.html;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Words that name what a block is for, read out of the attributes authors name blocks with ({@code class},
 * {@code id}, {@code itemprop}, {@code aria-label}, {@code data-*} component names), and a vocabulary to
 * match them against.
 *
 * <p>Names are cut into words at every non-letter and at lower-to-upper case changes, so {@code ad-slot},
 * {@code ad_slot} and {@code adSlot} all hold the word {@code ad} while {@code header}, {@code shadow} and
 * {@code load} do not: a vocabulary word only matches a whole word, never a piece of one. Two-word entries
 * ({@code "most read"}) match adjacent words, also written as one ({@code mostread}).
 */
final class ClassTokens {

    private final Set<String> words;
    private final Set<String> pairs;
    private final String[] prefixes;

    /**
     * @param words    single words that name the block's purpose
     * @param pairs    two words, space-separated, that do so only together ({@code "read more"})
     * @param prefixes stems that name it at the start of a longer word ({@code advert} in {@code advertorial})
     */
    ClassTokens(Set<String> words, Set<String> pairs, String... prefixes) {
        this.words = Set.copyOf(words);
        java.util.Set<String> both = new java.util.HashSet<>(pairs);
        for (String pair : pairs) {
            both.add(pair.replace(" ", ""));
        }
        this.pairs = Set.copyOf(both);
        this.prefixes = prefixes.clone();
    }

    /** Whether a naming attribute of {@code element} holds a word (or pair) of this vocabulary. */
    boolean matches(Element element) {
        if (element.attributesSize() == 0) {
            return false;
        }
        for (Attribute attribute : element.attributes()) {
            if (names(attribute.getKey()) && matchesValue(attribute.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(String key) {
        return key.equals("class") || key.equals("id") || key.equals("itemprop") || key.equals("aria-label")
                || key.equals("data-component") || key.equals("data-module") || key.equals("data-testid");
    }

    /** Whether {@code value} holds a vocabulary word as a whole word, or two adjacent words as a pair. */
    boolean matchesValue(String value) {
        if (value.isEmpty() || value.length() > 400) {
            return false;                     // long values are inline data, not names
        }
        String previous = null;
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(value.charAt(i))
                    && !(i > start && Character.isUpperCase(value.charAt(i)) && Character.isLowerCase(value.charAt(i - 1)))) {
                i++;
            }
            if (i == start) {
                continue;
            }
            String word = value.substring(start, i).toLowerCase(Locale.ROOT);
            if (words.contains(word) || pairs.contains(word) || startsWithPrefix(word)
                    || previous != null && pairs.contains(previous + " " + word)) {
                return true;
            }
            previous = word;
        }
        return false;
    }

    private boolean startsWithPrefix(String word) {
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
