package io.leeward.graphql;

import io.leeward.graph.store.GraphStore;
import io.leeward.queries.QueryCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the GraphQL layer reads the graph: named catalog queries only, each call one read
 * transaction (one round-trip).
 */
final class GraphReader {
    private final GraphStore store;
    private final QueryCatalog catalog;

    GraphReader(GraphStore store, QueryCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    List<Map<String, Object>> rows(String query, Map<String, ?> parameters) {
        return catalog.run(store, query, parameters).rows();
    }

    Optional<Nodes.Node> node(String id) {
        return rows("inventory.node", Map.of("id", id)).stream().findFirst().map(row -> Nodes.of(NodeData.of(row)));
    }

    /** Workloads after {@code afterId} (exclusive; empty for the first page), at most {@code limit}. */
    List<Nodes.Workload> workloads(WorkloadFilter filter, String afterId, int limit) {
        var parameters = filter.parameters();
        parameters.put("after", afterId);
        parameters.put("first", (long) limit);
        return rows("inventory.workloads", parameters).stream()
                .map(GraphReader::workload)
                .toList();
    }

    long workloadCount(WorkloadFilter filter) {
        return ((Number) rows("inventory.workload-count", filter.parameters())
                        .getFirst()
                        .get("count"))
                .longValue();
    }

    boolean clusterExists(String cluster) {
        return !rows("inventory.clusters", Map.of("cluster", cluster)).isEmpty();
    }

    /** Runs a link query for the ids of {@code parents}: the neighbours of each parent id, in query order. */
    Map<String, List<Nodes.Node>> links(String query, Collection<? extends Nodes.Node> parents) {
        var ids = new LinkedHashSet<String>();
        parents.forEach(parent -> ids.add(parent.id()));
        var byParent = new LinkedHashMap<String, List<Nodes.Node>>();
        for (var row : rows(query, Map.of("ids", List.copyOf(ids)))) {
            byParent.computeIfAbsent((String) row.get("parent"), k -> new ArrayList<>())
                    .add(Nodes.of(NodeData.of(row)));
        }
        return byParent;
    }

    private static Nodes.Workload workload(Map<String, Object> row) {
        String label = WorkloadKind.SERVICE.parameter().equals(row.get("kind")) ? "EcsService" : "EcsTask";
        var data = new NodeData((String) row.get("id"), List.of(label), properties(row));
        return (Nodes.Workload) Nodes.of(data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> row) {
        return row.get("properties") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The filters of the workloads field, as query parameters ({@code ""} for no filter). */
    record WorkloadFilter(String cluster, WorkloadKind kind) {
        HashMap<String, Object> parameters() {
            var parameters = new HashMap<String, Object>();
            parameters.put("cluster", cluster == null ? "" : cluster);
            parameters.put("kind", kind == null ? "" : kind.parameter());
            return parameters;
        }
    }
}
