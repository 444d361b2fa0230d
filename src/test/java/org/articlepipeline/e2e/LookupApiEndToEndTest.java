package org.articlepipeline.e2e;

import static org.articlepipeline.e2e.LookupClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The lookup API on the embedded stack: every route, paging through hundreds of articles, search with
 * Arabic spelling variants, duplicates from both sides, publishers and their counts.
 *
 * <p>260 generated articles go through S3 and the real ingest handler once for the class; articles with
 * publishers, languages and publication dates (which this branch's normalizer does not find) are written
 * through the same store classes ingest uses. Every name and word is unique to the run, so the shared
 * stack's other articles never match.
 */
@ExtendWith(SharedEmbeddedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupApiEndToEndTest {

    static final int GENERATED = 260;

    private final String marker = word(new Random());
    private LocalPipeline pipeline;
    private LookupClient api;
    private DirectArticles direct;
    private S3Client s3;
    private String folder;
    private final List<String> generatedIds = new ArrayList<>();

    @BeforeAll
    void uploadGeneratedArticles(LocalPipeline pipeline) throws Exception {
        this.pipeline = pipeline;
        this.api = new LookupClient(pipeline.apiEndpoint());
        this.direct = new DirectArticles(pipeline);
        this.s3 = new AwsClients(pipeline.environment()).s3();
        this.folder = pipeline.settings().inputPrefix() + "lookup-" + marker + "/";
        ExecutorService uploads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < GENERATED; i++) {
                String key = folder + "gen-" + i + ".txt";
                generatedIds.add(ArticleId.of(pipeline.settings().bucket(), key));
                String content = generated(i);
                done.add(uploads.submit(() -> upload(key, content)));
            }
            for (Future<?> upload : done) {
                upload.get();
            }
        } finally {
            uploads.shutdown();
        }
        assertThat(pipeline.awaitIdle(120_000)).isTrue();
    }

    @AfterAll
    void close() {
        direct.close();
        s3.close();
    }

    private String generated(int i) {
        return "تقرير رقم " + i + " عن " + marker + "\n\n"
                + "قال المتحدث باسم الوزارة اليوم إن الاجتماع رقم " + i + " ناقش خطط التنمية في المنطقة " + marker
                + " وأكد أهمية التعاون بين الدول المجاورة.\n\n"
                + "وأضاف أن اللجنة ستقدم تقريرها النهائي خلال الأسابيع المقبلة بعد دراسة المقترحات كافة.\n";
    }

    /**
     * Uploads through the product's S3 client, trying twice more on a transport error. Once in some dozen
     * runs of the whole suite on a loaded two-core machine, all four of the SDK's attempts at an empty PUT to
     * the embedded S3 server failed with "Error writing request body to server" (a kept-alive connection the
     * JDK's streaming PUT cannot resend on): that is the test's transport, not the behaviour under test.
     */
    /** A second sentence, so that the short articles below have the words an article needs (20). */
    private static final String MORE_PROSE = " وقال مسؤولون في الوزارة إن الاجتماع المقبل سيعقد في العاصمة خلال"
            + " الأسبوع المقبل لمناقشة التفاصيل المتبقية من الاتفاق.";

    private void upload(String key, String content) {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(b -> b.bucket(pipeline.settings().bucket()).key(key), RequestBody.fromString(content));
                return;
            } catch (SdkClientException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- listing and paging

    @Test
    void listingPagesThroughEveryArticleNewestFirstWithoutRepeatsOrGaps() throws Exception {
        List<String> seen = new ArrayList<>();
        List<String> orderKeys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.json("/articles?limit=37" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            for (JsonNode item : page.path("items")) {
                seen.add(item.path("id").asText());
                orderKeys.add(item.path("publishedAt").isNull() ? item.path("ingestedAt").asText() : item.path("publishedAt").asText());
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 200);
        assertThat(cursor).isNull();
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(generatedIds);
        assertThat(pages).isGreaterThanOrEqualTo(GENERATED / 37);
    }

    @Test
    void defaultLimitIsTwentyAndAListItemCarriesEveryMetadataField() throws Exception {
        JsonNode page = api.json("/articles");
        assertThat(page.path("items")).hasSize(20);
        assertThat(page.path("nextCursor").isTextual()).isTrue();
        JsonNode item = page.path("items").get(0);
        for (String field : List.of("id", "key", "status", "title", "subtitle", "source", "sourceUrl", "agency",
                "dateline", "publishedAt", "language", "encoding", "wordCount", "paragraphCount", "charCount",
                "readingMinutes", "contentHash", "fingerprint", "duplicateOf", "ingestedAt", "size", "eTag",
                "versionId", "textUrl")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
    }

    @Test
    void sourceLanguageAndDateFiltersNarrowTheListingAndPageWithTheirOwnCursors() throws Exception {
        String source = "Test Wire " + marker;
        String a = direct.put(folder + "src-a.txt", "خبر أول " + marker, "نص الخبر الأول", source, "ar", "1999-03-10");
        String b = direct.put(folder + "src-b.txt", "خبر ثان " + marker, "نص الخبر الثاني", source, "ar", "1999-03-11T08:30:00Z");
        String c = direct.put(folder + "src-c.txt", "Second story " + marker, "The text of it", source, "en", "1999-03-12");
        String other = direct.put(folder + "src-d.txt", "Other " + marker, "Other text", "Other Wire " + marker, "ar", "1999-03-11");

        assertThat(ids("/articles?source=" + encode(source))).containsExactly(c, b, a);
        // The key form and the name form name the same publisher.
        assertThat(ids("/articles?source=" + encode("test-wire-" + marker))).containsExactly(c, b, a);
        assertThat(ids("/articles?source=" + encode(source) + "&language=ar")).containsExactly(b, a);
        assertThat(ids("/articles?source=" + encode(source) + "&from=1999-03-11")).containsExactly(c, b);
        assertThat(ids("/articles?source=" + encode(source) + "&from=1999-03-11&to=1999-03-11")).containsExactly(b);
        assertThat(ids("/articles?source=" + encode(source) + "&to=1999-03-10")).containsExactly(a);
        // Without a publisher the date index answers the same questions.
        assertThat(ids("/articles?from=1999-03-11&to=1999-03-11")).containsExactlyInAnyOrder(b, other);
        assertThat(ids("/articles?from=1999-03-10&to=1999-03-12&language=en")).containsExactly(c);
        assertThat(ids("/articles?from=1999-03-10&to=1999-03-12&language=ar")).containsExactly(b, other, a);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.json("/articles?limit=1&source=" + encode(source)
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            page.path("items").forEach(item -> paged.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            if (cursor != null) {
                // A cursor belongs to its filters: the same position in another listing is refused.
                assertError(api.get("/articles?limit=1&source=" + encode("Other Wire " + marker)
                        + "&cursor=" + encode(cursor)), 400, "cursor");
                assertError(api.get("/articles?limit=1&cursor=" + encode(cursor)), 400, "cursor");
            }
        } while (cursor != null);
        assertThat(paged).containsExactly(c, b, a);
    }

    @Test
    void sourcesCountVisibleArticlesAndFollowReplacementsAndDeletes() throws Exception {
        String first = "Agence " + marker;
        String second = "وكالة " + marker;
        direct.put(folder + "count-1.txt", "t1 " + marker, "body", first, "fr", null);
        direct.put(folder + "count-2.txt", "t2 " + marker, "body", first, "fr", null);
        direct.put(folder + "count-3.txt", "t3 " + marker, "body", first, "fr", null);
        assertThat(countOf("agence-" + marker)).isEqualTo(3);

        direct.put(folder + "count-3.txt", "t3 " + marker, "body again", second, "ar", null);
        direct.put(folder + "count-2.txt", "t2 " + marker, "body again", first, "fr", null);
        assertThat(countOf("agence-" + marker)).isEqualTo(2);
        assertThat(countOf("وكاله-" + marker)).isEqualTo(1);
        JsonNode named = sourceEntry("وكاله-" + marker);
        assertThat(named.path("name").asText()).isEqualTo(second);

        direct.delete(folder + "count-3.txt");
        assertThat(sourceEntry("وكاله-" + marker)).isNull();
        assertThat(countOf("agence-" + marker)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- search

    @Test
    void searchFindsArabicSpellingVariantsAndRequiresEveryWord() throws Exception {
        String tag = word(new Random()) + "x";
        String id = direct.put(folder + "variants.txt", "الرئيس الفرنسي فرانسوا أولوند يزور المدرسة " + tag,
                "زار الرئيس المُسْتَشْفَى الكبير ومـــدرســة البنات في العاصمة عام ٢٠١٥ مع وزير الخارجية.",
                null, "ar", null);

        // Words match whole (no stemming of prefixes such as ال or و): the spelling variants meet.
        for (String query : List.of("اولوند", "أولوند", "إولوند", "المستشفي", "المستشفى", "المُسْتَشْفَى", "المدرسه",
                "ومدرسة", "ومدرسه", "2015", "٢٠١٥", "اولـــوند", "الرئيس اولوند", "اولوند " + tag.toUpperCase())) {
            assertThat(ids("/articles?q=" + encode(query + " " + tag))).as(query).containsExactly(id);
        }
        assertThat(ids("/articles?q=" + encode("باريس " + tag))).isEmpty();
        assertThat(ids("/articles?q=" + encode("nothingmatches" + tag))).isEmpty();
        // Stop words are not indexed, and a query ignores them rather than finding nothing.
        assertThat(ids("/articles?q=" + encode("في اولوند " + tag))).containsExactly(id);
    }

    @Test
    void searchOrdersBestMatchesFirst() throws Exception {
        String tag = word(new Random()) + "y";
        String weak = direct.put(folder + "weak.txt", "عنوان عادي", "ذكر " + tag + " مرة واحدة فقط", null, "ar", null);
        String strong = direct.put(folder + "strong.txt", "عنوان عن " + tag, tag + " ثم " + tag + " ثم " + tag, null, "ar", null);
        assertThat(ids("/articles?q=" + tag)).containsExactly(strong, weak);
    }

    @Test
    void searchPagesThroughMoreThan250HitsWithoutRepeatsOrGaps() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.json("/articles?limit=50&q=" + marker + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            page.path("items").forEach(item -> seen.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(new LinkedHashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(generatedIds);
    }

    @Test
    void replacingOrDeletingAnUploadRemovesItsOldPostings() throws Exception {
        String key = folder + "replaced.txt";
        String id = ArticleId.of(pipeline.settings().bucket(), key);
        String alpha = "alpha" + marker;
        String beta = "beta" + marker;
        upload(key, "عنوان " + alpha + "\n\nنص يذكر " + alpha + " في الفقرة الأولى من هذا المقال." + MORE_PROSE + "\n");
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
        assertThat(ids("/articles?q=" + alpha)).containsExactly(id);

        upload(key, "عنوان " + beta + "\n\nنص جديد يذكر " + beta + " بدلا من الكلمة القديمة." + MORE_PROSE + "\n");
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
        assertThat(ids("/articles?q=" + alpha)).isEmpty();
        assertThat(ids("/articles?q=" + beta)).containsExactly(id);
        assertThat(direct.postings(alpha, id)).isZero();
        assertThat(direct.postings(beta, id)).isEqualTo(1);

        s3.deleteObject(b -> b.bucket(pipeline.settings().bucket()).key(key));
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
        assertThat(ids("/articles?q=" + beta)).isEmpty();
        assertThat(direct.postings(beta, id)).isZero();
    }

    @Test
    void aPostingLeftBehindByARaceNeverShowsAnArticleWithoutTheWord() throws Exception {
        String tag = word(new Random()) + "z";
        String id = direct.put(folder + "stray.txt", "عنوان " + tag, "نص لا يذكر الكلمة الأخرى", null, "ar", null);
        direct.strayPosting("stray" + tag, id);
        assertThat(ids("/articles?q=" + tag)).containsExactly(id);
        assertThat(ids("/articles?q=stray" + tag)).isEmpty();
    }

    @Test
    void aRejectedReUploadLeavesTheSearchIndex() throws Exception {
        String key = folder + "rejected.txt";
        String id = ArticleId.of(pipeline.settings().bucket(), key);
        String gamma = "gamma" + marker;
        upload(key, "عنوان " + gamma + "\n\nنص يذكر " + gamma + " مرة." + MORE_PROSE + "\n");
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
        assertThat(ids("/articles?q=" + gamma)).containsExactly(id);

        upload(key, "");
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
        // The rejection is shown with its reason; the old version's text and postings are gone.
        assertThat(api.json("/articles/" + id).path("status").asText()).isEqualTo("REJECTED");
        assertThat(api.get("/articles/" + id + "/text").statusCode()).isEqualTo(404);
        assertThat(ids("/articles?q=" + gamma)).isEmpty();
        assertThat(direct.postings(gamma, id)).isZero();
    }

    // ---------------------------------------------------------------- one article

    @Test
    void articleByIdAndByKeyAnswerTheSameMetadata() throws Exception {
        String key = folder + "gen-7.txt";
        JsonNode byId = api.json("/articles/" + generatedIds.get(7));
        JsonNode byKey = api.json("/articles?key=" + encode(key));
        assertThat(byKey).isEqualTo(byId);
        assertThat(byId.path("title").asText()).contains("تقرير رقم 7");
        // UTF-8 with Arabic written as characters, not \\u escapes.
        HttpResponse<String> raw = api.get("/articles/" + generatedIds.get(7));
        assertThat(raw.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(raw.body()).contains("تقرير رقم 7").doesNotContain("\\u062a");
        assertThat(byId.path("textUrl").asText()).isEqualTo("/articles/" + generatedIds.get(7) + "/text");
        assertError(api.get("/articles?key=" + encode(folder + "never-uploaded.txt")), 404, null);
        assertError(api.get("/articles/" + "0".repeat(24)), 404, null);
    }

    @Test
    void textHasAnETagThatRevalidatesAndChangesWithTheArticle() throws Exception {
        String key = folder + "etag.txt";
        String id = ArticleId.of(pipeline.settings().bucket(), key);
        upload(key, "عنوان أول\n\nالنص الأول للمقال." + MORE_PROSE + "\n");
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
        HttpResponse<String> first = api.get("/articles/" + id + "/text");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(first.body()).contains("النص الأول");
        String eTag = first.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> revalidated = api.send("GET", "/articles/" + id + "/text", Map.of("If-None-Match", eTag));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();

        upload(key, "عنوان ثان\n\nالنص الثاني للمقال." + MORE_PROSE + "\n");
        assertThat(pipeline.awaitIdle(30_000)).isTrue();
        HttpResponse<String> changed = api.send("GET", "/articles/" + id + "/text", Map.of("If-None-Match", eTag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("النص الثاني");
        assertThat(changed.headers().firstValue("etag")).isPresent().get().isNotEqualTo(eTag);
    }

    @Test
    void duplicatesAreVisibleFromBothSides() throws Exception {
        String story = "خبر مكرر " + marker + "\n\n"
                + "قال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن بلاده مستعدة لاستئناف المفاوضات فورا. "
                + "وأضاف أن الوفد سيتوجه إلى جنيف الأسبوع المقبل لبحث تفاصيل الاتفاق مع الأطراف المعنية. "
                + "وأكد أن الحكومة لن تقبل بأي شروط مسبقة تمس السيادة الوطنية أو تفرض حلولا من الخارج.\n\n"
                + "من جهته رحب المبعوث الأممي بالإعلان ودعا جميع الأطراف إلى الالتزام بوقف إطلاق النار.\n";
        String keyA = folder + "dup-a.txt";
        String keyB = folder + "dup-b.txt";
        String keyC = folder + "dup-c.txt";
        String keyD = folder + "dup-d.txt";
        upload(keyA, story);
        upload(keyB, story);
        upload(keyC, story + "\nوفي سياق متصل أعلنت الأمم المتحدة عن إرسال مساعدات إنسانية إلى المنطقة.\n");
        upload(keyD, "موضوع مختلف " + marker + "\n\n"
                + "افتتح المعرض الدولي للكتاب أبوابه أمس بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة. "
                + "ويتضمن البرنامج الثقافي ندوات شعرية وأمسيات أدبية وورش عمل للأطفال طوال أيام المعرض.\n");
        assertThat(pipeline.awaitIdle(60_000)).isTrue();
        String a = ArticleId.of(pipeline.settings().bucket(), keyA);
        String b = ArticleId.of(pipeline.settings().bucket(), keyB);
        String c = ArticleId.of(pipeline.settings().bucket(), keyC);
        String d = ArticleId.of(pipeline.settings().bucket(), keyD);

        JsonNode fromA = api.json("/articles/" + a + "/duplicates");
        assertThat(fromA.path("id").asText()).isEqualTo(a);
        assertThat(duplicateIds(fromA, "exact")).containsExactly(b);
        assertThat(duplicateIds(fromA, "near")).containsExactly(c);
        assertThat(duplicateIds(api.json("/articles/" + b + "/duplicates"), "exact")).containsExactly(a);

        JsonNode fromC = api.json("/articles/" + c + "/duplicates");
        assertThat(duplicateIds(fromC, "exact")).isEmpty();
        assertThat(duplicateIds(fromC, "near")).containsExactlyInAnyOrder(a, b);
        assertThat(fromC.path("items").get(0).path("similarity").asDouble()).isBetween(0.45, 1.0);
        assertThat(api.json("/articles/" + d + "/duplicates").path("items")).isEmpty();
    }

    @Test
    void healthAnswersOkWhenTableAndBucketAnswer() throws Exception {
        HttpResponse<String> health = api.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(api.parse(health.body()).path("status").asText()).isEqualTo("ok");
    }

    // ---------------------------------------------------------------- helpers

    private List<String> ids(String pathAndQuery) throws Exception {
        List<String> ids = new ArrayList<>();
        api.json(pathAndQuery).path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> duplicateIds(JsonNode answer, String kind) {
        List<String> ids = new ArrayList<>();
        answer.path("items").forEach(item -> {
            if (item.path("kind").asText().equals(kind)) {
                ids.add(item.path("article").path("id").asText());
            }
        });
        return ids;
    }

    private long countOf(String key) throws Exception {
        JsonNode entry = sourceEntry(key);
        return entry == null ? 0 : entry.path("count").asLong();
    }

    private JsonNode sourceEntry(String key) throws Exception {
        for (JsonNode item : api.json("/sources").path("items")) {
            if (item.path("key").asText().equals(key)) {
                return item;
            }
        }
        return null;
    }

    private void assertError(HttpResponse<String> response, int status, String parameter) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = api.parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isNotBlank();
        if (parameter != null) {
            assertThat(error.path("message").asText()).contains("'" + parameter + "'");
        }
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder("mk");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

}
