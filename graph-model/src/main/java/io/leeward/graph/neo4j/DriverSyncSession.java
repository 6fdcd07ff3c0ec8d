package io.leeward.graph.neo4j;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.StoreException;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSession;
import io.leeward.graph.store.SyncSummary;
import io.leeward.graph.store.SyncSummary.ScopeResult;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batched writer. Nodes are buffered per label and flushed by a small pool in parallel (MERGE
 * on distinct keys does not contend). Relationships are buffered per shape and written by the
 * calling thread only, after every pending node batch has landed, so that no two relationship
 * transactions lock the same nodes in different orders. Every transaction is a managed one, which
 * retries transient errors (deadlocks, leader switches) in one place.
 */
final class DriverSyncSession implements SyncSession {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSyncSession.class);
    private static final int DELETE_BATCH = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final SyncRequest request;
    private final String syncId;
    private final Instant startedAt;
    private final ZonedDateTime now;
    private final ExecutorService nodeWriters;
    private final List<Future<?>> pending = new ArrayList<>();
    private final Map<NodeLabel, List<Map<String, Object>>> nodeBuffers = new EnumMap<>(NodeLabel.class);
    private final Map<NodeLabel, List<Map<String, Object>>> referenceBuffers = new EnumMap<>(NodeLabel.class);
    private final Map<RelShape, List<Map<String, Object>>> relBuffers = new LinkedHashMap<>();
    private final Map<String, LongAdder> nodeCounts = new ConcurrentHashMap<>();
    private final Map<String, Long> relCounts = new HashMap<>();
    private final Map<String, Long> unresolved = new HashMap<>();
    private final Map<String, Scope> covered = new LinkedHashMap<>();
    private final Map<String, String> incomplete = new LinkedHashMap<>();
    private final Set<NodeLabel> referencedLabels = EnumSet.noneOf(NodeLabel.class);
    private boolean finished;

    DriverSyncSession(Driver driver, SessionConfig sessionConfig, SyncRequest request) {
        this.driver = driver;
        this.sessionConfig = sessionConfig;
        this.request = request;
        this.startedAt = request.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        this.now = ZonedDateTime.ofInstant(startedAt, ZoneOffset.UTC);
        this.syncId = "sync-" + Long.toString(startedAt.toEpochMilli(), 36) + "-"
                + Integer.toHexString(RANDOM.nextInt(1 << 24));
        this.nodeWriters = Executors.newFixedThreadPool(
                request.nodeWriters(),
                Thread.ofPlatform().name("leeward-writer-", 0).daemon().factory());
        writeTx(Cypher.START_RUN, Map.of("syncId", syncId, "source", request.source(), "now", now));
    }

    @Override
    public String syncId() {
        return syncId;
    }

    @Override
    public void write(NodeRecord node) {
        ensureOpen();
        var buffer = nodeBuffers.computeIfAbsent(node.label(), l -> new ArrayList<>());
        buffer.add(nodeRow(node));
        if (buffer.size() >= request.batchSize()) {
            submitNodes(node.label(), nodeBuffers.remove(node.label()), false);
        }
    }

    @Override
    public void reference(NodeRecord node) {
        ensureOpen();
        referencedLabels.add(node.label());
        var buffer = referenceBuffers.computeIfAbsent(node.label(), l -> new ArrayList<>());
        buffer.add(nodeRow(node));
        if (buffer.size() >= request.batchSize()) {
            submitNodes(node.label(), referenceBuffers.remove(node.label()), true);
        }
    }

    @Override
    public void write(RelRecord rel) {
        ensureOpen();
        var shape = new RelShape(rel.type(), rel.fromLabel(), rel.toLabel(), rel.key() != null);
        var buffer = relBuffers.computeIfAbsent(shape, s -> new ArrayList<>());
        var row = new HashMap<String, Object>();
        row.put("from", rel.fromId());
        row.put("to", rel.toId());
        row.put("key", rel.key());
        row.put("account", rel.account());
        row.put("region", rel.region());
        row.put("props", rel.properties());
        buffer.add(row);
        if (buffer.size() >= request.batchSize()) {
            flushNodes();
            writeRelationships(shape, relBuffers.remove(shape));
        }
    }

    @Override
    public void covers(Scope scope) {
        checkSource(scope);
        covered.putIfAbsent(scope.key(), scope);
    }

    @Override
    public void incomplete(Scope scope, String reason) {
        checkSource(scope);
        covered.putIfAbsent(scope.key(), scope);
        incomplete.merge(scope.key(), reason, (a, b) -> a.equals(b) ? a : a + "; " + b);
    }

    @Override
    public SyncSummary complete() {
        ensureOpen();
        flushAll();
        var results = new ArrayList<ScopeResult>();
        for (Scope scope : covered.values()) {
            String reason = incomplete.get(scope.key());
            long deleted = reason == null ? deleteStale(scope) : 0;
            results.add(new ScopeResult(scope, reason == null, deleted, reason));
        }
        long orphans = deleteOrphanPlaceholders();
        recordScopes(results);
        var summary = new SyncSummary(
                syncId,
                request.source(),
                startedAt,
                request.clock().instant(),
                new TreeMap<>(snapshot(nodeCounts)),
                new TreeMap<>(relCounts),
                new TreeMap<>(unresolved),
                results);
        finish("complete", summary.totalDeleted() + orphans, summary);
        return summary;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            awaitPending();
        } catch (RuntimeException e) {
            LOG.warn("Sync {} ended with a failed write: {}", syncId, e.getMessage());
        }
        try {
            finish("failed", 0, null);
        } catch (RuntimeException e) {
            LOG.warn("Could not record sync {} as failed: {}", syncId, e.getMessage());
        }
    }

    private void finish(String status, long deleted, SyncSummary summary) {
        finished = true;
        nodeWriters.shutdown();
        long nodes = summary == null
                ? snapshot(nodeCounts).values().stream()
                        .mapToLong(Long::longValue)
                        .sum()
                : summary.totalNodes();
        long rels = summary == null
                ? relCounts.values().stream().mapToLong(Long::longValue).sum()
                : summary.totalRelationships();
        long dangling = unresolved.values().stream().mapToLong(Long::longValue).sum();
        writeTx(
                Cypher.FINISH_RUN,
                Map.of(
                        "syncId", syncId,
                        "status", status,
                        "now", ZonedDateTime.ofInstant(request.clock().instant(), ZoneOffset.UTC),
                        "nodes", nodes,
                        "relationships", rels,
                        "deleted", deleted,
                        "unresolved", dangling));
    }

    private void flushAll() {
        flushNodes();
        for (var shape : List.copyOf(relBuffers.keySet())) {
            writeRelationships(shape, relBuffers.remove(shape));
        }
    }

    /** Submits every buffered node and reference batch and waits for all of them: the barrier before relationships. */
    private void flushNodes() {
        for (var label : List.copyOf(nodeBuffers.keySet())) {
            submitNodes(label, nodeBuffers.remove(label), false);
        }
        awaitPending();
        for (var label : List.copyOf(referenceBuffers.keySet())) {
            submitNodes(label, referenceBuffers.remove(label), true);
        }
        awaitPending();
    }

    private void submitNodes(NodeLabel label, List<Map<String, Object>> rows, boolean references) {
        String cypher = references ? Cypher.mergeReferences(label) : Cypher.mergeNodes(label);
        pending.add(nodeWriters.submit(() -> {
            writeTx(cypher, params(rows));
            if (!references) {
                nodeCounts.computeIfAbsent(label.name(), k -> new LongAdder()).add(rows.size());
            }
        }));
    }

    private void awaitPending() {
        try {
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing sync " + syncId, e);
        } catch (ExecutionException e) {
            throw new StoreException(
                    "Writing nodes of sync " + syncId + " failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pending.clear();
        }
    }

    private void writeRelationships(RelShape shape, List<Map<String, Object>> rows) {
        String cypher = Cypher.mergeRelationships(shape.type(), shape.from(), shape.to(), shape.keyed());
        long merged;
        try (var session = driver.session(sessionConfig)) {
            merged = session.executeWrite(
                    tx -> tx.run(cypher, params(rows)).single().get("merged").asLong());
        } catch (Neo4jException e) {
            throw new StoreException(
                    "Writing " + shape.type() + " relationships of sync " + syncId + " failed: " + e.getMessage(), e);
        }
        relCounts.merge(shape.type().name(), merged, Long::sum);
        long missing = rows.size() - merged;
        if (missing > 0) {
            unresolved.merge(shape.type().name(), missing, Long::sum);
        }
    }

    private long deleteStale(Scope scope) {
        String cypher = scope.isNodeKind()
                ? Cypher.deleteStaleNodes(NodeLabel.valueOf(scope.kind()))
                : Cypher.deleteStaleRelationships(RelType.valueOf(scope.kind()));
        var params = new HashMap<String, Object>();
        params.put("source", scope.source());
        params.put("account", scope.account());
        params.put("region", scope.region() == null ? "" : scope.region());
        params.put("syncId", syncId);
        params.put("limit", DELETE_BATCH);
        return deleteInBatches(cypher, params);
    }

    private long deleteOrphanPlaceholders() {
        var labels = EnumSet.copyOf(referencedLabels.isEmpty() ? EnumSet.noneOf(NodeLabel.class) : referencedLabels);
        for (Scope scope : covered.values()) {
            if (!scope.isNodeKind() && !incomplete.containsKey(scope.key())) {
                labels.addAll(RelType.valueOf(scope.kind()).to());
            }
        }
        long deleted = 0;
        for (NodeLabel label : labels) {
            deleted += deleteInBatches(
                    Cypher.deleteOrphanPlaceholders(label), Map.of("source", request.source(), "limit", DELETE_BATCH));
        }
        return deleted;
    }

    private long deleteInBatches(String cypher, Map<String, Object> params) {
        long total = 0;
        while (true) {
            long deleted;
            try (var session = driver.session(sessionConfig)) {
                deleted = session.executeWrite(
                        tx -> tx.run(cypher, params).single().get("deleted").asLong());
            }
            total += deleted;
            if (deleted < DELETE_BATCH) {
                return total;
            }
        }
    }

    private void recordScopes(List<ScopeResult> results) {
        var rows = new ArrayList<Map<String, Object>>();
        for (ScopeResult result : results) {
            var row = new HashMap<String, Object>();
            row.put("id", result.scope().key());
            row.put("source", result.scope().source());
            row.put("account", result.scope().account());
            row.put("region", result.scope().region());
            row.put("kind", result.scope().kind());
            row.put("complete", result.complete());
            row.put("reason", result.reason());
            row.put("deleted", result.deleted());
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            writeTx(Cypher.RECORD_SCOPE, params(rows));
        }
    }

    private void writeTx(String cypher, Map<String, Object> params) {
        try (var session = driver.session(sessionConfig)) {
            session.executeWrite(tx -> tx.run(cypher, params).consume());
        } catch (Neo4jException e) {
            throw new StoreException("Sync " + syncId + " could not write: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> params(List<Map<String, Object>> rows) {
        var params = new HashMap<String, Object>();
        params.put("rows", rows);
        params.put("now", now);
        params.put("source", request.source());
        params.put("syncId", syncId);
        return params;
    }

    private static Map<String, Object> nodeRow(NodeRecord node) {
        var row = new HashMap<String, Object>();
        row.put("id", node.id());
        row.put("account", node.account());
        row.put("region", node.region());
        row.put("props", node.properties());
        return row;
    }

    private void checkSource(Scope scope) {
        if (!scope.source().equals(request.source())) {
            throw new IllegalArgumentException(
                    "scope " + scope.key() + " belongs to another source than " + request.source());
        }
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("sync " + syncId + " has ended");
        }
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        var copy = new HashMap<String, Long>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private record RelShape(RelType type, NodeLabel from, NodeLabel to, boolean keyed) {}
}
