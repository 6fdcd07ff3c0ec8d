package io.leeward.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the leeward command line in this JVM and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = LeewardCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
