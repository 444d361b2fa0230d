package org.articlepipeline.local;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.InetAddress;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * DynamoDB Local listening on one address.
 *
 * <p>DynamoDB Local's own launcher ({@code ServerRunner}/{@code DynamoDBProxyServer}) takes a port but no
 * address and listens on every interface, where anyone on the network could read and change the table
 * (it accepts any credentials). This builds the same request handler behind a Jetty connector bound to
 * the address the stack was given.
 */
final class LocalDynamoDb implements AutoCloseable {

    private final Server server;
    private final LocalDynamoDBServerHandler handler;

    private LocalDynamoDb(Server server, LocalDynamoDBServerHandler handler) {
        this.server = server;
        this.handler = handler;
    }

    /**
     * @param dataDirectory where the tables persist, or {@code null} to keep them in memory
     */
    static LocalDynamoDb start(InetAddress host, int port, Path dataDirectory) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host.getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        // Bound before the database is opened, so an address or port that cannot be had fails at once.
        connector.open();
        // The same arguments ServerRunner passes for "-sharedDb [-inMemory | -dbPath DIR]": one database
        // whatever the credentials and region, transient statuses not delayed.
        LocalDynamoDBServerHandler handler;
        try {
            handler = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, dataDirectory == null,
                    dataDirectory == null ? null : dataDirectory.toString(), true, false), null);
        } catch (RuntimeException e) {
            connector.close();
            throw e;
        }
        ContextHandler context = new ContextHandler();
        context.setHandler(handler);
        server.setHandler(new ContextHandlerCollection(context));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            handler.close();
            throw e;
        }
        return new LocalDynamoDb(server, handler);
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            handler.close();
        }
    }
}
