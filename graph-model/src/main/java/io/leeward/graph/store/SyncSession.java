package io.leeward.graph.store;

/**
 * One sync of one source: buffers records, writes them in batches, and on {@link #complete()}
 * removes stale data from every scope that was covered and not marked incomplete. Closing a session
 * without completing it records a failed run and deletes nothing.
 *
 * <p>Not thread-safe: one loader thread feeds a session; the session parallelises node writes itself.
 */
public interface SyncSession extends AutoCloseable {

    /** The id stamped on everything this sync writes. */
    String syncId();

    /** Merges a node; its properties replace those of the same names, {@code null} removes one. */
    void write(NodeRecord node);

    /** Merges a relationship between two nodes written in this or an earlier sync. */
    void write(RelRecord relationship);

    /**
     * Makes sure a node exists, as a placeholder, so relationships can point at it (a task role
     * before IAM is loaded). Never overwrites the properties of a node that is not a placeholder; a
     * node of this source that is referenced counts as seen in this sync, so stale cleanup keeps it.
     */
    void reference(NodeRecord node);

    /** Declares that this sync read the whole of a scope, so that stale data of it may be removed. */
    void covers(Scope scope);

    /** Declares that a scope was not read completely (a rejected record, a failed call): nothing of it is deleted. */
    void incomplete(Scope scope, String reason);

    /** Writes what is buffered, removes stale data of complete scopes and records the run. */
    SyncSummary complete();

    /** Ends the session; without {@link #complete()} the run is recorded as failed and nothing is deleted. */
    @Override
    void close();
}
