package io.leeward.graph.store;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The store port: batched, idempotent writes through sync sessions and reads through read
 * transactions. One implementation talks Bolt to an embedded or a remote Neo4j alike.
 */
public interface GraphStore extends AutoCloseable {

    StoreInfo info();

    /** Starts a sync of one source; the caller completes or closes it. */
    SyncSession beginSync(SyncRequest request);

    /** Runs work in one read transaction with the given timeout. */
    <T> T read(Duration timeout, Function<ReadTx, T> work);

    /** One read query in its own read transaction with the default timeout. */
    default QueryResult query(String cypher, Map<String, ?> parameters) {
        return read(Duration.ofSeconds(60), tx -> tx.run(cypher, parameters));
    }

    /**
     * Applies one batch of traffic counter increments and moves the input's checkpoint, all in one
     * write transaction: either both land or neither does.
     */
    default TrafficBatch.Result applyTraffic(TrafficBatch batch) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not write traffic");
    }

    /** How far an input object was applied; {@link Checkpoint.State#NEW} when it never was. */
    default Checkpoint.State checkpoint(Checkpoint checkpoint) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep checkpoints");
    }

    /** Deletes the hourly traffic history of hours that started before {@code before}; returns how many. */
    default long pruneTrafficHours(java.time.Instant before) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep traffic history");
    }

    /** Removes every node and relationship, keeping schema and migration records; for tests and benchmarks. */
    void deleteAllData();

    @Override
    void close();
}
