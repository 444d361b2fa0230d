package org.articlepipeline.normalize;

/**
 * What is known about uploaded bytes before reading them.
 *
 * @param fileName            the object key or file name, used as a weak hint (extension, site name)
 * @param declaredContentType the declared MIME type, possibly with a charset; a hint that loses to evidence
 */
public record ArticleOrigin(String fileName, String declaredContentType) {

    /** An origin known only by its file name. */
    public static ArticleOrigin ofFileName(String fileName) {
        return new ArticleOrigin(fileName, null);
    }
}
