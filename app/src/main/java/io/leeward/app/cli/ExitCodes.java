package io.leeward.app.cli;

/** The exit codes of every command, documented in the README. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command ran, but input records were rejected (or a check found problems). */
    public static final int DATA_ERRORS = 1;
    /** The command line was wrong: unknown option, missing argument, bad parameter. */
    public static final int USAGE = 2;
    /** Leeward could not do its work: the store is locked or unreachable, a query failed. */
    public static final int FAILURE = 3;

    private ExitCodes() {}
}
