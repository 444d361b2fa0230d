package org.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.lookup.ApiRequest;
import org.articlepipeline.lookup.ApiResponse;
import org.articlepipeline.lookup.LookupHandler;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every lookup answer, on every route and for every outcome, carries {@code x-content-type-options: nosniff}
 * and the {@code cache-control} that {@code docs/openapi.yaml} states for that route and status; one article
 * and its text revalidate by ETag; error bodies carry no markup from the request. Checked on the handler
 * itself and through the local HTTP API.
 */
@ExtendWith(SharedEmbeddedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseHeadersTest {

    private static final String ID = "/articles/{id}";

    private final ObjectMapper json = new ObjectMapper();
    private final String word = "hdr" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).replaceAll("\\d", "q");
    private JsonNode spec;
    private LookupClient api;
    private LookupHandler handler;
    private DirectArticles direct;
    private String key;
    private String article;

    /** One request: the route it falls under in the OpenAPI document, and the status it must get. */
    private record Call(String method, String template, String target, int status) {
    }

    @BeforeAll
    void storeOneArticle(LocalPipeline pipeline) throws Exception {
        spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/openapi.yaml").toFile());
        api = new LookupClient(pipeline.apiEndpoint());
        handler = new LookupHandler(pipeline.environment());
        direct = new DirectArticles(pipeline);
        key = "incoming/headers-" + word + ".txt";
        article = "/articles/" + direct.put(key, "Headers " + word, "Words about " + word + " and caching rules",
                "Header Wire", "en", "2002-03-04");
    }

    @AfterAll
    void close() {
        direct.close();
    }

    private List<Call> everyRouteAndOutcome() {
        String missing = "/articles/" + "f".repeat(24);
        return List.of(
                new Call("GET", "/articles", "/articles?key=" + LookupClient.encode(key), 200),
                new Call("GET", "/articles", "/articles?limit=2", 200),
                new Call("GET", "/articles", "/articles?q=" + word, 200),
                new Call("GET", ID, article, 200),
                new Call("HEAD", ID, article, 200),
                new Call("GET", ID + "/text", article + "/text", 200),
                new Call("GET", ID + "/duplicates", article + "/duplicates", 200),
                new Call("GET", "/sources", "/sources", 200),
                new Call("GET", "/health", "/health", 200),
                new Call("GET", "/articles", "/articles?limit=0", 400),
                new Call("GET", "/articles", "/articles?key=incoming/none-" + word, 404),
                new Call("GET", ID, missing, 404),
                new Call("GET", ID + "/text", missing + "/text", 404),
                new Call("GET", ID + "/duplicates", article + "/duplicates?x=1", 400),
                new Call("DELETE", "/sources", "/sources", 405),
                new Call("GET", "/health", "/health?" + "y=" + "z".repeat(7000), 414),
                new Call("GET", "/articles", "/no-such-route", 404));
    }

    @Test
    void everyAnswerOfEveryRouteIsNosniffAndCachedAsTheOpenApiDocumentStates() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Call call : everyRouteAndOutcome()) {
            String documented = documentedCacheControl(call);
            assertThat(documented).as("docs/openapi.yaml states Cache-Control for " + call).isNotNull();

            ApiResponse direct = handler.respond(request(call, Map.of()));
            expect(failures, "handler " + call, direct.statusCode(), call.status(),
                    direct.headers().get("x-content-type-options"), direct.headers().get("cache-control"), documented);

            HttpResponse<String> viaApi = api.send(call.method(), call.target(), Map.of());
            expect(failures, "local API " + call, viaApi.statusCode(), call.status(),
                    viaApi.headers().firstValue("x-content-type-options").orElse(null),
                    viaApi.headers().firstValue("cache-control").orElse(null), documented);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void oneArticleAndItsTextAreRevalidatedByTheirEtagUntilTheArticleChanges() throws Exception {
        for (String target : List.of(article, article + "/text")) {
            HttpResponse<String> first = api.get(target);
            String eTag = first.headers().firstValue("etag").orElseThrow(() -> new AssertionError(target + " has no ETag"));
            assertThat(first.headers().firstValue("cache-control")).hasValue("private, no-cache");

            HttpResponse<String> again = api.send("GET", target, Map.of("If-None-Match", eTag));
            assertThat(again.statusCode()).as(target).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("etag")).hasValue(eTag);
            assertThat(again.headers().firstValue("cache-control")).hasValue("private, no-cache");
            assertThat(again.headers().firstValue("x-content-type-options")).hasValue("nosniff");

            ApiResponse handled = handler.respond(request(new Call("GET", ID, target, 304), Map.of("if-none-match", eTag)));
            assertThat(handled.statusCode()).isEqualTo(304);
            assertThat(api.send("GET", target, Map.of("If-None-Match", "\"some-other-tag\"")).statusCode()).isEqualTo(200);
        }
        String metadataTag = api.get(article).headers().firstValue("etag").orElseThrow();
        String textTag = api.get(article + "/text").headers().firstValue("etag").orElseThrow();

        direct.put(key, "Headers changed " + word, "Other words about " + word, "Header Wire", "en", "2002-03-05");

        assertThat(api.send("GET", article, Map.of("If-None-Match", metadataTag)).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", article + "/text", Map.of("If-None-Match", textTag)).statusCode()).isEqualTo(200);
    }

    @Test
    void errorBodiesCarryNoMarkupFromTheRequestYetSayTheSame() throws Exception {
        String hostile = "<script>alert('x')</script>&";
        String target = "/articles?" + LookupClient.encode(hostile) + "=1";

        HttpResponse<String> viaApi = api.get(target);
        ApiResponse direct = handler.respond(request(new Call("GET", "/articles", target, 400), Map.of()));

        for (String body : List.of(viaApi.body(), direct.body())) {
            assertThat(body).doesNotContain("<").doesNotContain(">").doesNotContain("&");
            // Escaped, not dropped: the JSON value still names the parameter as it was sent.
            assertThat(json.readTree(body).path("error").path("message").asText()).contains(hostile);
        }
        assertThat(viaApi.statusCode()).isEqualTo(400);
        assertThat(viaApi.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void theLocalApisOwnErrorsQuoteNoMarkupAndStayJson() throws Exception {
        // A malformed escape is refused by the local API itself, before the handler runs: that answer must
        // not carry the request's markup either, and must still be the API's JSON error shape.
        for (String target : List.of("/articles?q=%<b", "/articles?q=%\\\"", "/articles/%<script>")) {
            LookupClient.RawResponse response = api.raw(target);
            assertThat(response.status()).as(target).isBetween(400, 499);
            assertThat(response.body()).as(target).doesNotContain("<").doesNotContain(">");
            assertThat(json.readTree(response.body()).path("error").path("code").asText()).as(target).isNotEmpty();
        }
    }

    private static void expect(List<String> failures, String what, int status, int expectedStatus, String noSniff,
                               String cacheControl, String documented) {
        if (status != expectedStatus || !"nosniff".equals(noSniff) || !documented.equals(cacheControl)) {
            failures.add(what + " -> " + status + ", x-content-type-options " + noSniff + ", cache-control "
                    + cacheControl + " (documented: " + documented + ")");
        }
    }

    /** The {@code const} of the Cache-Control header docs/openapi.yaml gives the call's route and status. */
    private String documentedCacheControl(Call call) {
        JsonNode operation = spec.path("paths").path(call.template()).path("get");
        JsonNode response = followRef(operation.path("responses").path(Integer.toString(call.status())));
        return followRef(response.path("headers").path("Cache-Control")).path("schema").path("const").textValue();
    }

    private JsonNode followRef(JsonNode node) {
        while (node.has("$ref")) {
            node = spec.at(node.path("$ref").asText().substring(1));
        }
        return node;
    }

    private static ApiRequest request(Call call, Map<String, String> headers) {
        String target = call.target();
        int question = target.indexOf('?');
        Map<String, String> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return new ApiRequest(call.method(), question < 0 ? target : target.substring(0, question), query, headers, "headers");
    }
}
