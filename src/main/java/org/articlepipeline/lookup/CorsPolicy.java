package org.articlepipeline.lookup;

import java.util.Map;

/**
 * Cross-origin access to the API: off unless {@code CORS_ALLOW_ORIGIN} names an origin (or {@code *}).
 *
 * <p>When on, every answer carries {@code access-control-allow-origin} and {@code OPTIONS} on a route
 * answers the browser's preflight; when off, {@code OPTIONS} is a method like any other the API does not
 * allow, and no CORS header is sent.
 */
public final class CorsPolicy {

    /** Environment variable naming the allowed origin. */
    public static final String ALLOW_ORIGIN_VARIABLE = "CORS_ALLOW_ORIGIN";
    /** No cross-origin access. */
    public static final CorsPolicy OFF = new CorsPolicy(null);

    private final String allowOrigin;

    /** @param allowOrigin the origin allowed, {@code *} for any, {@code null} or blank for none */
    public CorsPolicy(String allowOrigin) {
        this.allowOrigin = allowOrigin == null || allowOrigin.isBlank() ? null : allowOrigin.strip();
    }

    /** The policy {@code environment} configures. */
    public static CorsPolicy fromEnvironment(Map<String, String> environment) {
        return new CorsPolicy(environment.get(ALLOW_ORIGIN_VARIABLE));
    }

    public boolean isOn() {
        return allowOrigin != null;
    }

    /** The answer to a preflight request. */
    ApiResponse preflight() {
        return new ApiResponse(204, Map.of(
                "access-control-allow-methods", "GET, HEAD, OPTIONS",
                "access-control-allow-headers", "if-none-match, content-type",
                "access-control-max-age", "600"), "");
    }

    /** {@code response} with the CORS headers this policy adds (none when off). */
    public ApiResponse decorate(ApiResponse response) {
        if (allowOrigin == null) {
            return response;
        }
        ApiResponse decorated = response.withHeader("access-control-allow-origin", allowOrigin)
                .withHeader("access-control-expose-headers", "etag");
        // A fixed origin varies nothing; naming one origin among several would, so caches are told.
        return allowOrigin.equals("*") ? decorated : decorated.withHeader("vary", "origin");
    }
}
