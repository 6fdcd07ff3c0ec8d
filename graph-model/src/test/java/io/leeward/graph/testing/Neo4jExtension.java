package io.leeward.graph.testing;

import io.leeward.graph.neo4j.Neo4jStore;
import io.leeward.graph.neo4j.StoreConfig;
import io.leeward.graph.store.GraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded Neo4j per test JVM, shared by every test that uses this extension and emptied of
 * data before each test (schema and migrations stay). Inject {@link GraphStore} as a parameter.
 */
public final class Neo4jExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Neo4jExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        store(context).deleteAllData();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GraphStore.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return store(context);
    }

    /** The shared store of this JVM. */
    public static GraphStore store(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(SharedStore.class, k -> SharedStore.start(), SharedStore.class)
                .store();
    }

    /** Holds the embedded store; JUnit closes it when the test JVM's root context ends. */
    record SharedStore(GraphStore store) implements AutoCloseable {
        static SharedStore start() {
            try {
                Path target = Path.of("target");
                Path base = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
                Path home = Files.createTempDirectory(base.toAbsolutePath(), "leeward-test-neo4j-");
                return new SharedStore(Neo4jStore.open(StoreConfig.embedded(home)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create a directory for the test database", e);
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
