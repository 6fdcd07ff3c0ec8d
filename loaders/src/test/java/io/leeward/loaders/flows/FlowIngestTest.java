package io.leeward.loaders.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.Checkpoint;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.QueryResult;
import io.leeward.graph.store.ReadTx;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.StoreInfo;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSession;
import io.leeward.graph.store.TrafficBatch;
import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithNeo4j
@DisplayName("Ingesting VPC flow logs")
class FlowIngestTest {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String TASKS = "arn:aws:ecs:eu-west-1:111122223333:task/prod/";
    static final String SERVICES = "arn:aws:ecs:eu-west-1:111122223333:service/prod/";
    static final String FIRST = TASKS + "first"; // web, held 10.0.1.23 until STOP
    static final String SECOND = TASKS + "second"; // api, holds 10.0.1.23 from NEXT
    static final String DB = TASKS + "db"; // db, 10.0.2.5
    static final String LB =
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web-alb/50dc6c495c0c9188";
    static final long T0 = 1_764_583_200L; // 2025-12-01T10:00:00Z
    static final long STOP = T0 + 3_600;
    static final long NEXT = T0 + 7_200;
    static final String HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    @TempDir
    Path dir;

    GraphStore store;

    @BeforeEach
    void inventory(GraphStore store) {
        this.store = store;
        try (SyncSession s = store.beginSync(SyncRequest.of("aws"))) {
            for (String name : List.of("web", "api", "db")) {
                s.write(NodeRecord.of(NodeLabel.EcsService, SERVICES + name, ACCOUNT, REGION, Map.of("name", name)));
            }
            task(s, FIRST, "web", "eni-first", "10.0.1.23", T0 - 600, STOP);
            task(s, SECOND, "api", "eni-second", "10.0.1.23", NEXT, null);
            task(s, DB, "db", "eni-db", "10.0.2.5", T0 - 86_400, null);
            s.write(NodeRecord.of(NodeLabel.LoadBalancer, LB, ACCOUNT, REGION, Map.of("name", "web-alb")));
            eni(s, "eni-lb", "10.0.0.10");
            s.write(RelRecord.of(
                    RelType.USES_ENI,
                    NodeLabel.LoadBalancer,
                    LB,
                    NodeLabel.NetworkInterface,
                    "eni-lb",
                    ACCOUNT,
                    REGION));
            s.complete();
        }
    }

    private static void task(SyncSession s, String arn, String service, String eni, String ip, long start, Long stop) {
        var props = new LinkedHashMap<String, Object>();
        props.put("startedAt", utc(start));
        props.put("stoppedAt", stop == null ? null : utc(stop));
        props.put("eniId", eni);
        props.put("privateIp", ip);
        s.write(NodeRecord.of(NodeLabel.EcsTask, arn, ACCOUNT, REGION, props));
        s.write(RelRecord.of(
                RelType.MEMBER_OF, NodeLabel.EcsTask, arn, NodeLabel.EcsService, SERVICES + service, ACCOUNT, REGION));
        if (stop == null) { // a stopped task's interface is gone; its id and address stay on the task
            eni(s, eni, ip);
            s.write(RelRecord.of(
                    RelType.USES_ENI, NodeLabel.EcsTask, arn, NodeLabel.NetworkInterface, eni, ACCOUNT, REGION));
        }
    }

    private static void eni(SyncSession s, String id, String ip) {
        s.write(NodeRecord.of(
                NodeLabel.NetworkInterface, id, ACCOUNT, REGION, Map.of("privateIp", ip, "privateIps", List.of(ip))));
    }

