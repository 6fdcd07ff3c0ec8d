package io.leeward.graph.store;

/**
 * The root of Leeward's exceptions. {@link #isRetryable()} marks failures that a retry in one
 * place (a managed transaction, the SDK's retry strategy) may cure; callers never loop themselves.
 */
public class LeewardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public LeewardException(String message) {
        this(message, null, false);
    }

    public LeewardException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected LeewardException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
