package org.articlepipeline.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A small HTTP/1.1 server on loopback for the local API: it reads the request target as bytes and hands
 * it on as text, so the API, not the server, decides what a URL means.
 *
 * <p>The JDK's server parses every target with {@code java.net.URI} before any handler runs, and answers
 * what that parser refuses (raw UTF-8, a malformed {@code %}, a path starting {@code //}) with its own HTML
 * page. API Gateway takes those requests: raw UTF-8 as UTF-8, and any target as the path it is. Here a byte
 * outside printable ASCII is percent-encoded as it arrives (so raw UTF-8 reads as UTF-8 once decoded), and
 * every answer the server itself gives (a request it cannot read, a request line or body over the limits)
 * is JSON in the API's error shape.
 *
 * <p>Keep-alive, {@code Expect: 100-continue}, chunked request bodies and {@code HEAD} are handled;
 * one thread per open connection, at most {@value #MAX_CONNECTIONS}.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** API Gateway answers 414 past about 10 KB of request line; the local API at this many characters. */
    static final int MAX_REQUEST_LINE = 8192;
    /** Header bytes read per request before answering 431. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Open connections served at once; more wait in the listen queue. */
    static final int MAX_CONNECTIONS = 256;
    /** An idle keep-alive connection is closed after this long, as API Gateway closes idle ones. */
    static final int IDLE_MILLIS = 30_000;
    /** Bytes of a refused request read and dropped before answering, and how long to wait for more. */
    static final int MAX_DRAINED = 1 << 20;
    static final int DRAIN_MILLIS = 200;

    /** A request as read: the target has every byte outside printable ASCII percent-encoded. */
    record Request(String method, String target, String protocol, Map<String, List<String>> headers, byte[] body,
                   String remoteAddress) {
    }

    /** An answer: {@code body} is left out on {@code HEAD} and 304. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    /** Thrown when a request is refused before it reaches the API; carries the answer. */
    static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient Response response;

        Refusal(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    interface Exchange {
        Response answer(Request request);
    }

    private final ServerSocket socket;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Exchange exchange;
    private final long maxBodyBytes;
    private final Consumer<String> log;

    private LoopbackHttpServer(ServerSocket socket, Exchange exchange, long maxBodyBytes, Consumer<String> log) {
        this.socket = socket;
        this.exchange = exchange;
        this.maxBodyBytes = maxBodyBytes;
        this.log = log;
        this.connections = Executors.newFixedThreadPool(MAX_CONNECTIONS, runnable -> {
            Thread thread = new Thread(runnable, "local-api");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on {@code host:port} (0 picks a free port; the local stack passes a loopback address) until closed. */
    static LoopbackHttpServer start(InetAddress host, int port, Exchange exchange, long maxBodyBytes,
                                    Consumer<String> log) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(host, port), 64);
        LoopbackHttpServer server = new LoopbackHttpServer(socket, exchange, maxBodyBytes, log);
        Thread acceptor = new Thread(server::accept, "local-api-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    int port() {
        return socket.getLocalPort();
    }

    InetAddress host() {
        return socket.getInetAddress();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                connections.execute(() -> serve(client));
            } catch (RejectedExecutionException | IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive) {
                Request request;
                try {
                    request = read(in, out, client);
                } catch (Refusal refusal) {
                    drain(in, client);
                    write(out, "GET", refusal.response, false);
                    return;
                }
                if (request == null) {
                    return;
                }
                keepAlive = keepsAlive(request);
                write(out, request.method(), exchange.answer(request), keepAlive);
            }
        } catch (SocketTimeoutException | SocketException idleOrGone) {
            // the client went away or stayed idle: nothing to answer
        } catch (IOException | RuntimeException e) {
            log.accept("local API: connection failed: " + e);
        } finally {
            open.remove(client);
        }
    }

    /**
     * Reads what the client is still sending of a refused request, up to the end of its headers (or
     * {@value #MAX_DRAINED} bytes, or a pause of {@value #DRAIN_MILLIS} ms), so it reads the answer instead
     * of failing on a connection closed under its write.
     */
    private static void drain(InputStream in, Socket client) {
        try {
            client.setSoTimeout(DRAIN_MILLIS);
            int last4 = 0;
            for (long drained = 0; drained < MAX_DRAINED; drained++) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                last4 = last4 << 8 | b;
                if (last4 == 0x0D0A0D0A) {
                    return;
                }
            }
        } catch (IOException stoppedSending) {
            // nothing more is coming: answer now
        }
    }

    /** The next request on the connection, or {@code null} when the client closed it between requests. */
    private Request read(InputStream in, OutputStream out, Socket client) throws IOException, Refusal {
        String line = line(in, MAX_REQUEST_LINE, true);
        while (line != null && line.isEmpty()) {
            line = line(in, MAX_REQUEST_LINE, true); // RFC 9112: ignore empty lines before a request
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new Refusal(error(400, "invalid-request", "the request line is not 'METHOD target HTTP/1.1'"));
        }
        Map<String, List<String>> headers = headers(in);
        byte[] body = body(in, out, headers);
        return new Request(parts[0], parts[1], parts[2], headers, body,
                client.getInetAddress().getHostAddress());
    }

    /**
     * One line up to CRLF (or LF), or {@code null} at the end of the stream before any byte. With
     * {@code target}, bytes outside printable ASCII become {@code %XX}: what a request line's target holds.
     */
    private static String line(InputStream in, int limit, boolean target) throws IOException, Refusal {
        StringBuilder line = new StringBuilder();
        int read = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (read == 0) {
                    return null;
                }
                throw new Refusal(error(400, "invalid-request", "the request ended inside a line"));
            }
            read++;
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= limit) {
                throw new Refusal(target
                        ? error(414, "uri-too-long", "the request URI is longer than " + limit + " characters")
                        : error(431, "invalid-request", "the request headers are larger than " + limit + " bytes"));
            }
            if (target && (b > 0x7E || (b < 0x20 && b != '\r'))) {
                line.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            } else {
                line.append((char) b);
            }
        }
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException, Refusal {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = line(in, MAX_HEADER_BYTES, false);
            if (line == null) {
                throw new Refusal(error(400, "invalid-request", "the request ended inside its headers"));
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length();
            int colon = line.indexOf(':');
            if (total > MAX_HEADER_BYTES || colon <= 0) {
                throw new Refusal(total > MAX_HEADER_BYTES
                        ? error(431, "invalid-request", "the request headers are larger than " + MAX_HEADER_BYTES + " bytes")
                        : error(400, "invalid-request", "a request header is not 'name: value'"));
            }
            // Header bytes are ISO-8859-1 on the wire; UTF-8 values are re-read as such.
            String value = new String(line.substring(colon + 1).strip().getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(value);
        }
    }

    private byte[] body(InputStream in, OutputStream out, Map<String, List<String>> headers) throws IOException, Refusal {
        String chunked = first(headers, "transfer-encoding");
        String length = first(headers, "content-length");
        long declared;
        if (chunked != null) {
            if (!chunked.equalsIgnoreCase("chunked")) {
                throw new Refusal(error(400, "invalid-request", "only the chunked transfer coding is understood"));
            }
            declared = -1;
        } else if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException malformed) {
                throw new Refusal(error(400, "invalid-request", "Content-Length is not a number"));
            }
            if (declared < 0) {
                throw new Refusal(error(400, "invalid-request", "Content-Length is negative"));
            }
        } else {
            return new byte[0];
        }
        if (declared > maxBodyBytes) {
            throw new Refusal(tooLarge());
        }
        if ("100-continue".equalsIgnoreCase(first(headers, "expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return declared >= 0 ? exactly(in, (int) declared) : chunks(in);
    }

    private static byte[] exactly(InputStream in, int length) throws IOException, Refusal {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new Refusal(error(400, "invalid-request", "the request body is shorter than its Content-Length"));
        }
        return body;
    }

    private byte[] chunks(InputStream in) throws IOException, Refusal {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, 1024, false);
            int semicolon = size == null ? -1 : size.indexOf(';');
            long chunk;
            try {
                chunk = Long.parseLong((semicolon < 0 ? String.valueOf(size) : size.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException malformed) {
                throw new Refusal(error(400, "invalid-request", "a chunk size is not hexadecimal"));
            }
            if (chunk == 0) {
                headers(in); // trailers
                return body.toByteArray();
            }
            if (chunk < 0 || body.size() + chunk > maxBodyBytes) {
                throw new Refusal(tooLarge());
            }
            body.write(exactly(in, (int) chunk));
            line(in, 2, false);
        }
    }

    private Response tooLarge() {
        return error(413, "payload-too-large", "the request body is larger than " + maxBodyBytes + " bytes");
    }

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it. */
    private static boolean keepsAlive(Request request) {
        String connection = first(request.headers(), "connection");
        if (connection != null && connection.equalsIgnoreCase("close")) {
            return false;
        }
        return !request.protocol().equals("HTTP/1.0") || (connection != null && connection.equalsIgnoreCase("keep-alive"));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void write(OutputStream out, String method, Response response, boolean keepAlive) throws IOException {
        int status = response.status();
        boolean noBody = status == 304 || status == 204 || "HEAD".equalsIgnoreCase(method);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        response.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("connection")) {
                head.append(name).append(": ").append(value.replaceAll("[\r\n]", " ")).append("\r\n");
            }
        });
        if (status != 304 && status != 204) {
            head.append("content-length: ").append(response.body().length).append("\r\n");
        }
        if (!keepAlive) {
            head.append("connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (!noBody) {
            out.write(response.body());
        }
        out.flush();
    }

    /** An answer in the API's error shape, for requests refused before they reach the API. */
    static Response error(int status, String code, String message) {
        String body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}}";
        return new Response(status, Map.of("content-type", "application/json; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
        for (Socket client : open) {
            try {
                client.close();
            } catch (IOException alreadyClosed) {
                // likewise
            }
        }
        connections.shutdownNow();
    }
}
