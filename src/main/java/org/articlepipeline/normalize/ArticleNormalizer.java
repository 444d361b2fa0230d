package org.articlepipeline.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.articlepipeline.normalize.clean.CleanText;
import org.articlepipeline.normalize.clean.LineBuffer;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.articlepipeline.normalize.decode.Decoded;
import org.articlepipeline.normalize.decode.TextDecoder;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.ArticleDescriber;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.describe.Description;
import org.articlepipeline.normalize.describe.LanguageDetector;
import org.articlepipeline.normalize.fingerprint.MinHasher;
import org.articlepipeline.normalize.html.Extraction;
import org.articlepipeline.normalize.html.HtmlCharset;
import org.articlepipeline.normalize.html.HtmlExtractor;
import org.articlepipeline.normalize.html.LanguageHints;
import org.articlepipeline.normalize.html.MarkupSniffer;
import org.articlepipeline.normalize.html.PageMetadata;
import org.articlepipeline.normalize.html.PageMetadataReader;
import org.articlepipeline.normalize.structure.ChromeLexicon;
import org.articlepipeline.normalize.structure.PageStructure;
import org.articlepipeline.normalize.structure.StructureFinder;
import org.articlepipeline.normalize.text.BodyForm;
import org.articlepipeline.normalize.text.FoldedLines;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Sentences;
import org.articlepipeline.normalize.text.Stopwords;
import org.jsoup.nodes.Document;

/**
 * Entry point of the normalizer: uploaded bytes in, a {@link NormalizedArticle} or a rejection out.
 *
 * <p>The pipeline reads top to bottom as stages: {@link TextDecoder decode} (charset from evidence, binary
 * and oversized uploads rejected), {@link TextCleaner clean} (uniform but faithful display text),
 * {@link StructureFinder structure} (headline, standfirst, dateline, body; page chrome removed and listed),
 * {@link ArticleDescriber describe} (source, agency, date, language) and {@link MinHasher fingerprint}
 * (content hash and near-duplicate signature on the {@link MatchingForm}).
 *
 * <p>Bad input never throws: every failure is a {@link NormalizationResult.Rejected} with a stable reason
 * ({@link RejectionReason}).
 * Instances are thread-safe: each thread normalizes into buffers of its own.
 */
public final class ArticleNormalizer {

    /** Words per minute for Arabic-script languages: Arabic readers read ~140–180 wpm. */
    public static final int ARABIC_SCRIPT_WPM = 160;
    /** Words per minute for other languages (English silent reading ~230 wpm). */
    public static final int DEFAULT_WPM = 230;
    /** {@link NormalizedArticle#format} of an upload read as an HTML page. */
    public static final String FORMAT_HTML = "html";
    /** {@link NormalizedArticle#format} of an upload read as text. */
    public static final String FORMAT_TEXT = "text";
    /** What a text upload says about itself beyond its text: nothing. */
    private static final PageMetadata NO_METADATA = new PageMetadata(null, null, null, null, null, null, null, null);
    /** A decoding with more replacement characters than this share of its characters is not text. */
    private static final double MAX_REPLACEMENT_SHARE = 0.2;

    private final TextDecoder decoder;
    private final TextCleaner cleaner;
    private final StructureFinder structure;
    private final ArticleDescriber describer;
    private final MatchingForm form;
    private final Stopwords stopwords;
    private final Agencies agencies;
    private final MarkupSniffer sniffer = new MarkupSniffer();
    private final HtmlExtractor extractor = new HtmlExtractor();
    private final HtmlCharset htmlCharset;
    private final PageMetadataReader metadataReader;
    private final int maxLines;
    private final int minArticleWords;
    /**
     * Each thread's buffers, lent to one page after another, so pages do not allocate and zero them anew
     * (measured in docs/benchmarks.md). Per instance, not static: normalizers share nothing.
     */
    private final ThreadLocal<PageBuffers> buffers = ThreadLocal.withInitial(this::newBuffers);

