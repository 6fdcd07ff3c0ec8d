package io.leeward.graph.store;

/** Where the graph lives and what serves it. {@code dataDirectory} is null for a remote Neo4j. */
public record StoreInfo(
        String uri, boolean embedded, String dataDirectory, String neo4jVersion, String edition, int schemaVersion) {}
