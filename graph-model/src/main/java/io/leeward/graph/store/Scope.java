package io.leeward.graph.store;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;

/**
 * What one loader owns and may clean up: data of one kind (a node label or relationship type) from
 * one source in one account and region. {@code region} is null for global resources such as IAM.
 */
public record Scope(String source, String account, String region, String kind) {
    public Scope {
        Check.notBlank(source, "source");
        Check.notBlank(account, "account");
        Check.notBlank(kind, "kind");
        Check.that(isKind(kind), "kind must name a node label or relationship type, was " + kind);
    }

    public static Scope of(String source, String account, String region, NodeLabel label) {
        return new Scope(source, account, region, label.name());
    }

    public static Scope of(String source, String account, String region, RelType type) {
        return new Scope(source, account, region, type.name());
    }

    /** The stable key of this scope: {@code source|account|region|kind}, region {@code global} when null. */
    public String key() {
        return source + "|" + account + "|" + (region == null ? "global" : region) + "|" + kind;
    }

    public boolean isNodeKind() {
        return isLabel(kind);
    }

    private static boolean isKind(String kind) {
        return isLabel(kind) || isType(kind);
    }

    private static boolean isLabel(String kind) {
        for (NodeLabel label : NodeLabel.values()) {
            if (label.name().equals(kind)) {
                return label.isData();
            }
        }
        return false;
    }

    private static boolean isType(String kind) {
        for (RelType type : RelType.values()) {
            if (type.name().equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