    /** A normalizer with the default settings (10 MB cap). */
    public ArticleNormalizer() {
        this(NormalizerSettings.defaults());
    }

    /** A normalizer with {@code settings}. */
    public ArticleNormalizer(NormalizerSettings settings) {
        this.form = new MatchingForm();
        this.maxLines = settings.maxLines();
        this.minArticleWords = settings.minArticleWords();
        this.stopwords = Stopwords.defaults();
        DateFinder dates = new DateFinder();
        this.agencies = new Agencies();
        this.decoder = new TextDecoder(settings.maxBytes());
        this.htmlCharset = new HtmlCharset(decoder);
        this.metadataReader = new PageMetadataReader(dates, agencies);
        this.cleaner = new TextCleaner();
        this.structure = new StructureFinder(form, stopwords, ChromeLexicon.defaults(), dates, agencies);
        this.describer = new ArticleDescriber(form, stopwords, dates, agencies, new LanguageDetector(form, stopwords));
    }

    /**
     * Normalizes one upload.
     *
     * @param content the uploaded bytes
     * @param origin  what is known about them; may be null
     */
    public NormalizationResult normalize(byte[] content, ArticleOrigin origin) {
        try {
            return run(content, origin);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must not take the batch down; the upload is reported, not lost.
            return new NormalizationResult.Rejected(RejectionReason.INTERNAL_ERROR,
                    "the normalizer failed on this file: " + e.getClass().getSimpleName());
        }
    }

    private NormalizationResult run(byte[] content, ArticleOrigin origin) {
        // The common upload, plain UTF-8 text, is decoded and cleaned in one pass; everything else (legacy
        // charsets, byte order marks, HTML, invalid bytes) goes through the stages one by one.
        PageBuffers reused = buffers.get();
        if (decoder.readsAsUtf8WhenValid(content) && !mayOpenWithMarkup(content)) {
            CleanText clean = cleaner.cleanUtf8(content, reused.lines());
            if (clean != null) {
                return describe(clean, "UTF-8", FORMAT_TEXT, null, NO_METADATA, reused);
            }
        }
        boolean hinted = declaredHtml(origin);
        boolean html = sniffer.isHtml(content, hinted);
        // A page is read in the charset it declares when its bytes agree (HtmlCharset); text by evidence alone.
        Decoded decoded = html ? htmlCharset.decode(withoutNul(content))
                : decoder.decode(content, origin == null ? null : origin.declaredContentType());
        if (decoded instanceof Decoded.Failure failure) {
            return new NormalizationResult.Rejected(failure.reason(), failure.detail());
        }
        Decoded.Text text = (Decoded.Text) decoded;
        String raw = text.text();
        if (replacementShare(raw) > MAX_REPLACEMENT_SHARE) {
            return new NormalizationResult.Rejected(RejectionReason.UNDECODABLE,
                    "the file does not decode as text in " + text.encoding() + " or any charset tried");
        }
        if (html || sniffer.isHtml(raw, hinted)) {
            return normalizeHtml(raw, text.encoding(), reused);
        }
        return describe(cleaner.clean(raw), text.encoding(), FORMAT_TEXT, null, NO_METADATA, reused);
    }

    /**
     * An HTML page: its article is extracted from the tree ({@link HtmlExtractor}), laid out as lines under its
     * headline, and from there read exactly as a text dump is, so the same article uploaded either way gets
     * the same title and body.
     */
    private NormalizationResult normalizeHtml(String raw, String encoding, PageBuffers reused) {
        Document page = extractor.parse(raw);
        String pageTitle = page.title().strip();
        // Read before extraction, which prunes the tree: metadata sits in the head, in scripts and around the h1.
        PageMetadata metadata = metadataReader.read(page);
        Extraction extraction = extractor.extract(page);
        if (extraction instanceof Extraction.NoArticle none) {
            return new NormalizationResult.Rejected(RejectionReason.NO_ARTICLE, none.detail());
        }
        Extraction.Article article = (Extraction.Article) extraction;
        String headline = metadata.title() != null ? metadata.title()
                : article.headline() != null ? article.headline() : pageTitle.isEmpty() ? null : pageTitle;
        StringBuilder lines = new StringBuilder(raw.length() / 4);
        if (headline != null) {
            lines.append(headline).append('\n');
        }
        for (String line : article.lines()) {
            lines.append(line).append('\n');
        }
        return describe(cleaner.clean(lines.toString()), encoding, FORMAT_HTML, article, metadata, reused);
    }

