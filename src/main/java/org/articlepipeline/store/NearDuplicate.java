package org.articlepipeline.store;

/**
 * Another article whose text is nearly the same.
 *
 * @param id         the other article's id
 * @param similarity estimated Jaccard similarity of the two articles' shingle sets, in [0, 1]
 */
public record NearDuplicate(String id, double similarity) {
}
