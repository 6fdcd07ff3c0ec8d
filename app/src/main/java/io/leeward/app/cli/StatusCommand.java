package io.leeward.app.cli;

import io.leeward.queries.QueryCatalog;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What is in the graph, how fresh it is, and where it lives. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Show where the graph lives, the Neo4j version, node counts per label and the last sync per scope.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var catalog = QueryCatalog.standard();
        try (var app = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
            var store = app.store();
            var info = store.info();
            out.println(
                    "Graph:   " + (info.embedded() ? "embedded Neo4j, data in " + info.dataDirectory() : info.uri()));
            out.println("Neo4j:   " + info.neo4jVersion() + " " + info.edition() + ", schema version "
                    + info.schemaVersion());
            out.println();
            out.println("Nodes per label:");
            var counts = Table.nonZeroLabelCounts(store);
            if (counts.isEmpty()) {
                out.println("  (the graph is empty: try `leeward demo` or `leeward ingest aws DIR`)");
            } else {
                Table.print(out, java.util.List.of("label", "count"), counts);
            }
            out.println();
            out.println("Last sync per scope:");
            var scopes = catalog.run(store, "status.sync-scopes", Map.of());
            Table.print(out, scopes.columns(), scopes.rows());
            out.println();
            out.println("Recent runs:");
            var runs = catalog.run(store, "status.sync-runs", Map.of("limit", 5L));
            Table.print(out, runs.columns(), runs.rows());
        }
        return ExitCodes.OK;
    }
}
