package org.articlepipeline.normalize.describe;

/**
 * What describes an article beyond its text; absent values are null, never guessed.
 *
 * @param source      the publisher's name
 * @param sourceUrl   the publisher's site, {@code https://host/}
 * @param agency      the wire service credited, by canonical English name
 * @param publishedAt ISO-8601 date or date-time, or the partial form {@code --MM-DD} when no year is written
 * @param language    ISO 639-1 code
 */
public record Description(String source, String sourceUrl, String agency, String publishedAt, String language) {
}
