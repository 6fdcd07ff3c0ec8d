package io.leeward.graph.neo4j;

import static io.leeward.graph.schema.NodeLabel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.graph.migrate.Migrations;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.Checkpoint;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.QueryException;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSession;
import io.leeward.graph.store.SyncSummary;
import io.leeward.graph.store.TrafficBatch;
import io.leeward.graph.store.TrafficEdge;
import io.leeward.graph.testing.CanonicalDump;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GraphStore} adapter keeps; subclasses supply the store (embedded, or a
 * Neo4j container where Docker exists).
 */
abstract class GraphStoreContract {
    static final String SOURCE = "test";
    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";

    abstract GraphStore store();

    SyncSummary sync(Consumer<SyncSession> work) {
        try (var session = store().beginSync(SyncRequest.of(SOURCE).withBatchSize(3))) {
            work.accept(session);
            return session.complete();
        }
    }

    static NodeRecord vpc(String id, Map<String, ?> props) {
        return NodeRecord.of(Vpc, id, ACCOUNT, REGION, props);
    }

    static NodeRecord subnet(String id) {
        return NodeRecord.of(Subnet, id, ACCOUNT, REGION, Map.of("cidr", "10.0.0.0/24"));
    }

    static RelRecord inVpc(String subnet, String vpc) {
        return RelRecord.of(RelType.IN_VPC, Subnet, subnet, Vpc, vpc, ACCOUNT, REGION);
    }

    static void coverNetwork(SyncSession session) {
        session.covers(Scope.of(SOURCE, ACCOUNT, REGION, Vpc));
        session.covers(Scope.of(SOURCE, ACCOUNT, REGION, Subnet));
        session.covers(Scope.of(SOURCE, ACCOUNT, REGION, RelType.IN_VPC));
    }

    long count(String cypher) {
        return ((Number) store().query(cypher, Map.of())
                        .rows()
                        .getFirst()
                        .values()
                        .iterator()
                        .next())
                .longValue();
    }

    static void network(SyncSession session, List<String> subnets) {
        session.write(vpc("vpc-1", Map.of("cidr", "10.0.0.0/16")));
        for (String id : subnets) {
            session.write(subnet(id));
            session.write(inVpc(id, "vpc-1"));
        }
        coverNetwork(session);
    }

    @Nested
    @DisplayName("writing")
    class Writing {
        @Test
        @DisplayName("merges nodes and relationships in batches and stamps them")
        void mergesAndStamps() {
            var summary = sync(s -> network(s, List.of("subnet-a", "subnet-b", "subnet-c", "subnet-d")));

            assertThat(summary.nodesWritten()).containsEntry("Vpc", 1L).containsEntry("Subnet", 4L);
            assertThat(summary.relationshipsWritten()).containsEntry("IN_VPC", 4L);
            var row = store().query(
                            "MATCH (s:Subnet {id: 'subnet-a'})-[r:IN_VPC]->(v:Vpc) RETURN s.source AS source, s.syncId AS syncId, "
                                    + "s.account AS account, s.region AS region, s.firstSeen IS NOT NULL AS stamped, r.syncId AS relSync",
                            Map.of())
                    .rows()
                    .getFirst();
            assertThat(row)
                    .containsEntry("source", SOURCE)
                    .containsEntry("syncId", summary.syncId())
                    .containsEntry("account", ACCOUNT);
            assertThat(row)
                    .containsEntry("region", REGION)
                    .containsEntry("stamped", true)
                    .containsEntry("relSync", summary.syncId());
        }

        @Test
        @DisplayName("loading the same input twice gives an identical graph and keeps firstSeen")
        void idempotent() {
            sync(s -> network(s, List.of("subnet-a", "subnet-b")));
            String first = CanonicalDump.of(store());
            Object firstSeen = store().query("MATCH (v:Vpc) RETURN v.firstSeen AS t", Map.of())
                    .rows()
                    .getFirst()
                    .get("t");

            sync(s -> network(s, List.of("subnet-a", "subnet-b")));

            assertThat(CanonicalDump.of(store())).isEqualTo(first);
            assertThat(store().query("MATCH (v:Vpc) RETURN v.firstSeen AS t", Map.of())
                            .rows()
                            .getFirst()
                            .get("t"))
                    .isEqualTo(firstSeen);
            assertThat(count("MATCH ()-[r:IN_VPC]->() RETURN count(r)")).isEqualTo(2);
        }

