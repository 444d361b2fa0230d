package org.articlepipeline.local;

import java.io.InputStream;
import java.util.function.Consumer;
import org.articlepipeline.store.ArticleBucket;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The embedded S3 server's storage, reporting every object write and delete after it succeeds.
 *
 * <p>This is where S3 itself emits notifications: behind the API, so every client (the SDK, awscli,
 * a browser form) triggers them, with no polling delay.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private final Consumer<ObjectEvent> listener;

    NotifyingBlobStore(BlobStore delegate, Consumer<ObjectEvent> listener) {
        super(delegate);
        this.listener = listener;
    }

    /**
     * The size and ETag come from the write itself, not from reading the object back: a DELETE that lands
     * between the write and a read-back would otherwise turn a completed PUT into a 404.
     */
    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        CountingInputStream counted = new CountingInputStream(input);
        PutObjectResponse response = super.putBlob(request, counted);
        listener.accept(new ObjectEvent("ObjectCreated:Put", request.bucket(), request.key(), counted.count(),
                ArticleBucket.unquoted(response.eTag())));
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName());
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        DeleteObjectResponse response = super.removeBlob(request);
        listener.accept(new ObjectEvent("ObjectRemoved:Delete", request.bucket(), request.key(), null, null));
        return response;
    }

    // A multi-object delete (DeleteObjects) needs no override: S3Proxy's BlobStore.removeBlobs removes each
    // object through removeBlob above, which reports it; reporting here too sent every removal twice.

    /**
     * Reports a created object with its size and ETag as stored now. When a delete already removed it, the
     * write still happened and S3 still reports it: without a size, so the consumer reads the object and
     * finds it gone, as it would after a real race.
     */
    private void created(String eventName, String bucket, String key) {
        HeadObjectResponse head = delegate().blobMetadataIfPresent(bucket, key);
        listener.accept(new ObjectEvent(eventName, bucket, key, head == null ? null : head.contentLength(),
                head == null ? null : ArticleBucket.unquoted(head.eTag())));
    }

    /** Counts the bytes a write consumes: the size of what was stored. */
    private static final class CountingInputStream extends java.io.FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws java.io.IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
        }
    }
}
