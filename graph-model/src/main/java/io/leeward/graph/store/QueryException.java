package io.leeward.graph.store;

/** Neo4j rejected a query: a syntax error, a write in a read transaction, a timeout. */
public class QueryException extends LeewardException {
    private static final long serialVersionUID = 1L;

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
