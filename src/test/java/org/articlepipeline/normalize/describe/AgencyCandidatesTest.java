package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link Agencies#find} tries only the variants whose first word the credit holds, and still takes the earliest. */
class AgencyCandidatesTest {

    private final Agencies agencies = new Agencies();

    @Test
    void theEarliestCreditedAgencyWinsWhateverItsFirstWord() {
        assertEquals("AFP", agencies.find("Agence France-Presse et Reuters"));
        assertEquals("Reuters", agencies.find("Reuters, Agence France-Presse"));
        assertEquals("AP", agencies.find("Associated Press / Reuters"));
        assertEquals("AFP", agencies.find("ا ف ب و رويترز"));
    }

    @Test
    void aVariantSharingItsFirstWordWithALongerOneIsStillFound() {
        assertEquals("Anadolu", agencies.find("Anadolu Agency"));
        assertEquals("Anadolu", agencies.find("anadolu"));
        assertEquals("RIA Novosti", agencies.find("RIA Novosti"));
        assertEquals("Anadolu", agencies.find("وكالة الأناضول"));
    }

    @Test
    void aWordOfAVariantAloneIsNoCredit() {
        assertNull(agencies.find("France"));
        assertNull(agencies.find("press"));
        assertNull(agencies.find(""));
        assertNull(agencies.find(null));
    }
}
