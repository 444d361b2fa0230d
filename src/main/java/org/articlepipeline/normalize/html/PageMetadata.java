package org.articlepipeline.normalize.html;

/**
 * What an HTML page says about its article, from the most trusted source it has (see {@link PageMetadataReader}).
 * Absent values are null, never invented.
 *
 * @param title       the headline, without the site's name and its separator
 * @param source      the publisher's name
 * @param author      the byline: the author's names, comma-separated
 * @param publishedAt when the article was published, written as {@code NormalizedArticle.publishedAt} is
 *                    ({@code 2015-11-26}, {@code 2015-11-26T20:55}, seconds and offset only when the page gives them)
 * @param modifiedAt  when it was last modified, in the same form
 * @param language    the language the page declares, as an ISO 639 primary subtag ({@code fr} for {@code fr-FR}):
 *                    a hint for the language detector to confirm against the text, not a finding
 * @param sourceUrl   the page's canonical URL
 * @param agency      the canonical name of a news agency a byline or credit names ({@code AFP}, {@code Reuters}, ...)
 */
public record PageMetadata(String title, String source, String author, String publishedAt, String modifiedAt,
        String language, String sourceUrl, String agency) {
}
