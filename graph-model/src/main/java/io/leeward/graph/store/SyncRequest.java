package io.leeward.graph.store;

import java.time.Clock;

/**
 * How to run one sync: the source name stamped on everything written, how many rows go into one
 * {@code UNWIND} batch, how many threads write nodes in parallel, and the clock for stamps.
 */
public record SyncRequest(String source, int batchSize, int nodeWriters, Clock clock) {
    public static final int DEFAULT_BATCH_SIZE = 2_000;

    public SyncRequest {
        Check.notBlank(source, "source");
        Check.positive(batchSize, "batch size");
        Check.positive(nodeWriters, "node writers");
        Check.notNull(clock, "clock");
    }

    public static SyncRequest of(String source) {
        return new SyncRequest(source, DEFAULT_BATCH_SIZE, 2, Clock.systemUTC());
    }

    public SyncRequest withBatchSize(int size) {
        return new SyncRequest(source, size, nodeWriters, clock);
    }

    public SyncRequest withNodeWriters(int writers) {
        return new SyncRequest(source, batchSize, writers, clock);
    }

    public SyncRequest withClock(Clock newClock) {
        return new SyncRequest(source, batchSize, nodeWriters, newClock);
    }
}
