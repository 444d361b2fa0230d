/**
 * The index step: the second half of an article's trip into the table, triggered by the table's stream.
 *
 * <p>Ingest writes an article's outputs and its item and returns; every change of an article item then
 * reaches {@link org.articlepipeline.index.IndexHandler} as a stream record with the item's state before and
 * after, and {@link org.articlepipeline.index.ArticleIndexer} brings the derived structures in step: the
 * exact-duplicate claim, the near-duplicate bands and relations, the search postings and the per-publisher
 * counts. Stream records of one item arrive in the order the item changed, so the index follows each
 * article's states in order, and a failed record is retried without redoing the normalization.
 */
package org.articlepipeline.index;
