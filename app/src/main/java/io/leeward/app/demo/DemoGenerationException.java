package io.leeward.app.demo;

import io.leeward.graph.store.LeewardException;

/** The demo account could not be written (the directory or a file could not be created). */
public final class DemoGenerationException extends LeewardException {
    private static final long serialVersionUID = 1L;

    public DemoGenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
