package org.articlepipeline.index.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's JSON form of attribute values ({@code {"S":"text"}}, {@code {"N":"12"}}, {@code {"SS":[...]}},
 * {@code {"M":{...}}}, ...), the form stream images take in the events Lambda delivers, read and written with
 * jackson-core's streaming API: the index function needs no object mapper on its cold path.
 */
public final class AttributeValueJson {

    private AttributeValueJson() {
    }

    /**
     * Reads an item, a JSON object of attribute names to typed values; the parser is on its
     * {@code START_OBJECT} and is left on the matching {@code END_OBJECT}.
     */
    public static Map<String, AttributeValue> readItem(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT, "an item");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            item.put(name, readValue(parser));
        }
        return item;
    }

    /** Reads one typed value ({@code {"S":"text"}}); the parser is on its {@code START_OBJECT}. */
    public static AttributeValue readValue(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT, "a typed attribute value");
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw new IOException("an attribute value names its type, e.g. {\"S\":\"text\"}");
        }
        String type = parser.currentName();
        parser.nextToken();
        AttributeValue value = switch (type) {
            case "S" -> AttributeValue.fromS(text(parser));
            case "N" -> AttributeValue.fromN(text(parser));
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(text(parser))));
            case "BOOL" -> AttributeValue.fromBool(parser.getValueAsBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(texts(parser));
            case "NS" -> AttributeValue.fromNs(texts(parser));
            case "BS" -> AttributeValue.fromBs(texts(parser).stream()
                    .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
            case "M" -> AttributeValue.fromM(readItem(parser));
            case "L" -> AttributeValue.fromL(list(parser));
            default -> throw new IOException("unknown attribute value type " + type);
        };
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw new IOException("an attribute value has exactly one type");
        }
        return value;
    }

    /** Writes {@code item} as a JSON object of attribute names to typed values. */
    public static void writeItem(JsonGenerator out, Map<String, AttributeValue> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            writeValue(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    /** Writes one typed value. */
    public static void writeValue(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        switch (value.type()) {
            case S -> out.writeStringField("S", value.s());
            case N -> out.writeStringField("N", value.n());
            case B -> out.writeStringField("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> out.writeBooleanField("BOOL", value.bool());
            case NUL -> out.writeBooleanField("NULL", true);
            case SS -> writeTexts(out, "SS", value.ss());
            case NS -> writeTexts(out, "NS", value.ns());
            case BS -> writeTexts(out, "BS", value.bs().stream()
                    .map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList());
            case M -> {
                out.writeFieldName("M");
                writeItem(out, value.m());
            }
            case L -> {
                out.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    writeValue(out, element);
                }
                out.writeEndArray();
            }
            default -> throw new IllegalArgumentException("an attribute value of unknown type: " + value);
        }
        out.writeEndObject();
    }

    private static void writeTexts(JsonGenerator out, String type, List<String> values) throws IOException {
        out.writeArrayFieldStart(type);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    private static String text(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new IOException("expected a string, found " + parser.currentToken());
        }
        return parser.getText();
    }

    private static List<String> texts(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_ARRAY, "a set");
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(text(parser));
        }
        return values;
    }

    private static List<AttributeValue> list(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_ARRAY, "a list");
        List<AttributeValue> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(readValue(parser));
        }
        return values;
    }

    private static void expect(JsonParser parser, JsonToken token, String what) throws IOException {
        if (parser.currentToken() != token) {
            throw new IOException("expected " + what + ", found " + parser.currentToken());
        }
    }
}
