package org.articlepipeline.normalize;

import org.articlepipeline.normalize.structure.ChromeReason;

/**
 * A line the normalizer took out of the article as page chrome, and why. The JSON output writes the reason as
 * its {@link ChromeReason#code() code} ({@code repeated-title}, {@code ui-label}, {@code credit} ...); what each
 * one means is documented on {@link ChromeReason}.
 *
 * @param text   the line as it stood after cleaning (empty for a {@link ChromeReason#BLANK blank} line)
 * @param reason why it was taken out
 */
public record RemovedLine(String text, ChromeReason reason) {
}
