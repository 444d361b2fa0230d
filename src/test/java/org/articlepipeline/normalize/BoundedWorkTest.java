package org.articlepipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.articlepipeline.document.ArticleDocuments;
import org.articlepipeline.json.JsonCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pathological pages at the 10 MB cap are normalized in the heap Lambda gives the ingest function, and their
 * documents stay within about twice the page. Surefire runs this class alone in a JVM started with
 * {@code -Xmx870m} (85 % of the template's 1024 MB; the {@code function-heap} execution in pom.xml); the times
 * are measured by {@code bench/pathological.sh} and recorded in docs/benchmarks.md.
 */
@Tag("function-heap")
class BoundedWorkTest {

    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private final ArticleDocuments documents = new ArticleDocuments();
    private final JsonCodec json = new JsonCodec();

    static Stream<PathologicalPages.Page> pages() {
        return PathologicalPages.all().stream().filter(page -> !page.name().contains("comparison") && !page.name().equals("bare divs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void aPageAtTheSizeCapIsNormalizedInTheFunctionsHeapIntoADocumentAboutTwiceItsSize(PathologicalPages.Page page) {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(900L * 1024 * 1024);
        // HTML at 2 MB: its 100,000 nested divs are what it tests, and its 10 MB time is the benchmark's business.
        int size = page.name().contains("html") ? 2 * 1024 * 1024 : NormalizerSettings.DEFAULT_MAX_BYTES;
        byte[] content = page.make().apply(size);
        assertThat(content.length).isGreaterThan(size * 9 / 10);

        NormalizationResult result = normalizer.normalize(content,
                ArticleOrigin.ofFileName(page.name().contains("html") ? "page.html" : "page.txt"));
        byte[] document = json.toBytes(documents.toJson(result));

        if (result instanceof NormalizationResult.Rejected rejected) {
            assertThat(rejected.reason()).as(rejected.detail()).isNotEqualTo(RejectionReason.INTERNAL_ERROR);
        }
        // The text twice (paragraphs and text), plus a few bytes of JSON per paragraph.
        assertThat((double) document.length).isLessThanOrEqualTo(2.2 * content.length);
    }
}
