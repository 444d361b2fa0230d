package org.articlepipeline.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.articlepipeline.normalize.structure.ChromeReason;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each seed page against its golden file in {@code src/test/resources/golden/}: metadata exact, body from its
 * first to its last sentence, every chrome line gone with its reason, and no prose line lost.
 */
class GoldenSeedsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();

    static Stream<Path> goldens() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void seedMatchesItsGoldenFile(Path golden) throws IOException {
        JsonNode g = JSON.readTree(golden.toFile());
        byte[] bytes = Files.readAllBytes(Path.of("seeds", g.get("seed").asText()));
        NormalizedArticle a = assertInstanceOf(NormalizationResult.Accepted.class,
                NORMALIZER.normalize(bytes, ArticleOrigin.ofFileName(g.get("seed").asText()))).article();

        assertEquals(text(g, "title"), a.title(), "title");
        assertEquals(text(g, "subtitle"), a.subtitle(), "subtitle");
        assertEquals(text(g, "source"), a.source(), "source");
        assertEquals(text(g, "sourceUrl"), a.sourceUrl(), "sourceUrl");
        assertEquals(text(g, "agency"), a.agency(), "agency");
        assertEquals(text(g, "dateline"), a.dateline(), "dateline");
        assertEquals(text(g, "publishedAt"), a.publishedAt(), "publishedAt");
        assertEquals(text(g, "language"), a.language(), "language");
        assertEquals(g.get("paragraphCount").asInt(), a.paragraphCount(), "paragraphCount");
        assertTrue(a.paragraphs().get(0).startsWith(text(g, "firstParagraphStartsWith")), "first paragraph");
        assertTrue(a.paragraphs().get(a.paragraphCount() - 1).endsWith(text(g, "lastParagraphEndsWith")), "last paragraph");
        assertEquals(String.join("\n\n", a.paragraphs()), a.text());

        Set<String> chrome = new HashSet<>();
        for (JsonNode c : g.get("chrome")) {
            String line = c.get("text").asText();
            chrome.add(line);
            assertTrue(a.removed().contains(new RemovedLine(line, ChromeReason.ofCode(c.get("reason").asText()))),
                    "removed as " + c.get("reason").asText() + ": " + line);
            assertFalse(a.text().contains(line), "chrome left in text: " + line);
        }
        for (JsonNode k : g.get("mustKeep")) {
            assertTrue(a.paragraphs().contains(k.asText()), "kept: " + k.asText());
        }

        // No prose lost: every line of the page is the title, a copy of it, chrome, the subtitle, or in the body.
        List<String> lost = new ArrayList<>();
        for (String line : new TextCleaner().clean(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).lines()) {
            boolean accounted = chrome.contains(line) || line.equals(a.subtitle())
                    || a.removed().contains(new RemovedLine(line, ChromeReason.REPEATED_TITLE))
                    || (a.title() != null && line.startsWith(a.title()))
                    || a.paragraphs().stream().anyMatch(line::endsWith);
            if (!accounted) {
                lost.add(line);
            }
        }
        assertEquals(List.of(), lost, "prose lines lost");
    }
}
