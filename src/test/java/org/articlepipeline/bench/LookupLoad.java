package org.articlepipeline.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed-rate (open-loop) load generator for the lookup API: sends requests at exactly {@code --rate}
 * per second for {@code --seconds}, whatever the answers' latency, and reports latency percentiles and
 * the rate achieved.
 *
 * <p>Latency is measured from the moment a request was <em>scheduled</em>, not sent, so a stalled server
 * shows up in the percentiles instead of quietly lowering the rate (coordinated omission; what wrk2 does
 * and wrk does not).
 *
 * <p>{@code java -cp target/test-classes org.articlepipeline.bench.LookupLoad --endpoint URL
 * --target id|search [--q WORDS] [--rate 500] [--seconds 30] [--warmup 10]}
 */
public final class LookupLoad {

    private LookupLoad() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = option(args, "--endpoint", "http://127.0.0.1:3000");
        String target = option(args, "--target", "id");
        int rate = Integer.parseInt(option(args, "--rate", "500"));
        int seconds = Integer.parseInt(option(args, "--seconds", "30"));
        int warmup = Integer.parseInt(option(args, "--warmup", "10"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String path = switch (target) {
            case "id" -> "/articles/" + firstId(http, endpoint);
            case "search" -> "/articles?q=" + URLEncoder.encode(option(args, "--q", "اولوند"), StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("--target is id or search");
        };
        URI uri = URI.create(endpoint + path);
        System.out.printf("GET %s at %d/s: %d s warm-up, %d s measured%n", path, rate, warmup, seconds);
        run(http, uri, rate, warmup);
        Result result = run(http, uri, rate, seconds);
        System.out.printf("requests=%d errors=%d (%s) achieved=%.1f/s p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms%n",
                result.count, result.errors, result.errorKinds, result.achievedRate, result.percentile(50), result.percentile(90),
                result.percentile(99), result.percentile(99.9), result.percentile(100));
    }

    private record Result(long[] latenciesNanos, int count, int errors, Map<String, Integer> errorKinds,
                          double achievedRate) {
        double percentile(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
        }
    }

    private static Result run(HttpClient http, URI uri, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[slot] = System.nanoTime() - scheduled;
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                    errorKinds.merge(failure != null ? failure.getClass().getSimpleName()
                            : Integer.toString(response.statusCode()), 1, Integer::sum);
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, total, errors.get(), new TreeMap<>(errorKinds), total / elapsed);
    }

    private static String firstId(HttpClient http, String endpoint) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/articles?limit=1")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{24})\"").matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no article listed at " + endpoint + ": " + body);
        }
        return id.group(1);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
