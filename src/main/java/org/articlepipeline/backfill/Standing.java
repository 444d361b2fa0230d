package org.articlepipeline.backfill;

/** Where one object of the bucket stands against the table. */
public enum Standing {
    /** No article item at all: its notification was lost (a crash) or never sent. */
    MISSING("no article"),
    /** An article made from this very object by an older normalizer. */
    OUTDATED("made by an older normalizer"),
    /** An article made from this object by this normalizer: nothing to do. */
    UP_TO_DATE("up to date"),
    /**
     * The item holds another state than this object's (another version of it, or a delete): the
     * notification of the object's current version decides, and a backfill never overrides one.
     */
    OTHER_STATE("article of another version of the object, or deleted; left to its notification");

    private final String words;

    Standing(String words) {
        this.words = words;
    }

    /** What the standing means, in words. */
    public String words() {
        return words;
    }
}
