package org.articlepipeline.store;

/**
 * One article's item in the table: the object it came from, where it stands, and its metadata.
 *
 * <p>Text never lives here (it is in S3 under {@code textKey}), so an item stays a few kilobytes whatever
 * the article's size. Field names are the table's attribute names and the lookup API's JSON names.
 *
 * @param id             the article id, derived from bucket and key ({@link ArticleId})
 * @param bucket         the bucket the original lives in
 * @param key            the original's object key
 * @param status         {@link ArticleStatus}
 * @param reason         why it was rejected (a stable code), else {@code null}
 * @param reasonDetail   a sentence a person can act on, for rejections
 * @param metadata       what the normalizer found; {@code null} unless {@code status} is OK
 * @param ingestedAt     when this state was written (ISO-8601 UTC)
 * @param size           the original's size in bytes, when known
 * @param eTag           the original's ETag, when known
 * @param versionId      the original's version, when the bucket is versioned
 * @param sequencer      the comparable S3 sequencer of the event last applied ({@code Sequencer#comparable})
 * @param textKey        the clean text's object key, for OK articles
 * @param documentKey    the JSON document's object key, for OK articles
 */
public record ArticleRecord(
        String id,
        String bucket,
        String key,
        ArticleStatus status,
        String reason,
        String reasonDetail,
        ArticleMetadata metadata,
        String ingestedAt,
        Long size,
        String eTag,
        String versionId,
        String sequencer,
        String textKey,
        String documentKey) {

    /** True when lookups should show this article. */
    public boolean isVisible() {
        return status == ArticleStatus.OK;
    }
}
