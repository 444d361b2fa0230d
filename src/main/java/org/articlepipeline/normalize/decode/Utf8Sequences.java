package org.articlepipeline.normalize.decode;

/** How UTF-8 multi-byte sequences are told in raw bytes, for the decoders that weigh UTF-8 against legacy charsets. */
final class Utf8Sequences {

    private Utf8Sequences() {
    }

    /**
     * The length (2 to 4) of the UTF-8 sequence a lead byte at {@code at} starts, when its continuation bytes
     * follow before {@code end}; 0 when the byte at {@code at} starts no valid sequence.
     */
    static int length(byte[] b, int at, int end) {
        int c = b[at] & 0xFF;
        int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (len == 0 || at + len > end) {
            return 0;
        }
        for (int k = at + 1; k < at + len; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return len;
    }
}