    private static ZonedDateTime utc(long epoch) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(epoch), ZoneOffset.UTC);
    }

    static String line(String eni, String src, String dst, int srcPort, int dstPort, long start, String action) {
        return "2 " + ACCOUNT + " " + eni + " " + src + " " + dst + " " + srcPort + " " + dstPort + " 6 10 840 " + start
                + " " + (start + 60) + " " + action + " OK";
    }

    /** The db task calls port 8080 at 10.0.1.23 before the first task stops, in between, and after the second starts. */
    static final List<String> REUSE = List.of(
            HEADER,
            line("eni-db", "10.0.2.5", "10.0.1.23", 50_000, 8080, T0 + 60, "ACCEPT"),
            line("eni-db", "10.0.2.5", "10.0.1.23", 50_001, 8080, T0 + 120, "ACCEPT"),
            line("eni-db", "10.0.2.5", "10.0.1.23", 50_002, 8080, STOP + 60, "ACCEPT"),
            line("eni-db", "10.0.2.5", "10.0.1.23", 50_003, 8080, NEXT + 60, "REJECT"));

    Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text);
            }
        } else {
            Files.write(file, text);
        }
        return file;
    }

    FlowIngestReport load(GraphStore target, Path... paths) {
        return FlowIngest.create(FlowIngest.Options.defaults().withRetention(null))
                .load(List.of(paths), target, ProgressListener.NONE);
    }

    List<Map<String, Object>> edges() {
        return store.query(
                        "MATCH (a)-[r:COMMUNICATES_WITH]->(b) RETURN labels(a)[0] + ':' + a.id AS from, labels(b)[0] + ':' + b.id AS to, "
                                + "r.key AS key, r.flows AS flows, r.packets AS packets, r.bytes AS bytes, r.accepted AS accepted, "
                                + "r.rejected AS rejected, r.firstSeen.epochSeconds AS first, r.lastSeen.epochSeconds AS last "
                                + "ORDER BY from, to, key",
                        Map.of())
                .rows();
    }

    static Map<String, Object> edge(
            String from, String to, String key, long flows, long accepted, long rejected, long first, long last) {
        var row = new LinkedHashMap<String, Object>();
        row.put("from", from);
        row.put("to", to);
        row.put("key", key);
        row.put("flows", flows);
        row.put("packets", flows * 10);
        row.put("bytes", flows * 840);
        row.put("accepted", accepted);
        row.put("rejected", rejected);
        row.put("first", first);
        row.put("last", last);
        return row;
    }

    @Test
    @DisplayName("attributes a reused IP to the task that held it at the flow's start, and to none in between")
    void ipReuse() throws IOException {
        var report = load(store, write("reuse.log", REUSE));

        var file = report.files().getFirst();
        assertThat(file.records()).isEqualTo(4);
        assertThat(file.attributed()).isEqualTo(3);
        assertThat(file.unattributed()).isEqualTo(1);
        assertThat(edges())
                .containsExactly(
                        edge(
                                "EcsService:" + SERVICES + "db",
                                "EcsService:" + SERVICES + "api",
                                "tcp/8080",
                                1,
                                0,
                                1,
                                NEXT + 60,
                                NEXT + 60),
                        edge(
                                "EcsService:" + SERVICES + "db",
                                "EcsService:" + SERVICES + "web",
                                "tcp/8080",
                                2,
                                2,
                                0,
                                T0 + 60,
                                T0 + 120),
                        edge("EcsTask:" + DB, "EcsTask:" + FIRST, "tcp/8080", 2, 2, 0, T0 + 60, T0 + 120),
                        edge("EcsTask:" + DB, "EcsTask:" + SECOND, "tcp/8080", 1, 0, 1, NEXT + 60, NEXT + 60));
        assertThat(report.hasRejections()).isFalse();
    }

    @Test
    @DisplayName("joins public addresses as external hosts of the internet, keeping the AWS service name")
    void externalHosts() throws IOException {
        var report = load(
                store,
                write(
                        "egress.log.gz",
                        List.of(
                                "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status pkt-dst-aws-service tcp-flags",
                                "5 eni-second 10.0.1.23 52.94.133.131 43000 443 6 10 840 " + (NEXT + 100) + " "
                                        + (NEXT + 160) + " ACCEPT OK DYNAMODB 3",
                                "5 eni-second 198.51.100.9 10.0.1.23 51000 8080 6 10 840 " + (NEXT + 100) + " "
                                        + (NEXT + 160) + " REJECT OK - 2",
                                "5 eni-lb 10.0.0.10 10.0.1.23 40000 8080 6 10 840 " + (NEXT + 100) + " " + (NEXT + 160)
                                        + " ACCEPT OK - 2",
                                "5 eni-second 10.0.0.10 10.0.1.23 40000 8080 6 10 840 " + (NEXT + 100) + " "
                                        + (NEXT + 160) + " ACCEPT OK - 2")));

        assertThat(report.files().getFirst().attributed()).isEqualTo(3);
        assertThat(report.files().getFirst().unattributed()).isEqualTo(1); // the task's sighting of the LB's flow
        assertThat(store.query(
                                "MATCH (i:Internet {id: 'internet'})<-[:PART_OF]-(h:ExternalHost) RETURN h.id AS ip, h.awsService AS service ORDER BY ip",
                                Map.of())
                        .rows())
                .extracting(r -> r.get("ip") + " " + r.get("service"))
                .containsExactly("198.51.100.9 null", "52.94.133.131 DYNAMODB");
        assertThat(edges())
                .extracting(e -> e.get("from") + " -" + e.get("key") + "-> " + e.get("to"))
                .containsExactly(
                        "EcsService:" + SERVICES + "api -tcp/443-> ExternalHost:52.94.133.131",
                        "EcsTask:" + SECOND + " -tcp/443-> ExternalHost:52.94.133.131",
                        "ExternalHost:198.51.100.9 -tcp/8080-> EcsService:" + SERVICES + "api",
                        "ExternalHost:198.51.100.9 -tcp/8080-> EcsTask:" + SECOND,
                        "LoadBalancer:" + LB + " -tcp/8080-> EcsService:" + SERVICES + "api",
                        "LoadBalancer:" + LB + " -tcp/8080-> EcsTask:" + SECOND);
    }

    @Test
    @DisplayName("counts NODATA and SKIPDATA records and rejected lines, and loads the rest")
    void statusAndRejections() throws IOException {
        var lines = new java.util.ArrayList<>(REUSE);
        lines.add("2 " + ACCOUNT + " eni-db - - - - - - - " + T0 + " " + (T0 + 60) + " - NODATA");
        lines.add("2 " + ACCOUNT + " eni-db - - - - - - - " + T0 + " " + (T0 + 60) + " - SKIPDATA");
        lines.add("2 " + ACCOUNT + " eni-db 10.0.2.5 10.0.1.23 50000 99999 6 10 840 " + T0 + " " + (T0 + 60)
                + " ACCEPT OK");
        lines.add("2 " + ACCOUNT + " eni-db 10.0.2.5 10.0.1.23 50000");
        var report = load(store, write("mixed.log", lines));

        var file = report.files().getFirst();
        assertThat(file.noData()).isEqualTo(1);
        assertThat(file.skipData()).isEqualTo(1);
        assertThat(file.rejected()).isEqualTo(2);
        assertThat(file.attributed()).isEqualTo(3);
        assertThat(report.rejections())
                .extracting(r -> r.describe())
                .containsExactly(
                        dir.resolve("mixed.log") + ":8:48: dstport: expected a port number 0-65535, got \"99999\"",
                        dir.resolve("mixed.log") + ":9:1: expected 14 fields (" + HEADER + "), got 6");
        assertThat(report.hasRejections()).isTrue();
    }

    @Test
    @DisplayName("reading the same file twice, or a copy of it, leaves the counters as after one read")
    void idempotent() throws IOException {
        Path file = write("reuse.log", REUSE);
        load(store, file);
        String once = CanonicalDump.of(store);
        var onceEdges = edges();

        var again = load(store, file, write("copy/reuse.log", REUSE));

        assertThat(again.files())
                .extracting(FlowIngestReport.FileResult::status)
                .containsExactly(FlowIngestReport.Status.ALREADY_LOADED, FlowIngestReport.Status.ALREADY_LOADED);
        assertThat(CanonicalDump.of(store)).isEqualTo(once);
        assertThat(edges()).isEqualTo(onceEdges);
    }

    @Test
    @DisplayName("a load killed after a committed chunk resumes after it, giving the counters of one clean load")
    void resume() throws IOException {
        var lines = new java.util.ArrayList<>(REUSE);
        for (int i = 0; i < 7; i++) {
            lines.add(line("eni-db", "10.0.2.5", "10.0.1.23", 51_000 + i, 8080, NEXT + 3_600 * i, "ACCEPT"));
        }
        Path file = write("big.log.gz", lines);
        var small = FlowIngest.create(
                FlowIngest.Options.defaults().withRetention(null).withChunk(3));

        var crashing = new CrashingStore(store, 2);
        assertThatThrownBy(() -> small.load(List.of(file), crashing, ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("crash");
        var checkpoint = new Checkpoint(FlowIngest.SOURCE, FlowIngest.identity(file), file.toString());
        assertThat(store.checkpoint(checkpoint)).isEqualTo(new Checkpoint.State(3, false));

        var resumed = small.load(List.of(file), store, ProgressListener.NONE);
        String afterResume = CanonicalDump.of(store);
        var resumedEdges = edges();
        assertThat(resumed.files().getFirst().status()).isEqualTo(FlowIngestReport.Status.RESUMED);
        assertThat(resumed.files().getFirst().skipped()).isEqualTo(3);
        assertThat(resumed.files().getFirst().records()).isEqualTo(8);

        store.query("MATCH (n) RETURN count(n)", Map.of()); // the clean load, for comparison
        store.deleteAllData();
        inventory(store);
        small.load(List.of(file), store, ProgressListener.NONE);
        assertThat(CanonicalDump.of(store)).isEqualTo(afterResume);
        assertThat(edges()).isEqualTo(resumedEdges);
        assertThat(store.checkpoint(checkpoint)).isEqualTo(new Checkpoint.State(11, true));
    }

    @Test
    @DisplayName("keeps hourly counters per relationship and prunes hours past retention")
    void hourlyHistory() throws IOException {
        Path file = write("reuse.log", REUSE);
        var clock = java.time.Clock.fixed(Instant.ofEpochSecond(NEXT + 1800), ZoneOffset.UTC);
        var report = FlowIngest.create(new FlowIngest.Options(null, 1000, Duration.ofHours(1), clock))
                .load(List.of(file), store, ProgressListener.NONE);

        assertThat(report.prunedHours()).isEqualTo(2); // the hour of T0, task and service level
        assertThat(store.query(
                                "MATCH (h:TrafficHour) RETURN h.to AS to, h.hour.epochSeconds AS hour, h.flows AS flows ORDER BY to",
                                Map.of())
                        .rows())
                .containsExactly(
                        Map.of("to", SERVICES + "api", "hour", NEXT, "flows", 1L),
                        Map.of("to", SECOND, "hour", NEXT, "flows", 1L));
    }

    /** A store that fails like a killed process on its n-th traffic batch, before writing it. */
    static final class CrashingStore implements GraphStore {
        private final GraphStore store;
        private int left;

        CrashingStore(GraphStore store, int crashAt) {
            this.store = store;
            this.left = crashAt;
        }

        @Override
        public TrafficBatch.Result applyTraffic(TrafficBatch batch) {
            if (--left == 0) {
                throw new IllegalStateException("crash");
            }
            return store.applyTraffic(batch);
        }

        @Override
        public Checkpoint.State checkpoint(Checkpoint checkpoint) {
            return store.checkpoint(checkpoint);
        }

        @Override
        public StoreInfo info() {
            return store.info();
        }

        @Override
        public SyncSession beginSync(SyncRequest request) {
            return store.beginSync(request);
        }

        @Override
        public <T> T read(Duration timeout, Function<ReadTx, T> work) {
            return store.read(timeout, work);
        }

        @Override
        public QueryResult query(String cypher, Map<String, ?> parameters) {
            return store.query(cypher, parameters);
        }

        @Override
        public void deleteAllData() {
            store.deleteAllData();
        }

        @Override
        public void close() {}
    }
}
