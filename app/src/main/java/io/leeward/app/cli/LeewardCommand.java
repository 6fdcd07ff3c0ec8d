package io.leeward.app.cli;

import io.leeward.graph.store.LeewardException;
import io.leeward.queries.UnknownQueryException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options and the list of subcommands. */
@Command(
        name = "leeward",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "Security graph for AWS container workloads.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            IngestCommand.class,
            SyncCommand.class,
            QueryCommand.class,
            StatusCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 data errors (records rejected), 2 usage, 3 failure (store locked or unreachable, query failed).",
            "Configuration: leeward.* properties, LEEWARD_* environment variables (LEEWARD_HOME, LEEWARD_NEO4J_URI, …)."
        })
public final class LeewardCommand implements Runnable {

    @Option(
            names = "--home",
            scope = ScopeType.INHERIT,
            description = "Where Leeward keeps its data (default: $LEEWARD_HOME or ~/.leeward).")
    Path home;

    @Option(
            names = "--neo4j-uri",
            scope = ScopeType.INHERIT,
            description = "A remote Neo4j (bolt://, neo4j://, neo4j+s://) instead of the embedded one; credentials from"
                    + " LEEWARD_NEO4J_USER and LEEWARD_NEO4J_PASSWORD.")
    String neo4jUri;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    GlobalOptions options(Integer port) {
        return new GlobalOptions(home, neo4jUri, port);
    }

    /** The configured command line with Leeward's error handling and exit codes. */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new LeewardCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            var leeward = leewardCause(e);
            if (leeward != null) {
                cl.getErr().println("leeward: " + leeward.getMessage());
                return leeward instanceof UnknownQueryException ? ExitCodes.USAGE : ExitCodes.FAILURE;
            }
            if (e instanceof IllegalArgumentException) {
                cl.getErr().println("leeward: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            throw e;
        });
        return commandLine;
    }

    static LeewardCommand root(CommandLine.Model.CommandSpec spec) {
        return (LeewardCommand) spec.root().userObject();
    }

    private static LeewardException leewardCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LeewardException leeward) {
                return leeward;
            }
            if (t.getCause() == t) {
                return null;
            }
        }
        return null;
    }
}
