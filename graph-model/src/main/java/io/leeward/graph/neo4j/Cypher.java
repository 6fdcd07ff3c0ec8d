package io.leeward.graph.neo4j;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;

/**
 * Every statement the writer runs. Labels and types come from the schema enums only; all values are
 * parameters, so plans are cached once per label or type.
 */
final class Cypher {
    /**
     * Writer statements look nodes up by their unique key or scan one label, so their plan never
     * depends on the data: keep the cached plan when statistics shift (a first load into an empty
     * graph would otherwise replan every statement).
     */
    private static final String WRITE_OPTIONS = "CYPHER replan=skip ";

    private Cypher() {}

    static String mergeNodes(NodeLabel label) {
        return WRITE_OPTIONS
                + "UNWIND $rows AS row "
                + "MERGE (n:" + label.cypher() + " {id: row.id}) "
                + "ON CREATE SET n.firstSeen = $now "
                + "SET n += row.props, n.account = row.account, n.region = row.region, n.placeholder = null, "
                + "n.lastSeen = $now, n.source = $source, n.syncId = $syncId";
    }

    /**
     * A reference creates a placeholder, fills in only a placeholder's properties, and refreshes the
     * stamps of any node of this source it names: a node something still points at (a task
     * definition no longer listed but still run by a task) is not stale.
     */
    static String mergeReferences(NodeLabel label) {
        return WRITE_OPTIONS
                + "UNWIND $rows AS row "
                + "MERGE (n:" + label.cypher() + " {id: row.id}) "
                + "ON CREATE SET n.firstSeen = $now, n.placeholder = true, n.source = $source, "
                + "n.account = row.account, n.region = row.region "
                + "WITH n, row WHERE n.source = $source "
                + "SET n.lastSeen = $now, n.syncId = $syncId "
                + "WITH n, row WHERE n.placeholder = true "
                + "SET n += row.props";
    }

    static String mergeRelationships(RelType type, NodeLabel from, NodeLabel to, boolean keyed) {
        return WRITE_OPTIONS
                + "UNWIND $rows AS row "
                + "MATCH (a:" + from.cypher() + " {id: row.from}) "
                + "MATCH (b:" + to.cypher() + " {id: row.to}) "
                + "MERGE (a)-[r:" + type.cypher() + (keyed ? " {key: row.key}" : "") + "]->(b) "
                + "ON CREATE SET r.firstSeen = $now "
                + "SET r += row.props, r.account = row.account, r.region = row.region, "
                + "r.lastSeen = $now, r.source = $source, r.syncId = $syncId "
                + "RETURN count(r) AS merged";
    }

    static String createNodes(NodeLabel label) {
        return WRITE_OPTIONS + "UNWIND $rows AS row CREATE (n:" + label.cypher() + ") SET n = row.props, n.id = row.id";
    }

    static String createRelationships(RelType type, NodeLabel from, NodeLabel to) {
        return WRITE_OPTIONS
                + "UNWIND $rows AS row "
                + "MATCH (a:" + from.cypher() + " {id: row.from}) "
                + "MATCH (b:" + to.cypher() + " {id: row.to}) "
                + "CREATE (a)-[r:" + type.cypher() + "]->(b) SET r = row.props "
                + "RETURN count(r) AS created";
    }

    /*
     * The cleanup statements take the label or type as a parameter (always an enum name, never
     * input): a delete scans one label or type either way, and one statement instead of one per
     * kind saves a Cypher planning per kind in every fresh JVM. MERGE keeps static labels, since
     * only those seek the unique index.
     */
    static final String DELETE_STALE_NODES = WRITE_OPTIONS
            + "MATCH (n:$($kind)) "
            + "WHERE n.source = $source AND n.account = $account AND coalesce(n.region, '') = $region AND n.syncId <> $syncId "
            + "WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted";

    static final String DELETE_STALE_RELATIONSHIPS = WRITE_OPTIONS
            + "MATCH ()-[r:$($kind)]->() "
            + "WHERE r.source = $source AND r.account = $account AND coalesce(r.region, '') = $region AND r.syncId <> $syncId "
            + "WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted";

    static final String DELETE_ORPHAN_PLACEHOLDERS = WRITE_OPTIONS
            + "MATCH (n:$($kind)) WHERE n.placeholder = true AND n.source = $source AND NOT (n)--() "
            + "WITH n LIMIT $limit DELETE n RETURN count(*) AS deleted";

    static final String START_RUN = "MERGE (r:" + NodeLabel.SyncRun.cypher() + " {id: $syncId}) "
            + "SET r.source = $source, r.startedAt = $now, r.status = 'running'";

    static final String FINISH_RUN = "MATCH (r:" + NodeLabel.SyncRun.cypher() + " {id: $syncId}) "
            + "SET r.status = $status, r.finishedAt = $now, r.nodes = $nodes, r.relationships = $relationships, "
            + "r.deleted = $deleted, r.unresolved = $unresolved";

