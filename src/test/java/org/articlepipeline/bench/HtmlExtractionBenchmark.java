package org.articlepipeline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.decode.Decoded;
import org.articlepipeline.normalize.decode.TextDecoder;
import org.articlepipeline.normalize.html.HtmlCharset;
import org.articlepipeline.normalize.html.HtmlExtractor;
import org.articlepipeline.normalize.html.PageMetadataReader;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time to read the article out of every HTML page of a development corpus, one op being the whole corpus:
 * jsoup's parse alone (the floor any tree-based extractor pays), parse plus page metadata plus extraction
 * (the HTML work), and the whole normalizer from bytes (charset, parse, metadata, extraction, cleaning,
 * description, fingerprint). Pages are read from {@code ../shared/corpus} (never copied into the project):
 * {@code html} is its 38 news pages, {@code zyte} the 90 pages of the article-extraction benchmark's
 * development half. Run with {@code bench/html.sh}, which also times readability-lxml on the same pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HtmlExtractionBenchmark {

    @Param({"html", "zyte"})
    public String corpus;

    private final List<byte[]> raw = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();
    private final HtmlExtractor extractor = new HtmlExtractor();
    private final PageMetadataReader metadata = new PageMetadataReader();
    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private final ArticleOrigin origin = ArticleOrigin.ofFileName("page.html");

    @Setup
    public void load() {
        Path dir = Path.of("..", "shared", "corpus").resolve("zyte".equals(corpus) ? "zyte/html" : "html");
        HtmlCharset charset = new HtmlCharset(new TextDecoder(Integer.MAX_VALUE));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                byte[] bytes = read(file);
                raw.add(bytes);
                pages.add(((Decoded.Text) charset.decode(bytes)).text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root, beside ../shared/corpus", e);
        }
    }

    int pageCount() {
        return raw.size();
    }

    long byteCount() {
        long bytes = 0;
        for (byte[] page : raw) {
            bytes += page.length;
        }
        return bytes;
    }

    private static byte[] read(Path file) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @Benchmark
    public void parse(Blackhole sink) {
        for (String page : pages) {
            sink.consume(extractor.parse(page));
        }
    }

    @Benchmark
    public void extract(Blackhole sink) {
        for (String page : pages) {
            Document document = extractor.parse(page);
            sink.consume(metadata.read(document));
            sink.consume(extractor.extract(document));
        }
    }

    @Benchmark
    public void normalize(Blackhole sink) {
        for (byte[] page : raw) {
            sink.consume(normalizer.normalize(page, origin));
        }
    }
}
