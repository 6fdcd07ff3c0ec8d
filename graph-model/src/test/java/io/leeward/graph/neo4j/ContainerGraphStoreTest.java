package io.leeward.graph.neo4j;

import io.leeward.graph.store.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/** The same contract on the official Neo4j image; runs only where a Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("The store on a Neo4j container")
class ContainerGraphStoreTest extends GraphStoreContract {
    private static Neo4jContainer container;
    private static GraphStore store;

    @BeforeAll
    static void start() {
        container = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("leeward-test");
        container.start();
        store = Neo4jStore.open(StoreConfig.remote(container.getBoltUrl(), "neo4j", "leeward-test", null));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (container != null) {
            container.stop();
        }
    }

    @BeforeEach
    void clean() {
        store.deleteAllData();
    }

    @Override
    GraphStore store() {
        return store;
    }
}
