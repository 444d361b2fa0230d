package org.articlepipeline.local;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses the kernel says a TCP port is listening on, as {@code ss -ltn} shows them: read from
 * Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6}, so a listener that binds every interface
 * ({@code 0.0.0.0} or {@code ::}) shows as such whatever the server believes it asked for.
 */
final class ListeningSockets {

    private static final Path TCP4 = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static boolean readable() {
        return Files.isReadable(TCP4);
    }

    /** The local addresses of every socket listening on {@code port}. */
    static Set<String> addressesListeningOn(int port) throws IOException {
        Set<String> addresses = new TreeSet<>();
        for (Path table : List.of(TCP4, TCP6)) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]).getHostAddress());
                }
            }
        }
        return addresses;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
