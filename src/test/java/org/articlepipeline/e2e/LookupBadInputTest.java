package org.articlepipeline.e2e;

import static org.articlepipeline.e2e.LookupClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input gets a 4xx in the one error shape, naming the parameter at fault, and never a
 * 500 or a page it did not ask for.
 */
@ExtendWith(SharedEmbeddedStack.class)
class LookupBadInputTest {

    private LookupClient api;
    private LocalPipeline pipeline;

    @BeforeEach
    void useSharedStack(LocalPipeline pipeline) {
        this.pipeline = pipeline;
        api = new LookupClient(pipeline.apiEndpoint());
    }

    static Stream<Arguments> badParameters() {
        String longValue = "k".repeat(1500);
        return Stream.of(
                Arguments.of("/articles?limit=0", "limit"),
                Arguments.of("/articles?limit=101", "limit"),
                Arguments.of("/articles?limit=abc", "limit"),
                Arguments.of("/articles?limit=-1", "limit"),
                Arguments.of("/articles?limit=99999999999999999999", "limit"),
                Arguments.of("/articles?limit=1%00", "limit"),
                Arguments.of("/articles?cursor=abc", "cursor"),
                Arguments.of("/articles?cursor=" + encode("' OR 1=1 --"), "cursor"),
                Arguments.of("/articles?cursor=" + encode("#pk = :v"), "cursor"),
                Arguments.of("/articles?from=2015-13-01", "from"),
                Arguments.of("/articles?from=yesterday", "from"),
                Arguments.of("/articles?to=2015-02-30", "to"),
                Arguments.of("/articles?from=2015-03-02&to=2015-03-01", "to"),
                Arguments.of("/articles?language=" + encode("' OR 1=1 --"), "language"),
                Arguments.of("/articles?language=" + encode("#pk = :v"), "language"),
                Arguments.of("/articles?source=" + encode("---"), "source"),
                Arguments.of("/articles?source=" + "a".repeat(300), "source"),
                Arguments.of("/articles?key=" + longValue, "key"),
                Arguments.of("/articles?q=" + "a".repeat(600), "q"),
                Arguments.of("/articles?q=" + encode("? ! ..."), "q"),
                Arguments.of("/articles?q=" + encode("one two three four five six seven eight nine"), "q"),
                Arguments.of("/articles?q=abc%01def", "q"),
                Arguments.of("/articles?q=%FF%FE", "q"),
                Arguments.of("/articles?q=ab&source=x", "source"),
                Arguments.of("/articles?key=a&limit=2", "limit"),
                Arguments.of("/articles?key=", "key"),
                Arguments.of("/articles?limit=", "limit"),
                Arguments.of("/articles?q=", "q"),
                Arguments.of("/articles?q=word&limit=", "limit"),
                Arguments.of("/articles?limit=5&limit=5", "limit"),
                Arguments.of("/articles?nope=1", "nope"),
                Arguments.of("/articles/" + "0".repeat(24) + "?limit=1", "limit"),
                Arguments.of("/sources?x=1", "x"),
                Arguments.of("/health?x=1", "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParametersAreAnswered400NamingTheParameter(String target, String parameter) throws Exception {
        LookupClient.RawResponse response = api.raw(target);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = api.parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid-parameter");
        assertThat(error.path("message").asText()).contains("'" + parameter + "'");
    }

    @Test
    void injectionShapedValuesAreJustValues() throws Exception {
        for (String value : List.of("' OR 1=1 --", "#pk = :v", "\" OR \"\"=\"", "attribute_exists(pk)", ":pk)")) {
            assertThat(api.get("/articles?key=" + encode(value)).statusCode()).isEqualTo(404);
            JsonNode bySource = api.json("/articles?source=" + encode(value));
            assertThat(bySource.path("items")).isEmpty();
            HttpResponse<String> search = api.get("/articles?q=" + encode(value + " zzqqxxnotaword"));
            assertThat(search.statusCode()).as(value).isIn(200, 400);
            assertThat(api.get("/articles/" + encode(value)).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void invalidUtf8AndControlCharactersInPathsAreNotFoundNotFailures() throws Exception {
        assertThat(api.raw("/articles/%FF%FE").status()).isEqualTo(404);
        assertThat(api.raw("/articles/%FF%FE/text").status()).isEqualTo(404);
        assertThat(api.raw("/articles/%00%01/duplicates").status()).isEqualTo(404);
        assertThat(api.raw("/%C0%AF").status()).isEqualTo(404);
        LookupClient.RawResponse response = api.raw("/articles/a%0D%0ASet-Cookie:%20x=1");
        assertThat(response.status()).isEqualTo(404);
        assertThat(api.parse(response.body()).path("error").path("code").asText()).isEqualTo("not-found");
    }

    @Test
    void rawUtf8InTheRequestLineIsReadAsUtf8() throws Exception {
        String key = "incoming/bad-input-raw/مقال " + System.nanoTime() + ".txt";
        try (DirectArticles direct = new DirectArticles(pipeline)) {
            direct.put(key, "عنوان خام", "نص خام", null, "ar", null);
        }
        String spaceEncoded = key.replace(" ", "%20");

        LookupClient.RawResponse byKey = api.rawBytes(("/articles?key=" + spaceEncoded).getBytes(StandardCharsets.UTF_8));
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(200);
        assertThat(api.parse(byKey.body()).path("key").asText()).isEqualTo(key);
        LookupClient.RawResponse search = api.rawBytes("/articles?q=عنوان%20خام".getBytes(StandardCharsets.UTF_8));
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(api.parse(search.body()).path("items").findValuesAsText("key")).contains(key);
    }

    @Test
    void malformedUrlsAreAnsweredInTheJsonErrorShapeNeverHtml() throws Exception {
        for (String target : List.of("/articles?q=%zz", "/articles/%zz", "/articles?q=100%", "/articles%", "/%E0%A4%A")) {
            LookupClient.RawResponse response = api.raw(target);
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(api.parse(response.body()).at("/error/code").asText()).as(target).isEqualTo("invalid-request");
        }
        for (String target : List.of("//articles", "//", "/articles//text", "*")) {
            LookupClient.RawResponse response = api.raw(target);
            assertThat(response.status()).as(target).isEqualTo(404);
            assertThat(api.parse(response.body()).at("/error/code").asText()).as(target).isEqualTo("not-found");
        }
        LookupClient.RawResponse tab = api.raw("/articles?q=a\tb");
        assertThat(tab.status()).isEqualTo(400);
        assertThat(api.parse(tab.body()).at("/error/message").asText()).contains("'q'");
    }

    @Test
    void overlongRequestsAreAnswered414() throws Exception {
        // Past the local API's own limit, as API Gateway would refuse it.
        assertThat(api.raw("/articles?q=" + "a".repeat(9000)).status()).isEqualTo(414);
        // Within the gateway's limit but past the function's: the function answers 414 itself.
        LookupClient.RawResponse path = api.raw("/articles/" + "a".repeat(3000));
        assertThat(path.status()).isEqualTo(414);
        assertThat(api.parse(path.body()).path("error").path("code").asText()).isEqualTo("uri-too-long");
        StringBuilder manyParameters = new StringBuilder("/articles?limit=1");
        for (int i = 0; i < 8; i++) {
            manyParameters.append("&p").append(i).append('=').append("b".repeat(900));
        }
        assertThat(api.raw(manyParameters.toString()).status()).isEqualTo(414);
    }

    @Test
    void requestBodiesOverTheLimitAreAnswered413() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(pipeline.apiEndpoint() + "/articles"))
                        .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(20_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(response, 413, "payload-too-large");
    }

    @Test
    void unknownRoutesAre404AndOtherMethods405() throws Exception {
        assertError(api.get("/nothing-here"), 404, "not-found");
        assertError(api.get("/articles/abc/comments"), 404, "not-found");
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> response = api.send(method, "/articles", Map.of());
            assertError(response, 405, "method-not-allowed");
            assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD");
        }
        assertThat(api.send("HEAD", "/health", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCursorCannotBeEditedOrTruncated() throws Exception {
        try (DirectArticles direct = new DirectArticles(pipeline)) {
            for (int i = 0; i < 3; i++) {
                direct.put("incoming/bad-input-cursor/" + i + ".txt", "title " + i, "text " + i, null, "en", null);
            }
        }
        JsonNode first = api.json("/articles?limit=2");
        String cursor = first.path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        assertThat(api.get("/articles?limit=2&cursor=" + encode(cursor)).statusCode()).isEqualTo(200);
        char last = cursor.charAt(cursor.length() - 1);
        String edited = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        String editedPosition = (cursor.charAt(0) == 'M' ? 'N' : 'M') + cursor.substring(1);
        for (String bad : List.of(edited, editedPosition, cursor.substring(0, cursor.length() - 3),
                cursor.substring(0, cursor.indexOf('.')), cursor + ".x", cursor.replace('.', '_'))) {
            assertError(api.get("/articles?limit=2&cursor=" + encode(bad)), 400, "invalid-parameter");
        }
        // A listing cursor is not a search cursor.
        assertError(api.get("/articles?q=abc&cursor=" + encode(cursor)), 400, "invalid-parameter");
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(api.parse(response.body()).path("error").path("code").asText()).isEqualTo(code);
        assertThat(api.parse(response.body()).path("error").path("message").asText()).isNotBlank();
    }
}
