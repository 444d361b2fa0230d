package org.articlepipeline.normalize.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LanguageHintsTest {

    @Test
    void theTextWinsWhereTheDetectorCanTell() {
        assertEquals("fa", LanguageHints.confirm("ar", "fa"), "a site-wide ar on a Persian page");
        assertEquals("ar", LanguageHints.confirm("en", "ar"), "an English template around Arabic text");
        assertEquals("fr", LanguageHints.confirm("en", "fr"));
    }

    @Test
    void theDeclarationStandsWhereTheDetectorAbstainsOrCannotNameTheLanguage() {
        assertEquals("de", LanguageHints.confirm("de", null));
        assertEquals("es", LanguageHints.confirm("es", "fr"), "Spanish shares de, la, en, que with French");
        assertEquals("de", LanguageHints.confirm("de", "en"));
    }

    @Test
    void withoutADeclarationTheDetectorDecides() {
        assertEquals("en", LanguageHints.confirm(null, "en"));
        assertNull(LanguageHints.confirm(null, null));
    }
}
