package io.leeward.graph.testing;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.store.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A canonical text form of the data in the graph: every data node and relationship with its
 * properties, sorted, without the stamps that change on every sync ({@code firstSeen},
 * {@code lastSeen}, {@code syncId}). Two loads of the same input must give equal dumps.
 */
public final class CanonicalDump {
    private static final Set<String> VOLATILE = Set.of("firstSeen", "lastSeen", "syncId");

    private CanonicalDump() {}

    public static String of(GraphStore store) {
        var meta = new ArrayList<String>();
        for (NodeLabel label : NodeLabel.values()) {
            if (!label.isData()) {
                meta.add(label.name());
            }
        }
        return store.read(Duration.ofMinutes(5), tx -> {
            var lines = new ArrayList<String>();
            var nodes = tx.run(
                    "MATCH (n) WHERE none(l IN labels(n) WHERE l IN $meta) RETURN labels(n) AS labels, properties(n) AS props",
                    Map.of("meta", meta));
            for (var row : nodes.rows()) {
                lines.add("N " + sorted(row.get("labels")) + " " + stable(row.get("props")));
            }
            var rels = tx.run(
                    "MATCH (a)-[r]->(b) WHERE none(l IN labels(a) WHERE l IN $meta) "
                            + "RETURN labels(a)[0] + ':' + a.id AS from, type(r) AS type, labels(b)[0] + ':' + b.id AS to, properties(r) AS props",
                    Map.of("meta", meta));
            for (var row : rels.rows()) {
                lines.add("R " + row.get("from") + " -" + row.get("type") + "-> " + row.get("to") + " "
                        + stable(row.get("props")));
            }
            lines.sort(null);
            return String.join("\n", lines);
        });
    }

    private static String sorted(Object labels) {
        var list = new ArrayList<String>();
        for (Object label : (List<?>) labels) {
            list.add(String.valueOf(label));
        }
        list.sort(null);
        return String.join(":", list);
    }

    private static String stable(Object props) {
        var map = new TreeMap<String, Object>();
        ((Map<?, ?>) props).forEach((k, v) -> {
            if (!VOLATILE.contains(String.valueOf(k))) {
                map.put(String.valueOf(k), v);
            }
        });
        return map.toString();
    }
}
