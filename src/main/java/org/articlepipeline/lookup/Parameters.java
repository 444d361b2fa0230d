package org.articlepipeline.lookup;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a request's query parameters before any route reads them: only the names the route knows, each
 * given once, and values that are not empty, of bounded length, without control characters or undecodable
 * bytes. Every failure names the parameter.
 *
 * <p>{@code key} is the exception to the character rule: S3 accepts any UTF-8 in an object key, control
 * characters included, so any key an upload can have must be one a lookup can name.
 */
final class Parameters {

    /** Longest value any parameter takes (an S3 key is at most 1024 bytes). */
    static final int MAX_VALUE_LENGTH = 1024;
    /** The parameter that names an S3 object key: any UTF-8 text of at most 1024 bytes. */
    static final String KEY = "key";

    private final ApiRequest request;

    private Parameters(ApiRequest request) {
        this.request = request;
    }

    /** The request's parameters, once checked against the names {@code allowed}. */
    static Parameters of(ApiRequest request, Set<String> allowed) {
        for (String name : new TreeSet<>(request.query().keySet())) {
            if (!allowed.contains(name)) {
                throw ApiException.badParameter(printable(name), allowed.isEmpty()
                        ? "this route takes no parameters"
                        : "is not a parameter of this route (it takes " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (request.repeated().contains(name)) {
                throw ApiException.badParameter(name, "is given more than once");
            }
            check(name, request.query().get(name));
        }
        return new Parameters(request);
    }

    /** A parameter's value, or {@code null}. */
    String get(String name) {
        return request.parameter(name);
    }

    boolean has(String name) {
        return request.parameter(name) != null;
    }

    private static void check(String name, String value) {
        if (value.isEmpty()) {
            throw ApiException.badParameter(name, "is empty");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw ApiException.badParameter(name, "is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (name.equals(KEY)) {
            checkKey(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairedSurrogate) {
                i++;
            } else if (Character.isISOControl(c) || c == '\uFFFD' || Character.isSurrogate(c)) {
                // U+FFFD is what a decoder leaves of bytes that are not UTF-8; a lone surrogate is no text.
                throw ApiException.badParameter(name, "contains control characters or bytes that are not UTF-8");
            }
        }
    }

    private static void checkKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.badParameter(KEY, "is not UTF-8 text");
            }
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_LENGTH) {
            throw ApiException.badParameter(KEY, "is longer than " + MAX_VALUE_LENGTH + " bytes, the most S3 allows in a key");
        }
    }

    /** A name safe to echo in a message. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0xFFFD ? '?' : c));
        return out.toString();
    }
}
