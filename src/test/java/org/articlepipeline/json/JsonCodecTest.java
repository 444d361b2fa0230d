package org.articlepipeline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link JsonCodec} and {@link JsonValue} to what the ingest function relied on from databind: the same
 * answers when events are navigated, the same errors for malformed input, the same bytes when written.
 * Databind is used here only as the reference.
 */
class JsonCodecTest {

    private final JsonCodec json = new JsonCodec();
    private final ObjectMapper databind = new ObjectMapper();

    @Test
    void readsObjectsArraysAndScalarsInDocumentOrder() throws Exception {
        JsonValue value = json.parse("{\"b\":[1,\"two\",true,null,{\"c\":2.5}],\"a\":\"x\"}");

        assertThat(value.isObject()).isTrue();
        assertThat(value.fields().keySet()).containsExactly("b", "a");
        JsonValue array = value.path("b");
        assertThat(array.isArray()).isTrue();
        assertThat(array.path(0).asLong()).isEqualTo(1);
        assertThat(array.path(1).isTextual()).isTrue();
        assertThat(array.path(2).asText()).isEqualTo("true");
        assertThat(array.path(3).isNull()).isTrue();
        assertThat(array.path(4).path("c").asText()).isEqualTo("2.5");
        assertThat(array.path(5).isMissing()).isTrue();
        assertThat(value.path("a").path("nested").isMissing()).isTrue();
    }

    @Test
    void navigationAnswersWhatDatabindsTreeAnswered() throws Exception {
        // The event readers were written against JsonNode; each question they ask must get the same answer.
        String document = """
                {"text":"t","empty":"","int":7,"long":12345678901,"big":123456789012345678901234567890,
                 "float":1.5e3,"negative":-3,"true":true,"false":false,"null":null,"numericText":" 42 ",
                 "decimalText":"4.9","junkText":"4x","object":{"k":"v","n":null},"array":["a",{"k":1},[]],
                 "dup":"first","dup":"last"}""";
        JsonNode reference = databind.readTree(document);
        JsonValue value = json.parse(document);
        List<String> names = new ArrayList<>(Arrays.asList("text", "empty", "int", "long", "big", "float",
                "negative", "true", "false", "null", "numericText", "decimalText", "junkText", "object", "array",
                "dup", "absent"));

        for (String name : names) {
            JsonNode expected = reference.path(name);
            JsonValue actual = value.path(name);
            String field = "field " + name;
            assertThat(actual.asText()).as(field + " asText()").isEqualTo(expected.asText());
            assertThat(actual.asText("fallback")).as(field + " asText(fallback)").isEqualTo(expected.asText("fallback"));
            assertThat(actual.asText(null)).as(field + " asText(null)").isEqualTo(expected.asText(null));
            assertThat(actual.asLong()).as(field + " asLong()").isEqualTo(expected.asLong());
            assertThat(actual.isObject()).as(field + " isObject()").isEqualTo(expected.isObject());
            assertThat(actual.isArray()).as(field + " isArray()").isEqualTo(expected.isArray());
            assertThat(actual.isTextual()).as(field + " isTextual()").isEqualTo(expected.isTextual());
            assertThat(actual.isNull()).as(field + " isNull()").isEqualTo(expected.isNull());
            assertThat(actual.isMissing()).as(field + " isMissing()").isEqualTo(expected.isMissingNode());
            assertThat(value.has(name)).as(field + " has()").isEqualTo(reference.has(name));
            assertThat(value.hasNonNull(name)).as(field + " hasNonNull()").isEqualTo(reference.hasNonNull(name));
            assertThat(count(actual)).as(field + " iterated").isEqualTo(count(expected));
        }
        assertThat(value.path("array").path(1).path("k").asLong()).isEqualTo(1);
        assertThat(value.path("object").hasNonNull("n")).isFalse();
        assertThat(value.path("object").has("n")).isTrue();
    }

    @Test
    void integersStayExactAndOtherNumbersAreDoubles() throws Exception {
        JsonValue value = json.parse("{\"size\":12345678901,\"huge\":123456789012345678901234567890,\"ratio\":0.25}");

        assertThat(value.path("size").asLong()).isEqualTo(12_345_678_901L);
        assertThat(json.toText(value)).isEqualTo("{\"size\":12345678901,\"huge\":123456789012345678901234567890,"
                + "\"ratio\":0.25}");
        assertThat(value.path("huge").asText()).isEqualTo(new BigInteger("123456789012345678901234567890").toString());
    }

    @Test
    void iteratingAnObjectVisitsItsValuesAsDatabindDid() throws Exception {
        List<String> visited = new ArrayList<>();
        json.parse("{\"a\":\"1\",\"b\":\"2\"}").forEach(v -> visited.add(v.asText()));

        assertThat(visited).containsExactly("1", "2");
        assertThat(json.parse("\"scalar\"")).isEmpty();
    }

