package io.leeward.graph.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one sync wrote and removed. Counts are keyed by label or type in a stable order.
 * {@code unresolved} counts relationships whose end nodes were not in the graph, per type.
 */
public record SyncSummary(
        String syncId,
        String source,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Long> nodesWritten,
        Map<String, Long> relationshipsWritten,
        Map<String, Long> unresolved,
        List<ScopeResult> scopes) {
    public SyncSummary {
        nodesWritten = Map.copyOf(nodesWritten);
        relationshipsWritten = Map.copyOf(relationshipsWritten);
        unresolved = Map.copyOf(unresolved);
        scopes = List.copyOf(scopes);
    }

    public long totalNodes() {
        return nodesWritten.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalRelationships() {
        return relationshipsWritten.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalDeleted() {
        return scopes.stream().mapToLong(ScopeResult::deleted).sum();
    }

    /** One scope at the end of a sync: cleaned ({@code complete}) or left alone with a reason. */
    public record ScopeResult(Scope scope, boolean complete, long deleted, String reason) {}
}
