package org.articlepipeline.store;

/** Where an article stands in the table. */
public enum ArticleStatus {
    /** Normalized and listed on every lookup path. */
    OK,
    /** The upload cannot be an article; the item says why and the original stays untouched. */
    REJECTED,
    /** The object was removed; the item is a tombstone that keeps late, stale events from resurrecting it. */
    DELETED
}
