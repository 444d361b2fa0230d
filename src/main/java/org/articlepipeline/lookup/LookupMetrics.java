package org.articlepipeline.lookup;

import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.metrics.EmbeddedMetrics.Unit;

/**
 * The lookup function's metrics: one EMF line per request (one per invocation), with its latency, kept
 * per function, per status class and per route template and status class. The route is the template the
 * path falls under ({@link LookupHandler#routeOf}), never the path itself, and the method is left out:
 * both are whatever the caller sent.
 */
final class LookupMetrics {

    static final String FUNCTION = "lookup";

    private final EmbeddedMetrics metrics;

    LookupMetrics(EmbeddedMetrics metrics) {
        this.metrics = metrics;
    }

    String line(ApiRequest request, ApiResponse response, double latencyMs) {
        return metrics.line()
                .dimension("Function", FUNCTION)
                .dimension("StatusClass", statusClass(response.statusCode()))
                .dimension("Route", LookupHandler.routeOf(request.path()))
                .aggregateBy("Function")
                .aggregateBy("Function", "StatusClass")
                .aggregateBy("Function", "Route", "StatusClass")
                .metric("Requests", Unit.COUNT, 1)
                .metric("Latency", Unit.MILLISECONDS, latencyMs)
                .toJson();
    }

    /** {@code 2xx} ... {@code 5xx}: a handful of values, whatever the status. */
    static String statusClass(int status) {
        return status >= 100 && status < 600 ? status / 100 + "xx" : "other";
    }
}
