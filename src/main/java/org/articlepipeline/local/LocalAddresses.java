package org.articlepipeline.local;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address the local stack listens on, and how its own clients reach it.
 *
 * <p>The stack has no authentication (the S3 server and DynamoDB Local accept the published test key, the
 * API answers anyone), so it listens on loopback unless told otherwise.
 */
public final class LocalAddresses {

    /** {@code 127.0.0.1}: the IPv4 loopback address, whatever the JVM's address preferences. */
    public static final InetAddress LOOPBACK = loopback();

    private LocalAddresses() {
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** True when listening on {@code host} lets other machines connect. */
    public static boolean reachableFromOtherMachines(InetAddress host) {
        return !host.isLoopbackAddress();
    }

    /** Where a client on this machine connects to a server listening on {@code host}. */
    static InetAddress reachable(InetAddress host) {
        return host.isAnyLocalAddress() ? LOOPBACK : host;
    }

    /** {@code host} as the host part of a URL (IPv6 literals in brackets). */
    static String uriHost(InetAddress host) {
        String address = host.getHostAddress();
        return host instanceof Inet6Address ? "[" + address + "]" : address;
    }
}
