package io.leeward.graph.migrate;

import io.leeward.graph.store.Check;
import java.util.List;

/**
 * One versioned schema change: statements that are idempotent on their own ({@code IF NOT EXISTS}),
 * applied once in version order and recorded as a {@code SchemaMigration} node.
 */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        Check.positive(version, "migration version");
        Check.notBlank(description, "migration description");
        statements = List.copyOf(statements);
        Check.that(!statements.isEmpty(), "migration " + version + " has no statements");
    }
}
