package org.articlepipeline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local stack has no authentication, so what listens, and where, is what keeps it private. */
@ExtendWith(SharedEmbeddedStack.class)
class LoopbackListenersTest {

    @Test
    void everyListenerOfTheStackBindsLoopbackOnlyByDefault(LocalPipeline stack) throws Exception {
        assumeTrue(ListeningSockets.readable(), "needs Linux's /proc/net/tcp");

        for (Map.Entry<String, Integer> listener : ports(stack).entrySet()) {
            assertThat(ListeningSockets.addressesListeningOn(listener.getValue()))
                    .as(listener.getKey() + " on port " + listener.getValue())
                    .containsExactly("127.0.0.1");
        }
    }

    @Test
    void aNamedHostMovesEveryListenerToThatAddressAndNowhereElse() throws Exception {
        assumeTrue(ListeningSockets.readable(), "needs Linux's /proc/net/tcp");
        // Another loopback address: the listeners must go where they are told without this test exposing them.
        InetAddress other = InetAddress.getByName("127.0.0.2");

        try (EmbeddedServices services = EmbeddedServices.start(other, 0, 0, null, change -> { });
             LocalApi api = LocalApi.start(other, 0, (input, output, context) -> { }, line -> { })) {
            Map<String, Integer> ports = Map.of("API", api.port(), "S3", services.s3Endpoint().getPort(),
                    "DynamoDB", services.dynamoDbEndpoint().getPort());
            for (Map.Entry<String, Integer> listener : ports.entrySet()) {
                assertThat(ListeningSockets.addressesListeningOn(listener.getValue()))
                        .as(listener.getKey() + " on port " + listener.getValue())
                        .containsExactly("127.0.0.2");
            }
            // Clients of the stack are pointed at that address.
            assertThat(services.s3Endpoint().getHost()).isEqualTo("127.0.0.2");
            assertThat(services.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.2");
        }
    }

    @Test
    void onlyNonLoopbackAddressesCountAsReachableFromOtherMachines() throws Exception {
        for (String address : Set.of("0.0.0.0", "::", "192.0.2.7", "2001:db8::7")) {
            assertThat(LocalAddresses.reachableFromOtherMachines(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : Set.of("127.0.0.1", "127.0.0.2", "::1")) {
            assertThat(LocalAddresses.reachableFromOtherMachines(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    private static Map<String, Integer> ports(LocalPipeline stack) {
        return Map.of("API", URI.create(stack.apiEndpoint()).getPort(),
                "S3", URI.create(stack.s3Endpoint()).getPort(),
                "DynamoDB", URI.create(stack.dynamoDbEndpoint()).getPort());
    }
}
