package org.articlepipeline.store;

/**
 * The key layout of the articles table: every partition and sort key the pipeline writes, in one place.
 *
 * <p>Ingest writes these keys and lookup reads them; both go through this class so the layout has one
 * owner. {@code docs/data-model.md} explains each access path and what one ingest costs.
 */
public final class TableLayout {

    /** Table partition key attribute. */
    public static final String PK = "pk";
    /** Table sort key attribute. */
    public static final String SK = "sk";

    /**
     * GSI listing every OK article newest first; partition {@code D#<day>#<shard>}, sort {@link #sortKey}.
     * A day's writes spread over {@link #DATE_SHARDS} partitions, and no partition grows without bound.
     */
    public static final String BY_DATE_INDEX = "byDate";
    public static final String BY_DATE_PK = "gsi1pk";
    public static final String BY_DATE_SK = "gsi1sk";
    /** Shards of one day in {@link #BY_DATE_INDEX}: 4 x ~1,000 writes/s per day; a read merges 4 queries. */
    public static final int DATE_SHARDS = 4;

    /**
     * Partition of the day directory: one item per day that holds articles, so listings know which day
     * partitions to read. Ingest writes a day's item once per warm container, not once per article.
     */
    public static final String DAY_DIRECTORY_PK = "DAYS";

    /**
     * Partition of the directory of days that hold rejected uploads: the {@link #DAY_DIRECTORY_PK} of the
     * rejected listing, written once per day per warm container likewise.
     */
    public static final String REJECTED_DAY_DIRECTORY_PK = "RDAYS";

    /** GSI listing one publisher's OK articles newest first; partition {@code S#<source>#<shard>}. */
    public static final String BY_SOURCE_INDEX = "bySource";
    public static final String BY_SOURCE_PK = "gsi2pk";
    public static final String BY_SOURCE_SK = "gsi2sk";
    /** Shards of {@link #BY_SOURCE_INDEX}: one wire service can carry a large share of all writes. */
    public static final int SOURCE_SHARDS = 4;

    /** GSI grouping OK articles by {@code contentHash}; sort key {@code <ingestedAt>#<id>}. */
    public static final String BY_HASH_INDEX = "byHash";
    public static final String BY_HASH_PK = "contentHash";
    public static final String BY_HASH_SK = "hashOrder";

    /** Sort key of the article item itself inside its partition. */
    public static final String ARTICLE_SK = "A";
    /** Sort key prefix of near-duplicate relation items inside an article's partition. */
    public static final String NEAR_DUPLICATE_SK_PREFIX = "N#";

    /** Fixed-width UTC instants (millisecond precision) sort as text in the same order as in time. */
    private static final java.time.format.DateTimeFormatter SORTABLE_INSTANT =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private TableLayout() {
    }

    /** An instant as fixed-width text that sorts in time order: every instant the table stores. */
    public static String sortableInstant(java.time.Instant instant) {
        return SORTABLE_INSTANT.format(instant);
    }

    /** Prefix of the partition key of an article's item collection. */
    public static final String ARTICLE_PK_PREFIX = "A#";

    /** Partition key of an article's item collection (the article item and its relation items). */
    public static String articlePk(String id) {
        return ARTICLE_PK_PREFIX + id;
    }

    /** Whether the keys name an article item (not a relation, band, posting, claim or counter item). */
    public static boolean isArticleItem(String pk, String sk) {
        return pk != null && pk.startsWith(ARTICLE_PK_PREFIX) && ARTICLE_SK.equals(sk);
    }

    /** Partition key of the item that records which article first had a given content hash. */
    public static String contentHashClaimPk(String contentHash) {
        return "H#" + contentHash;
    }

    /** Partition key of one LSH band bucket: articles sharing it are near-duplicate candidates. */
    public static String bandPk(int band, String bandHash) {
        return "B#" + band + "#" + bandHash;
    }

    /** Partition key of one shard of a search term's postings. */
    public static String termPk(String term, int shard) {
        return "W#" + term + "#" + shard;
    }

    /** Partition key of one shard of one UTC day ({@code yyyy-MM-dd}) of the all-articles date index. */
    public static String datePk(String day, int shard) {
        return "D#" + day + "#" + shard;
    }

    /**
     * Partition key of one shard of one UTC day of rejected uploads in {@link #BY_DATE_INDEX}: rejected items
     * share the index with visible ones under their own partitions, so the rejected listing is the same
     * bounded, sharded read and needs no index of its own.
     */
    public static String rejectedPk(String day, int shard) {
        return "R#" + day + "#" + shard;
    }

    /** Partition key of one shard of a publisher's date index. */
    public static String sourcePk(String sourceKey, int shard) {
        return "S#" + sourceKey + "#" + shard;
    }

    /** Date-index sort key: sortable UTC instant (publication, else ingest time) then the id as tie-break. */
    public static String sortKey(String sortInstant, String id) {
        return sortInstant + "#" + id;
    }

    /** The shard an id falls in, for an index with {@code shards} shards; stable across deployments. */
    public static int shardOf(String id, int shards) {
        return Integer.parseInt(id.substring(0, 4), 16) % shards;
    }
}
