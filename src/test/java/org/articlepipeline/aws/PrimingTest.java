package org.articlepipeline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.lookup.LookupHandler;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins the SnapStart priming hook: it is registered by Lambda's constructors, runs, and opens no socket. */
@ExtendWith(SharedEmbeddedStack.class)
class PrimingTest {

    @Test
    void lambdasNoArgConstructorRegistersAPrimingThatStaysReachable() {
        // Lambda's constructor reads the process environment; the region is the only thing it must find.
        String previous = System.setProperty("aws.region", "us-east-1");
        try {
            int before = Priming.registered().size();
            new LookupHandler();
            assertThat(Priming.registered()).hasSize(before + 1);
        } finally {
            if (previous == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", previous);
            }
        }
    }

    @Test
    void beforeCheckpointPrimesEverySdkRequestWithoutOpeningAConnection(LocalPipeline stack) throws Exception {
        AwsClients clients = Priming.register(new AwsClients(stack.environment()), () -> { });
        List<Priming> registered = Priming.registered();
        Priming priming = registered.get(registered.size() - 1);
        Set<Integer> ports = Set.of(URI.create(stack.s3Endpoint()).getPort(), URI.create(stack.dynamoDbEndpoint()).getPort());

        // The stack's own clients may keep idle connections (the JDK's keep-alive cache is per JVM).
        assertThat(stack.awaitIdle(30_000)).isTrue();
        Set<String> before = establishedConnectionsTo(ports);

        priming.beforeCheckpoint(null);

        assertThat(priming.primedRequests()).as("requests that went through the SDK pipeline").isEqualTo(11);
        assertThat(newConnections(before, ports)).as("sockets priming opened to the stack").isEmpty();

        // The same clients still work afterwards, and their connections show (new, or reused from the JDK's
        // keep-alive cache): the reader above does see sockets to these ports.
        clients.s3().headBucket(b -> b.bucket(stack.settings().bucket()));
        clients.dynamoDb().describeTable(b -> b.tableName(stack.settings().tableName()));
        assertThat(establishedConnectionsTo(ports)).as("sockets after real calls").isNotEmpty();
    }

    private static Set<String> newConnections(Set<String> before, Set<Integer> ports) throws IOException {
        Set<String> now = new java.util.TreeSet<>(establishedConnectionsTo(ports));
        now.removeAll(before);
        return now;
    }

    /** Established TCP connections to any of {@code ports} (as "local remote"), read from {@code /proc/net}. */
    private static Set<String> establishedConnectionsTo(Set<Integer> ports) throws IOException {
        Set<String> connections = new java.util.TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                // fields: sl local_address rem_address st ...; st 01 = ESTABLISHED; addresses are HEX_IP:HEX_PORT
                if (fields.length > 3 && fields[3].equals("01") && fields[2].contains(":")) {
                    int remotePort = Integer.parseInt(fields[2].substring(fields[2].indexOf(':') + 1), 16);
                    if (ports.contains(remotePort)) {
                        connections.add(fields[1] + " " + fields[2]);
                    }
                }
            }
        }
        return connections;
    }
}
