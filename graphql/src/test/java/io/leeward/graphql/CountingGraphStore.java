package io.leeward.graphql;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.QueryResult;
import io.leeward.graph.store.ReadTx;
import io.leeward.graph.store.StoreInfo;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A store decorator for tests: records every read statement (one per round-trip to Neo4j) and can
 * fail the n-th read transaction after the last {@link #reset()} with a given exception.
 */
final class CountingGraphStore implements GraphStore {
    private final GraphStore delegate;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger failingRead = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    CountingGraphStore(GraphStore delegate) {
        this.delegate = delegate;
    }

    /** The read statements run since the last {@link #reset()}, in order. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    int roundTrips() {
        return statements.size();
    }

    void reset() {
        statements.clear();
        reads.set(0);
        failingRead.set(0);
        failure.set(null);
    }

    /** Makes read transaction number {@code read} (1 for the next) throw {@code exception}. */
    void failOnRead(int read, RuntimeException exception) {
        failure.set(exception);
        failingRead.set(reads.get() + read);
    }

    @Override
    public StoreInfo info() {
        return delegate.info();
    }

    @Override
    public SyncSession beginSync(SyncRequest request) {
        return delegate.beginSync(request);
    }

    @Override
    public <T> T read(Duration timeout, Function<ReadTx, T> work) {
        if (reads.incrementAndGet() == failingRead.get()) {
            throw failure.get();
        }
        return delegate.read(timeout, tx -> work.apply(new CountingTx(tx)));
    }

    @Override
    public void deleteAllData() {
        delegate.deleteAllData();
    }

    /** The shared store outlives this decorator; closing it is the holder's business. */
    @Override
    public void close() {}

    private final class CountingTx implements ReadTx {
        private final ReadTx tx;

        CountingTx(ReadTx tx) {
            this.tx = tx;
        }

        @Override
        public QueryResult run(String cypher, Map<String, ?> parameters) {
            statements.add(cypher);
            return tx.run(cypher, parameters);
        }
    }
}
