package org.articlepipeline.normalize;

import java.util.Optional;

/**
 * Why an upload was not taken as an article. Each reason's {@link #code()} is what the stored item's and the
 * JSON documents' {@code reason} field holds: a public contract, so codes are never renamed, only added.
 */
public enum RejectionReason {

    /** The file has no bytes at all. */
    EMPTY("empty", "the file is empty"),
    /** The file is larger than the size limit ({@code MAX_ARTICLE_BYTES}, 10 MB by default). */
    TOO_LARGE("too-large", "the file is larger than the size limit"),
    /** The file is not text: an image, archive, PDF or other binary format, or it holds NUL or control bytes. */
    BINARY_CONTENT("binary-content", "the file is binary, not text"),
    /** The bytes do not read as text in any character encoding the pipeline knows. */
    UNDECODABLE("undecodable", "the file does not decode as text"),
    /** The text holds no letters at all, or nothing but page chrome (menus, share buttons, copyright lines). */
    NO_TEXT("no-text", "the file holds no text besides page chrome"),
    /** The text left after removing page chrome is too short to be an article, or holds no sentence. */
    NO_ARTICLE_TEXT("no-article-text", "the file holds too little prose to be an article"),
    /** The file is an HTML page that holds no article: a home page, an index, a search or error page. */
    NO_ARTICLE("no-article", "the page holds no article"),
    /** The normalizer itself failed on the file: a bug in the pipeline to report, not a fault of the file. */
    INTERNAL_ERROR("internal-error", "the normalizer failed on this file"),
    /** ({@code normalize} command only) The path names a directory, not a file. */
    NOT_A_FILE("not-a-file", "the path is a directory"),
    /** ({@code normalize} command only) No file exists at the path. */
    NOT_FOUND("not-found", "no such file"),
    /** ({@code normalize} command only) The file exists but could not be read. */
    UNREADABLE("unreadable", "the file cannot be read");

    private final String code;
    private final String words;

    RejectionReason(String code, String words) {
        this.code = code;
        this.words = words;
    }

    /** The stable wire code, as stored in the table and written in documents ({@code binary-content}, ...). */
    public String code() {
        return code;
    }

    /** The reason in a few plain words, for people reading a command's output. */
    public String words() {
        return words;
    }

    /** The reason whose {@link #code()} is {@code code}, if any: stored items may hold codes of other writers. */
    public static Optional<RejectionReason> ofCode(String code) {
        for (RejectionReason reason : values()) {
            if (reason.code.equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
