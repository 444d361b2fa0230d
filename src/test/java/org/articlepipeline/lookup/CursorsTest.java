package org.articlepipeline.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CursorsTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final Cursors cursors = new Cursors("secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCursorNamesItsPositionInItsOwnScopeOnly() {
        String cursor = cursors.encode("list\u0000a", "2015-11-27T00:00:00.000Z#0123456789abcdef01234567");
        assertThat(cursors.decode("list\u0000a", cursor)).hasValue("2015-11-27T00:00:00.000Z#0123456789abcdef01234567");
        assertThat(cursors.decode("list\u0000b", cursor)).isEmpty();
        assertThat(new Cursors("other".getBytes(StandardCharsets.UTF_8)).decode("list\u0000a", cursor)).isEmpty();
    }

    @Test
    void everySingleCharacterEditIsRefused() {
        for (String position : new String[] {"2015-11-27T00:00:00.000Z#0123456789abcdef01234567", "0000#ab", "x"}) {
            String cursor = cursors.encode("scope", position);
            for (int i = 0; i < cursor.length(); i++) {
                for (char replacement : (ALPHABET + ".=+/ ").toCharArray()) {
                    if (replacement == cursor.charAt(i)) {
                        continue;
                    }
                    String edited = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                    assertThat(cursors.decode("scope", edited)).as(edited).isEmpty();
                }
            }
        }
    }

    @Test
    void truncatedOrExtendedCursorsAreRefused() {
        String cursor = cursors.encode("scope", "2015-11-27T00:00:00.000Z#0123456789abcdef01234567");
        for (int length = 0; length < cursor.length(); length++) {
            assertThat(cursors.decode("scope", cursor.substring(0, length))).isEmpty();
        }
        assertThat(cursors.decode("scope", cursor + "A")).isEmpty();
        assertThat(cursors.decode("scope", cursor + ".")).isEmpty();
        assertThat(cursors.decode("scope", "A" + cursor)).isEmpty();
    }
}
