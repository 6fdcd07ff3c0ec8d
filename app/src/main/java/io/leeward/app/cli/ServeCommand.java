package io.leeward.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves GraphQL (and GraphiQL) on 127.0.0.1 until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve GraphQL and GraphiQL on 127.0.0.1 until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: server.port, 8080).")
    Integer port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try (var app = AppContext.start(LeewardCommand.root(spec).options(port), true)) {
            Serving.announceAndWait(app, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
