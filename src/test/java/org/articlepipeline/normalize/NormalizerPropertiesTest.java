package org.articlepipeline.normalize;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Properties over generated input: the normalizer never throws, and is idempotent on its own output. */
class NormalizerPropertiesTest {

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    @Property(tries = 300)
    void neverThrowsOnArbitraryBytes(@ForAll byte[] bytes) {
        NormalizationResult r = normalizer.normalize(bytes, ArticleOrigin.ofFileName("any"));
        if (r instanceof NormalizationResult.Rejected rejected) {
            assertNotEquals(RejectionReason.INTERNAL_ERROR, rejected.reason(), rejected.detail());
        }
    }

    @Property(tries = 300)
    void neverThrowsOnArbitraryText(@ForAll("pages") String page) {
        NormalizationResult r = normalizer.normalize(page.getBytes(StandardCharsets.UTF_8), null);
        if (r instanceof NormalizationResult.Rejected rejected) {
            assertNotEquals(RejectionReason.INTERNAL_ERROR, rejected.reason(), rejected.detail());
        }
    }

    @Property(tries = 200)
    void isIdempotentOnItsOwnOutput(@ForAll("pages") String page) {
        NormalizationResult first = normalizer.normalize(page.getBytes(StandardCharsets.UTF_8), null);
        Assume.that(first instanceof NormalizationResult.Accepted);
        NormalizedArticle a = ((NormalizationResult.Accepted) first).article();
        Assume.that(!a.paragraphs().isEmpty());
        String again = (a.title() == null ? "" : a.title() + "\n\n") + a.text();
        NormalizationResult second = normalizer.normalize(again.getBytes(StandardCharsets.UTF_8), null);
        NormalizedArticle b = ((NormalizationResult.Accepted) second).article();
        assertEquals(a.title(), b.title(), "title");
        assertEquals(a.paragraphs(), b.paragraphs(), "paragraphs");
        assertEquals(a.text(), b.text(), "text");
        assertEquals(a.contentHash(), b.contentHash(), "contentHash");
    }

    private static final List<String> SENTENCES = List.of(
            "قال وزير الخارجية الفرنسي اليوم الجمعة إن الرئيس الروسي طلب من فرنسا وضع خريطة لأماكن تواجد الجماعات في سوريا.",
            "واتفق الرئيسان خلال محادثات في موسكو أمس الخميس على تبادل المعلومات عن التنظيم وجماعات المعارضة المسلحة.",
            "وقال فابيوس: \"هناك الآن نقطة واحدة يتفق عليها الجميع.\"",
            "The minister said on Friday that the talks with the rebels would resume next week in Geneva, after a pause.",
            "He declined to comment.",
            "Le ministre a déclaré que les discussions reprendraient la semaine prochaine à Genève, après une longue pause.");
    private static final List<String> CHROME = List.of(
            "الأكثر قراءة", "No stories found.", "logo", "www.example.com", "المصدر:رويترز", "26.11.2015 20:55",
            "Share", "×", "'", "\u00A0", "اقرأ أيضا: خبر آخر", "نجاح", "ادعم الموقع", "camera iconصورة", "tag icon ع ع ع");
    private static final List<String> SHORT = List.of("مصير الأسد", "Geneva talks", "لا ترجمة فعلية للتعاون المشترك", "باريس- ", "LONDON (Reuters) - ");

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> sentence = Arbitraries.of(SENTENCES);
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, sentence),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(CHROME)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(SHORT), sentence).as(String::concat)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
        Arbitrary<String> title = Arbitraries.of("فرنسا تطلب من روسيا حماية قسد في سوريا", "Oil prices climb as supply worries mount",
                "عنوان الخبر – موقع24");
        return Combinators.combine(title, line.list().ofMinSize(1).ofMaxSize(12),
                        Arbitraries.of("\n", "\n\n", "\r\n"))
                .as((t, lines, sep) -> t + sep + String.join(sep, lines));
    }
}
