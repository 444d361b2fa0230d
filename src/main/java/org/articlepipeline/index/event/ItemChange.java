package org.articlepipeline.index.event;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One record of a DynamoDB stream event as Lambda delivers it: which item changed, how, and its state
 * before and after (empty maps where the stream has none: no old image for an insert, no new image for a
 * removal).
 *
 * @param eventName      {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param sequenceNumber the record's position in its shard; what a batch item failure names
 * @param keys           the item's key attributes
 * @param oldImage       the item before the change
 * @param newImage       the item after the change
 */
public record ItemChange(String eventName, String sequenceNumber, Map<String, AttributeValue> keys,
                         Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {

    public ItemChange {
        keys = Map.copyOf(keys);
        oldImage = Map.copyOf(oldImage);
        newImage = Map.copyOf(newImage);
    }

    /** The string value of key attribute {@code name}, or null. */
    public String key(String name) {
        AttributeValue value = keys.get(name);
        return value == null ? null : value.s();
    }
}
