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

    /** The item whose attributes are {@code attributes}, as a write returned them or a stream image shows them. */
    public static StoredItem of(Map<String, AttributeValue> attributes) {
        return attributes == null || attributes.isEmpty() ? NONE : new StoredItem(attributes);
    }

    StoredItem(Map<String, AttributeValue> attributes) {
        this.attributes = Map.copyOf(attributes);
    }

    Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /**
     * Whether {@code other} holds the same indexed state: equal in every attribute except those that the
     * index step itself writes onto the item ({@code duplicateOf}). A change of that kind needs no indexing,
     * which is what keeps the index step from reacting to its own writes.
     */
    public boolean sameIndexedStateAs(StoredItem other) {
        return withoutAnnotations(attributes).equals(withoutAnnotations(other.attributes));
    }

    private static Map<String, AttributeValue> withoutAnnotations(Map<String, AttributeValue> attributes) {
        if (!attributes.containsKey(ArticleRepository.DUPLICATE_OF)) {
            return attributes;
        }
        Map<String, AttributeValue> copy = new java.util.HashMap<>(attributes);
        copy.remove(ArticleRepository.DUPLICATE_OF);
        return copy;
    }

    /** The replaced state as a record, when there was one. */
    public Optional<ArticleRecord> record() {
        return attributes.isEmpty() ? Optional.empty() : Optional.of(ArticleRepository.fromItem(attributes));
    }
}
