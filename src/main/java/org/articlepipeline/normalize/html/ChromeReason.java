package org.articlepipeline.normalize.html;

/**
 * Why the HTML extractor dropped a block: the HTML half of the removal vocabulary, until the shared
 * {@code ChromeReason} of the structure stage holds it.
 */
enum ChromeReason {
    NAVIGATION("navigation"),
    BOILERPLATE_BLOCK("boilerplate-block"),
    LINK_DENSE("link-dense"),
    COMMENTS("comments"),
    OUTSIDE_ARTICLE("outside-article"),
    CAPTION("caption");

    private final String code;

    ChromeReason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
