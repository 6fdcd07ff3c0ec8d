package io.leeward.graph.store;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import java.util.Map;

/**
 * One relationship to merge between two nodes known by label and key. Where a pair of nodes may be
 * joined by several relationships of one type (traffic per port), {@code key} tells them apart;
 * otherwise it is null and there is at most one relationship of the type between the pair.
 */
public record RelRecord(
        RelType type,
        NodeLabel fromLabel,
        String fromId,
        NodeLabel toLabel,
        String toId,
        String key,
        String account,
        String region,
        Map<String, Object> properties) {
    public RelRecord {
        Check.notNull(type, "type");
        Check.notNull(fromLabel, "from label of " + type);
        Check.notNull(toLabel, "to label of " + type);
        Check.notBlank(fromId, "from id of " + type);
        Check.notBlank(toId, "to id of " + type);
        Check.that(
                type.from().contains(fromLabel), type + " cannot start at " + fromLabel + "; allowed: " + type.from());
        Check.that(type.to().contains(toLabel), type + " cannot end at " + toLabel + "; allowed: " + type.to());
        properties = Properties.copy(properties, type + " " + fromId + "->" + toId);
    }

    /** A relationship without a key and without properties. */
    public static RelRecord of(
            RelType type,
            NodeLabel fromLabel,
            String fromId,
            NodeLabel toLabel,
            String toId,
            String account,
            String region) {
        return new RelRecord(type, fromLabel, fromId, toLabel, toId, null, account, region, Map.of());
    }
}
