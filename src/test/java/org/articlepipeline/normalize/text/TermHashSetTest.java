package org.articlepipeline.normalize.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermHashSetTest {

    private final MatchingForm form = new MatchingForm();
    private final MatchingForm.TermHashes hashes = new MatchingForm.TermHashes();

    private long hash(String term) {
        return form.termHashes(term, hashes).get(0);
    }

    @Test
    void holdsEveryTermOfEveryTextInItsMatchingForm() {
        TermHashSet set = new TermHashSet(List.of("اقرأ أيضا", "Read more"), form);
        assertTrue(set.contains(hash("اقرا")), "alef forms fold");
        assertTrue(set.contains(hash("ايضا")));
        assertTrue(set.contains(hash("read")), "case folds");
        assertTrue(set.contains(hash("MORE")));
        assertFalse(set.contains(hash("less")));
    }

    @Test
    void answersLikeASetOfStringsOnRandomTerms() {
        Random random = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                w.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : '\u0627' + random.nextInt(20)));
            }
            words.add(w.toString());
        }
        Set<String> members = new HashSet<>(words.subList(0, 5_000));
        TermHashSet set = new TermHashSet(members, form);
        for (String w : words) {
            assertTrue(set.contains(hash(w)) == members.contains(w), w);
        }
    }

    @Test
    void anEmptySetHoldsNothingNotEvenTheHashZero() {
        TermHashSet set = new TermHashSet(List.of(), form);
        assertFalse(set.contains(hash("word")));
        assertFalse(set.contains(0L));
    }
}
