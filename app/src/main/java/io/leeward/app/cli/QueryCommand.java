package io.leeward.app.cli;

import io.leeward.graph.store.QueryResult;
import io.leeward.queries.NamedQuery;
import io.leeward.queries.QueryCatalog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Read-only Cypher, typed in or from the named catalog, printed as a table or JSON. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Run read-only Cypher or a named query of the catalog.",
            "Queries run in a read transaction: any write is refused by Neo4j."
        })
final class QueryCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CYPHER", description = "The Cypher to run (omit with --name or --list).")
    String cypher;

    @Option(names = "--name", description = "Run the named catalog query NAME.")
    String name;

    @Option(names = "--list", description = "List the catalog's queries with their parameters.")
    boolean list;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "KEY=VALUE",
            description = "A query parameter; numbers and true/false are typed, the rest are strings. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the rows as a JSON array.")
    boolean json;

    @Option(
            names = "--timeout",
            defaultValue = "PT60S",
            description = "Transaction timeout (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var catalog = QueryCatalog.standard();
        if (list) {
            printCatalog(catalog.all());
            return ExitCodes.OK;
        }
        if ((cypher == null) == (name == null)) {
            throw new IllegalArgumentException("give either CYPHER or --name NAME (see leeward query --help)");
        }
        NamedQuery named = name == null ? null : catalog.get(name);
        Map<String, Object> values = named == null ? ParamValues.guess(params) : ParamValues.typed(named, params);
        try (var app = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
            QueryResult result = named == null
                    ? app.store().read(timeout, tx -> tx.run(cypher, values))
                    : catalog.run(app.store(), named.name(), values);
            if (json) {
                out.println(JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(result.rows()));
                out.flush();
            } else {
                Table.print(out, result.columns(), result.rows());
            }
        }
        return ExitCodes.OK;
    }

    private void printCatalog(List<NamedQuery> queries) {
        var rows = queries.stream()
                .map(q -> Map.<String, Object>of(
                        "name", q.name(),
                        "parameters",
                                String.join(
                                        ", ",
                                        q.params().stream()
                                                .map(p -> p.name() + (p.required() ? "" : "?"))
                                                .toList()),
                        "description", q.description()))
                .toList();
        Table.print(spec.commandLine().getOut(), List.of("name", "parameters", "description"), rows);
    }
}