    @Test
    void emptyInputIsAMissingValueNotAnError() throws Exception {
        assertThat(json.parse("").isMissing()).isTrue();
        assertThat(json.parse("  \n").isMissing()).isTrue();
        assertThat(json.parse(new ByteArrayInputStream(new byte[0])).isMissing()).isTrue();
        assertThat(databind.readTree("").isMissingNode()).as("the reference").isTrue();
    }

    @Test
    void malformedJsonThrowsTheSameParseErrorDatabindThrew() {
        for (String malformed : List.of("not json", "{\"Records\":[", "{\"a\":}", "{'a':1}", "[1,,2]", "{\"a\" 1}",
                "\"unterminated")) {
            String expected = databindError(malformed);

            assertThatThrownBy(() -> json.parse(malformed)).as(malformed)
                    .isInstanceOf(JsonParseException.class)
                    .satisfies(e -> assertThat(((JsonProcessingException) e).getOriginalMessage()).isEqualTo(expected));
            assertThatThrownBy(() -> json.parse(new ByteArrayInputStream(malformed.getBytes(StandardCharsets.UTF_8))))
                    .as(malformed + " as a stream")
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void onlyTheFirstValueIsReadAsDatabindsReadTreeDid() throws Exception {
        assertThat(json.parse("{\"a\":1} trailing").path("a").asLong()).isEqualTo(1);
        assertThat(databind.readTree("{\"a\":1} trailing").path("a").asLong()).as("the reference").isEqualTo(1);
    }

    @Test
    void writesNullsInPlaceAndFieldsInInsertionOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", null);
        value.put("a", List.of(1, 2L, 2.5, true));
        value.put("m", Map.of("k", "v"));

        assertThat(json.toText(value)).isEqualTo("{\"z\":null,\"a\":[1,2,2.5,true],\"m\":{\"k\":\"v\"}}");
        assertThat(new String(json.toBytes(value), StandardCharsets.UTF_8)).isEqualTo(json.toText(value));
    }

    @Test
    void writesExactlyTheBytesDatabindWrote() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("arabic", "فرنسا: بوتين طلب خريطة");
        value.put("escapes", "quote \" backslash \\ tab \t newline \n nul \u0000 bell \u0007 del \u007f");
        value.put("astral", "emoji \uD83D\uDCF0 and a lone surrogate-free string");
        value.put("separators", "line\u2028paragraph\u2029");
        value.put("html", "<script>&amp;</script>");
        value.put("numbers", List.of(0, -1, Long.MAX_VALUE, Integer.MIN_VALUE, 0.1, 1e300, -0.0));
        value.put("nothing", null);
        value.put("nested", List.of(Map.of("text", "x"), List.of()));

        assertThat(json.toBytes(value)).isEqualTo(databind.writeValueAsBytes(value));
        assertThat(json.toText(value)).isEqualTo(databind.writeValueAsString(value));
    }

    @Test
    void aParsedValueIsWrittenBackUnchanged() throws Exception {
        String text = "{\"Records\":[{\"s3\":{\"object\":{\"key\":\"incoming/a+b.txt\",\"size\":1024}}},null,false]}";

        assertThat(json.toText(json.parse(text))).isEqualTo(text);
        assertThat(json.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void writingToAStreamWritesUtf8AndClosesIt() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        json.write(out, Map.of("k", "مقال"));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"مقال\"}");
        assertThat(closed[0]).as("closed, as databind's writeValue closed it").isTrue();
    }

    @Test
    void aValueThatIsNotJsonIsRefusedRatherThanWrittenAsSomethingElse() {
        assertThatThrownBy(() -> json.toText(Map.of("when", java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Instant");
    }

    private String databindError(String malformed) {
        try {
            databind.readTree(malformed);
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        }
        throw new AssertionError("databind read " + malformed);
    }

    private static int count(Iterable<?> values) {
        int n = 0;
        for (Object ignored : values) {
            n++;
        }
        return n;
    }

    @Test
    void theLenientCodecReadsJsonAsPagesWriteIt() throws Exception {
        String handWritten = "{'a': 1, // note\n \"b\": \"line\nbreak\", \"c\": [1, 2,],}";
        JsonValue v = JsonCodec.lenient().parse(handWritten);
        assertThat(v.path("a").asLong()).isEqualTo(1);
        assertThat(v.path("b").asText()).isEqualTo("line\nbreak");
        assertThat(v.path("c").path(1).asLong()).isEqualTo(2);
        assertThatThrownBy(() -> json.parse(handWritten)).as("the strict codec still refuses it")
                .isInstanceOf(JsonProcessingException.class);
    }
}
