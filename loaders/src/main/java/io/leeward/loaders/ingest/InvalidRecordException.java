package io.leeward.loaders.ingest;

import io.leeward.graph.store.LeewardException;

/**
 * A record failed validation: {@link #pointer()} names the offending value and
 * {@link #problem()} says what was expected and found. Loaders catch it per record, reject the
 * record whole and go on with the next one.
 */
public class InvalidRecordException extends LeewardException {
    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final String problem;

    public InvalidRecordException(String pointer, String problem) {
        super(pointer + ": " + problem);
        this.pointer = pointer;
        this.problem = problem;
    }

    public String pointer() {
        return pointer;
    }

    public String problem() {
        return problem;
    }
}
