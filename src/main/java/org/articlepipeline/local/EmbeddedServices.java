package org.articlepipeline.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3-compatible server (S3Proxy) and DynamoDB Local, in this JVM, on one address (loopback unless the
 * caller names another): the AWS services the pipeline uses, with no account and no Docker.
 *
 * <p>The S3 server reports every object change to a listener, which is how the local stack emits S3
 * event notifications. With a data folder both keep their state across restarts; without one they start
 * empty.
 */
public final class EmbeddedServices implements AutoCloseable {

    /** The credentials both servers accept (S3Proxy checks signatures; DynamoDB Local shares one database). */
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private final S3Proxy s3;
    private final LocalDynamoDb dynamoDb;
    private final String clientHost;
    private final int s3Port;

    private EmbeddedServices(S3Proxy s3, LocalDynamoDb dynamoDb, String clientHost, int s3Port) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.clientHost = clientHost;
        this.s3Port = s3Port;
    }

    /**
     * Starts both servers on loopback ({@code 127.0.0.1}).
     *
     * @param s3Port       the S3 port (0 picks a free one)
     * @param dynamoDbPort the DynamoDB port (0 picks a free one)
     * @param dataDirectory where state persists, or {@code null} to keep everything in memory
     * @param objectChanges told of every object write and delete, after it succeeds
     */
    static EmbeddedServices start(int s3Port, int dynamoDbPort, Path dataDirectory, Consumer<ObjectEvent> objectChanges)
            throws Exception {
        return start(LocalAddresses.LOOPBACK, s3Port, dynamoDbPort, dataDirectory, objectChanges);
    }

    /** Starts both servers listening on {@code host} only. */
    static EmbeddedServices start(InetAddress host, int s3Port, int dynamoDbPort, Path dataDirectory,
                                  Consumer<ObjectEvent> objectChanges) throws Exception {
        int s3Actual = s3Port == 0 ? freePort() : s3Port;
        List<AutoCloseable> started = new ArrayList<>();
        try {
            LocalDynamoDb dynamoDb = LocalDynamoDb.start(host, dynamoDbPort,
                    dataDirectory == null ? null : Files.createDirectories(dataDirectory.resolve("dynamodb")));
            started.add(dynamoDb);

            BlobStore storage = dataDirectory == null
                    ? new TransientNio2BlobStore()
                    : new FilesystemNio2BlobStore(storeRoot(dataDirectory).toString());
            S3Proxy s3 = S3Proxy.builder()
                    .blobStore(new NotifyingBlobStore(new ExactKeyBlobStore(storage), objectChanges))
                    // S3Proxy listens on the endpoint's host.
                    .endpoint(URI.create("http://" + LocalAddresses.uriHost(host) + ":" + s3Actual))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .ignoreUnknownHeaders(true)
                    .stopTimeout(0)
                    .build();
            s3.start();
            waitUntilStarted(s3);
            return new EmbeddedServices(s3, dynamoDb, LocalAddresses.uriHost(LocalAddresses.reachable(host)), s3Actual);
        } catch (Exception e) {
            for (AutoCloseable closeable : started) {
                closeable.close();
            }
            throw e;
        }
    }

    /** The data folder's object store, with objects an older layout kept moved to their stored names. */
    private static Path storeRoot(Path dataDirectory) throws IOException {
        Path root = Files.createDirectories(dataDirectory.resolve("s3"));
        LegacyKeyLayout.migrate(root);
        return root;
    }

    private static void waitUntilStarted(S3Proxy s3) throws InterruptedException {
        for (int i = 0; i < 500 && !"STARTED".equals(s3.getState()); i++) {
            Thread.sleep(10);
        }
    }

    public URI s3Endpoint() {
        return URI.create("http://" + clientHost + ":" + s3Port);
    }

    public URI dynamoDbEndpoint() {
        return URI.create("http://" + clientHost + ":" + dynamoDb.port());
    }

    /** A port no one listens on now, for tests and for {@code --port 0}. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    /** True when something already listens on {@code port} or it cannot be bound on loopback. */
    public static boolean isTaken(int port) {
        if (port == 0) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return false;
        } catch (IOException taken) {
            return true;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            s3.stop();
        } finally {
            dynamoDb.close();
        }
    }
}
