package io.leeward.graphql;

import io.leeward.graph.store.LeewardException;

/** An argument the client sent is invalid; the message says which and what was expected. Sent as BAD_REQUEST. */
final class BadRequestException extends LeewardException {
    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
