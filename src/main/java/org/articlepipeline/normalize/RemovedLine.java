package org.articlepipeline.normalize;

/**
 * A line the normalizer took out of the article as page chrome, and why.
 *
 * @param text   the line as it stood after cleaning
 * @param reason a short reason code such as {@code repeated-title}, {@code widget} or {@code credit}
 */
public record RemovedLine(String text, String reason) {
}
