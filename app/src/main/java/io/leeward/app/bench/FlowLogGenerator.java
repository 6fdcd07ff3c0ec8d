package io.leeward.app.bench;

import io.leeward.graph.store.GraphStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes gzip VPC flow logs (version 2 default format, header first, as delivered to S3) for the
 * workloads of a loaded account: running tasks calling each other, load balancers calling tasks,
 * tasks calling public hosts, rejected internet scans, and a few NODATA windows. Interfaces and
 * addresses are read from the graph, so every generated flow can be attributed.
 */
final class FlowLogGenerator {
    static final String HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n";

    private final List<Endpoint> tasks;
    private final List<Endpoint> balancers;
    private final String account;
    private final long anchor;
    private final SplittableRandom random;
    private final String[] publicHosts;

    private record Endpoint(String eni, String ip) {}

    FlowLogGenerator(GraphStore store, long seed) {
        this.tasks = endpoints(store.query(
                        "MATCH (t:EcsTask)-[:USES_ENI]->(e:NetworkInterface) WHERE t.stoppedAt IS NULL AND e.privateIp IS NOT NULL "
                                + "RETURN e.id AS eni, e.privateIp AS ip, t.account AS account, t.startedAt AS started ORDER BY eni",
                        Map.of())
                .rows());
        this.balancers = endpoints(store.query(
                        "MATCH (:LoadBalancer)-[:USES_ENI]->(e:NetworkInterface) WHERE e.privateIp IS NOT NULL "
                                + "RETURN e.id AS eni, e.privateIp AS ip ORDER BY eni",
                        Map.of())
                .rows());
        if (tasks.isEmpty()) {
            throw new IllegalStateException("the loaded account has no running task with an interface");
        }
        var first = store.query(
                        "MATCH (t:EcsTask) WHERE t.stoppedAt IS NULL RETURN t.account AS account, max(t.startedAt) AS started",
                        Map.of())
                .rows()
                .getFirst();
        this.account = String.valueOf(first.get("account"));
        this.anchor = ((ZonedDateTime) first.get("started")).toEpochSecond() + 60;
        this.random = new SplittableRandom(seed);
        this.publicHosts = new String[64];
        for (int i = 0; i < publicHosts.length; i++) {
            publicHosts[i] = "203.0." + (113 + i % 2) + "." + (1 + i);
        }
    }

    private static List<Endpoint> endpoints(List<Map<String, Object>> rows) {
        var list = new ArrayList<Endpoint>();
        rows.forEach(r -> list.add(new Endpoint(String.valueOf(r.get("eni")), String.valueOf(r.get("ip")))));
        return list;
    }

    int tasks() {
        return tasks.size();
    }

    /** Writes {@code records} records over one hour starting {@code hourOffset} hours after the anchor. */
    void write(Path file, long records, int hourOffset) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            var line = new StringBuilder(160);
            var bytes = new byte[1 << 16];
            int filled = 0;
            long start = anchor + hourOffset * 3600L;
            for (long i = 0; i < records; i++) {
                line.setLength(0);
                record(line, start + (i * 3600 / Math.max(records, 1)));
                if (filled + line.length() > bytes.length) {
                    out.write(bytes, 0, filled);
                    filled = 0;
                }
                for (int c = 0; c < line.length(); c++) {
                    bytes[filled++] = (byte) line.charAt(c);
                }
            }
            out.write(bytes, 0, filled);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void record(StringBuilder line, long start) {
        int kind = random.nextInt(100);
        Endpoint task = tasks.get(random.nextInt(tasks.size()));
        int ephemeral = 32_768 + random.nextInt(28_000);
        if (kind < 50) { // a task calls another task's service port, seen at the caller
            Endpoint peer = tasks.get(random.nextInt(tasks.size()));
            flow(line, task.eni, task.ip, peer.ip, ephemeral, 8080, start, "ACCEPT");
        } else if (kind < 70 && !balancers.isEmpty()) { // the load balancer forwards to a task
            Endpoint lb = balancers.get(random.nextInt(balancers.size()));
            flow(line, lb.eni, lb.ip, task.ip, ephemeral, 8080, start, "ACCEPT");
        } else if (kind < 90) { // egress to a public host
            flow(
                    line,
                    task.eni,
                    task.ip,
                    publicHosts[random.nextInt(publicHosts.length)],
                    ephemeral,
                    443,
                    start,
                    "ACCEPT");
        } else if (kind < 99) { // an internet scan, rejected
            flow(line, task.eni, "198.51.100." + (1 + random.nextInt(200)), task.ip, ephemeral, 22, start, "REJECT");
        } else {
            line.append("2 ").append(account).append(' ').append(task.eni).append(" - - - - - - - ");
            line.append(start).append(' ').append(start + 60).append(" - NODATA\n");
        }
    }

    private void flow(
            StringBuilder line,
            String eni,
            String src,
            String dst,
            int srcPort,
            int dstPort,
            long start,
            String action) {
        int packets = 1 + random.nextInt(40);
        line.append("2 ")
                .append(account)
                .append(' ')
                .append(eni)
                .append(' ')
                .append(src)
                .append(' ')
                .append(dst);
        line.append(' ')
                .append(srcPort)
                .append(' ')
                .append(dstPort)
                .append(" 6 ")
                .append(packets)
                .append(' ');
        line.append(packets * (60 + random.nextInt(1400)))
                .append(' ')
                .append(start)
                .append(' ')
                .append(start + 60);
        line.append(' ').append(action).append(" OK\n");
    }
}
