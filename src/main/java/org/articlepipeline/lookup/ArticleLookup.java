package org.articlepipeline.lookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleListing;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.DuplicateRelations;
import org.articlepipeline.store.SearchIndex;
import org.articlepipeline.store.SourceCounts;

/**
 * The lookup API's router: checks a request's size, finds its route, checks its method, answers CORS
 * preflights, and hands the request to the class that owns the route.
 *
 * <p>Every failure the caller can cause becomes an {@link ApiException} with a 4xx status; only a
 * backend failure escapes, and the handler answers it with 503.
 */
public final class ArticleLookup {

    /** Longest path answered; API Gateway passes longer ones through, so the function says 414 itself. */
    static final int MAX_PATH_LENGTH = 2048;
    /** Longest query string answered (names, values and separators). */
    static final int MAX_QUERY_LENGTH = 6144;
    /** Largest request body accepted: no route takes one, but API Gateway would pass up to 10 MB on. */
    static final long MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern ARTICLE_PATH = Pattern.compile("/articles/([^/]+)(/text|/duplicates)?/?");

    private final ArticleRoutes articles;
    private final ListingRoutes listings;
    private final ServiceRoutes service;
    private final CorsPolicy cors;

    public ArticleLookup(ArticleRepository repository, ArticleListing listing, SearchIndex search,
                         DuplicateRelations duplicates, SourceCounts sources, ArticleBucket bucket, Cursors cursors,
                         CorsPolicy cors, ObjectMapper mapper) {
        ArticleJson json = new ArticleJson(mapper);
        this.articles = new ArticleRoutes(repository, bucket, duplicates, json);
        this.listings = new ListingRoutes(listing, search, cursors, json);
        this.service = new ServiceRoutes(repository, bucket, sources, json);
        this.cors = cors;
    }

    /** Answers one request. */
    public ApiResponse answer(ApiRequest request) {
        if (request.path().length() > MAX_PATH_LENGTH || request.queryLength() > MAX_QUERY_LENGTH) {
            throw new ApiException(414, "uri-too-long", "the path is limited to " + MAX_PATH_LENGTH
                    + " characters and the query string to " + MAX_QUERY_LENGTH);
        }
        if (request.bodyBytes() > MAX_BODY_BYTES) {
            throw new ApiException(413, "payload-too-large", "request bodies are limited to " + MAX_BODY_BYTES
                    + " bytes, and no route reads one");
        }
        String path = request.path();
        Matcher article = ARTICLE_PATH.matcher(path);
        boolean known = path.equals("/health") || path.equals("/sources") || path.equals("/articles")
                || path.equals("/articles/") || article.matches();
        if (!known) {
            throw ApiException.notFound("no such route");
        }
        switch (request.method()) {
            case "GET", "HEAD":
                break;
            case "OPTIONS":
                if (cors.isOn()) {
                    return cors.preflight();
                }
                throw methodNotAllowed(request.method());
            default:
                throw methodNotAllowed(request.method());
        }
        if (path.equals("/health")) {
            return service.health(request);
        }
        if (path.equals("/sources")) {
            return service.sources(request);
        }
        if (!article.matches()) {
            Parameters parameters = Parameters.of(request, ListingRoutes.PARAMETERS);
            if (parameters.has("key")) {
                for (String other : ListingRoutes.PARAMETERS) {
                    if (!other.equals("key") && parameters.has(other)) {
                        throw ApiException.badParameter(other, "cannot be combined with 'key'");
                    }
                }
                return articles.byKey(parameters);
            }
            return parameters.has("q") ? listings.search(parameters) : listings.list(parameters);
        }
        String id = article.group(1);
        if (article.group(2) == null) {
            return articles.article(id, request);
        }
        return article.group(2).equals("/text") ? articles.text(id, request) : articles.duplicates(id, request);
    }

    private ApiException methodNotAllowed(String method) {
        return new ApiException(405, "method-not-allowed", "this route answers GET and HEAD"
                + (cors.isOn() ? " (and OPTIONS preflights)" : "") + ", not " + printable(method));
    }

    /** The allowed methods, for the {@code allow} header of 405 answers. */
    String allowedMethods() {
        return cors.isOn() ? "GET, HEAD, OPTIONS" : "GET, HEAD";
    }

    private static String printable(String method) {
        String shown = method.length() > 16 ? method.substring(0, 16) : method;
        return shown.replaceAll("[^A-Z0-9_-]", "?");
    }
}
