package io.leeward.app.cli;

/** The {@code leeward} command line: parses first, then starts only what the command needs. */
public final class Leeward {
    private Leeward() {}

    public static void main(String[] args) {
        System.exit(LeewardCommand.commandLine().execute(args));
    }
}