        @Test
        @DisplayName("a null property value removes the property")
        void nullRemoves() {
            sync(s -> s.write(vpc("vpc-1", Map.of("cidr", "10.0.0.0/16", "name", "prod"))));
            var props = new HashMap<String, Object>();
            props.put("cidr", "10.0.0.0/16");
            props.put("name", null);
            sync(s -> s.write(vpc("vpc-1", props)));

            assertThat(count("MATCH (v:Vpc) WHERE v.name IS NULL RETURN count(v)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("relationships whose end nodes are missing are counted as unresolved, not created")
        void unresolved() {
            var summary = sync(s -> {
                s.write(subnet("subnet-a"));
                s.write(inVpc("subnet-a", "vpc-missing"));
            });

            assertThat(summary.unresolved()).containsEntry("IN_VPC", 1L);
            assertThat(count("MATCH ()-[r:IN_VPC]->() RETURN count(r)")).isZero();
        }

        @Test
        @DisplayName("a reference creates a placeholder but never overwrites a real node")
        void references() {
            sync(s -> s.write(vpc("vpc-1", Map.of("name", "real"))));
            sync(s -> {
                s.reference(vpc("vpc-1", Map.of("name", "ref")));
                s.reference(vpc("vpc-2", Map.of("name", "ref")));
                s.write(subnet("subnet-a"));
                s.write(inVpc("subnet-a", "vpc-2"));
            });

            var rows = store().query(
                            "MATCH (v:Vpc) RETURN v.id AS id, v.name AS name, v.placeholder AS placeholder ORDER BY id",
                            Map.of())
                    .rows();
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("real", "ref");
            assertThat(rows).extracting(r -> r.get("placeholder")).containsExactly(null, true);
        }

        @Test
        @DisplayName("the benchmark ceiling creates the same elements with bare CREATE")
        void ceiling() {
            var nodes = List.of(vpc("vpc-1", Map.of("cidr", "10.0.0.0/16")), subnet("subnet-a"), subnet("subnet-b"));
            var rels = List.of(inVpc("subnet-a", "vpc-1"), inVpc("subnet-b", "vpc-1"));

            long created = ((io.leeward.graph.store.CeilingWriter) store()).createForCeiling(nodes, rels, 2, 2);

            assertThat(created).isEqualTo(5);
            assertThat(count("MATCH (:Subnet)-[r:IN_VPC]->(:Vpc {cidr: '10.0.0.0/16'}) RETURN count(r)"))
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("relationship types only join the labels the schema allows")
        void schemaChecked() {
            assertThatThrownBy(() -> RelRecord.of(RelType.IN_VPC, EcsTask, "t", Vpc, "v", ACCOUNT, REGION))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("IN_VPC cannot start at EcsTask");
        }
    }

    @Nested
    @DisplayName("stale cleanup")
    class Cleanup {
        @Test
        @DisplayName("a resource removed from the input disappears after the next complete sync of its scope")
        void removesStale() {
            sync(s -> network(s, List.of("subnet-a", "subnet-b")));

            var summary = sync(s -> network(s, List.of("subnet-a")));

            assertThat(count("MATCH (s:Subnet) RETURN count(s)")).isEqualTo(1);
            assertThat(summary.totalDeleted()).isEqualTo(1);
        }

        @Test
        @DisplayName("a sync that failed midway deletes nothing")
        void failedDeletesNothing() {
            sync(s -> network(s, List.of("subnet-a", "subnet-b")));

            try (var session = store().beginSync(SyncRequest.of(SOURCE))) {
                network(session, List.of("subnet-a"));
                // the loader fails here: the session is closed without complete()
            }

            assertThat(count("MATCH (s:Subnet) RETURN count(s)")).isEqualTo(2);
            assertThat(count("MATCH (r:SyncRun {status: 'failed'}) RETURN count(r)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("a scope marked incomplete keeps its stale data while complete scopes are cleaned")
        void incompleteScopeKept() {
            sync(s -> network(s, List.of("subnet-a", "subnet-b")));
            sync(s -> s.write(vpc("vpc-old", Map.of())));

            var summary = sync(s -> {
                network(s, List.of("subnet-a"));
                s.incomplete(Scope.of(SOURCE, ACCOUNT, REGION, Subnet), "describe-subnets.json: 1 record rejected");
            });

            assertThat(count("MATCH (s:Subnet) RETURN count(s)")).isEqualTo(2);
            assertThat(count("MATCH (v:Vpc) RETURN count(v)")).isEqualTo(1);
            assertThat(summary.scopes())
                    .filteredOn(r -> r.scope().kind().equals("Subnet"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.reason()).contains("rejected"));
            assertThat(count("MATCH (s:SyncScope {kind: 'Subnet'}) WHERE s.lastComplete = false RETURN count(s)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("cleanup touches only its own source, account and region")
        void otherScopesUntouched() {
            sync(s -> network(s, List.of("subnet-a")));
            try (var other = store().beginSync(SyncRequest.of("other"))) {
                other.write(NodeRecord.of(Subnet, "subnet-other", ACCOUNT, REGION, Map.of()));
                other.write(NodeRecord.of(Subnet, "subnet-elsewhere", "444455556666", REGION, Map.of()));
                other.complete();
            }

            sync(s -> network(s, List.of()));

            assertThat(store().query("MATCH (s:Subnet) RETURN s.id AS id ORDER BY id", Map.of())
                            .rows())
                    .extracting(r -> r.get("id"))
                    .containsExactly("subnet-elsewhere", "subnet-other");
        }

        @Test
        @DisplayName("a relationship removed from the input is deleted while both nodes stay")
        void removesStaleRelationship() {
            sync(s -> network(s, List.of("subnet-a")));

            sync(s -> {
                s.write(vpc("vpc-1", Map.of("cidr", "10.0.0.0/16")));
                s.write(subnet("subnet-a"));
                coverNetwork(s);
            });

            assertThat(count("MATCH ()-[r:IN_VPC]->() RETURN count(r)")).isZero();
            assertThat(count("MATCH (s:Subnet) RETURN count(s)")).isEqualTo(1);
        }

        @Test
        @DisplayName("a real node that is no longer listed but still referenced survives the cleanup of its scope")
        void referencedNodeKept() {
            sync(s -> network(s, List.of("subnet-a")));

            sync(s -> {
                s.reference(vpc("vpc-1", Map.of("cidr", "ignored")));
                s.write(subnet("subnet-a"));
                s.write(inVpc("subnet-a", "vpc-1"));
                coverNetwork(s);
            });

            assertThat(count("MATCH (:Subnet {id: 'subnet-a'})-[:IN_VPC]->(v:Vpc {id: 'vpc-1', cidr: '10.0.0.0/16'}) "
                            + "WHERE v.placeholder IS NULL RETURN count(v)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("placeholders nothing points at any more are removed")
        void orphanPlaceholders() {
            sync(s -> {
                s.write(subnet("subnet-a"));
                s.reference(vpc("vpc-ref", Map.of()));
                s.write(inVpc("subnet-a", "vpc-ref"));
                s.covers(Scope.of(SOURCE, ACCOUNT, REGION, RelType.IN_VPC));
            });
            assertThat(count("MATCH (v:Vpc {placeholder: true}) RETURN count(v)"))
                    .isEqualTo(1);

            sync(s -> {
                s.write(subnet("subnet-a"));
                s.covers(Scope.of(SOURCE, ACCOUNT, REGION, RelType.IN_VPC));
            });

            assertThat(count("MATCH (v:Vpc) RETURN count(v)")).isZero();
        }
    }

    @Nested
    @DisplayName("traffic, exactly once")
    class Traffic {
        static final String TASK_A = "arn:aws:ecs:eu-west-1:111122223333:task/prod/a";
        static final String TASK_B = "arn:aws:ecs:eu-west-1:111122223333:task/prod/b";
        static final Checkpoint FILE = new Checkpoint("flows", "sha256:abc|1234", "logs/a.log.gz");
        static final long T0 = 1_764_583_200L; // 2025-12-01T10:00:00Z, an hour start

        void tasks() {
            sync(s -> {
                s.write(NodeRecord.of(EcsTask, TASK_A, ACCOUNT, REGION, Map.of()));
                s.write(NodeRecord.of(EcsTask, TASK_B, ACCOUNT, REGION, Map.of()));
            });
        }

        static TrafficEdge edge(String from, String to, long flows, long first, long last) {
            var counters = new TrafficEdge.Counters(flows, flows * 10, flows * 1000, flows, 0, first, last);
            return new TrafficEdge(
                    EcsTask,
                    from,
                    EcsTask,
                    to,
                    "tcp/443",
                    ACCOUNT,
                    REGION,
                    Map.of("protocol", "tcp", "port", 443),
                    counters,
                    List.of(new TrafficEdge.Hour(first - first % 3600, counters)));
        }

        static TrafficBatch batch(long from, long to, boolean done, List<TrafficEdge> edges) {
            return new TrafficBatch(FILE, from, to, done, List.of(), List.of(), edges);
        }

        Map<String, Object> traffic() {
            return store().query(
                            "MATCH (:EcsTask {id: $a})-[r:COMMUNICATES_WITH {key: 'tcp/443'}]->(:EcsTask {id: $b}) "
                                    + "RETURN r.flows AS flows, r.packets AS packets, r.bytes AS bytes, "
                                    + "r.firstSeen.epochSeconds AS first, r.lastSeen.epochSeconds AS last, r.port AS port",
                            Map.of("a", TASK_A, "b", TASK_B))
                    .rows()
                    .getFirst();
        }

        @Test
        @DisplayName("adds counters, widens first and last seen and moves the checkpoint in one transaction")
        void adds() {
            tasks();
            assertThat(store().checkpoint(FILE)).isEqualTo(io.leeward.graph.store.Checkpoint.State.NEW);

            var first = store().applyTraffic(batch(0, 100, false, List.of(edge(TASK_A, TASK_B, 3, T0 + 60, T0 + 120))));
            store().applyTraffic(batch(100, 150, true, List.of(edge(TASK_A, TASK_B, 2, T0 + 10, T0 + 3700))));

            assertThat(first.applied()).isTrue();
            assertThat(first.edges()).isEqualTo(1);
            assertThat(traffic())
                    .containsEntry("flows", 5L)
                    .containsEntry("packets", 50L)
                    .containsEntry("bytes", 5000L)
                    .containsEntry("first", T0 + 10)
                    .containsEntry("last", T0 + 3700)
                    .containsEntry("port", 443L);
            assertThat(store().checkpoint(FILE)).isEqualTo(new io.leeward.graph.store.Checkpoint.State(150, true));
            assertThat(count("MATCH (h:TrafficHour) RETURN sum(h.flows)")).isEqualTo(5);
        }

        @Test
        @DisplayName("a batch replayed after it was committed, or after the object is done, changes nothing")
        void replayIgnored() {
            tasks();
            store().applyTraffic(batch(0, 100, false, List.of(edge(TASK_A, TASK_B, 3, T0, T0))));
            String once = CanonicalDump.of(store());

            var replay = store().applyTraffic(batch(0, 100, false, List.of(edge(TASK_A, TASK_B, 3, T0, T0))));
            store().applyTraffic(batch(100, 100, true, List.of()));
            var afterDone = store().applyTraffic(batch(100, 200, true, List.of(edge(TASK_A, TASK_B, 3, T0, T0))));

            assertThat(replay.applied()).isFalse();
            assertThat(replay.state()).isEqualTo(new io.leeward.graph.store.Checkpoint.State(100, false));
            assertThat(afterDone.applied()).isFalse();
            assertThat(traffic()).containsEntry("flows", 3L);
            assertThat(CanonicalDump.of(store())).isEqualTo(once);
        }

        @Test
        @DisplayName("external hosts and the internet are created, and an edge to a missing task is unresolved")
        void endpoints() {
            tasks();
            var host = NodeRecord.of(ExternalHost, "203.0.113.7", null, null, Map.of("ip", "203.0.113.7"));
            var internet = NodeRecord.of(Internet, "internet", null, null, Map.of());
            var partOf = RelRecord.of(RelType.PART_OF, ExternalHost, "203.0.113.7", Internet, "internet", null, null);
            var counters = new TrafficEdge.Counters(1, 1, 60, 0, 1, T0, T0);
            var inbound = new TrafficEdge(
                    ExternalHost,
                    "203.0.113.7",
                    EcsTask,
                    TASK_A,
                    "tcp/22",
                    ACCOUNT,
                    REGION,
                    Map.of(),
                    counters,
                    List.of());
            var missing = new TrafficEdge(
                    ExternalHost,
                    "203.0.113.7",
                    EcsTask,
                    "arn:missing",
                    "tcp/22",
                    ACCOUNT,
                    REGION,
                    Map.of(),
                    counters,
                    List.of(new TrafficEdge.Hour(T0, counters)));

            var result = store().applyTraffic(new TrafficBatch(
                    FILE, 0, 1, true, List.of(host, internet), List.of(partOf), List.of(inbound, missing)));

            assertThat(result.edges()).isEqualTo(1);
            assertThat(result.unresolved()).isEqualTo(1);
            assertThat(count("MATCH (:Internet {id: 'internet'})<-[:PART_OF]-(h:ExternalHost {ip: '203.0.113.7'})"
                            + "-[r:COMMUNICATES_WITH {key: 'tcp/22', rejected: 1}]->(:EcsTask) RETURN count(r)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (h:TrafficHour) RETURN count(h)")).isZero();
        }

        @Test
        @DisplayName("pruning deletes the hours that started before the cut-off only")
        void prunes() {
            tasks();
            store().applyTraffic(batch(
                    0,
                    2,
                    true,
                    List.of(edge(TASK_A, TASK_B, 1, T0, T0), edge(TASK_A, TASK_B, 1, T0 + 7200, T0 + 7200))));

            long deleted = store().pruneTrafficHours(java.time.Instant.ofEpochSecond(T0 + 3600));

            assertThat(deleted).isEqualTo(1);
            assertThat(count("MATCH (h:TrafficHour) RETURN count(h)")).isEqualTo(1);
            assertThat(traffic()).containsEntry("flows", 2L);
        }
    }

    @Nested
    @DisplayName("reading and schema")
    class Reading {
        @Test
        @DisplayName("a write inside a read transaction is refused")
        void readOnly() {
            assertThatThrownBy(() -> store().query("CREATE (n:Vpc {id: 'x'})", Map.of()))
                    .isInstanceOf(QueryException.class);
            assertThat(count("MATCH (v:Vpc) RETURN count(v)")).isZero();
        }

        @Test
        @DisplayName("the schema is at the latest migration with a key constraint for every label")
        void migrated() {
            var info = store().info();
            assertThat(info.schemaVersion()).isEqualTo(Migrations.latest());
            var names = (List<?>) store().query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names", Map.of())
                    .rows()
                    .getFirst()
                    .get("names");
            for (var label : io.leeward.graph.schema.NodeLabel.values()) {
                assertThat(names.contains(Migrations.constraintName(label)))
                        .as(label.name())
                        .isTrue();
            }
        }

        @Test
        @DisplayName("migrations run twice without change")
        void migrationsIdempotent() {
            var driverStore = (DriverGraphStore) store();
            String before = schemaState();
            int applied = new Migrator(
                            driverStore.driver(), driverStore.sessionConfig(org.neo4j.driver.AccessMode.WRITE))
                    .migrate();

            assertThat(applied).isZero();
            assertThat(schemaState()).isEqualTo(before);
        }

        private String schemaState() {
            return store().query(
                                    "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties ORDER BY name",
                                    Map.of())
                            .rows()
                            .toString()
                    + store().query(
                                    "MATCH (m:SchemaMigration) RETURN m.id AS id, m.appliedAt AS at ORDER BY id",
                                    Map.of())
                            .rows();
        }
    }
}
