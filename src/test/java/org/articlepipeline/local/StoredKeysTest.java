package org.articlepipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"incoming/story.txt", "incoming/../normalized/a.txt", "./a", "a//b", "/", "//", "a/",
            ".", "..", "...", "%", "%~", "%=", "a%2Fb", "line\nbreak\u0000", "مقال جديد", "\uD83D\uDE00 emoji",
            "a/b/c/d/e/f/g"})
    void aStoredNameIsPlainAsciiPathElementsAndDecodesToTheKey(String key) {
        String name = StoredKeys.name(key);

        assertThat(StoredKeys.key(name)).isEqualTo(key);
        assertThat(name).matches("[\\x21-\\x7E]+");
        for (String element : name.split("/", -1)) {
            assertThat(element).isNotIn("", ".", "..").doesNotStartWith(".");
            assertThat(element.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(StoredKeys.MAX_PIECE + 2);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {199, 200, 201, 399, 400, 401, 1024})
    void longSegmentsAreCutWithoutSplittingAnEscapeAndStillDecode(int length) {
        for (String unit : new String[] {"x", "م", "\n", "x\n"}) {
            String key = "incoming/" + unit.repeat(length / unit.length());
            String name = StoredKeys.name(key);
            assertThat(StoredKeys.key(name)).isEqualTo(key);
            assertThat(name.split("/")).allSatisfy(element -> assertThat(element.length()).isLessThanOrEqualTo(202));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/", "incoming/sub/", "a//", ""})
    void aPrefixsDirectoryStartsTheNameOfEveryKeyUnderIt(String prefix) {
        for (String rest : new String[] {"x.txt", "deeper/y.txt", "/z", ".."}) {
            assertThat(StoredKeys.name(prefix + rest)).startsWith(StoredKeys.directory(prefix));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/story.txt", "incoming/story.txt/", "no-mark", "%ZZ%=", "a%4%="})
    void namesTheStoreDidNotWriteAsObjectsDecodeToNothing(String name) {
        assertThat(StoredKeys.key(name)).isNull();
    }
}
