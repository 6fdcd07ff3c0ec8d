package io.leeward.queries;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.queries.NamedQuery.Param;
import io.leeward.queries.NamedQuery.ParamType;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs where: ECS workloads (services and tasks) page by page, clusters, any node by key, and
 * totals. Optional filters take the empty string for "no filter", because the catalog treats a
 * parameter without a default as required.
 */
final class InventoryQueries {
    private InventoryQueries() {}

    /** The kinds of workload the workload queries list, as the {@code kind} parameter spells them. */
    static final String SERVICE = "service";

    static final String TASK = "task";

    private static final String SERVICE_LABEL = NodeLabel.EcsService.cypher();
    private static final String TASK_LABEL = NodeLabel.EcsTask.cypher();
    private static final String CLUSTER_LABEL = NodeLabel.EcsCluster.cypher();
    private static final String IN_CLUSTER = RelType.IN_CLUSTER.cypher();

    private static final Param CLUSTER = new Param(
            "cluster", ParamType.STRING, "Only workloads of the ECS cluster with this ARN or name; empty for all.", "");
    private static final Param KIND = new Param(
            "kind",
            ParamType.STRING,
            "Only workloads of this kind: 'service' or 'task'; empty for both (any other value matches nothing).",
            "");
    private static final Param AFTER = new Param(
            "after",
            ParamType.STRING,
            "Keyset cursor: only workloads whose id sorts after this one; empty to start at the first.",
            "");
    private static final Param FIRST =
            new Param("first", ParamType.INTEGER, "How many workloads to return at most, in id order.", 50L);

    static final NamedQuery WORKLOADS = new NamedQuery(
            "inventory.workloads",
            "inventory",
            "ECS services and tasks in id order, one page at a time (keyset on id: pass the last id as 'after'), "
                    + "optionally of one cluster and one kind. Tasks are named by the last part of their ARN.",
            workloads(),
            List.of(CLUSTER, KIND, AFTER, FIRST),
            List.of(
                    "id",
                    "kind",
                    "name",
                    "cluster",
                    "clusterName",
                    "status",
                    "launchType",
                    "desiredCount",
                    "runningCount",
                    "startedAt",
                    "stoppedAt",
                    "account",
                    "region",
                    "properties"));

    static final NamedQuery WORKLOAD_COUNT = new NamedQuery(
            "inventory.workload-count",
            "inventory",
            "How many ECS services and tasks match the filters of inventory.workloads (without paging).",
            workloadCount(),
            List.of(CLUSTER, KIND),
            List.of("count"));

    static final NamedQuery CLUSTERS = new NamedQuery(
            "inventory.clusters",
            "inventory",
            "ECS clusters in id order with how many services and tasks the graph holds for each.",
            "MATCH (c:" + CLUSTER_LABEL + ") WHERE $cluster = '' OR c.id = $cluster OR c.name = $cluster "
                    + "RETURN c.id AS id, c.name AS name, c.status AS status, c.account AS account, c.region AS region, "
                    + "COUNT { (c)<-[:" + IN_CLUSTER + "]-(:" + SERVICE_LABEL + ") } AS services, "
                    + "COUNT { (c)<-[:" + IN_CLUSTER + "]-(:" + TASK_LABEL + ") } AS tasks "
                    + "ORDER BY id",
            List.of(new Param(
                    "cluster", ParamType.STRING, "Only the cluster with this ARN or name; empty for all.", "")),
            List.of("id", "name", "status", "account", "region", "services", "tasks"));

    static final NamedQuery NODE = new NamedQuery(
            "inventory.node",
            "inventory",
            "Any data node by its key (ARN, AWS id, digest, purl …): its labels and properties. "
                    + "One index lookup per label; no row when nothing has that key.",
            node(),
            List.of(new Param("id", ParamType.STRING, "The key of the node: an ARN, AWS id, digest or purl.", null)),
            List.of("id", "labels", "properties"));

    static final NamedQuery STATS = new NamedQuery(
            "inventory.stats",
            "inventory",
            "Totals from the count store: nodes of every data label (kind 'label') and relationships of every type "
                    + "(kind 'relationship'), zero counts included.",
            stats(),
            List.of(),
            List.of("kind", "name", "count"));

    static final List<NamedQuery> ALL = List.of(WORKLOADS, WORKLOAD_COUNT, CLUSTERS, NODE, STATS);

    private static String workloads() {
        return "CALL () { "
                + workloadBranch(SERVICE_LABEL, SERVICE) + " AND w.id > $after RETURN w, '" + SERVICE
                + "' AS kind ORDER BY w.id LIMIT $first "
                + "UNION ALL "
                + workloadBranch(TASK_LABEL, TASK) + " AND w.id > $after RETURN w, '" + TASK
                + "' AS kind ORDER BY w.id LIMIT $first "
                + "} "
                + "WITH w, kind ORDER BY w.id LIMIT $first "
                + "CALL (w) { OPTIONAL MATCH (w)-[:" + IN_CLUSTER + "]->(c:" + CLUSTER_LABEL + ") "
                + "RETURN c ORDER BY c.id LIMIT 1 } "
                + "RETURN w.id AS id, kind, coalesce(w.name, split(w.id, '/')[-1]) AS name, "
                + "c.id AS cluster, c.name AS clusterName, "
                + "CASE kind WHEN '" + SERVICE + "' THEN w.status ELSE w.lastStatus END AS status, "
                + "w.launchType AS launchType, w.desiredCount AS desiredCount, w.runningCount AS runningCount, "
                + "w.startedAt AS startedAt, w.stoppedAt AS stoppedAt, w.account AS account, w.region AS region, "
                + "properties(w) AS properties "
                + "ORDER BY id";
    }

    private static String workloadCount() {
        return "CALL () { "
                + workloadBranch(SERVICE_LABEL, SERVICE) + " RETURN count(w) AS n "
                + "UNION ALL "
                + workloadBranch(TASK_LABEL, TASK) + " RETURN count(w) AS n "
                + "} RETURN sum(n) AS count";
    }

    /** Matches one workload label with the kind and cluster filters; binds {@code w}, ends in WHERE. */
    private static String workloadBranch(String label, String kind) {
        return "MATCH (w:" + label + ") "
                + "WHERE $kind IN ['', '" + kind + "'] "
                + "AND ($cluster = '' OR EXISTS { (w)-[:" + IN_CLUSTER + "]->(c:" + CLUSTER_LABEL + ") "
                + "WHERE c.id = $cluster OR c.name = $cluster })";
    }

    /** One unique-index lookup per data label; labels from the enum only. */
    private static String node() {
        var branches = new ArrayList<String>();
        for (NodeLabel label : NodeLabel.values()) {
            if (label.isData()) {
                branches.add("MATCH (n:" + label.cypher() + " {id: $id}) RETURN n");
            }
        }
        return "CALL () { " + String.join(" UNION ALL ", branches) + " } "
                + "RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id";
    }

    private static String stats() {
        var types = new ArrayList<String>();
        for (RelType type : RelType.values()) {
            types.add("MATCH ()-[r:" + type.cypher() + "]->() WITH count(r) AS c RETURN '" + type.name()
                    + "' AS type, c AS count");
        }
        return "CALL () { " + StatusQueries.labelCounts() + " } RETURN 'label' AS kind, label AS name, count "
                + "UNION ALL "
                + "CALL () { " + String.join(" UNION ALL ", types) + " } "
                + "RETURN 'relationship' AS kind, type AS name, count";
    }
}
