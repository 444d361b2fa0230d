package org.articlepipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the local lookup API, including raw requests no well-behaved client would send. */
final class LookupClient {

    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    LookupClient(String endpoint) {
        this.endpoint = endpoint;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, Map.of());
    }

    HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return mapper.readTree(response.body());
    }

    JsonNode parse(String body) throws IOException {
        return mapper.readTree(body);
    }

    /** Sends {@code GET <rawTarget>} byte for byte (no client-side escaping) and returns status and body. */
    RawResponse raw(String rawTarget) throws IOException {
        return rawBytes(rawTarget.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code GET <rawTarget>} with the target's bytes as given (raw UTF-8, say) and returns status and body. */
    RawResponse rawBytes(byte[] rawTarget) throws IOException {
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(rawTarget);
            out.write((" HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawResponse(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    record RawResponse(int status, String body) {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
