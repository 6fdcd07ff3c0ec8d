package io.leeward.loaders.flows;

import io.leeward.graph.store.LeewardException;

/**
 * A flow log line that cannot be read: {@link #field()} names the offending field (empty for the
 * line as a whole), {@link #column()} is its 1-based character position, {@link #problem()} says what
 * was expected and found.
 */
public final class FlowLineException extends LeewardException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int column;
    private final String problem;

    FlowLineException(String field, int column, String problem) {
        super((field.isEmpty() ? "" : field + ": ") + problem);
        this.field = field;
        this.column = column;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
