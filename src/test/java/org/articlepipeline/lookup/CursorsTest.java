package org.articlepipeline.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CursorsTest {

    private final Cursors cursors = new Cursors("secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void cursorRoundTripsItsPositionInItsOwnScope() {
        String cursor = cursors.encode("newest", "2026-11-24T10:00:00.000Z#abc");

        assertThat(cursors.decode("newest", cursor)).hasValue("2026-11-24T10:00:00.000Z#abc");
    }

    @Test
    void editedTruncatedOrForeignCursorsAreRefused() {
        String cursor = cursors.encode("newest", "2026-11-24T10:00:00.000Z#abc");
        String edited = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

        assertThat(cursors.decode("newest", edited)).isEmpty();
        assertThat(cursors.decode("newest", cursor.substring(0, cursor.length() - 2))).isEmpty();
        assertThat(cursors.decode("source=reuters", cursor)).isEmpty();
        assertThat(new Cursors("other".getBytes(StandardCharsets.UTF_8)).decode("newest", cursor)).isEmpty();
        assertThat(cursors.decode("newest", "%%%.***")).isEmpty();
        assertThat(cursors.decode("newest", "no-dot")).isEmpty();
    }
}