    static final String RECORD_SCOPE = "UNWIND $rows AS row "
            + "MERGE (s:" + NodeLabel.SyncScope.cypher() + " {id: row.id}) "
            + "SET s.source = row.source, s.account = row.account, s.region = row.region, s.kind = row.kind, "
            + "s.lastSyncId = $syncId, s.lastAttemptAt = $now, s.lastComplete = row.complete, s.lastReason = row.reason, "
            + "s.lastDeleted = row.deleted "
            + "FOREACH (_ IN CASE WHEN row.complete THEN [1] ELSE [] END | SET s.lastCompleteAt = $now, s.lastCompleteSyncId = $syncId)";

    static final String DELETE_ALL_DATA = "MATCH (n) WHERE NOT n:" + NodeLabel.SchemaMigration.cypher()
            + " CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS";

    static final String COMPONENTS = "CALL dbms.components() YIELD name, versions, edition "
            + "WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition";

    /*
     * Traffic: counters are increments, so each batch must be applied exactly once. The checkpoint
     * node is locked first (a property write takes its lock before the offset is read), so two loads
     * of one object serialise on it and the second sees the first's offset.
     */
    static final String LOCK_CHECKPOINT = "MERGE (c:" + NodeLabel.Checkpoint.cypher() + " {id: $id}) "
            + "ON CREATE SET c.source = $source, c.object = $object, c.offset = 0, c.done = false, c.createdAt = $now "
            + "SET c.locked = true "
            + "RETURN c.offset AS offset, c.done AS done";

    static final String MOVE_CHECKPOINT = "MATCH (c:" + NodeLabel.Checkpoint.cypher() + " {id: $id}) "
            + "SET c.offset = $offset, c.done = $done, c.location = $location, c.updatedAt = $now "
            + "REMOVE c.locked";

    static final String UNLOCK_CHECKPOINT = "MATCH (c:" + NodeLabel.Checkpoint.cypher() + " {id: $id}) REMOVE c.locked";

    static final String READ_CHECKPOINT =
            "MATCH (c:" + NodeLabel.Checkpoint.cypher() + " {id: $id}) " + "RETURN c.offset AS offset, c.done AS done";

    /** Runtime nodes traffic needs: created when missing, their properties set, never removed by a null. */
    static String mergeEndpoints(NodeLabel label) {
        return WRITE_OPTIONS
                + "UNWIND $rows AS row "
                + "MERGE (n:" + label.cypher() + " {id: row.id}) "
                + "ON CREATE SET n.firstSeen = $now "
                + "SET n += row.props, n.lastSeen = $now, n.source = $source";
    }

    static String mergeLinks(RelType type, NodeLabel from, NodeLabel to) {
        return WRITE_OPTIONS
                + "UNWIND $rows AS row "
                + "MATCH (a:" + from.cypher() + " {id: row.from}) "
                + "MATCH (b:" + to.cypher() + " {id: row.to}) "
                + "MERGE (a)-[r:" + type.cypher() + "]->(b) "
                + "ON CREATE SET r.firstSeen = $now "
                + "SET r.lastSeen = $now, r.source = $source";
    }

    /**
     * Adds counters to one relationship per row, widens its first and last seen, and adds the same
     * counters to the row's hours ({@code TrafficHour}, one per relationship and hour) for resolved
     * relationships only.
     */
    static String addTraffic(NodeLabel from, NodeLabel to) {
        return WRITE_OPTIONS
                + "UNWIND $rows AS row "
                + "MATCH (a:" + from.cypher() + " {id: row.from}) "
                + "MATCH (b:" + to.cypher() + " {id: row.to}) "
                + "MERGE (a)-[r:" + RelType.COMMUNICATES_WITH.cypher() + " {key: row.key}]->(b) "
                + "ON CREATE SET r += row.props, r.account = row.account, r.region = row.region, r.source = $source "
                + "SET r.flows = coalesce(r.flows, 0) + row.flows, r.packets = coalesce(r.packets, 0) + row.packets, "
                + "r.bytes = coalesce(r.bytes, 0) + row.bytes, r.accepted = coalesce(r.accepted, 0) + row.accepted, "
                + "r.rejected = coalesce(r.rejected, 0) + row.rejected, "
                + "r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen ELSE r.firstSeen END, "
                + "r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen ELSE r.lastSeen END "
                + "WITH r, row CALL (row) { "
                + "UNWIND row.hours AS hour "
                + "MERGE (h:" + NodeLabel.TrafficHour.cypher() + " {id: hour.id}) "
                + "ON CREATE SET h.from = row.from, h.fromLabel = row.fromLabel, h.to = row.to, h.toLabel = row.toLabel, "
                + "h.key = row.key, h.hour = hour.hour, h.account = row.account, h.region = row.region, h.source = $source "
                + "SET h.flows = coalesce(h.flows, 0) + hour.flows, h.packets = coalesce(h.packets, 0) + hour.packets, "
                + "h.bytes = coalesce(h.bytes, 0) + hour.bytes, h.accepted = coalesce(h.accepted, 0) + hour.accepted, "
                + "h.rejected = coalesce(h.rejected, 0) + hour.rejected } "
                + "RETURN count(r) AS merged";
    }

    static final String PRUNE_TRAFFIC_HOURS = WRITE_OPTIONS
            + "MATCH (h:" + NodeLabel.TrafficHour.cypher() + ") WHERE h.hour < $before "
            + "WITH h LIMIT $limit DELETE h RETURN count(*) AS deleted";
}
