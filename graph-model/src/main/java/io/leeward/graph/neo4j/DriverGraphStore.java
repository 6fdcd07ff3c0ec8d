package io.leeward.graph.neo4j;

import io.leeward.graph.embedded.EmbeddedNeo4j;
import io.leeward.graph.store.CeilingWriter;
import io.leeward.graph.store.Checkpoint;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.QueryException;
import io.leeward.graph.store.QueryResult;
import io.leeward.graph.store.ReadTx;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.StoreException;
import io.leeward.graph.store.StoreInfo;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSession;
import io.leeward.graph.store.TrafficBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;

/** The store over a Neo4j driver; owns the embedded database when there is one. */
final class DriverGraphStore implements GraphStore, CeilingWriter {
    private final Driver driver;
    private final String database;
    private final EmbeddedNeo4j embedded;
    private final String described;

    DriverGraphStore(Driver driver, String database, EmbeddedNeo4j embedded, String described) {
        this.driver = driver;
        this.database = database == null || database.isBlank() ? null : database;
        this.embedded = embedded;
        this.described = described;
    }

    Driver driver() {
        return driver;
    }

    SessionConfig sessionConfig(AccessMode mode) {
        var builder = SessionConfig.builder().withDefaultAccessMode(mode);
        if (database != null) {
            builder.withDatabase(database);
        }
        return builder.build();
    }

    @Override
    public StoreInfo info() {
        var components = query(Cypher.COMPONENTS, Map.of()).rows();
        String version = components.isEmpty()
                ? "unknown"
                : String.valueOf(components.getFirst().get("version"));
        String edition = components.isEmpty()
                ? "unknown"
                : String.valueOf(components.getFirst().get("edition"));
        int schemaVersion = new Migrator(driver, sessionConfig(AccessMode.READ)).appliedVersion();
        String uri = embedded == null ? described : embedded.boltUri().toString();
        String data = embedded == null ? null : embedded.home().toString();
        return new StoreInfo(uri, embedded != null, data, version, edition, schemaVersion);
    }

    @Override
    public SyncSession beginSync(SyncRequest request) {
        return new DriverSyncSession(driver, sessionConfig(AccessMode.WRITE), request);
    }

    @Override
    public <T> T read(Duration timeout, Function<ReadTx, T> work) {
        var txConfig = TransactionConfig.builder().withTimeout(timeout).build();
        try (var session = driver.session(sessionConfig(AccessMode.READ))) {
            return session.executeRead(
                    tx -> work.apply((cypher, parameters) -> {
                        var result = tx.run(cypher, Map.copyOf(parameters));
                        var keys = result.keys();
                        var rows = new ArrayList<Map<String, Object>>();
                        result.forEachRemaining(record -> rows.add(Values.row(record)));
                        return new QueryResult(keys, rows);
                    }),
                    txConfig);
        } catch (ClientException e) {
            throw new QueryException(e.getMessage(), e);
        } catch (TransientException e) {
            throw new StoreException("Neo4j could not complete the read: " + e.getMessage(), e, true);
        } catch (Neo4jException e) {
            throw new StoreException("Neo4j failed the read: " + e.getMessage(), e);
        }
    }

    @Override
    public long createForCeiling(
            List<NodeRecord> nodes, List<RelRecord> relationships, int batchSize, int nodeWriters) {
        return new CeilingLoad(driver, sessionConfig(AccessMode.WRITE), batchSize, nodeWriters)
                .run(nodes, relationships);
    }

    @Override
    public TrafficBatch.Result applyTraffic(TrafficBatch batch) {
        return traffic().apply(batch);
    }

    @Override
    public Checkpoint.State checkpoint(Checkpoint checkpoint) {
        return traffic().read(checkpoint);
    }

    @Override
    public long pruneTrafficHours(Instant before) {
        return traffic().prune(before);
    }

    private TrafficWriter traffic() {
        return new TrafficWriter(driver, sessionConfig(AccessMode.WRITE), Clock.systemUTC());
    }

    @Override
    public void deleteAllData() {
        try (var session = driver.session(sessionConfig(AccessMode.WRITE))) {
            session.run(Cypher.DELETE_ALL_DATA).consume();
        }
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
