package org.articlepipeline.local;

/**
 * A change the embedded S3 server made to one object, before it becomes an S3 notification.
 *
 * @param eventName e.g. {@code ObjectCreated:Put} or {@code ObjectRemoved:Delete}
 * @param bucket    the bucket
 * @param key       the key, not encoded
 * @param size      the object size for creates, else {@code null}
 * @param eTag      the object's ETag without quotes for creates, else {@code null}
 */
record ObjectEvent(String eventName, String bucket, String key, Long size, String eTag) {
}
