package org.articlepipeline.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The articles table's definition: its key and its three sparse global secondary indexes.
 *
 * <p>The local stack and the tests create the table from this request; {@code template.yaml} declares
 * the same schema, and a template test keeps the two equal.
 */
public final class ArticleTable {

    /** Attributes every index carries besides its keys. */
    public static final List<String> PROJECTED_ATTRIBUTES = List.of("id", "language");

    private ArticleTable() {
    }

    /**
     * The stream the index step reads: every change of an article item, with the state before and after,
     * so the index function can take back exactly what the old state indexed.
     */
    public static StreamSpecification stream() {
        return StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build();
    }

    /** The request that creates the table, on-demand, with every index lookup needs and its stream. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        string(TableLayout.PK), string(TableLayout.SK),
                        string(TableLayout.BY_DATE_PK), string(TableLayout.BY_DATE_SK),
                        string(TableLayout.BY_SOURCE_PK), string(TableLayout.BY_SOURCE_SK),
                        string(TableLayout.BY_HASH_PK), string(TableLayout.BY_HASH_SK))
                .keySchema(key(TableLayout.PK, KeyType.HASH), key(TableLayout.SK, KeyType.RANGE))
                .globalSecondaryIndexes(List.of(
                        index(TableLayout.BY_DATE_INDEX, TableLayout.BY_DATE_PK, TableLayout.BY_DATE_SK),
                        index(TableLayout.BY_SOURCE_INDEX, TableLayout.BY_SOURCE_PK, TableLayout.BY_SOURCE_SK),
                        index(TableLayout.BY_HASH_INDEX, TableLayout.BY_HASH_PK, TableLayout.BY_HASH_SK)))
                .streamSpecification(stream())
                .build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        // Only the id and the language are copied into an index: listings page through ids, filter by
        // language inside the query, then batch-read the article items, so an index never holds a second
        // copy of the metadata that every re-ingest would have to rewrite.
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(PROJECTED_ATTRIBUTES)
                        .build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