    /**
     * Structure, description and fingerprint of cleaned lines, whichever format they came from. What a page's
     * {@code metadata} says wins over what its text suggests, field by field; its language is a hint the text
     * is checked against.
     */
    private NormalizationResult describe(CleanText clean, String encoding, String format, Extraction.Article html,
                                         PageMetadata metadata, PageBuffers reused) {
        if (!hasLetter(clean.lines())) {
            return new NormalizationResult.Rejected(RejectionReason.NO_TEXT, "the file holds no letters");
        }
        // Both checks are decided before the structure is read, whose cost grows with the number of lines: a
        // page without a single sentence cannot have an article in it, whatever the structure would keep.
        if (!Sentences.anyIn(clean.lines())) {
            return new NormalizationResult.Rejected(RejectionReason.NO_ARTICLE_TEXT,
                    "the file holds no sentence (no words ending in . ! or ?)");
        }
        if (clean.lines().size() > maxLines) {
            return new NormalizationResult.Rejected(RejectionReason.TOO_LARGE, "the file has "
                    + clean.lines().size() + " lines of text; the limit is " + maxLines);
        }
        // An HTML page's extracted lines are its article already: the text-dump search for the core is not redone.
        PageStructure page = structure.find(clean, reused.forms(), html != null);
        if (page.title() == null && page.paragraphs().isEmpty()) {
            return new NormalizationResult.Rejected(RejectionReason.NO_TEXT, "the file holds only page chrome");
        }
        NormalizationResult.Rejected tooLittle = tooLittleArticleText(page);
        if (tooLittle != null) {
            return tooLittle;
        }
        Description d = describer.describe(page);
        String agency = metadata.agency() != null ? metadata.agency() : d.agency();
        List<RemovedLine> removed = page.removed();
        if (html != null) {
            agency = agency == null ? creditedAgency(html.credits()) : agency;
            removed = new ArrayList<>(html.removed());
            removed.addAll(page.removed());
        }
        List<String> paragraphs = page.paragraphs();
        String body = String.join("\n\n", paragraphs);
        BodyForm bodyForm = page.bodyForm();
        String contentHash = contentHash(bodyForm, reused.sha256());
        String language = LanguageHints.confirm(metadata.language(), d.language());
        int wpm = isArabicScript(language) ? ARABIC_SCRIPT_WPM : DEFAULT_WPM;
        int wordCount = bodyForm.wordCount();
        // Code points, not chars; folding saw whether there is any pair to count.
        int charCount = bodyForm.hasSurrogates() ? body.codePointCount(0, body.length()) : body.length();
        return new NormalizationResult.Accepted(new NormalizedArticle(
                firstOf(metadata.title(), page.title()), page.subtitle(), firstOf(metadata.source(), d.source()),
                firstOf(metadata.sourceUrl(), d.sourceUrl()), agency, page.dateline() == null ? null : page.dateline().place(),
                firstOf(metadata.publishedAt(), d.publishedAt()), language,
                encoding, format, paragraphs, body, wordCount, paragraphs.size(),
                charCount, (wordCount + wpm - 1) / wpm,
                contentHash, reused.hasher().fingerprint(bodyForm), removed));
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The news agency a photo credit or caption names, or null: captions are credit context, not prose. */
    private String creditedAgency(List<String> credits) {
        for (String credit : credits) {
            String agency = agencies.find(credit);
            if (agency != null) {
                return agency;
            }
        }
        return null;
    }

    /** The bytes with each NUL replaced by a space, as an HTML parser would drop it: a NUL is no reason to lose a page. */
    private static byte[] withoutNul(byte[] content) {
        byte[] copy = null;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                if (copy == null) {
                    copy = content.clone();
                }
                copy[i] = ' ';
            }
        }
        return copy == null ? content : copy;
    }

    /**
     * A rejection when the body, once page chrome, headline and standfirst are out, is too short to be an
     * article or holds no sentence; else null.
     */
    private NormalizationResult.Rejected tooLittleArticleText(PageStructure page) {
        int words = page.bodyForm().wordCount();
        if (words < minArticleWords) {
            return new NormalizationResult.Rejected(RejectionReason.NO_ARTICLE_TEXT, "the article text has " + words
                    + (words == 1 ? " word" : " words") + " after page chrome is removed; at least "
                    + minArticleWords + " are needed");
        }
        if (!Sentences.anyIn(page.paragraphs())) {
            return new NormalizationResult.Rejected(RejectionReason.NO_ARTICLE_TEXT,
                    "the article text holds no sentence (no words ending in . ! or ?) after page chrome is removed");
        }
        return null;
    }

    /**
     * SHA-256 hex of the matching form of the body paragraphs, each followed by a line feed, in UTF-16LE: page
     * chrome and title do not change it.
     */
    static String contentHash(BodyForm body, MessageDigest sha) {
        sha.reset();            // a page that failed half-way through may have left bytes in it
        return HexFormat.of().formatHex(sha.digest(body.hashInput().getBytes(StandardCharsets.UTF_16LE)));
    }

    private PageBuffers newBuffers() {
        try {
            return new PageBuffers(new LineBuffer(), new FoldedLines(stopwords, 0, 0), new MinHasher(form),
                    MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * What one thread lends every page it normalizes: the room the cleaner builds lines in, the folding buffers,
     * the fingerprint's slots and a SHA-256 digest, which {@link MessageDigest#digest()} leaves reset for the
     * next page.
     */
    private record PageBuffers(LineBuffer lines, FoldedLines forms, MinHasher hasher, MessageDigest sha256) {
    }

    /** The origin's content type or file extension says HTML: a hint, used only when the text has tags. */
    private static boolean declaredHtml(ArticleOrigin origin) {
        if (origin == null) {
            return false;
        }
        String type = origin.declaredContentType() == null ? "" : origin.declaredContentType().toLowerCase(java.util.Locale.ROOT);
        String name = origin.fileName() == null ? "" : origin.fileName().toLowerCase(java.util.Locale.ROOT);
        return type.contains("html") || name.endsWith(".html") || name.endsWith(".htm");
    }

    /**
     * Whether the first char after leading ASCII whitespace may be a {@code <} or more whitespace: only such
     * pages can {@link HtmlText#looksLikeHtml look like HTML}, so any other page may skip that check. Unicode's
     * other whitespace (U+1680, U+2000–U+205F, U+3000) starts with byte E1, E2 or E3 in UTF-8.
     */
    static boolean mayOpenWithMarkup(byte[] content) {
        for (byte b : content) {
            if (b != ' ' && (b < '\t' || b > '\r') && (b < 0x1C || b > 0x1F)) {
                return b == '<' || b == (byte) 0xE1 || b == (byte) 0xE2 || b == (byte) 0xE3;
            }
        }
        return true;
    }

    private static boolean isArabicScript(String language) {
        return "ar".equals(language) || "fa".equals(language) || "ur".equals(language);
    }

    private static double replacementShare(String s) {
        if (s.indexOf('\uFFFD') < 0) {
            return 0;                // the usual case, found by a vectorized search instead of a counting loop
        }
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\uFFFD') {
                bad++;
            }
        }
        return (double) bad / s.length();
    }

    private static boolean hasLetter(List<String> lines) {
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                if (Character.isLetter(line.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }
}
