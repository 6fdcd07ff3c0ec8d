package io.leeward.graph.store;

import java.util.List;

/**
 * One batch of traffic applied in one write transaction together with the checkpoint of the input
 * it came from: records {@code [fromOffset, toOffset)} of the object, {@code done} when they were its
 * last. The store applies the batch only when the object's checkpoint stands at {@code fromOffset},
 * so a batch replayed after a crash or a second load of the same object never counts twice.
 *
 * <p>{@code endpoints} are runtime nodes the edges need and that may not exist yet (external hosts,
 * the internet), merged first; {@code links} are relationships between them ({@code PART_OF}).
 * Inventory ends are never created: an edge whose end is missing is counted as unresolved.
 */
public record TrafficBatch(
        Checkpoint checkpoint,
        long fromOffset,
        long toOffset,
        boolean done,
        List<NodeRecord> endpoints,
        List<RelRecord> links,
        List<TrafficEdge> edges) {
    public TrafficBatch {
        Check.notNull(checkpoint, "checkpoint");
        Check.that(
                0 <= fromOffset && fromOffset <= toOffset,
                "a batch covers records [from, to) with 0 <= from <= to, was [" + fromOffset + ", " + toOffset + ")");
        endpoints = List.copyOf(endpoints);
        for (NodeRecord endpoint : endpoints) {
            Check.that(
                    endpoint.label().group() == io.leeward.graph.schema.NodeLabel.Group.RUNTIME,
                    "a traffic batch creates runtime nodes only, not " + endpoint.label());
        }
        links = List.copyOf(links);
        edges = List.copyOf(edges);
    }

    /**
     * What applying a batch did: {@code applied} false when the checkpoint did not stand at the
     * batch's start (already applied, or another load of the object is ahead), with the state found.
     */
    public record Result(boolean applied, long edges, long unresolved, Checkpoint.State state) {}
}
