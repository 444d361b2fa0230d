package org.articlepipeline.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names the embedded S3 server's file store keeps objects under: a reversible encoding of S3 object
 * keys into relative paths that no file system reinterprets.
 *
 * <p>S3 keys are opaque strings of up to 1024 bytes: {@code ..}, {@code .} and empty segments are ordinary
 * characters, and {@code a/b} and {@code a/b/c} can both exist. A file store that resolves keys as paths
 * collapses the first (so {@code incoming/../normalized/x.txt} would overwrite {@code normalized/x.txt}),
 * cannot hold the second, and refuses path segments over 255 bytes. Here every segment is percent-encoded
 * to plain ASCII (so the host's file-name charset cannot merge two keys either), a leading dot is encoded
 * (so no segment is {@code .}, {@code ..} or a hidden name the store reserves), an empty segment is
 * {@value #EMPTY}, segments longer than {@value #MAX_PIECE} characters continue in the next directory
 * behind a {@value #CONTINUED} mark, and the last segment ends with {@value #OBJECT} (so an object's file
 * never has the name of a directory). None of the marks can occur in an encoded segment, since a
 * {@code %} there is always followed by two hex digits.
 */
final class StoredKeys {

    /** S3 refuses keys longer than this many UTF-8 bytes ({@code KeyTooLongError}). */
    static final int MAX_KEY_BYTES = 1024;
    /** Longest stored path element, well inside the 255 bytes file systems allow. */
    static final int MAX_PIECE = 200;
    private static final String EMPTY = "%";
    private static final String CONTINUED = "%~";
    private static final String OBJECT = "%=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private StoredKeys() {
    }

    /** Whether S3 would store {@code key}: at most {@value #MAX_KEY_BYTES} UTF-8 bytes. */
    static boolean isStorable(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES;
    }

    /** The stored name of object {@code key}. */
    static String name(String key) {
        return directory(key.substring(0, key.lastIndexOf('/') + 1))
                + pieces(segment(key.substring(key.lastIndexOf('/') + 1))) + OBJECT;
    }

    /**
     * The stored directory of the whole segments of {@code prefix} (everything up to its last {@code /}):
     * a prefix of the stored name of every key that starts with {@code prefix}, so listings can narrow.
     */
    static String directory(String prefix) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int slash = prefix.indexOf('/'); slash >= 0; slash = prefix.indexOf('/', start)) {
            out.append(pieces(segment(prefix.substring(start, slash)))).append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    /** The key stored under {@code name}, or {@code null} when {@code name} is not a stored object name. */
    static String key(String name) {
        if (!name.endsWith(OBJECT)) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] elements = name.substring(0, name.length() - OBJECT.length()).split("/", -1);
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i];
            boolean continued = element.endsWith(CONTINUED);
            if (continued) {
                element = element.substring(0, element.length() - CONTINUED.length());
            }
            if (!element.equals(EMPTY) && !decodeInto(element, bytes)) {
                return null;
            }
            if (!continued && i < elements.length - 1) {
                bytes.write('/');
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String segment(String segment) {
        if (segment.isEmpty()) {
            return EMPTY;
        }
        StringBuilder out = new StringBuilder();
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '_' || b == '~' || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /** An encoded segment cut into path elements of at most {@link #MAX_PIECE} characters, never inside an escape. */
    private static String pieces(String encoded) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (encoded.length() - start > MAX_PIECE) {
            int end = start + MAX_PIECE;
            if (encoded.charAt(end - 1) == '%') {
                end -= 1;
            } else if (encoded.charAt(end - 2) == '%') {
                end -= 2;
            }
            pieces.add(encoded.substring(start, end));
            start = end;
        }
        pieces.add(encoded.substring(start));
        return String.join(CONTINUED + "/", pieces);
    }

    private static boolean decodeInto(String element, ByteArrayOutputStream bytes) {
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= element.length()) {
                return false;
            }
            int high = Character.digit(element.charAt(i + 1), 16);
            int low = Character.digit(element.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return true;
    }
}
