package org.articlepipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

class NotifyingBlobStoreTest {

    /** Storage where a DELETE of the same key lands right after every write, as a racing client's would. */
    private static final class DeletedRightAfterWrites extends ForwardingBlobStore {

        DeletedRightAfterWrites(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
            PutObjectResponse response = super.putBlob(request, input);
            removeBlob(request.bucket(), request.key());
            return response;
        }

        @Override
        public CopyObjectResponse copyBlob(CopyObjectRequest request) {
            CopyObjectResponse response = super.copyBlob(request);
            removeBlob(request.destinationBucket(), request.destinationKey());
            return response;
        }
    }

    @Test
    void aCompletedPutIsAnsweredAndNotifiedEvenWhenADeleteLandsRightAfterIt() {
        BlobStore storage = new TransientNio2BlobStore();
        storage.createContainer("articles");
        List<ObjectEvent> events = new ArrayList<>();
        NotifyingBlobStore store = new NotifyingBlobStore(new DeletedRightAfterWrites(storage), events::add);
        byte[] content = "racing".getBytes(StandardCharsets.UTF_8);

        PutObjectResponse response = store.putBlob(PutObjectRequest.builder().bucket("articles").key("incoming/race.txt")
                .contentLength((long) content.length).build(), new ByteArrayInputStream(content));

        assertThat(response.eTag()).isNotBlank();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventName()).isEqualTo("ObjectCreated:Put");
            assertThat(event.size()).isEqualTo(content.length);
            assertThat(event.eTag()).isEqualTo(response.eTag().replace("\"", ""));
        });
    }

    @Test
    void aMultiObjectDeleteReportsEachRemovalOnce() {
        BlobStore storage = new TransientNio2BlobStore();
        storage.createContainer("articles");
        List<ObjectEvent> events = new ArrayList<>();
        NotifyingBlobStore store = new NotifyingBlobStore(storage, events::add);
        for (String key : List.of("incoming/a.txt", "incoming/b.txt")) {
            store.putBlob(PutObjectRequest.builder().bucket("articles").key(key).contentLength(1L).build(),
                    new ByteArrayInputStream(new byte[] {'x'}));
        }
        events.clear();

        store.removeBlobs(software.amazon.awssdk.services.s3.model.DeleteObjectsRequest.builder().bucket("articles")
                .delete(d -> d.objects(o -> o.key("incoming/a.txt"), o -> o.key("incoming/b.txt"))).build());

        assertThat(events).extracting(ObjectEvent::key).containsExactlyInAnyOrder("incoming/a.txt", "incoming/b.txt");
        assertThat(events).extracting(ObjectEvent::eventName).containsOnly("ObjectRemoved:Delete");
    }

    @Test
    void aCopyWhoseResultIsAlreadyDeletedIsNotifiedWithoutASize() {
        BlobStore storage = new TransientNio2BlobStore();
        storage.createContainer("articles");
        storage.putBlob(PutObjectRequest.builder().bucket("articles").key("incoming/a.txt").contentLength(1L).build(),
                new ByteArrayInputStream(new byte[] {'a'}));
        List<ObjectEvent> events = new ArrayList<>();
        NotifyingBlobStore store = new NotifyingBlobStore(new DeletedRightAfterWrites(storage), events::add);

        store.copyBlob(CopyObjectRequest.builder().sourceBucket("articles").sourceKey("incoming/a.txt")
                .destinationBucket("articles").destinationKey("incoming/b.txt").build());

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo("incoming/b.txt");
            assertThat(event.size()).isNull();
        });
    }
}
