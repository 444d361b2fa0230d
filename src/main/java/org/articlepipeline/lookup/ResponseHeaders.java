package org.articlepipeline.lookup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The headers every lookup answer carries, added in one place whatever the route or the outcome.
 *
 * <ul>
 *   <li>{@code x-content-type-options: nosniff}: the text route serves whatever an upload held (HTML
 *       included) as {@code text/plain}, and error bodies quote the request; a browser must take the
 *       declared type, never guess HTML from the content.</li>
 *   <li>{@code cache-control}: one article and its text change only when the article is re-ingested, so
 *       they may be kept but must be revalidated by their {@code etag} ({@code no-cache}; {@code If-None-Match}
 *       answers 304 without the body). {@code private} because the API may require authorization and its
 *       articles may be licensed: no shared cache keeps them. Everything else (listings, search, the
 *       article for a key, publishers, health, errors) changes with every upload or is about one moment,
 *       so it is never stored ({@code no-store}).</li>
 * </ul>
 */
final class ResponseHeaders {

    static final String NOSNIFF = "nosniff";
    static final String REVALIDATE = "private, no-cache";
    static final String NO_STORE = "no-store";

    private ResponseHeaders() {
    }

    /** {@code response} to {@code request} with the hardening and caching headers of its route. */
    static ApiResponse apply(ApiRequest request, ApiResponse response) {
        ApiResponse hardened = response.withHeader("x-content-type-options", NOSNIFF);
        if (!revalidated(request, response)) {
            return hardened.withHeader("cache-control", NO_STORE);
        }
        hardened = hardened.withHeader("cache-control", REVALIDATE);
        if (response.statusCode() != 200 || response.headers().containsKey("etag")) {
            return hardened;
        }
        // The metadata route has no version of its own to show: its representation's digest is its tag.
        String eTag = "\"" + digest(response.body()) + "\"";
        if (ArticleRoutes.matches(request.header("if-none-match"), eTag)) {
            return new ApiResponse(304, Map.of("etag", eTag, "x-content-type-options", NOSNIFF,
                    "cache-control", REVALIDATE), "");
        }
        return hardened.withHeader("etag", eTag);
    }

    private static boolean revalidated(ApiRequest request, ApiResponse response) {
        String route = LookupHandler.routeOf(request.path());
        boolean oneArticle = route.equals("/articles/{id}") || route.equals("/articles/{id}/text");
        return oneArticle && (response.statusCode() == 200 || response.statusCode() == 304);
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
