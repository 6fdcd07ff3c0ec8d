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
        runInOneTx(List.of(
                new Statement(Cypher.START_RUN, Map.of("syncId", syncId, "source", request.source(), "now", now))));
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
            writeRelationships(List.of(new RelBatch(shape, relBuffers.remove(shape))));
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
        long flushStart = System.nanoTime();
        flushAll();
        long cleanupStart = System.nanoTime();
        var complete = covered.values().stream()
                .filter(scope -> !incomplete.containsKey(scope.key()))
                .toList();
        var deleted = deleteStale(complete);
        var results = new ArrayList<ScopeResult>();
        for (Scope scope : covered.values()) {
            String reason = incomplete.get(scope.key());
            results.add(new ScopeResult(scope, reason == null, deleted.getOrDefault(scope.key(), 0L), reason));
        }
        long orphans = deleteOrphanPlaceholders();
        var summary = new SyncSummary(
                syncId,
                request.source(),
                startedAt,
                request.clock().instant(),
                new TreeMap<>(snapshot(nodeCounts)),
                new TreeMap<>(relCounts),
                new TreeMap<>(unresolved),
                results);
        finish("complete", summary.totalDeleted() + orphans, summary, scopeRecords(results));
        LOG.info(
                "Sync {} of {}: {} nodes, {} relationships; final flush {} ms, cleanup {} ms, {} deleted",
                syncId,
                request.source(),
                summary.totalNodes(),
                summary.totalRelationships(),
                (cleanupStart - flushStart) / 1_000_000,
                (System.nanoTime() - cleanupStart) / 1_000_000,
                summary.totalDeleted() + orphans);
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
            finish("failed", 0, null, List.of());
        } catch (RuntimeException e) {
            LOG.warn("Could not record sync {} as failed: {}", syncId, e.getMessage());
        }
    }

    /** Records the run, and the scope records when given, in one transaction. */
    private void finish(String status, long deleted, SyncSummary summary, List<Statement> before) {
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
        var finishParams = new HashMap<String, Object>();
        finishParams.put("syncId", syncId);
        finishParams.put("status", status);
        finishParams.put("now", ZonedDateTime.ofInstant(request.clock().instant(), ZoneOffset.UTC));
        finishParams.put("nodes", nodes);
        finishParams.put("relationships", rels);
        finishParams.put("deleted", deleted);
        finishParams.put("unresolved", dangling);
        var statements = new ArrayList<>(before);
        statements.add(new Statement(Cypher.FINISH_RUN, finishParams));
        runInOneTx(statements);
    }

    private void flushAll() {
        flushNodes();
        var batches = new ArrayList<RelBatch>();
        relBuffers.forEach((shape, rows) -> batches.add(new RelBatch(shape, rows)));
        relBuffers.clear();
        for (List<RelBatch> group : pack(batches, 1, maxTxRows(), RelBatch::size)) {
            writeRelationships(group);
        }
    }

    /**
     * Writes every buffered node batch, then every reference batch, and waits for all of them: the
     * barrier before relationships. Small batches of many labels are packed into a few transactions,
     * one per writer thread, so that a sync of many small kinds does not pay a commit per label.
     */
    private void flushNodes() {
        submitPacked(drain(nodeBuffers), false);
        awaitPending();
        submitPacked(drain(referenceBuffers), true);
        awaitPending();
    }

    private static List<NodeBatch> drain(Map<NodeLabel, List<Map<String, Object>>> buffers) {
        var batches = new ArrayList<NodeBatch>();
        buffers.forEach((label, rows) -> batches.add(new NodeBatch(label, rows)));
        buffers.clear();
        return batches;
    }

    private void submitNodes(NodeLabel label, List<Map<String, Object>> rows, boolean references) {
        submitPacked(List.of(new NodeBatch(label, rows)), references);
    }

    private void submitPacked(List<NodeBatch> batches, boolean references) {
        for (List<NodeBatch> group : pack(batches, request.nodeWriters(), maxTxRows(), NodeBatch::size)) {
            pending.add(nodeWriters.submit(() -> {
                var statements = new ArrayList<Statement>();
                for (NodeBatch batch : group) {
                    String cypher =
                            references ? Cypher.mergeReferences(batch.label()) : Cypher.mergeNodes(batch.label());
                    statements.add(new Statement(cypher, params(batch.rows())));
                }
                runInOneTx(statements);
                if (!references) {
                    group.forEach(batch -> nodeCounts
                            .computeIfAbsent(batch.label().name(), k -> new LongAdder())
                            .add(batch.size()));
                }
            }));
        }
    }

    /**
     * Splits units into groups for transactions: at least {@code parallelism} groups when there are
     * that many units (so every writer has work), none above {@code maxRows} rows unless one unit is.
     */
    static <T> List<List<T>> pack(
            List<T> units, int parallelism, int maxRows, java.util.function.ToIntFunction<T> size) {
        long total = units.stream().mapToLong(size::applyAsInt).sum();
        long target = Math.max(1, Math.min(maxRows, (total + parallelism - 1) / parallelism));
        var groups = new ArrayList<List<T>>();
        var current = new ArrayList<T>();
        long rows = 0;
        for (T unit : units) {
            int n = size.applyAsInt(unit);
            if (!current.isEmpty() && rows + n > target) {
                groups.add(current);
                current = new ArrayList<>();
                rows = 0;
            }
            current.add(unit);
            rows += n;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private int maxTxRows() {
        return request.batchSize() * 4;
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

    /** Writes relationship batches in one transaction, on the calling thread only. */
    private void writeRelationships(List<RelBatch> group) {
        var statements = new ArrayList<Statement>();
        for (RelBatch batch : group) {
            var shape = batch.shape();
            statements.add(new Statement(
                    Cypher.mergeRelationships(shape.type(), shape.from(), shape.to(), shape.keyed()),
                    params(batch.rows())));
        }
        List<Long> merged = runInOneTx(statements, "merged");
        for (int i = 0; i < group.size(); i++) {
            var batch = group.get(i);
            String type = batch.shape().type().name();
            relCounts.merge(type, merged.get(i), Long::sum);
            long missing = batch.size() - merged.get(i);
            if (missing > 0) {
                unresolved.merge(type, missing, Long::sum);
            }
        }
    }

    /**
     * Deletes stale data of every complete scope and then orphaned placeholders. Each pass runs one
     * delete per scope in a single transaction; scopes that hit the batch limit run again in the
     * next pass, so a large cleanup stays in bounded transactions and a small one costs one commit.
     */
    private Map<String, Long> deleteStale(List<Scope> scopes) {
        var deleted = new LinkedHashMap<String, Long>();
        var statements = new LinkedHashMap<String, Statement>();
        for (Scope scope : scopes) {
            String cypher;
            String kind;
            if (scope.isNodeKind()) {
                cypher = Cypher.DELETE_STALE_NODES;
                kind = NodeLabel.valueOf(scope.kind()).name();
            } else {
                cypher = Cypher.DELETE_STALE_RELATIONSHIPS;
                kind = RelType.valueOf(scope.kind()).name();
            }
            var params = new HashMap<String, Object>();
            params.put("kind", kind);
            params.put("source", scope.source());
            params.put("account", scope.account());
            params.put("region", scope.region() == null ? "" : scope.region());
            params.put("syncId", syncId);
            params.put("limit", DELETE_BATCH);
            statements.put(scope.key(), new Statement(cypher, params));
            deleted.put(scope.key(), 0L);
        }
        deleteInPasses(statements, deleted);
        return deleted;
    }

    private long deleteOrphanPlaceholders() {
        var labels = EnumSet.noneOf(NodeLabel.class);
        labels.addAll(referencedLabels);
        for (Scope scope : covered.values()) {
            if (!scope.isNodeKind() && !incomplete.containsKey(scope.key())) {
                labels.addAll(RelType.valueOf(scope.kind()).to());
            }
        }
        var statements = new LinkedHashMap<String, Statement>();
        var deleted = new LinkedHashMap<String, Long>();
        for (NodeLabel label : labels) {
            statements.put(
                    label.name(),
                    new Statement(
                            Cypher.DELETE_ORPHAN_PLACEHOLDERS,
                            Map.of("kind", label.name(), "source", request.source(), "limit", DELETE_BATCH)));
            deleted.put(label.name(), 0L);
        }
        deleteInPasses(statements, deleted);
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }

    private void deleteInPasses(Map<String, Statement> statements, Map<String, Long> deleted) {
        var remaining = new LinkedHashMap<>(statements);
        while (!remaining.isEmpty()) {
            var keys = List.copyOf(remaining.keySet());
            List<Long> counts = runInOneTx(List.copyOf(remaining.values()), "deleted");
            for (int i = 0; i < keys.size(); i++) {
                deleted.merge(keys.get(i), counts.get(i), Long::sum);
                if (counts.get(i) < DELETE_BATCH) {
                    remaining.remove(keys.get(i));
                }
            }
        }
    }

    private void runInOneTx(List<Statement> statements) {
        runInOneTx(statements, null);
    }

    /** Runs statements in one managed transaction; returns the long column {@code column} of each, or nothing. */
    private List<Long> runInOneTx(List<Statement> statements, String column) {
        if (statements.isEmpty()) {
            return List.of();
        }
        try (var session = driver.session(sessionConfig)) {
            return session.executeWrite(tx -> {
                var results = new ArrayList<Long>();
                for (Statement statement : statements) {
                    var result = tx.run(statement.cypher(), statement.params());
                    if (column == null) {
                        result.consume();
                    } else {
                        results.add(result.single().get(column).asLong());
                    }
                }
                return results;
            });
        } catch (Neo4jException e) {
            throw new StoreException("Sync " + syncId + " could not write: " + e.getMessage(), e, isTransient(e));
        }
    }

    private static boolean isTransient(Neo4jException e) {
        return e instanceof org.neo4j.driver.exceptions.TransientException
                || e instanceof org.neo4j.driver.exceptions.ServiceUnavailableException;
    }

    private List<Statement> scopeRecords(List<ScopeResult> results) {
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
        return rows.isEmpty() ? List.of() : List.of(new Statement(Cypher.RECORD_SCOPE, params(rows)));
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

    private record RelBatch(RelShape shape, List<Map<String, Object>> rows) {
        int size() {
            return rows.size();
        }
    }

    private record NodeBatch(NodeLabel label, List<Map<String, Object>> rows) {
        int size() {
            return rows.size();
        }
    }

    private record Statement(String cypher, Map<String, Object> params) {}
}
