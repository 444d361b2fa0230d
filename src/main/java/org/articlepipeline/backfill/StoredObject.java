package org.articlepipeline.backfill;

/**
 * One object of the bucket as listed, and where it stands.
 *
 * @param key      the object key
 * @param size     its size in bytes
 * @param eTag     its ETag, without quotes
 * @param standing what the table holds for it
 */
public record StoredObject(String key, long size, String eTag, Standing standing) {
}
