package org.articlepipeline.normalize.describe;

import java.util.ArrayList;
import java.util.List;
import org.articlepipeline.normalize.text.MatchingForm;

/**
 * Wire services and how they are credited in Arabic, English and French, each mapped to one canonical
 * English name ({@code Reuters}, {@code AFP}, {@code AP}, {@code DPA}, {@code Anadolu}, {@code Xinhua}, ...).
 *
 * <p>Names are matched as whole {@link MatchingForm} terms, so {@code أ ف ب}, {@code أ.ف.ب} and
 * {@code ا ف ب} are one credit. Short and ambiguous forms ({@code AP}, {@code أ ب}) are only safe in a credit
 * context; callers pass credit lines, dateline parentheses and closing parentheticals, not prose.
 */
public final class Agencies {

    private static final String[][] AGENCIES = {
        {"Reuters", "reuters", "رويترز", "رويتر"},
        {"AFP", "afp", "agence france presse", "agence france-presse", "فرانس برس", "فرانس بريس", "أ ف ب", "ا ف ب", "أف ب"},
        {"AP", "ap", "associated press", "أسوشيتد برس", "اسوشيتد برس", "أسوشييتد برس", "أ ب", "ا ب"},
        {"DPA", "dpa", "د ب أ", "د ب ا", "الوكالة الألمانية"},
        {"Anadolu", "anadolu", "anadolu agency", "aa", "الأناضول", "وكالة الأناضول"},
        {"Xinhua", "xinhua", "شينخوا", "شينهوا"},
        {"EFE", "efe", "إفي", "افي"},
        {"ANSA", "ansa", "آكي"},
        {"UPI", "upi"},
        {"Bloomberg", "bloomberg", "بلومبرغ", "بلومبيرغ"},
        {"SANA", "sana", "سانا"},
        {"WAM", "wam", "وام"},
        {"QNA", "qna", "قنا"},
        {"KUNA", "kuna", "كونا"},
        {"SPA", "spa", "واس"},
        {"MENA", "mena", "أ ش أ", "ا ش ا"},
        {"Petra", "petra", "بترا"},
        {"IRNA", "irna", "إرنا", "ارنا"},
        {"TASS", "tass", "تاس"},
        {"RIA Novosti", "ria novosti", "ريا نوفوستي"},
        {"Sputnik", "sputnik", "سبوتنيك"},
        {"Kyodo", "kyodo"},
        {"Yonhap", "yonhap"},
        {"PTI", "pti"},
    };

    private final MatchingForm form = new MatchingForm();
    private final List<String[]> variants = new ArrayList<>();
    /** Every word of every variant, for a quick "cannot be only agencies" answer. */
    private final java.util.Set<String> variantWords = new java.util.HashSet<>(
            List.of("و", "and", "et", "وكالات", "agencies", "agences"));
    /** For each first word of a variant, the indexes in {@link #variants} of the variants it opens. */
    private final java.util.Map<String, int[]> variantsByFirstWord = new java.util.HashMap<>();

    public Agencies() {
        for (String[] agency : AGENCIES) {
            for (int i = 1; i < agency.length; i++) {
                variants.add(new String[] {" " + String.join(" ", form.terms(agency[i])) + " ", agency[0]});
                variantWords.addAll(form.terms(agency[i]));
            }
        }
        // Longest first, so "agence france presse" is tried before a shorter form inside it.
        variants.sort((a, b) -> b[0].length() - a[0].length());
        for (int i = 0; i < variants.size(); i++) {
            String firstWord = variants.get(i)[0].strip().split(" ")[0];
            variantsByFirstWord.merge(firstWord, new int[] {i}, Agencies::concat);
        }
    }


    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Every word of every agency name, and the words that may join names: no other word is in a credit of them only. */
    public java.util.Set<String> words() {
        return java.util.Collections.unmodifiableSet(variantWords);
    }

    /** The canonical name of the first wire service credited in {@code credit}, or null. */
    public String find(String credit) {
        if (credit == null) {
            return null;
        }
        List<String> terms = form.terms(credit);
        // Only a variant whose first word is a term of the credit can be in it: mark those, in list order.
        boolean[] candidate = new boolean[variants.size()];
        for (String term : terms) {
            int[] opened = variantsByFirstWord.get(term);
            if (opened != null) {
                for (int i : opened) {
                    candidate[i] = true;
                }
            }
        }
        String padded = " " + String.join(" ", terms) + " ";
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (int i = 0; i < candidate.length; i++) {
            if (!candidate[i]) {
                continue;
            }
            String[] v = variants.get(i);
            int at = padded.indexOf(v[0]);
            if (at >= 0 && at < bestAt) {
                best = v[1];
                bestAt = at;
            }
        }
        return best;
    }

    /** Whether {@code text} names nothing but wire services (and separators), like {@code (أ ف ب)} or {@code Reuters/AP}. */
    public boolean isOnlyAgencies(String text) {
        return isOnlyAgencies(form.terms(text));
    }

    /** {@link #isOnlyAgencies(String)} of a text whose {@link MatchingForm#terms terms} are {@code terms}. */
    public boolean isOnlyAgencies(List<String> terms) {
        if (terms.isEmpty()) {
            return false;
        }
        for (String term : terms) {
            if (!variantWords.contains(term)) {
                return false;        // a word no agency name has: decided without the substring work below
            }
        }
        String rest = " " + String.join(" ", terms) + " ";
        for (String[] v : variants) {
            while (rest.contains(v[0])) {
                rest = rest.replace(v[0], " ");
            }
        }
        // What is left between the names may only be "and" or "agencies".
        int from = 0;
        while (from < rest.length()) {
            int end = rest.indexOf(' ', from);
            end = end < 0 ? rest.length() : end;
            if (end > from && !CONNECTORS.contains(rest.substring(from, end))) {
                return false;
            }
            from = end + 1;
        }
        return true;
    }

    /** Words that may join agency names in a credit: "and", and the generic "agencies". */
    private static final java.util.Set<String> CONNECTORS = java.util.Set.of("و", "and", "et", "وكالات", "agencies", "agences");
}
