package org.articlepipeline.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON with jackson-core's streaming parser and generator alone.
 *
 * <p>The ingest function uses it instead of databind's {@code ObjectMapper}: on a cold JVM (Lambda's
 * {@code TieredStopAtLevel=1}) a first {@code readTree} and {@code writeValueAsBytes} load some 300
 * databind classes and cost ~160 ms, against ~40 ms for the streaming API, and the function needs no
 * binding, only a tree to dispatch on and a few documents to write.
 *
 * <p>Reading matches databind's {@code readTree} where events depend on it: integers stay exact
 * ({@code Integer}, {@code Long} or {@code BigInteger}), other numbers are doubles, a repeated field keeps
 * its last value, empty input is {@link JsonValue#MISSING}, and only the first value is read. Malformed
 * JSON throws jackson-core's {@link com.fasterxml.jackson.core.JsonParseException} with its usual message.
 *
 * <p>Writing takes plain Java values: {@link Map} (fields in iteration order), {@link Iterable}, String,
 * Number, Boolean, {@link JsonValue} and {@code null}, which is written as JSON {@code null}, never left out.
 * The output is compact, UTF-8 for bytes, escaped exactly as databind's (it is the same generator).
 */
public final class JsonCodec {

    private final JsonFactory factory;

    /** A codec for JSON as the JSON specification writes it. */
    public JsonCodec() {
        this(new JsonFactory());
    }

    private JsonCodec(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * A codec that also reads JSON as hand-edited pages write it (JSON-LD in HTML): comments, trailing commas,
     * single quotes, raw line breaks and tabs inside strings, and backslashes before any character.
     */
    public static JsonCodec lenient() {
        return new JsonCodec(JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .build());
    }

    /** Parses one JSON value from {@code input}, which is closed afterwards. */
    public JsonValue parse(InputStream input) throws IOException {
        try (JsonParser parser = factory.createParser(input)) {
            return readRoot(parser);
        }
    }

    /** Parses one JSON value from {@code text}. */
    public JsonValue parse(String text) throws JsonProcessingException {
        try (JsonParser parser = factory.createParser(text)) {
            return readRoot(parser);
        } catch (JsonProcessingException malformed) {
            throw malformed;
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading a string cannot fail with I/O", impossible);
        }
    }

    /** Writes {@code value} to {@code output} as compact UTF-8 JSON and closes {@code output}. */
    public void write(OutputStream output, Object value) throws IOException {
        try (JsonGenerator generator = factory.createGenerator(output)) {
            write(generator, value);
        }
    }

    /** {@code value} as compact UTF-8 JSON. */
    public byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, value);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory cannot fail with I/O", impossible);
        }
        return bytes.toByteArray();
    }

    /** {@code value} as compact JSON text, as one log line. */
    public String toText(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(text)) {
            write(generator, value);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory cannot fail with I/O", impossible);
        }
        return text.toString();
    }

    private static JsonValue readRoot(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        // Like databind's readTree: no content is a missing value, and what follows the first value is not read.
        return first == null ? JsonValue.MISSING : read(parser, first);
    }

    private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                // nextFieldName() as databind reads objects: it also reads the value's first character, so
                // a missing or invalid value is reported with databind's message.
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    fields.put(name, read(parser, parser.nextToken()));
                }
                yield JsonValue.object(fields);
            }
            case START_ARRAY -> {
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(read(parser, next));
                }
                yield JsonValue.array(elements);
            }
            case VALUE_STRING -> JsonValue.of(parser.getText());
            case VALUE_NUMBER_INT -> JsonValue.of(parser.getNumberValue());
            case VALUE_NUMBER_FLOAT -> JsonValue.of(parser.getDoubleValue());
            case VALUE_TRUE -> JsonValue.of(true);
            case VALUE_FALSE -> JsonValue.of(false);
            case VALUE_NULL -> JsonValue.NULL;
            // The parser reports malformed input itself; anything else here is a token no JSON text yields.
            default -> throw new IllegalStateException("unexpected token " + token + " at " + parser.currentLocation());
        };
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            generator.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> fields) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                generator.writeFieldName(String.valueOf(field.getKey()));
                write(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Iterable<?> elements && !(value instanceof JsonValue)) {
            generator.writeStartArray();
            for (Object element : elements) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof JsonValue json) {
            write(generator, json.isObject() ? json.fields() : json.isArray() ? listOf(json) : json.scalar());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static List<JsonValue> listOf(JsonValue array) {
        List<JsonValue> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
