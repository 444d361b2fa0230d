/**
 * Reads scraped news pages (mostly Arabic, also English and French) into clean articles. No AWS types here:
 * the ingest handler and the CLI call {@link org.articlepipeline.normalize.ArticleNormalizer#normalize} and
 * store the {@link org.articlepipeline.normalize.NormalizedArticle} it returns.
 *
 * <p>The pipeline, one small class per stage, each in its own sub-package:
 * <ol>
 *   <li>{@code decode} – {@link org.articlepipeline.normalize.decode.TextDecoder}: charset from evidence
 *       (BOM, strict UTF-8 with tolerance for a stray byte, windows-1256 / ISO-8859-6 / windows-1252 /
 *       ISO-8859-1), binary and oversized uploads rejected;</li>
 *   <li>{@code html} – {@link org.articlepipeline.normalize.html.HtmlExtractor}: a page recognized as HTML by
 *       its content ({@link org.articlepipeline.normalize.html.MarkupSniffer}) is parsed with jsoup, its
 *       never-content elements, frame and boilerplate blocks dropped and listed, its body chosen and laid out
 *       as lines, which the stages below read as they read a text dump;</li>
 *   <li>{@code clean} – {@link org.articlepipeline.normalize.clean.TextCleaner}: faithful, uniform display text.
 *       Plain valid UTF-8, the common upload, is decoded inside the cleaning pass
 *       ({@link org.articlepipeline.normalize.clean.TextCleaner#cleanUtf8}): every pass over a page costs about
 *       as much as decoding it, so the two stages share one; anything else goes through decode, then clean;</li>
 *   <li>{@code structure} – {@link org.articlepipeline.normalize.structure.StructureFinder}: headline,
 *       standfirst, dateline, body, and page chrome removed with a reason per line;</li>
 *   <li>{@code describe} – {@link org.articlepipeline.normalize.describe.ArticleDescriber}: source, site URL,
 *       agency, publication date, language;</li>
 *   <li>{@code fingerprint} – {@link org.articlepipeline.normalize.fingerprint.MinHasher} and
 *       {@link org.articlepipeline.normalize.fingerprint.LshBands}: near-duplicate signature and LSH keys.</li>
 * </ol>
 * {@link org.articlepipeline.normalize.text.MatchingForm} (package {@code text}) is the matching
 * normalization shared by content hashes, fingerprints and, later, search indexing and queries;
 * {@link org.articlepipeline.normalize.text.FoldedLines} folds each line to it once for every stage that
 * reads it.
 */
package org.articlepipeline.normalize;
