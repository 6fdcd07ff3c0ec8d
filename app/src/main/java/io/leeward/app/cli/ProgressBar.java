package io.leeward.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal's error stream, redrawn at most ten times a second.
 * Silent when the output is not a terminal, so logs and pipes stay clean.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintWriter err, String label) {
        this(err, label, System.console() != null);
    }

    ProgressBar(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    void update(long records, long bytesDone, long bytesTotal) {
        long now = System.nanoTime();
        if (!enabled || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double fraction = bytesTotal <= 0 ? 0 : Math.min(1.0, (double) bytesDone / bytesTotal);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        err.print(String.format(
                Locale.ROOT,
                "\r%s [%s%s] %3.0f%% %,d records %,.0f/s",
                label,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                fraction * 100,
                records,
                records / seconds));
        err.flush();
    }

    void done() {
        if (enabled) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 48) + "\r");
            err.flush();
        }
    }
}
