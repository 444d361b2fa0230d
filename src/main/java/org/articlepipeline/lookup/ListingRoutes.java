package org.articlepipeline.lookup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.articlepipeline.store.ArticleListing;
import org.articlepipeline.store.ArticlePage;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.SearchIndex;
import org.articlepipeline.store.SourceCounts;

/**
 * {@code GET /articles} without {@code key}: the newest-first listing with its filters, and search.
 *
 * <p>Both page with {@code limit} and an opaque {@code cursor} whose scope is the route and its filters,
 * so a cursor from one listing is refused (400) by any other.
 */
final class ListingRoutes {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Longest search query, in characters: eight words fit many times over. */
    static final int MAX_QUERY_LENGTH = 512;
    static final Set<String> PARAMETERS = Set.of("key", "q", "source", "language", "from", "to", "limit", "cursor",
            "status");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ArticleListing listing;
    private final SearchIndex search;
    private final Cursors cursors;
    private final ArticleJson json;

    ListingRoutes(ArticleListing listing, SearchIndex search, Cursors cursors, ArticleJson json) {
        this.listing = listing;
        this.search = search;
        this.cursors = cursors;
        this.json = json;
    }

    /** {@code GET /articles?source=&language=&from=&to=&limit=&cursor=}, or with {@code status=rejected}. */
    ApiResponse list(Parameters parameters) {
        if (listsRejected(parameters)) {
            return rejected(parameters);
        }
        int limit = limit(parameters.get("limit"));
        String sourceKey = null;
        if (parameters.has("source")) {
            sourceKey = SourceCounts.keyOf(parameters.get("source"));
            if (sourceKey.isEmpty() || parameters.get("source").length() > 200) {
                throw ApiException.badParameter("source", "must be a publisher's name or key (1 to 200 characters, with letters or digits)");
            }
        }
        String language = null;
        if (parameters.has("language")) {
            language = parameters.get("language").toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(language).matches()) {
                throw ApiException.badParameter("language", "must be a language tag such as ar, en or fr");
            }
        }
        LocalDate from = day(parameters, "from");
        LocalDate to = day(parameters, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badParameter("to", "must not be before 'from'");
        }
        ArticleListing.Filter filter = new ArticleListing.Filter(sourceKey, language, from, to);
        String scope = String.join("\u0000", "list", String.valueOf(sourceKey), String.valueOf(language),
                String.valueOf(from), String.valueOf(to));
        return page(listing.page(filter, limit, after(parameters, scope)), scope);
    }

    /**
     * {@code GET /articles?status=rejected&from=&to=&limit=&cursor=}: rejected uploads, newest first by
     * ingest time; {@code from} and {@code to} bound the ingest day. They have no publisher or language.
     */
    private ApiResponse rejected(Parameters parameters) {
        for (String other : List.of("source", "language")) {
            if (parameters.has(other)) {
                throw ApiException.badParameter(other, "cannot be combined with 'status=rejected' (rejected uploads have none)");
            }
        }
        int limit = limit(parameters.get("limit"));
        LocalDate from = day(parameters, "from");
        LocalDate to = day(parameters, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badParameter("to", "must not be before 'from'");
        }
        String scope = String.join("\u0000", "rejected", String.valueOf(from), String.valueOf(to));
        return page(listing.rejected(from, to, limit, after(parameters, scope)), scope);
    }

    /** {@code status}: {@code ok} (the default: articles) or {@code rejected} (rejected uploads), in any case. */
    static boolean listsRejected(Parameters parameters) {
        String status = parameters.get("status");
        if (status == null || status.equalsIgnoreCase("ok")) {
            return false;
        }
        if (status.equalsIgnoreCase("rejected")) {
            return true;
        }
        throw ApiException.badParameter("status", "must be ok or rejected");
    }

    /** {@code GET /articles?q=&limit=&cursor=}. */
    ApiResponse search(Parameters parameters) {
        if (listsRejected(parameters)) {
            throw ApiException.badParameter("q", "cannot be combined with 'status=rejected' (rejected uploads have no text)");
        }
        for (String other : List.of("source", "language", "from", "to")) {
            if (parameters.has(other)) {
                throw ApiException.badParameter(other, "cannot be combined with 'q'");
            }
        }
        String query = parameters.get("q");
        if (query.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badParameter("q", "is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> terms = SearchIndex.queryTerms(query);
        if (terms.isEmpty()) {
            throw ApiException.badParameter("q", "has no word to search for (words of two or more letters or digits)");
        }
        if (terms.size() > SearchIndex.MAX_QUERY_TERMS) {
            throw ApiException.badParameter("q", "has more than " + SearchIndex.MAX_QUERY_TERMS + " distinct words");
        }
        int limit = limit(parameters.get("limit"));
        // The same words in another order are the same search, so its cursors stay valid.
        String scope = "search\u0000" + String.join(" ", new TreeSet<>(terms));
        return page(search.search(terms, limit, after(parameters, scope)), scope);
    }

    private String after(Parameters parameters, String scope) {
        String cursor = parameters.get("cursor");
        if (cursor == null) {
            return null;
        }
        return cursors.decode(scope, cursor)
                .orElseThrow(() -> ApiException.badParameter("cursor", "is not a cursor this listing issued"));
    }

    private ApiResponse page(ArticlePage page, String scope) {
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        for (ArticleRecord record : page.items()) {
            items.add(json.of(record));
        }
        if (page.nextPosition() != null) {
            body.put("nextCursor", cursors.encode(scope, page.nextPosition()));
        } else {
            body.putNull("nextCursor");
        }
        return ApiResponse.json(200, json.write(body));
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!value.isEmpty() && value.length() <= 3 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw ApiException.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static LocalDate day(Parameters parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            if (DAY.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException impossibleDate) {
            // same answer as a malformed one
        }
        throw ApiException.badParameter(name, "must be an ISO date, yyyy-MM-dd");
    }
}
