/**
 * Reconciling what the bucket holds with what the table says: objects that have no article, articles an
 * older normalizer made, and the index step re-driven from the article items. The {@code backfill} command
 * and the local stack's start run it; in AWS, S3 Batch Operations does the same for millions of objects
 * through the ingest function (docs/deploy.md).
 */
package org.articlepipeline.backfill;
