package io.leeward.graph.neo4j;

import io.leeward.graph.store.QueryResult.GraphNode;
import io.leeward.graph.store.QueryResult.GraphRelationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/** Turns driver values into plain Java values so that no driver type leaves this package. */
final class Values {
    private Values() {}

    static Map<String, Object> row(Record record) {
        var row = new LinkedHashMap<String, Object>();
        for (String key : record.keys()) {
            row.put(key, plain(record.get(key)));
        }
        return row;
    }

    static Object plain(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        TypeSystem types = org.neo4j.driver.types.TypeSystem.getDefault();
        if (value.hasType(types.NODE())) {
            return node(value.asNode());
        }
        if (value.hasType(types.RELATIONSHIP())) {
            return relationship(value.asRelationship());
        }
        if (value.hasType(types.PATH())) {
            return path(value.asPath());
        }
        if (value.hasType(types.LIST())) {
            var list = new ArrayList<Object>();
            value.values().forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value.hasType(types.MAP())) {
            var map = new LinkedHashMap<String, Object>();
            value.keys().forEach(k -> map.put(k, plain(value.get(k))));
            return map;
        }
        return value.asObject();
    }

    private static GraphNode node(Node node) {
        var labels = new ArrayList<String>();
        node.labels().forEach(labels::add);
        return new GraphNode(List.copyOf(labels), new TreeMap<>(node.asMap()));
    }

    private static GraphRelationship relationship(Relationship relationship) {
        return new GraphRelationship(relationship.type(), new TreeMap<>(relationship.asMap()));
    }

    private static List<Object> path(Path path) {
        var elements = new ArrayList<Object>();
        elements.add(node(path.start()));
        for (Path.Segment segment : path) {
            elements.add(relationship(segment.relationship()));
            elements.add(node(segment.end()));
        }
        return elements;
    }
}
