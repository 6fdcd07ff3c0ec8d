package io.leeward.graph.neo4j;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.Checkpoint;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.StoreException;
import io.leeward.graph.store.TrafficBatch;
import io.leeward.graph.store.TrafficEdge;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Applies traffic batches exactly once: the checkpoint is locked and compared with the batch's start
 * in the same managed transaction that adds the counters and moves it. A retried transaction (a
 * deadlock, a leader switch) re-runs all of it, so it cannot add twice either.
 */
final class TrafficWriter {
    private static final int PRUNE_BATCH = 10_000;

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final Clock clock;

    TrafficWriter(Driver driver, SessionConfig sessionConfig, Clock clock) {
        this.driver = driver;
        this.sessionConfig = sessionConfig;
        this.clock = clock;
    }

    TrafficBatch.Result apply(TrafficBatch batch) {
        var params = paramsOf(batch);
        try (var session = driver.session(sessionConfig)) {
            return session.executeWrite(tx -> applyIn(tx, batch, params));
        } catch (Neo4jException e) {
            throw new StoreException(
                    "Could not write traffic of " + batch.checkpoint().location() + ": " + e.getMessage(),
                    e,
                    e instanceof TransientException || e instanceof ServiceUnavailableException);
        }
    }

    Checkpoint.State read(Checkpoint checkpoint) {
        try (var session = driver.session(sessionConfig)) {
            return session.executeRead(tx -> {
                var result = tx.run(Cypher.READ_CHECKPOINT, Map.of("id", checkpoint.id()));
                if (!result.hasNext()) {
                    return Checkpoint.State.NEW;
                }
                var row = result.next();
                return new Checkpoint.State(
                        row.get("offset").asLong(), row.get("done").asBoolean());
            });
        } catch (Neo4jException e) {
            throw new StoreException(
                    "Could not read the checkpoint of " + checkpoint.location() + ": " + e.getMessage(), e);
        }
    }

    long prune(Instant before) {
        var params = Map.<String, Object>of("before", utc(before.getEpochSecond()), "limit", PRUNE_BATCH);
        long total = 0;
        long deleted;
        try (var session = driver.session(sessionConfig)) {
            do {
                // one managed transaction per slice keeps each transaction's state small
                deleted = session.executeWrite(tx -> tx.run(Cypher.PRUNE_TRAFFIC_HOURS, params)
                        .single()
                        .get("deleted")
                        .asLong());
                total += deleted;
            } while (deleted == PRUNE_BATCH);
        } catch (Neo4jException e) {
            throw new StoreException("Could not prune the traffic history: " + e.getMessage(), e);
        }
        return total;
    }

    private TrafficBatch.Result applyIn(TransactionContext tx, TrafficBatch batch, Params params) {
        var checkpoint = batch.checkpoint();
        var lock = tx.run(
                        Cypher.LOCK_CHECKPOINT,
                        Map.of(
                                "id", checkpoint.id(),
                                "source", checkpoint.source(),
                                "object", checkpoint.object(),
                                "now", params.now()))
                .single();
        var found = new Checkpoint.State(
                lock.get("offset").asLong(), lock.get("done").asBoolean());
        if (found.offset() != batch.fromOffset() || found.done()) {
            tx.run(Cypher.UNLOCK_CHECKPOINT, Map.of("id", checkpoint.id())).consume();
            return new TrafficBatch.Result(false, 0, 0, found);
        }
        var common = Map.<String, Object>of("now", params.now(), "source", checkpoint.source());
        params.endpoints()
                .forEach((label, rows) ->
                        tx.run(Cypher.mergeEndpoints(label), with(common, rows)).consume());
        params.links()
                .forEach((shape, rows) -> tx.run(
                                Cypher.mergeLinks(shape.type(), shape.from(), shape.to()), with(common, rows))
                        .consume());
        long merged = 0;
        for (var entry : params.edges().entrySet()) {
            var shape = entry.getKey();
            merged += tx.run(Cypher.addTraffic(shape.from(), shape.to()), with(common, entry.getValue()))
                    .single()
                    .get("merged")
                    .asLong();
        }
        tx.run(
                        Cypher.MOVE_CHECKPOINT,
                        Map.of(
                                "id", checkpoint.id(),
                                "offset", batch.toOffset(),
                                "done", batch.done(),
                                "location", checkpoint.location(),
                                "now", params.now()))
                .consume();
        var state = new Checkpoint.State(batch.toOffset(), batch.done());
        return new TrafficBatch.Result(true, merged, batch.edges().size() - merged, state);
    }

    private static Map<String, Object> with(Map<String, Object> common, List<Map<String, Object>> rows) {
        var params = new HashMap<String, Object>(common);
        params.put("rows", rows);
        return params;
    }

    private Params paramsOf(TrafficBatch batch) {
        var endpoints = new LinkedHashMap<NodeLabel, List<Map<String, Object>>>();
        for (NodeRecord node : batch.endpoints()) {
            var props = new HashMap<String, Object>();
            node.properties().forEach((k, v) -> {
                if (v != null) {
                    props.put(k, v);
                }
            });
            endpoints
                    .computeIfAbsent(node.label(), l -> new ArrayList<>())
                    .add(Map.of("id", node.id(), "props", props));
        }
        var links = new LinkedHashMap<Shape, List<Map<String, Object>>>();
        for (RelRecord link : batch.links()) {
            links.computeIfAbsent(new Shape(link.type(), link.fromLabel(), link.toLabel()), s -> new ArrayList<>())
                    .add(Map.of("from", link.fromId(), "to", link.toId()));
        }
        var edges = new LinkedHashMap<Shape, List<Map<String, Object>>>();
        for (TrafficEdge edge : batch.edges()) {
            edges.computeIfAbsent(new Shape(TrafficEdge.TYPE, edge.fromLabel(), edge.toLabel()), s -> new ArrayList<>())
                    .add(edgeRow(edge));
        }
        var now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new Params(now, endpoints, links, edges);
    }

    private static Map<String, Object> edgeRow(TrafficEdge edge) {
        var row = new HashMap<String, Object>();
        row.put("from", edge.fromId());
        row.put("fromLabel", edge.fromLabel().name());
        row.put("to", edge.toId());
        row.put("toLabel", edge.toLabel().name());
        row.put("key", edge.key());
        row.put("account", edge.account());
        row.put("region", edge.region());
        row.put("props", edge.properties());
        counters(row, edge.counters());
        row.put("firstSeen", utc(edge.counters().firstSeen()));
        row.put("lastSeen", utc(edge.counters().lastSeen()));
        var hours = new ArrayList<Map<String, Object>>(edge.hours().size());
        for (TrafficEdge.Hour hour : edge.hours()) {
            var h = new HashMap<String, Object>();
            h.put("id", edge.hourId(hour.hour()));
            h.put("hour", utc(hour.hour()));
            counters(h, hour.counters());
            hours.add(h);
        }
        row.put("hours", hours);
        return row;
    }

    private static void counters(Map<String, Object> row, TrafficEdge.Counters counters) {
        row.put("flows", counters.flows());
        row.put("packets", counters.packets());
        row.put("bytes", counters.bytes());
        row.put("accepted", counters.accepted());
        row.put("rejected", counters.rejected());
    }

    private static ZonedDateTime utc(long epochSecond) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private record Shape(RelType type, NodeLabel from, NodeLabel to) {}

    private record Params(
            ZonedDateTime now,
            Map<NodeLabel, List<Map<String, Object>>> endpoints,
            Map<Shape, List<Map<String, Object>>> links,
            Map<Shape, List<Map<String, Object>>> edges) {}
}
