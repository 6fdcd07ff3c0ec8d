package io.leeward.graph.neo4j;

import io.leeward.graph.embedded.EmbeddedNeo4j;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.StoreException;
import java.net.URI;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/** Opens the graph store: starts embedded Neo4j when no URI is configured, connects, migrates. */
public final class Neo4jStore {
    private Neo4jStore() {}

    /** Opens the store and brings its schema to the latest migration. The caller closes it. */
    public static GraphStore open(StoreConfig config) {
        if (config.isEmbedded()) {
            EmbeddedNeo4j embedded =
                    EmbeddedNeo4j.start(config.home(), config.embeddedBoltPort(), config.embeddedPassword());
            try {
                Driver driver = connect(embedded.boltUri(), embedded.user(), embedded.password(), config.describe());
                return migrated(new DriverGraphStore(driver, null, embedded, config.describe()));
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        Driver driver = connect(URI.create(config.uri()), config.user(), config.password(), config.describe());
        return migrated(new DriverGraphStore(driver, config.database(), null, config.describe()));
    }

    private static GraphStore migrated(DriverGraphStore store) {
        try {
            new Migrator(store.driver(), store.sessionConfig(org.neo4j.driver.AccessMode.WRITE)).migrate();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Driver connect(URI uri, String user, String password, String described) {
        var auth = user == null || user.isBlank()
                ? AuthTokens.none()
                : AuthTokens.basic(user, password == null ? "" : password);
        Driver driver = GraphDatabase.driver(
                uri,
                auth,
                Config.builder()
                        .withMaxConnectionPoolSize(16)
                        .withFetchSize(2_000)
                        .build());
        try {
            driver.verifyConnectivity();
            return driver;
        } catch (AuthenticationException e) {
            driver.close();
            throw new StoreException(
                    "Neo4j at " + described
                            + " refused the credentials (set leeward.neo4j.user and leeward.neo4j.password)",
                    e);
        } catch (ServiceUnavailableException e) {
            driver.close();
            throw new StoreException("Neo4j at " + described + " is not reachable: " + e.getMessage(), e, true);
        }
    }
}
