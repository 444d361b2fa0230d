package org.articlepipeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.NormalizationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the whole normalizer (decode, clean, structure, describe, fingerprint) on each seed page,
 * against a floor that only does what any reader of the page must: UTF-8 decoding and NFC of the same bytes.
 * Run with {@code bench/normalizer.sh}; results go to {@code docs/benchmarks.md}. MB/s = ops/s × page bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizerBenchmark {

    @Param({"000_20a56b2a2d200864", "001_96083f8a8e168996", "002_ddc8bb61b41df7f1", "003_b003a42d99db3074",
            "004_cae35a95994612cd"})
    public String seed;

    private byte[] bytes;
    private ArticleOrigin origin;
    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    @Setup
    public void load() {
        try {
            bytes = Files.readAllBytes(Path.of("seeds", seed + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root", e);
        }
        origin = ArticleOrigin.ofFileName(seed + ".txt");
    }

    @Benchmark
    public NormalizationResult normalize() {
        return normalizer.normalize(bytes, origin);
    }

    @Benchmark
    public String floor() {
        return Normalizer.normalize(new String(bytes, StandardCharsets.UTF_8), Normalizer.Form.NFC);
    }
}
