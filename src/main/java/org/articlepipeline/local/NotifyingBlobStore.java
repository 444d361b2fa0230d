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
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
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

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        PutObjectResponse response = super.putBlob(request, input);
        created("ObjectCreated:Put", request.bucket(), request.key());
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

    @Override
    public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
        DeleteObjectsResponse response = super.removeBlobs(request);
        for (ObjectIdentifier object : request.delete().objects()) {
            listener.accept(new ObjectEvent("ObjectRemoved:Delete", request.bucket(), object.key(), null, null));
        }
        return response;
    }

    private void created(String eventName, String bucket, String key) {
        HeadObjectResponse head = delegate().blobMetadata(bucket, key);
        listener.accept(new ObjectEvent(eventName, bucket, key, head.contentLength(),
                ArticleBucket.unquoted(head.eTag())));
    }
}
