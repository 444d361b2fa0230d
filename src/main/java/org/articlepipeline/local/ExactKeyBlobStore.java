package org.articlepipeline.local;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The embedded S3 server's storage with S3's key semantics: every key is stored exactly as given, under
 * the name {@link StoredKeys} gives it, and keys over 1024 bytes are refused with {@code KeyTooLongError}
 * as S3 refuses them. Listings are answered from the decoded keys, in S3's order (UTF-8 bytes).
 */
final class ExactKeyBlobStore extends ForwardingBlobStore {

    private static final int DEFAULT_MAX_KEYS = 1000;
    private static final Comparator<String> UTF8_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    ExactKeyBlobStore(BlobStore delegate) {
        super(delegate);
    }

    /** The stored name of {@code key}, or S3's refusal of a key that is too long. */
    static String stored(String key) {
        if (!StoredKeys.isStorable(key)) {
            throw S3Exception.builder().statusCode(400)
                    .message("Your key is too long")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("KeyTooLongError")
                            .errorMessage("Your key is too long").serviceName("S3").build())
                    .build();
        }
        return StoredKeys.name(key);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        return super.putBlob(request.toBuilder().key(stored(request.key())).build(), input);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return super.copyBlob(request.toBuilder().sourceKey(stored(request.sourceKey()))
                .destinationKey(stored(request.destinationKey())).build());
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        return super.blobMetadata(request.toBuilder().key(stored(request.key())).build());
    }

    @Override
    public boolean blobExists(String bucket, String key) {
        return super.blobExists(bucket, stored(key));
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        return super.getBlob(request.toBuilder().key(stored(request.key())).build());
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return super.removeBlob(request.toBuilder().key(stored(request.key())).build());
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key) {
        return super.getBlobAccess(bucket, stored(key));
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key, String versionId) {
        return super.getBlobAccess(bucket, stored(key), versionId);
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        return super.getBlobAcl(request.toBuilder().key(stored(request.key())).build());
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access) {
        super.setBlobAccess(bucket, stored(key), access);
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access, String versionId) {
        super.setBlobAccess(bucket, stored(key), access, versionId);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        MultipartUpload upload = super.initiateMultipartUpload(request.toBuilder().key(stored(request.key())).build());
        return new MultipartUpload(upload.id(), request, upload.response());
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        super.abortMultipartUpload(storedUpload(upload));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(storedUpload(upload),
                request.toBuilder().key(stored(request.key())).build());
        return response.toBuilder().key(upload.blobName()).build();
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request, InputStream input) {
        return super.uploadMultipartPart(storedUpload(upload), request.toBuilder().key(stored(request.key())).build(),
                input);
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        return super.listMultipartUpload(storedUpload(upload));
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String bucket) {
        List<software.amazon.awssdk.services.s3.model.MultipartUpload> uploads = new ArrayList<>();
        for (software.amazon.awssdk.services.s3.model.MultipartUpload upload : super.listMultipartUploads(bucket)) {
            String key = StoredKeys.key(upload.key());
            if (key != null) {
                uploads.add(upload.toBuilder().key(key).build());
            }
        }
        return uploads;
    }

    private static MultipartUpload storedUpload(MultipartUpload upload) {
        return new MultipartUpload(upload.id(), upload.request().toBuilder().key(stored(upload.blobName())).build(),
                upload.response());
    }

    /** S3's listing over the decoded keys: prefix, delimiter, start-after, pages of at most {@code maxKeys}. */
    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        String after = request.continuationToken() != null ? lastListed(request.continuationToken()) : request.startAfter();
        int maxKeys = request.maxKeys() == null ? DEFAULT_MAX_KEYS : Math.max(0, Math.min(request.maxKeys(), DEFAULT_MAX_KEYS));
        List<S3Object> objects = new ArrayList<>();
        for (S3Object object : storedObjects(request.bucket(), prefix)) {
            String key = StoredKeys.key(object.key());
            if (key != null && key.startsWith(prefix)) {
                objects.add(object.toBuilder().key(key).build());
            }
        }
        objects.sort(Comparator.comparing(S3Object::key, UTF8_ORDER));
        List<S3Object> contents = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (S3Object object : objects) {
            String key = object.key();
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            String entry = cut < 0 ? key : key.substring(0, cut + delimiter.length());
            if ((after != null && UTF8_ORDER.compare(entry, after) <= 0) || entry.equals(last)) {
                continue;
            }
            if (contents.size() + prefixes.size() == maxKeys && last != null) {
                truncated = true;
                break;
            }
            if (maxKeys == 0) {
                break;
            }
            if (cut < 0) {
                contents.add(object);
            } else {
                prefixes.add(CommonPrefix.builder().prefix(entry).build());
            }
            last = entry;
        }
        return ListObjectsV2Response.builder()
                .name(request.bucket()).prefix(prefix).delimiter(delimiter).maxKeys(maxKeys)
                .startAfter(request.startAfter()).continuationToken(request.continuationToken())
                .encodingType(request.encodingType())
                .contents(contents).commonPrefixes(prefixes).keyCount(contents.size() + prefixes.size())
                .isTruncated(truncated)
                .nextContinuationToken(truncated
                        ? Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8))
                        : null)
                .build();
    }

    /** The last entry a previous page listed, from the continuation token this store issued. */
    private static String lastListed(String continuationToken) {
        try {
            return new String(Base64.getUrlDecoder().decode(continuationToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            throw S3Exception.builder().statusCode(400).message("The continuation token provided is incorrect")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidArgument")
                            .errorMessage("The continuation token provided is incorrect").serviceName("S3").build())
                    .build();
        }
    }

    /** Every stored object whose name starts with the stored directory of {@code prefix}'s whole segments. */
    private List<S3Object> storedObjects(String bucket, String prefix) {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = super.list(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(StoredKeys.directory(prefix)).continuationToken(token).build());
            objects.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        ListObjectVersionsResponse stored = super.listVersions(request.toBuilder()
                .prefix(StoredKeys.directory(prefix)).keyMarker(null).delimiter(null).build());
        List<ObjectVersion> versions = new ArrayList<>();
        for (ObjectVersion version : stored.versions()) {
            String key = StoredKeys.key(version.key());
            if (key != null && key.startsWith(prefix)) {
                versions.add(version.toBuilder().key(key).build());
            }
        }
        versions.sort(Comparator.comparing(ObjectVersion::key, UTF8_ORDER));
        return stored.toBuilder().prefix(request.prefix()).versions(versions).deleteMarkers(List.of())
                .commonPrefixes(List.of()).build();
    }
}
