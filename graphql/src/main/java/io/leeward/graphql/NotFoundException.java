package io.leeward.graphql;

import io.leeward.graph.store.LeewardException;

/** Something an argument names does not exist in the graph. Sent as NOT_FOUND. */
final class NotFoundException extends LeewardException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
