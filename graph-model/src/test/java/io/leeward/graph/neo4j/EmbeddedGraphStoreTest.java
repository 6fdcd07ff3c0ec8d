package io.leeward.graph.neo4j;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.testing.WithNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

@WithNeo4j
@DisplayName("The store on embedded Neo4j")
class EmbeddedGraphStoreTest extends GraphStoreContract {
    private GraphStore store;

    @BeforeEach
    void inject(GraphStore store) {
        this.store = store;
    }

    @Override
    GraphStore store() {
        return store;
    }
}
