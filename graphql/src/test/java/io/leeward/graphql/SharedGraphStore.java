package io.leeward.graphql;

import io.leeward.graph.neo4j.Neo4jStore;
import io.leeward.graph.neo4j.StoreConfig;
import io.leeward.graph.store.GraphStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded Neo4j for every Spring context of this test JVM, opened on first use and closed when
 * the JVM exits (Spring's context cache outlives any one test class).
 */
final class SharedGraphStore {
    private SharedGraphStore() {}

    static GraphStore get() {
        return Holder.STORE;
    }

    private static final class Holder {
        static final GraphStore STORE = open();

        private static GraphStore open() {
            try {
                Path target = Path.of("target");
                Path base = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
                Path home = Files.createTempDirectory(base.toAbsolutePath(), "leeward-graphql-neo4j-");
                GraphStore store = Neo4jStore.open(StoreConfig.embedded(home));
                Runtime.getRuntime().addShutdownHook(new Thread(store::close, "leeward-test-neo4j-shutdown"));
                return store;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a directory for the test database", e);
            }
        }
    }
}
