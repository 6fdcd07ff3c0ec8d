package io.leeward.graph.store;

import io.leeward.graph.schema.NodeLabel;
import java.util.Map;

/**
 * One node to merge: its label, key, the account and region it belongs to ({@code region} null for
 * global resources) and its properties. Stamps ({@code firstSeen}, {@code lastSeen}, {@code source},
 * {@code syncId}) are added by the writer.
 */
public record NodeRecord(NodeLabel label, String id, String account, String region, Map<String, Object> properties) {
    public NodeRecord {
        Check.notNull(label, "label");
        Check.notBlank(id, "id of " + label);
        Check.that(label.isData(), label + " is a bookkeeping label; loaders cannot write it");
        properties = Properties.copy(properties, label + " " + id);
    }

    public static NodeRecord of(NodeLabel label, String id, String account, String region, Map<String, ?> properties) {
        return new NodeRecord(label, id, account, region, Properties.copy(properties, label + " " + id));
    }
}
