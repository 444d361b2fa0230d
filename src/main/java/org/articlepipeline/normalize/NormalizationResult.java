package org.articlepipeline.normalize;

/** The outcome of normalizing one upload: an article, or a rejection with a specific reason. */
public sealed interface NormalizationResult permits NormalizationResult.Accepted, NormalizationResult.Rejected {

    /** The upload was read as an article. */
    record Accepted(NormalizedArticle article) implements NormalizationResult {
    }

    /**
     * The upload cannot be an article.
     *
     * @param reason a stable code ({@code binary-content}, {@code too-large}, {@code empty}, {@code undecodable}, ...)
     * @param detail a sentence a person can act on
     */
    record Rejected(String reason, String detail) implements NormalizationResult {
    }
}
