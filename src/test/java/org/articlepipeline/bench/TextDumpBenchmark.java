package org.articlepipeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.NormalizationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the whole normalizer on the development corpus's text dumps (real pages from 30 sites, with
 * their menus and footers), read from {@code ../shared/corpus/textdumps} where they lie: never copied into
 * the repository. One operation normalizes every dump once, so MB/s = ops/s × the bytes the setup prints.
 * Run with {@code bench/normalizer.sh TextDumpBenchmark -jvmArgsAppend -XX:TieredStopAtLevel=1} (C1, as
 * Lambda runs it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TextDumpBenchmark {

    private static final Path DUMPS = Path.of("..", "shared", "corpus", "textdumps");

    private final List<byte[]> pages = new ArrayList<>();
    private final List<ArticleOrigin> origins = new ArrayList<>();
    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    @Setup
    public void load() {
        try (Stream<Path> files = Files.list(DUMPS)) {
            long bytes = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                byte[] page = Files.readAllBytes(file);
                pages.add(page);
                origins.add(ArticleOrigin.ofFileName(file.getFileName().toString()));
                bytes += page.length;
            }
            System.out.println("text dumps: " + pages.size() + " pages, " + bytes + " bytes per operation");
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root, beside ../shared/corpus", e);
        }
    }

    @Benchmark
    public void normalizeAll(Blackhole sink) {
        for (int i = 0; i < pages.size(); i++) {
            NormalizationResult r = normalizer.normalize(pages.get(i), origins.get(i));
            sink.consume(r);
        }
    }
}
