package org.articlepipeline.normalize.decode;

import org.articlepipeline.normalize.RejectionReason;

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
     * @param reason {@link RejectionReason#EMPTY}, {@link RejectionReason#TOO_LARGE},
     *               {@link RejectionReason#BINARY_CONTENT} or {@link RejectionReason#UNDECODABLE}
     * @param detail a sentence a person can act on
     */
    record Failure(RejectionReason reason, String detail) implements Decoded {
    }
}
