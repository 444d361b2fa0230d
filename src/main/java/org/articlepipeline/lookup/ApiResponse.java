package org.articlepipeline.lookup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lookup answer in the terms of an HTTP API payload 2.0 response.
 *
 * @param statusCode the HTTP status
 * @param headers    response headers
 * @param body       the body text (JSON or plain text), possibly empty
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON answer. */
    public static ApiResponse json(int statusCode, String body) {
        return new ApiResponse(statusCode, Map.of("content-type", "application/json; charset=utf-8"), body);
    }

    /** The same answer with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(statusCode, more, body);
    }
}
