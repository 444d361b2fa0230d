package org.articlepipeline.backfill;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a backfill found: every object listed under the prefix with its standing, and the keys of the
 * articles that have no object any more (their delete notification was lost; a backfill, having no
 * sequencer, leaves them to a delete notification).
 */
public record BackfillPlan(String bucket, String prefix, int normalizerVersion, List<StoredObject> objects,
                           List<String> articlesWithoutObject) {

    public BackfillPlan {
        objects = List.copyOf(objects);
        articlesWithoutObject = List.copyOf(articlesWithoutObject);
    }

    /** The objects to process when {@code missing} and/or {@code outdated} ones are wanted, in key order. */
    public List<StoredObject> work(boolean missing, boolean outdated) {
        return objects.stream()
                .filter(o -> missing && o.standing() == Standing.MISSING
                        || outdated && o.standing() == Standing.OUTDATED)
                .toList();
    }

    /** The objects that stand {@code standing}, in key order. */
    public List<StoredObject> standing(Standing standing) {
        return objects.stream().filter(o -> o.standing() == standing).toList();
    }

    /** How many objects stand each way. */
    public Map<Standing, Integer> counts() {
        Map<Standing, Integer> counts = new EnumMap<>(Standing.class);
        for (Standing standing : Standing.values()) {
            counts.put(standing, 0);
        }
        for (StoredObject object : objects) {
            counts.merge(object.standing(), 1, Integer::sum);
        }
        return counts;
    }
}
