package io.leeward.graph.store;

/** The graph store could not be opened, reached or written. */
public class StoreException extends LeewardException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause, false);
    }

    public StoreException(String message, Throwable cause, boolean retryable) {
        super(message, cause, retryable);
    }
}
