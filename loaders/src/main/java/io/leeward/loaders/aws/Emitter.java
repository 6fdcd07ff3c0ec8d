package io.leeward.loaders.aws;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.SyncSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what one record maps to and hands it to the session only when the whole record mapped:
 * {@link #commit()} after the mapper returns, {@link #discard()} when it threw. Nodes go before
 * references before relationships. Relationships carry the region's account and region, so that
 * they fall in the region's scopes.
 *
 * <p>Each placeholder is handed to the session once per region, however many records point at it
 * (thousands of containers share a few images): repeated merges of one node would only contend
 * for its lock. The ids are kept, not the records.
 */
final class Emitter {
    private final SyncSession session;
    private final RegionContext context;
    private final List<NodeRecord> nodes = new ArrayList<>();
    private final List<NodeRecord> references = new ArrayList<>();
    private final List<RelRecord> relationships = new ArrayList<>();
    private final Set<String> referenced = new HashSet<>();

    Emitter(SyncSession session, RegionContext context) {
        this.session = session;
        this.context = context;
    }

    /** A fresh property map that keeps order and accepts nulls (a null removes the property). */
    static Map<String, Object> props() {
        return new LinkedHashMap<>();
    }

    /** A node of this region. */
    void node(NodeLabel label, String id, Map<String, Object> properties) {
        nodes.add(NodeRecord.of(label, id, context.account(), context.region(), properties));
    }

    /**
     * A node this directory's input describes that belongs to no account or to another owner: an
     * AWS-managed policy ({@code account} {@code aws}), an organization's policy.
     */
    void node(NodeLabel label, String id, String account, Map<String, Object> properties) {
        nodes.add(NodeRecord.of(label, id, account, context.region(), properties));
    }

    /** A placeholder for a node this import does not load (an IAM role, a peer group in another account). */
    void reference(NodeLabel label, String id, String account, String region, Map<String, Object> properties) {
        references.add(NodeRecord.of(label, id, account, region, properties));
    }

    /** A relationship whose end nodes this record or an earlier file writes. */
    void rel(RelType type, NodeLabel from, String fromId, NodeLabel to, String toId) {
        relationships.add(RelRecord.of(type, from, fromId, to, toId, context.account(), context.region()));
    }

    /** A relationship with properties, whose end nodes this record or an earlier file writes. */
    void rel(RelType type, NodeLabel from, String fromId, NodeLabel to, String toId, Map<String, Object> properties) {
        relationships.add(
                new RelRecord(type, from, fromId, to, toId, null, context.account(), context.region(), properties));
    }

    /**
     * A relationship with properties; {@code key} tells apart several relationships of one type
     * between the same two nodes (a route per destination, a target per port), or is null.
     */
    void rel(
            RelType type,
            NodeLabel from,
            String fromId,
            NodeLabel to,
            String toId,
            String key,
            Map<String, Object> properties) {
        relationships.add(
                new RelRecord(type, from, fromId, to, toId, key, context.account(), context.region(), properties));
    }

    /**
     * A relationship with properties that belongs to {@code account} rather than to this directory's
     * account: an organization's service control policy governing an account.
     */
    void relOwnedBy(
            String account,
            RelType type,
            NodeLabel from,
            String fromId,
            NodeLabel to,
            String toId,
            Map<String, Object> properties) {
        relationships.add(new RelRecord(type, from, fromId, to, toId, null, account, context.region(), properties));
    }

    /**
     * A relationship to a node of this region that may not be loaded: when no file of this region
     * writes {@code to}'s label, its end is a placeholder.
     */
    void link(RelType type, NodeLabel from, String fromId, NodeLabel to, String toId) {
        if (!context.loads(to)) {
            reference(to, toId, context.account(), context.region(), Map.of());
        }
        rel(type, from, fromId, to, toId);
    }

    /** {@link #link(RelType, NodeLabel, String, NodeLabel, String)} with a key and properties. */
    void link(
            RelType type,
            NodeLabel from,
            String fromId,
            NodeLabel to,
            String toId,
            String key,
            Map<String, Object> properties) {
        if (!context.loads(to)) {
            reference(to, toId, context.account(), context.region(), Map.of());
        }
        rel(type, from, fromId, to, toId, key, properties);
    }

    void commit() {
        nodes.forEach(session::write);
        for (NodeRecord reference : references) {
            if (referenced.add(reference.label().name() + "|" + reference.id())) {
                session.reference(reference);
            }
        }
        relationships.forEach(session::write);
        discard();
    }

    void discard() {
        nodes.clear();
        references.clear();
        relationships.clear();
    }
}
