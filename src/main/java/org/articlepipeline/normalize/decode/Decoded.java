package org.articlepipeline.normalize.decode;

/**
 * What {@link TextDecoder} made of an upload: text in a named encoding, or a reason it holds none.
 */
public sealed interface Decoded permits Decoded.Text, Decoded.Failure {

    /**
     * The upload read as text.
     *
     * @param text     the decoded characters, BOM removed, otherwise untouched
     * @param encoding the charset the bytes were read in, by its canonical Java name ({@code UTF-8}, {@code windows-1256}, ...)
     */
    record Text(String text, String encoding) implements Decoded {
    }

    /**
     * The upload is not text this decoder can read.
     *
     * @param reason a stable code: {@code empty}, {@code too-large}, {@code binary-content} or {@code undecodable}
     * @param detail a sentence a person can act on
     */
    record Failure(String reason, String detail) implements Decoded {
    }
}
