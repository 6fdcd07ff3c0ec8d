package io.leeward.graph.neo4j;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/** The benchmark ceiling: the same rows as a sync, written with bare CREATE in the same batch shapes. */
final class CeilingLoad {
    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final int batchSize;
    private final int nodeWriters;

    CeilingLoad(Driver driver, SessionConfig sessionConfig, int batchSize, int nodeWriters) {
        this.driver = driver;
        this.sessionConfig = sessionConfig;
        this.batchSize = batchSize;
        this.nodeWriters = nodeWriters;
    }

    long run(List<NodeRecord> nodes, List<RelRecord> relationships) {
        createNodes(nodes);
        long created = nodes.size();
        var byShape = new LinkedHashMap<List<Object>, List<Map<String, Object>>>();
        for (RelRecord rel : relationships) {
            var row = new HashMap<String, Object>();
            row.put("from", rel.fromId());
            row.put("to", rel.toId());
            row.put("props", rel.properties());
            byShape.computeIfAbsent(List.of(rel.type(), rel.fromLabel(), rel.toLabel()), k -> new ArrayList<>())
                    .add(row);
        }
        for (var entry : byShape.entrySet()) {
            var shape = entry.getKey();
            String cypher = Cypher.createRelationships(
                    (RelType) shape.get(0), (NodeLabel) shape.get(1), (NodeLabel) shape.get(2));
            for (List<Map<String, Object>> batch : batches(entry.getValue())) {
                try (var session = driver.session(sessionConfig)) {
                    created += session.executeWrite(tx -> tx.run(cypher, Map.of("rows", batch))
                            .single()
                            .get("created")
                            .asLong());
                }
            }
        }
        return created;
    }

    private void createNodes(List<NodeRecord> nodes) {
        var byLabel = new LinkedHashMap<NodeLabel, List<Map<String, Object>>>();
        for (NodeRecord node : nodes) {
            var row = new HashMap<String, Object>();
            row.put("id", node.id());
            row.put("props", node.properties());
            byLabel.computeIfAbsent(node.label(), k -> new ArrayList<>()).add(row);
        }
        try (var pool = Executors.newFixedThreadPool(nodeWriters)) {
            var futures = new ArrayList<Future<?>>();
            byLabel.forEach((label, rows) -> {
                String cypher = Cypher.createNodes(label);
                for (List<Map<String, Object>> batch : batches(rows)) {
                    futures.add(pool.submit(() -> {
                        try (var session = driver.session(sessionConfig)) {
                            session.executeWrite(
                                    tx -> tx.run(cypher, Map.of("rows", batch)).consume());
                        }
                    }));
                }
            });
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing the ceiling", e);
        } catch (ExecutionException e) {
            throw new StoreException(
                    "Writing the ceiling failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private List<List<Map<String, Object>>> batches(List<Map<String, Object>> rows) {
        var batches = new ArrayList<List<Map<String, Object>>>();
        for (int i = 0; i < rows.size(); i += batchSize) {
            batches.add(rows.subList(i, Math.min(rows.size(), i + batchSize)));
        }
        return batches;
    }
}
