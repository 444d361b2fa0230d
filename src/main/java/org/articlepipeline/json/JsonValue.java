package org.articlepipeline.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One parsed JSON value, immutable, read with {@link JsonCodec#parse}: what the ingest function needs of
 * a tree, without Jackson databind (whose classes cost a cold function more than the rest of its JSON).
 *
 * <p>Navigation follows databind's {@code JsonNode} on purpose, so the event readers keep their shape and
 * their lenience: {@link #path} never returns {@code null} but {@link #MISSING}, {@link #asText(String)}
 * falls back only for missing and {@code null} values, and iterating an object visits its values.
 */
public final class JsonValue implements Iterable<JsonValue> {

    /** What {@link #path} returns where there is no value. */
    public static final JsonValue MISSING = new JsonValue(Absent.MISSING);

    /** JSON {@code null}. */
    public static final JsonValue NULL = new JsonValue(Absent.NULL);

    private enum Absent { MISSING, NULL }

    /** A {@code Map<String, JsonValue>}, {@code List<JsonValue>}, String, Number, Boolean or {@link Absent}. */
    private final Object value;

    private JsonValue(Object value) {
        this.value = value;
    }

    static JsonValue object(Map<String, JsonValue> fields) {
        return new JsonValue(Collections.unmodifiableMap(fields));
    }

    static JsonValue array(List<JsonValue> elements) {
        return new JsonValue(Collections.unmodifiableList(elements));
    }

    static JsonValue of(String text) {
        return new JsonValue(text);
    }

    static JsonValue of(Number number) {
        return new JsonValue(number);
    }

    static JsonValue of(boolean bool) {
        return new JsonValue(bool);
    }

    public boolean isObject() {
        return value instanceof Map;
    }

    public boolean isArray() {
        return value instanceof List;
    }

    public boolean isTextual() {
        return value instanceof String;
    }

    public boolean isNumber() {
        return value instanceof Number;
    }

    public boolean isNull() {
        return value == Absent.NULL;
    }

    public boolean isMissing() {
        return value == Absent.MISSING;
    }

    /** The field {@code name} of an object; {@link #MISSING} when absent or when this is not an object. */
    public JsonValue path(String name) {
        JsonValue field = value instanceof Map<?, ?> fields ? (JsonValue) fields.get(name) : null;
        return field == null ? MISSING : field;
    }

    /** The element at {@code index} of an array; {@link #MISSING} when out of range or not an array. */
    public JsonValue path(int index) {
        return value instanceof List<?> elements && index >= 0 && index < elements.size()
                ? (JsonValue) elements.get(index)
                : MISSING;
    }

    /** True when this is an object with a field {@code name}, even a {@code null} one. */
    public boolean has(String name) {
        return !path(name).isMissing();
    }

    /** True when this is an object with a field {@code name} that is not {@code null}. */
    public boolean hasNonNull(String name) {
        JsonValue field = path(name);
        return !field.isMissing() && !field.isNull();
    }

    /**
     * The value as text: a string as is, a number or boolean in its JSON form, {@code "null"} for null,
     * and {@code ""} for a missing value, an object or an array.
     */
    public String asText() {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return value == Absent.NULL ? "null" : "";
    }

    /** {@link #asText()}, or {@code fallback} when this is missing or {@code null}. */
    public String asText(String fallback) {
        return value instanceof Absent ? fallback : asText();
    }

    /**
     * The value as a long: a number truncated, a string parsed when it holds a number, a boolean as 1 or 0;
     * otherwise 0.
     */
    public long asLong() {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException notALong) {
                try {
                    return new BigDecimal(trimmed).longValue();
                } catch (NumberFormatException notANumber) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** An array's elements or an object's field values, in order; nothing for any other value. */
    @Override
    public Iterator<JsonValue> iterator() {
        if (value instanceof List<?> elements) {
            return cast(elements).iterator();
        }
        if (value instanceof Map<?, ?> fields) {
            return cast(fields.values()).iterator();
        }
        return Collections.emptyIterator();
    }

    /** An object's fields in document order; empty for any other value. */
    public Map<String, JsonValue> fields() {
        @SuppressWarnings("unchecked")
        Map<String, JsonValue> fields = value instanceof Map<?, ?> ? (Map<String, JsonValue>) value : Map.of();
        return fields;
    }

    /** A string, number or boolean as parsed; {@code null} for anything else. */
    Object scalar() {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value : null;
    }

    @SuppressWarnings("unchecked")
    private static Iterable<JsonValue> cast(java.util.Collection<?> values) {
        return (java.util.Collection<JsonValue>) values;
    }

    /** The value as compact JSON. */
    @Override
    public String toString() {
        return new JsonCodec().toText(this);
    }
}
