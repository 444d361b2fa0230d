package org.articlepipeline.normalize;

/**
 * A line the normalizer took out of the article as page chrome, and why.
 *
 * <p>Reason codes: {@code repeated-title} (another copy of the headline, also glued to itself),
 * {@code widget} (most read, latest news, "No stories found."), {@code ui-label} (share, print, close ×, logo,
 * icon labels, font-size buttons, counters such as "12 comments"), {@code related} (read more / اقرأ أيضا),
 * {@code navigation} (breadcrumbs), {@code tags}, {@code form-message} (success/error/thank-you messages),
 * {@code appeal} (donation and subscription appeals, with the short lines of their block), {@code copyright},
 * {@code site-name}, {@code url}, {@code contact} (e-mail addresses, handles), {@code credit} (source, photo
 * and staff credits, lines naming only wire services), {@code byline}, {@code timestamp} (dates, times,
 * "5 hours ago"), {@code caption-icon} (a photo caption behind a camera icon label), {@code caption} (the
 * text after a "Image caption," or "Photo:" label line), {@code punctuation}
 * (lines without letters or digits), {@code blank} (lines holding only invisible characters, listed first,
 * with empty text), and {@code boilerplate} (short lines removed only by their chrome neighbours).
 *
 * @param text   the line as it stood after cleaning
 * @param reason a short reason code such as {@code repeated-title}, {@code widget} or {@code credit}
 */
public record RemovedLine(String text, String reason) {
}
