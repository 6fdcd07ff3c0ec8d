package io.leeward.graph.store;

import java.util.List;
import java.util.Map;

/**
 * Rows of a read query as plain Java values: strings, longs, doubles, booleans, temporals, lists,
 * maps, and {@link GraphNode} / {@link GraphRelationship} for graph entities. Row maps keep column
 * order.
 */
public record QueryResult(List<String> columns, List<Map<String, Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A node as read: its labels and properties. */
    public record GraphNode(List<String> labels, Map<String, Object> properties) {}

    /** A relationship as read: its type, end keys and properties. */
    public record GraphRelationship(String type, Map<String, Object> properties) {}
}
