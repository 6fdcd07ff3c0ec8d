package io.leeward.graph.store;

import java.util.List;

/**
 * Writes records the fastest way Neo4j allows — bare {@code UNWIND … CREATE}, no MERGE, no stamps,
 * no cleanup — in the same batches and with the same parallelism as a sync session. Benchmarks
 * measure a loader against this ceiling in the same run; nothing else should use it.
 */
public interface CeilingWriter {

    /** Creates the nodes, then the relationships between them; returns the number of elements created. */
    long createForCeiling(List<NodeRecord> nodes, List<RelRecord> relationships, int batchSize, int nodeWriters);
}
