package io.leeward.graph.store;

import java.util.Map;

/** A read transaction: any number of read queries that see one consistent state. */
public interface ReadTx {
    QueryResult run(String cypher, Map<String, ?> parameters);
}
