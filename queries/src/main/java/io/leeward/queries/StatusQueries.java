package io.leeward.queries;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.queries.NamedQuery.Param;
import io.leeward.queries.NamedQuery.ParamType;
import java.util.ArrayList;
import java.util.List;

/** What is in the graph and how fresh it is. */
final class StatusQueries {
    private StatusQueries() {}

    static final NamedQuery LABEL_COUNTS = new NamedQuery(
            "status.label-counts",
            "status",
            "Number of nodes of every data label, from the count store (fast on any size).",
            labelCounts(),
            List.of(),
            List.of("label", "count"));

    static final NamedQuery SYNC_SCOPES = new NamedQuery(
            "status.sync-scopes",
            "status",
            "The last sync of every scope (source, account, region, kind): when it was last complete, whether the last attempt was, and why not.",
            "MATCH (s:" + NodeLabel.SyncScope.cypher() + ") "
                    + "RETURN s.source AS source, s.account AS account, coalesce(s.region, 'global') AS region, s.kind AS kind, "
                    + "s.lastComplete AS lastComplete, s.lastCompleteAt AS lastCompleteAt, s.lastAttemptAt AS lastAttemptAt, "
                    + "s.lastReason AS reason "
                    + "ORDER BY source, account, region, kind",
            List.of(),
            List.of(
                    "source",
                    "account",
                    "region",
                    "kind",
                    "lastComplete",
                    "lastCompleteAt",
                    "lastAttemptAt",
                    "reason"));

    static final NamedQuery SYNC_RUNS = new NamedQuery(
            "status.sync-runs",
            "status",
            "The most recent loader runs with their status and counts.",
            "MATCH (r:" + NodeLabel.SyncRun.cypher() + ") "
                    + "RETURN r.id AS syncId, r.source AS source, r.status AS status, r.startedAt AS startedAt, r.finishedAt AS finishedAt, "
                    + "r.nodes AS nodes, r.relationships AS relationships, r.deleted AS deleted, r.unresolved AS unresolved "
                    + "ORDER BY r.startedAt DESC LIMIT $limit",
            List.of(new Param("limit", ParamType.INTEGER, "How many runs to list, newest first.", 20L)),
            List.of(
                    "syncId",
                    "source",
                    "status",
                    "startedAt",
                    "finishedAt",
                    "nodes",
                    "relationships",
                    "deleted",
                    "unresolved"));

    static final List<NamedQuery> ALL = List.of(LABEL_COUNTS, SYNC_SCOPES, SYNC_RUNS);

    /**
     * One count-store lookup per data label, columns {@code label} and {@code count}; labels come from
     * the schema enum only. Shared with {@code inventory.stats}.
     */
    static String labelCounts() {
        var parts = new ArrayList<String>();
        for (NodeLabel label : NodeLabel.values()) {
            if (label.isData()) {
                parts.add("MATCH (n:" + label.cypher() + ") WITH count(n) AS c RETURN '" + label.name()
                        + "' AS label, c AS count");
            }
        }
        return String.join(" UNION ALL ", parts);
    }
}
