package io.leeward.graphql;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.stats}. Each part runs only when asked for; the four count fields share one run of
 * {@code inventory.stats} per request. Sync scopes and runs are the rows of {@code status.sync-scopes}
 * and {@code status.sync-runs}.
 */
@Controller
final class StatsController {
    static final int MAX_SYNC_RUNS = 500;

    private final GraphReader reader;

    StatsController(GraphReader reader) {
        this.reader = reader;
    }

    @QueryMapping
    Stats stats() {
        return new Stats(reader);
    }

    @SchemaMapping(typeName = "Stats")
    List<LabelCount> nodeCounts(Stats stats) {
        return stats.counts().labels();
    }

    @SchemaMapping(typeName = "Stats")
    List<TypeCount> relationshipCounts(Stats stats) {
        return stats.counts().types();
    }

    @SchemaMapping(typeName = "Stats")
    int nodeTotal(Stats stats) {
        return Math.toIntExact(
                stats.counts().labels().stream().mapToLong(LabelCount::count).sum());
    }

    @SchemaMapping(typeName = "Stats")
    int relationshipTotal(Stats stats) {
        return Math.toIntExact(
                stats.counts().types().stream().mapToLong(TypeCount::count).sum());
    }

    @SchemaMapping(typeName = "Stats")
    List<SyncScope> syncScopes(Stats stats) {
        return reader.rows("status.sync-scopes", Map.of()).stream()
                .map(SyncScope::of)
                .toList();
    }

    @SchemaMapping(typeName = "Stats")
    List<SyncRun> syncRuns(Stats stats, @Argument Integer limit) {
        int runs = limit == null ? 20 : limit;
        if (runs < 1 || runs > MAX_SYNC_RUNS) {
            throw new BadRequestException("limit must be between 1 and " + MAX_SYNC_RUNS + ", was " + runs);
        }
        return reader.rows("status.sync-runs", Map.of("limit", (long) runs)).stream()
                .map(SyncRun::of)
                .toList();
    }

    /** The {@code Stats} object of one request; reads the counts once, on first use. */
    static final class Stats {
        private final GraphReader reader;
        private Counts counts;

        Stats(GraphReader reader) {
            this.reader = reader;
        }

        synchronized Counts counts() {
            if (counts == null) {
                counts = Counts.of(reader.rows("inventory.stats", Map.of()));
            }
            return counts;
        }
    }

    record Counts(List<LabelCount> labels, List<TypeCount> types) {
        static Counts of(List<Map<String, Object>> rows) {
            var labels = new ArrayList<LabelCount>();
            var types = new ArrayList<TypeCount>();
            for (var row : rows) {
                String name = (String) row.get("name");
                long count = ((Number) row.get("count")).longValue();
                if ("label".equals(row.get("kind"))) {
                    labels.add(new LabelCount(name, count));
                } else {
                    types.add(new TypeCount(name, count));
                }
            }
            return new Counts(List.copyOf(labels), List.copyOf(types));
        }
    }

    /** {@code LabelCount}. */
    record LabelCount(String label, long count) {}

    /** {@code TypeCount}. */
    record TypeCount(String type, long count) {}

    /** {@code SyncScope}: a row of {@code status.sync-scopes}. */
    record SyncScope(
            String source,
            String account,
            String region,
            String kind,
            Boolean lastComplete,
            TemporalAccessor lastCompleteAt,
            TemporalAccessor lastAttemptAt,
            String reason) {
        static SyncScope of(Map<String, Object> row) {
            return new SyncScope(
                    (String) row.get("source"),
                    (String) row.get("account"),
                    (String) row.get("region"),
                    (String) row.get("kind"),
                    (Boolean) row.get("lastComplete"),
                    (TemporalAccessor) row.get("lastCompleteAt"),
                    (TemporalAccessor) row.get("lastAttemptAt"),
                    (String) row.get("reason"));
        }
    }

    /** {@code SyncRun}: a row of {@code status.sync-runs}. */
    record SyncRun(
            String syncId,
            String source,
            String status,
            TemporalAccessor startedAt,
            TemporalAccessor finishedAt,
            Long nodes,
            Long relationships,
            Long deleted,
            Long unresolved) {
        static SyncRun of(Map<String, Object> row) {
            return new SyncRun(
                    (String) row.get("syncId"),
                    (String) row.get("source"),
                    (String) row.get("status"),
                    (TemporalAccessor) row.get("startedAt"),
                    (TemporalAccessor) row.get("finishedAt"),
                    (Long) row.get("nodes"),
                    (Long) row.get("relationships"),
                    (Long) row.get("deleted"),
                    (Long) row.get("unresolved"));
        }
    }
}
