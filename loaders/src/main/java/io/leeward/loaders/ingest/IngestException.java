package io.leeward.loaders.ingest;

import io.leeward.graph.store.LeewardException;

/** A load could not start or go on at all (the input directory is missing or unreadable). */
public class IngestException extends LeewardException {
    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
