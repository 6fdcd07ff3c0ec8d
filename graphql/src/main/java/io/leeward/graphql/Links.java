package io.leeward.graphql;

import io.leeward.graphql.Nodes.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a relationship field for a whole batch of parents with one link query: the body of
 * every batch mapping. Neighbours of an unexpected type (a label this field does not lead to) are
 * left out rather than failing the response.
 */
final class Links {
    private final GraphReader reader;

    Links(GraphReader reader) {
        this.reader = reader;
    }

    /** A to-one field: the first neighbour in id order, or no entry (null) when there is none. */
    <P extends Node, T extends Node> Map<P, T> one(String query, List<P> parents, Class<T> type) {
        var found = reader.links(query, parents);
        var result = new LinkedHashMap<P, T>();
        for (P parent : parents) {
            found.getOrDefault(parent.id(), List.of()).stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst()
                    .ifPresent(neighbour -> result.put(parent, neighbour));
        }
        return result;
    }

    /** A to-many field: every neighbour in id order, an empty list when there is none. */
    <P extends Node, T extends Node> Map<P, List<T>> many(String query, List<P> parents, Class<T> type) {
        var found = reader.links(query, parents);
        var result = new LinkedHashMap<P, List<T>>();
        for (P parent : parents) {
            var neighbours = new ArrayList<T>();
            for (Node node : found.getOrDefault(parent.id(), List.of())) {
                if (type.isInstance(node)) {
                    neighbours.add(type.cast(node));
                }
            }
            result.put(parent, List.copyOf(neighbours));
        }
        return result;
    }
}
