package org.articlepipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.articlepipeline.normalize.structure.ChromeReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages the project wrote, each against its golden file in {@code src/test/resources/html-golden/}: title,
 * format, the body paragraph by paragraph, and the page's chrome listed with the reason it was dropped for.
 */
class GoldenHtmlPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArticleNormalizer NORMALIZER = new ArticleNormalizer();
    private static final Path DIR = Path.of("src/test/resources/html-golden");

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageMatchesItsGoldenFile(Path page) throws IOException {
        JsonNode golden = JSON.readTree(DIR.resolve(page.getFileName().toString().replace(".html", ".json")).toFile());
        NormalizationResult result = NORMALIZER.normalize(Files.readAllBytes(page), ArticleOrigin.ofFileName(page.toString()));
        assertThat(result).isInstanceOf(NormalizationResult.Accepted.class);
        NormalizedArticle a = ((NormalizationResult.Accepted) result).article();

        assertThat(a.title()).isEqualTo(golden.get("title").asText());
        assertThat(a.format()).isEqualTo("html");
        assertThat(a.paragraphs()).containsExactlyElementsOf(strings(golden.get("paragraphs")));
        for (JsonNode dropped : golden.get("removed")) {
            assertThat(a.removed()).as("removed").contains(
                    new RemovedLine(dropped.get("text").asText(), ChromeReason.ofCode(dropped.get("reason").asText())));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
