package io.leeward.graph.neo4j;

import io.leeward.graph.migrate.Migration;
import io.leeward.graph.migrate.Migrations;
import io.leeward.graph.schema.NodeLabel;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies pending migrations in order, each recorded as a {@code SchemaMigration} node. */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final Driver driver;
    private final SessionConfig sessionConfig;

    Migrator(Driver driver, SessionConfig sessionConfig) {
        this.driver = driver;
        this.sessionConfig = sessionConfig;
    }

    /** Returns the number of migrations applied by this call. */
    int migrate() {
        int applied = appliedVersion();
        int count = 0;
        for (Migration migration : Migrations.all()) {
            if (migration.version() > applied) {
                apply(migration);
                count++;
            }
        }
        return count;
    }

    int appliedVersion() {
        try (var session = driver.session(sessionConfig)) {
            return session.executeRead(tx -> tx.run("MATCH (m:" + NodeLabel.SchemaMigration.cypher()
                            + ") RETURN coalesce(max(m.version), 0) AS v")
                    .single()
                    .get("v")
                    .asInt());
        }
    }

    private void apply(Migration migration) {
        try (var session = driver.session(sessionConfig)) {
            for (String statement : migration.statements()) {
                session.run(statement).consume();
            }
            session.executeWrite(tx -> tx.run(
                            "MERGE (m:" + NodeLabel.SchemaMigration.cypher() + " {id: $id}) "
                                    + "ON CREATE SET m.version = $version, m.description = $description, m.appliedAt = $now",
                            Map.of(
                                    "id",
                                    String.valueOf(migration.version()),
                                    "version",
                                    migration.version(),
                                    "description",
                                    migration.description(),
                                    "now",
                                    ZonedDateTime.now(ZoneOffset.UTC)))
                    .consume());
        }
        LOG.info("Applied schema migration {}: {}", migration.version(), migration.description());
    }
}
