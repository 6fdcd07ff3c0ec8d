package io.leeward.app.bench;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.ReadTx;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.StoreInfo;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSession;
import io.leeward.graph.store.SyncSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A store that keeps a copy of every distinct record a loader writes, so that the benchmark can
 * write the very same rows again as its ceiling. A node written and also referenced counts once
 * (the write wins, as in the graph); a relationship counts once per ends, type and key. Reads and
 * everything else pass through.
 */
final class RecordingStore implements GraphStore {
    private final GraphStore delegate;
    private final Map<List<Object>, NodeRecord> nodes = new LinkedHashMap<>();
    private final Map<List<Object>, RelRecord> relationships = new LinkedHashMap<>();

    RecordingStore(GraphStore delegate) {
        this.delegate = delegate;
    }

    List<NodeRecord> nodes() {
        return new ArrayList<>(nodes.values());
    }

    List<RelRecord> relationships() {
        return new ArrayList<>(relationships.values());
    }

    private static List<Object> key(NodeRecord node) {
        return List.of(node.label(), node.id());
    }

    private static List<Object> key(RelRecord rel) {
        return Arrays.asList(rel.type(), rel.fromLabel(), rel.fromId(), rel.toLabel(), rel.toId(), rel.key());
    }

    @Override
    public StoreInfo info() {
        return delegate.info();
    }

    @Override
    public SyncSession beginSync(SyncRequest request) {
        return new Recording(delegate.beginSync(request));
    }

    @Override
    public <T> T read(Duration timeout, Function<ReadTx, T> work) {
        return delegate.read(timeout, work);
    }

    @Override
    public void deleteAllData() {
        delegate.deleteAllData();
    }

    @Override
    public void close() {
        // the benchmark owns and closes the delegate
    }

    private final class Recording implements SyncSession {
        private final SyncSession session;

        Recording(SyncSession session) {
            this.session = session;
        }

        @Override
        public String syncId() {
            return session.syncId();
        }

        @Override
        public void write(NodeRecord node) {
            nodes.put(key(node), node);
            session.write(node);
        }

        @Override
        public void write(RelRecord relationship) {
            relationships.put(key(relationship), relationship);
            session.write(relationship);
        }

        @Override
        public void reference(NodeRecord node) {
            nodes.putIfAbsent(key(node), node);
            session.reference(node);
        }

        @Override
        public void covers(Scope scope) {
            session.covers(scope);
        }

        @Override
        public void incomplete(Scope scope, String reason) {
            session.incomplete(scope, reason);
        }

        @Override
        public SyncSummary complete() {
            return session.complete();
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
