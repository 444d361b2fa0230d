package org.articlepipeline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Map;
import org.articlepipeline.document.ArticleDocuments;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.NormalizerSettings;
import org.articlepipeline.normalize.PathologicalPages;

/**
 * Normalizes one pathological page ({@link PathologicalPages}) as ingest does (normalize, then the stored
 * document's JSON) and prints one line: its outcome, the time, the document's size against the page's, and the
 * peak heap. One page per JVM, so each peak is its own; {@code bench/pathological.sh} runs every page.
 *
 * <p>Usage: {@code PathologicalBench NAME [BYTES]}
 */
public final class PathologicalBench {

    private PathologicalBench() {
    }

    public static void main(String[] args) {
        String name = args[0];
        int size = args.length > 1 ? Integer.parseInt(args[1]) : NormalizerSettings.DEFAULT_MAX_BYTES;
        PathologicalPages.Page page = PathologicalPages.all().stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no page named " + name));
        byte[] content = page.make().apply(size);
        String fileName = name.contains("html") ? "page.html" : "page.txt";
        ArticleNormalizer normalizer = new ArticleNormalizer();
        JsonCodec json = new JsonCodec();

        long started = System.nanoTime();
        NormalizationResult result = normalizer.normalize(content, ArticleOrigin.ofFileName(fileName));
        Map<String, Object> document = new ArticleDocuments().toJson(result);
        int documentBytes = json.toBytes(document).length;
        long millis = (System.nanoTime() - started) / 1_000_000;

        String outcome = result instanceof NormalizationResult.Rejected r
                ? "REJECTED " + r.reason().code() : "OK " + document.get("wordCount") + " words";
        System.out.printf(Locale.ROOT, "| %s | %.1f MB | %s | %,d ms | %,d B (%.2fx) | %,d MB |%n", name,
                content.length / 1048576.0, outcome, millis, documentBytes, (double) documentBytes / content.length,
                peakHeap() / 1048576);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
