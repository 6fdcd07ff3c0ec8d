package io.leeward.graph.store;

/**
 * The identity of one streamed input object whose records are applied as counter increments: the
 * source reading it, what identifies its content ({@code object}: a content fingerprint or an S3
 * ETag, never only a path, so that a copy of the same file is the same object) and where it was read
 * from, for people ({@code location}).
 */
public record Checkpoint(String source, String object, String location) {
    public Checkpoint {
        Check.notBlank(source, "checkpoint source");
        Check.notBlank(object, "checkpoint object");
        Check.notBlank(location, "checkpoint location");
    }

    /** The key of the {@code Checkpoint} node. */
    public String id() {
        return source + "|" + object;
    }

    /** How far an object was applied: {@code offset} records consumed, {@code done} when all were. */
    public record State(long offset, boolean done) {
        public static final State NEW = new State(0, false);

        public State {
            Check.that(offset >= 0, "checkpoint offset must not be negative, was " + offset);
        }
    }
}
