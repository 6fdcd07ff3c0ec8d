package io.leeward.loaders.ingest;

import io.leeward.graph.store.Check;

/**
 * One record, or the rest of a file, that was not loaded: the file (relative to the import
 * directory, {@code /}-separated), the line and column where the record starts or where reading
 * stopped ({@code 0} when unknown), the JSON pointer of the offending value, and what was expected
 * and found. Messages never carry secret values.
 */
public record Rejection(String file, long line, long column, String pointer, String message) {
    public Rejection {
        Check.notBlank(file, "file");
        Check.notNull(pointer, "pointer");
        Check.notBlank(message, "message");
        Check.that(line >= 0 && column >= 0, "line and column must not be negative");
    }

    /** {@code file:line:column: pointer: message}, the form printed by the CLI. */
    public String describe() {
        var text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!pointer.isEmpty()) {
            text.append(pointer).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
