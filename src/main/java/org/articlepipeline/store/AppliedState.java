package org.articlepipeline.store;

import java.util.Map;
import org.articlepipeline.normalize.NormalizerVersion;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which event and which normalizer made an article item: what decides whether another event may replace it.
 *
 * @param sequencer         the comparable sequencer of the event applied; empty when there is no item, which
 *                          sorts below every sequencer
 * @param normalizerVersion the normalizer version that made it ({@link NormalizerVersion#UNVERSIONED} when the
 *                          item predates versions)
 * @param eTag              the ETag of the object it was made from, when known
 * @param status            its status, or {@code null} when there is no item
 */
public record AppliedState(String sequencer, int normalizerVersion, String eTag, ArticleStatus status) {

    /** No item: every event may write one. */
    public static final AppliedState NONE = new AppliedState("", NormalizerVersion.UNVERSIONED, null, null);

    static AppliedState of(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(ArticleRepository.NORMALIZER_VERSION);
        AttributeValue sequencer = item.get("sequencer");
        AttributeValue eTag = item.get("eTag");
        AttributeValue status = item.get("status");
        return new AppliedState(sequencer == null ? "" : sequencer.s(),
                version == null ? NormalizerVersion.UNVERSIONED : Integer.parseInt(version.n()),
                eTag == null ? null : eTag.s(),
                status == null ? null : ArticleStatus.valueOf(status.s()));
    }

    /**
     * True when this state must not be replaced by one from the event at {@code sequencer} made by normalizer
     * {@code version}: a later event made it, or the same event with a newer normalizer.
     */
    public boolean isLaterThan(String sequencer, int version) {
        int order = this.sequencer.compareTo(sequencer);
        return order > 0 || order == 0 && normalizerVersion > version;
    }

    /**
     * True when this state was made by an older normalizer from the very object {@code objectETag} names: then
     * making it again at this state's own sequencer is safe, because the content is the one the state came
     * from and any later event still wins the conditional write.
     */
    public boolean isOutdatedFor(String objectETag, int version) {
        return status != null && status != ArticleStatus.DELETED && normalizerVersion < version
                && eTag != null && eTag.equals(objectETag);
    }
}
