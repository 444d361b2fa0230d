package org.articlepipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket's layout: originals under the input prefix (read only), outputs under the output prefix.
 *
 * <p>Outputs are {@code <outputPrefix><id>.txt} (the clean text) and {@code <outputPrefix><id>.json}
 * (the whole normalized document). The pipeline never writes under the input prefix, so its own writes
 * can never trigger it.
 */
public final class ArticleBucket {

    private final S3Client s3;
    private final String bucket;
    private final String outputPrefix;

    public ArticleBucket(S3Client s3, String bucket, String outputPrefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.outputPrefix = outputPrefix;
    }

    public String bucket() {
        return bucket;
    }

    /** Object key of an article's clean text. */
    public String textKey(String id) {
        return outputPrefix + id + ".txt";
    }

    /** Object key of an article's JSON document. */
    public String documentKey(String id) {
        return outputPrefix + id + ".json";
    }

    /**
     * Reads an original, never more than {@code maxBytes + 1} bytes of it (one more than the cap, so a
     * caller can tell "too large" without holding the whole object).
     *
     * @param eTag when not {@code null}, read only that version of the content: a newer upload under the
     *             same key answers empty, like a missing object, because its own event will follow
     * @return the bytes and what S3 says of them; empty when the object is gone or was replaced
     */
    public Optional<StoredObject> readOriginal(String key, String eTag, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> {
            b.bucket(bucket).key(key);
            if (eTag != null && !eTag.isBlank()) {
                b.ifMatch(quoted(eTag));
            }
        })) {
            GetObjectResponse response = in.response();
            byte[] content = readAtMost(in, maxBytes + 1);
            return Optional.of(new StoredObject(key, content, response.contentType(), unquoted(response.eTag()),
                    response.contentLength(), response.versionId()));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The size of an original, asked with a HEAD request: how an event without a size (a backfill task)
     * is checked against the cap before anything is downloaded.
     *
     * @return empty when the object is gone
     */
    public Optional<Long> sizeOf(String key) {
        try {
            return Optional.ofNullable(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Writes an article's clean text and JSON document. */
    public void writeOutputs(String id, String text, byte[] document) {
        s3.putObject(b -> b.bucket(bucket).key(textKey(id)).contentType("text/plain; charset=utf-8"),
                RequestBody.fromString(text, StandardCharsets.UTF_8));
        s3.putObject(b -> b.bucket(bucket).key(documentKey(id)).contentType("application/json"),
                RequestBody.fromBytes(document));
    }

    /** Deletes an article's outputs in one request; deleting what is already gone is not an error. */
    public void deleteOutputs(String id) {
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true).objects(List.of(
                ObjectIdentifier.builder().key(textKey(id)).build(),
                ObjectIdentifier.builder().key(documentKey(id)).build()))));
    }

    /** An article's clean text, when it exists. */
    public Optional<String> readText(String id) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(textKey(id))).asUtf8String());
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
    }

    /** True when the bucket answers: the health check's probe. */
    public boolean isReachable() {
        s3.headBucket(b -> b.bucket(bucket));
        return true;
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
    }

    private static String quoted(String eTag) {
        return eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    }

    /**
     * An ETag as S3 notifications write it: without the quotes the HTTP header carries. Every ETag the
     * pipeline stores or compares goes through here, so a header's and an event's form always match.
     */
    public static String unquoted(String eTag) {
        if (eTag == null) {
            return null;
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    /**
     * An original as read from the bucket.
     *
     * @param content at most the cap plus one byte
     */
    public record StoredObject(String key, byte[] content, String contentType, String eTag, Long size,
                               String versionId) {
    }
}
