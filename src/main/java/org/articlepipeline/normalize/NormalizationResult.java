package org.articlepipeline.normalize;

/** The outcome of normalizing one upload: an article, or a rejection with a specific reason. */
public sealed interface NormalizationResult permits NormalizationResult.Accepted, NormalizationResult.Rejected {

    /** The upload was read as an article. */
    record Accepted(NormalizedArticle article) implements NormalizationResult {
    }

    /**
     * The upload cannot be an article.
     *
     * @param reason why, with its stable code ({@link RejectionReason#code()})
     * @param detail a sentence a person can act on
     */
    record Rejected(RejectionReason reason, String detail) implements NormalizationResult {
    }
}
