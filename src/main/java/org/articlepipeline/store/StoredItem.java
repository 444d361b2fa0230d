package org.articlepipeline.store;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An article item as it was in the table just before a write replaced it (DynamoDB's {@code ALL_OLD}),
 * so the indexes can take back exactly what that state had put into them.
 */
public final class StoredItem {

    /** No item existed before the write. */
    public static final StoredItem NONE = new StoredItem(Map.of());

    private final Map<String, AttributeValue> attributes;

    StoredItem(Map<String, AttributeValue> attributes) {
        this.attributes = Map.copyOf(attributes);
    }

    Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /** The replaced state as a record, when there was one. */
    public Optional<ArticleRecord> record() {
        return attributes.isEmpty() ? Optional.empty() : Optional.of(ArticleRepository.fromItem(attributes));
    }
}
