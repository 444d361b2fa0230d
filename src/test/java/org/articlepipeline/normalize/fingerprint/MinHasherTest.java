package org.articlepipeline.normalize.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.articlepipeline.normalize.Fingerprint;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

class MinHasherTest {

    private final MinHasher hasher = new MinHasher(new MatchingForm());

    /** A pseudo-article of {@code n} words drawn from a large vocabulary. */
    private static List<String> words(long seed, int n) {
        Random r = new Random(seed);
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add("w" + r.nextInt(50_000));
        }
        return w;
    }

    private static Set<String> shingles(List<String> w) {
        Set<String> s = new HashSet<>();
        for (int i = 1; i < w.size(); i++) {
            s.add(w.get(i - 1) + " " + w.get(i));
        }
        return s;
    }

    private static double jaccard(List<String> a, List<String> b) {
        Set<String> sa = shingles(a);
        Set<String> sb = shingles(b);
        Set<String> inter = new HashSet<>(sa);
        inter.retainAll(sb);
        Set<String> union = new HashSet<>(sa);
        union.addAll(sb);
        return (double) inter.size() / union.size();
    }

    @Test
    void hasTwoHundredFiftySixSlots() {
        assertEquals(256, hasher.fingerprint("one two three").size());
    }

    @Test
    void ignoresSpellingVariantsThatTheMatchingFormFolds() {
        assertEquals(hasher.fingerprint("قال الرئيس إن الأمم المتحدة مستعدة"),
                hasher.fingerprint("قَالَ الرئيس ان الامم المتحده مستعدة"));
    }

    @Test
    void estimatesJaccardSimilarityOfWordBigrams() {
        List<String> a = words(1, 400);
        List<String> b = new ArrayList<>(a.subList(0, 300));
        b.addAll(words(2, 100));
        double truth = jaccard(a, b);
        double estimate = hasher.fingerprint(String.join(" ", a)).similarity(hasher.fingerprint(String.join(" ", b)));
        assertEquals(truth, estimate, 0.1);
    }

    @Test
    void givesUnrelatedTextsLowSimilarity() {
        double s = hasher.fingerprint(String.join(" ", words(1, 300)))
                .similarity(hasher.fingerprint(String.join(" ", words(2, 300))));
        assertTrue(s < 0.05, "similarity " + s);
    }

    @Test
    void densifiesShortTextsSoEverySlotIsFilledFromARealShingle() {
        Fingerprint f = hasher.fingerprint("three words only");
        Set<Integer> distinct = new HashSet<>();
        for (int v : f.values()) {
            distinct.add(v);
        }
        assertTrue(distinct.size() <= 2, "two bigrams give at most two distinct values");
        assertFalse(distinct.contains(0));
    }

    @Test
    void fingerprintsASingleWordFromItsUnigram() {
        Fingerprint one = hasher.fingerprint("سوريا");
        assertEquals(one, hasher.fingerprint("سوريا"));
        assertNotEquals(one, hasher.fingerprint("روسيا"));
        assertNotEquals(new Fingerprint(new int[256]), one);
    }

    @Test
    void givesEmptyTextAllZeroSlots() {
        assertTrue(Arrays.stream(hasher.fingerprint("").values()).allMatch(v -> v == 0));
    }

    @Test
    void survivesTheEncodedRoundTrip() {
        Fingerprint f = hasher.fingerprint(String.join(" ", words(3, 50)));
        assertEquals(f, Fingerprint.decode(f.encoded()));
    }

    @Test
    void similarTextsShareABandAndUnrelatedTextsDoNot() {
        List<String> a = words(10, 400);
        List<String> similar = new ArrayList<>(a);
        for (int i = 0; i < similar.size(); i += 12) {
            similar.set(i, "edited" + i);        // about 8% of words edited: Jaccard ~0.7
        }
        Fingerprint fa = hasher.fingerprint(String.join(" ", a));
        Fingerprint fs = hasher.fingerprint(String.join(" ", similar));
        Fingerprint fu = hasher.fingerprint(String.join(" ", words(11, 400)));
        assertTrue(shareABand(fa, fs));
        assertFalse(shareABand(fa, fu));
    }

    @Test
    void candidateRateFollowsTheBandingCurveAroundTheThreshold() {
        int collisions = 0;
        int trials = 40;
        for (int t = 0; t < trials; t++) {
            List<String> a = words(100 + t, 600);
            List<String> b = new ArrayList<>(a);
            Random r = new Random(t);
            for (int i = 0; i < b.size(); i++) {
                if (r.nextInt(100) < 22) {
                    b.set(i, "x" + r.nextInt(1_000_000)); // ~22% of words replaced: bigram Jaccard ~0.45
                }
            }
            if (shareABand(hasher.fingerprint(String.join(" ", a)), hasher.fingerprint(String.join(" ", b)))) {
                collisions++;
            }
        }
        assertTrue(collisions >= trials * 0.8, collisions + " of " + trials + " pairs near the threshold collided");
    }

    @Test
    void bandKeysAreStableStrings() {
        Fingerprint f = hasher.fingerprint("some words for a band key test");
        List<String> keys = LshBands.bands(f);
        assertEquals(LshBands.BANDS, keys.size());
        assertTrue(keys.get(7).matches("07:[0-9a-f]{8}"));
        assertEquals(keys, LshBands.bands(Fingerprint.decode(f.encoded())));
    }

    @Test
    void rejectsABandCountThatDoesNotDivideTheSlots() {
        assertThrows(IllegalArgumentException.class, () -> LshBands.bandHashes(hasher.fingerprint("a b"), 3));
    }

    private static boolean shareABand(Fingerprint a, Fingerprint b) {
        int[] ha = LshBands.bandHashes(a);
        int[] hb = LshBands.bandHashes(b);
        for (int i = 0; i < ha.length; i++) {
            if (ha[i] == hb[i]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void fingerprintsFoldedLinesAsTheTextTheyHoldWithShinglesAcrossLineEnds() {
        List<List<String>> texts = List.of(
                List.of("قال الرئيس إن", "الأمم المتحدة مستعدة", "", "Le Président a dit « oui »."),
                List.of("", "one"),
                List.of("", "…", ""),
                List.of(String.join(" ", words(3, 400)), String.join(" ", words(4, 50))));
        for (List<String> lines : texts) {
            FoldedLines page = new FoldedLines(Stopwords.defaults(), 0, 0);
            page.add("chrome above the body");
            lines.forEach(page::add);
            int[] body = new int[lines.size()];
            Arrays.setAll(body, i -> i + 1);
            FoldedLines selection = page.select(body, body.length);
            assertEquals(hasher.fingerprint(String.join("\n", lines)), hasher.fingerprint(selection), lines.toString());
        }
    }

    @Test
    void aFingerprintKeepsItsValuesWhenTheSameHasherMakesAnother() {
        Fingerprint first = hasher.fingerprint(String.join(" ", words(4, 80)));
        int[] before = first.values();
        hasher.fingerprint(String.join(" ", words(5, 80)));
        assertArrayEquals(before, first.values());
        assertEquals(new MinHasher(new MatchingForm()).fingerprint(String.join(" ", words(4, 80))), first);
    }
}
