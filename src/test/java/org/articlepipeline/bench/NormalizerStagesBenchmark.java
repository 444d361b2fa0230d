package org.articlepipeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.articlepipeline.normalize.Fingerprint;
import org.articlepipeline.normalize.clean.CleanText;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.ArticleDescriber;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.describe.Description;
import org.articlepipeline.normalize.describe.LanguageDetector;
import org.articlepipeline.normalize.fingerprint.MinHasher;
import org.articlepipeline.normalize.structure.ChromeLexicon;
import org.articlepipeline.normalize.structure.PageStructure;
import org.articlepipeline.normalize.structure.StructureFinder;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What each stage of the normalizer costs on its own, in the units of {@link NormalizerBenchmark}'s floor:
 * where a page's time goes, and which passes any normalizer that does what the issue asks must pay (decode and
 * clean, fold to the matching form, the SHA-256 of the body) against those that are this design's choice.
 * Run with {@code bench/normalizer.sh NormalizerStagesBenchmark}; results go to {@code docs/benchmarks.md}.
 * Average time per page, in microseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NormalizerStagesBenchmark {

    @Param({"000_20a56b2a2d200864", "003_b003a42d99db3074"})
    public String seed;

    private byte[] bytes;
    private List<String> lines;
    private CleanText clean;
    private PageStructure page;
    private byte[] bodyBytes;
    private MessageDigest sha256;
    private final MatchingForm form = new MatchingForm();
    private final Stopwords stopwords = Stopwords.defaults();
    private final TextCleaner cleaner = new TextCleaner();
    private final StructureFinder structure =
            new StructureFinder(form, stopwords, ChromeLexicon.defaults(), new DateFinder(), new Agencies());
    /** Reused page after page, as each normalizer thread reuses its own: see {@code ArticleNormalizer}. */
    private final FoldedLines forms = new FoldedLines(stopwords, 0, 0);
    private final MinHasher hasher = new MinHasher(form);
    private final ArticleDescriber describer = new ArticleDescriber(form, stopwords, new DateFinder(), new Agencies(),
            new LanguageDetector(form, stopwords));

    @Setup
    public void load() throws NoSuchAlgorithmException {
        try {
            bytes = Files.readAllBytes(Path.of("seeds", seed + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root", e);
        }
        clean = cleaner.cleanUtf8(bytes);
        lines = clean.lines();
        page = structure.find(clean);
        StringBuilder folded = new StringBuilder();
        for (String paragraph : page.paragraphs()) {
            folded.append(form.normalize(paragraph)).append('\n');
        }
        bodyBytes = folded.toString().getBytes(StandardCharsets.UTF_16LE);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    /** The floor of {@link NormalizerBenchmark}, again, so every row here can be read against it. */
    @Benchmark
    public String floor() {
        return Normalizer.normalize(new String(bytes, StandardCharsets.UTF_8), Normalizer.Form.NFC);
    }

    /** Decode and clean, one pass: every line of the page as display text. */
    @Benchmark
    public CleanText decodeAndClean() {
        return cleaner.cleanUtf8(bytes);
    }

    /** Every line folded to the matching form once: term hashes, word and function-word counts. */
    @Benchmark
    public FoldedLines fold() {
        forms.clear(bytes.length, lines.size());
        for (String line : lines) {
            forms.add(line);
        }
        return forms;
    }

    /** Headline, chrome, standfirst, dateline, body: includes {@link #fold}. */
    @Benchmark
    public PageStructure structure() {
        return structure.find(clean, forms);
    }

    /** Source, agency, date, language. */
    @Benchmark
    public Description describe() {
        return describer.describe(page);
    }

    /** The content hash as the normalizer takes it: the body's matching form, UTF-16LE, into SHA-256. */
    @Benchmark
    public String contentHash() throws CloneNotSupportedException {
        MessageDigest sha = (MessageDigest) sha256.clone();
        return HexFormat.of().formatHex(sha.digest(
                page.bodyForm().hashInput().getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
    }

    /** SHA-256 alone, over the bytes the content hash reads: what no content hash can avoid. */
    @Benchmark
    public byte[] sha256Only() throws CloneNotSupportedException {
        MessageDigest sha = (MessageDigest) sha256.clone();
        return sha.digest(bodyBytes);
    }

    /** The near-duplicate signature from the body's term hashes. */
    @Benchmark
    public Fingerprint minHash() {
        return hasher.fingerprint(page.bodyForm());
    }
}
