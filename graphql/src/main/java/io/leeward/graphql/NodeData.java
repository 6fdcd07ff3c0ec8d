package io.leeward.graphql;

import io.leeward.graph.store.Check;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node as the queries return it: key, labels and properties. The GraphQL types read their fields
 * from it with the typed accessors below; a property of an unexpected type reads as null rather than
 * failing the whole response.
 */
record NodeData(String id, List<String> labels, Map<String, Object> properties) {
    NodeData {
        Check.notBlank(id, "node id");
        labels = List.copyOf(labels);
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** Reads the {@code id}, {@code labels} and {@code properties} columns of a query row. */
    static NodeData of(Map<String, Object> row) {
        return new NodeData((String) row.get("id"), strings(row.get("labels")), map(row.get("properties")));
    }

    boolean hasLabel(String label) {
        return labels.contains(label);
    }

    String string(String key) {
        return properties.get(key) instanceof String s ? s : null;
    }

    Integer integer(String key) {
        if (properties.get(key) instanceof Number n) {
            return Math.toIntExact(n.longValue());
        }
        return null;
    }

    Boolean bool(String key) {
        return properties.get(key) instanceof Boolean b ? b : null;
    }

    TemporalAccessor time(String key) {
        return properties.get(key) instanceof TemporalAccessor t ? t : null;
    }

    /** A list property as strings; empty when absent. */
    List<String> list(String key) {
        return strings(properties.get(key));
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        var strings = new ArrayList<String>(list.size());
        for (Object element : list) {
            strings.add(String.valueOf(element));
        }
        return List.copyOf(strings);
    }

    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        var copy = new TreeMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
