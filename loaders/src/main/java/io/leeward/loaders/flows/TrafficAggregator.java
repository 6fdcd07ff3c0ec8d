package io.leeward.loaders.flows;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.TrafficEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums attributed flows of one chunk of input per (client, server, protocol, server port, hour) and
 * turns the sums into {@link TrafficEdge}s at task level and rolled up to services. Memory is bounded
 * by the distinct keys of one chunk: the caller drains it at every checkpoint.
 */
final class TrafficAggregator {
    static final String INTERNET_ID = "internet";
    private static final int FLOWS = 0;
    private static final int PACKETS = 1;
    private static final int BYTES = 2;
    private static final int ACCEPTED = 3;
    private static final int REJECTED = 4;
    private static final int FIRST = 5;
    private static final int LAST = 6;

    private final List<Owner> owners;
    private final Map<Key, long[]> sums = new HashMap<>();
    private final Map<String, Integer> externalIds = new HashMap<>();
    private final List<String> externals = new ArrayList<>();
    private final Map<String, String> awsServices = new HashMap<>();
    private final Key probe = new Key();

    TrafficAggregator(List<Owner> owners) {
        this.owners = owners;
    }

    /** Adds the record {@code attribution} last resolved. */
    void add(Attribution a, FlowRecord r) {
        int client = a.client != null ? a.client.ordinal() : external(a.clientAddress, r);
        int server = a.server != null ? a.server.ordinal() : external(a.serverAddress, r);
        probe.set(client, server, Math.max(r.protocol(), 0), a.serverPort, Math.floorDiv(a.time, 3600));
        long[] sum = sums.get(probe);
        if (sum == null) {
            sum = new long[] {0, 0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
            sums.put(probe.copy(), sum);
        }
        sum[FLOWS]++;
        sum[PACKETS] += Math.max(r.packets(), 0);
        sum[BYTES] += Math.max(r.bytes(), 0);
        if (r.action() == FlowRecord.Action.REJECT) {
            sum[REJECTED]++;
        } else if (r.action() == FlowRecord.Action.ACCEPT) {
            sum[ACCEPTED]++;
        }
        sum[FIRST] = Math.min(sum[FIRST], a.time);
        sum[LAST] = Math.max(sum[LAST], a.time);
    }

    boolean isEmpty() {
        return sums.isEmpty();
    }

    /** Distinct keys held. */
    int size() {
        return sums.size();
    }

    private int external(String address, FlowRecord r) {
        Integer id = externalIds.get(address);
        if (id == null) {
            id = owners.size() + externals.size();
            externalIds.put(address, id);
            externals.add(address);
        }
        String service = address.equals(r.pktSrcAddr()) || address.equals(r.srcAddr())
                ? r.pktSrcAwsService()
                : r.pktDstAwsService();
        if (service != null) {
            awsServices.put(address, service);
        }
        return id;
    }

    /** What a chunk writes: the runtime nodes edges need, their links to the internet, the edges. */
    record Drained(List<NodeRecord> endpoints, List<RelRecord> links, List<TrafficEdge> edges) {}

    /** Returns the chunk's edges (task level, then service roll-up) and forgets them. */
    Drained drain() {
        var taskLevel = new LinkedHashMap<EdgeKey, EdgeSum>();
        var serviceLevel = new LinkedHashMap<EdgeKey, EdgeSum>();
        sums.forEach((key, sum) -> {
            taskLevel
                    .computeIfAbsent(new EdgeKey(key.client, key.server, key.protocol, key.port), EdgeSum::new)
                    .add(key.hour, sum);
            int client = serviceOf(key.client);
            int server = serviceOf(key.server);
            if (client != key.client || server != key.server) {
                serviceLevel
                        .computeIfAbsent(new EdgeKey(client, server, key.protocol, key.port), EdgeSum::new)
                        .add(key.hour, sum);
            }
        });
        var edges = new ArrayList<TrafficEdge>(taskLevel.size() + serviceLevel.size());
        taskLevel.values().forEach(e -> edges.add(edge(e)));
        serviceLevel.values().forEach(e -> edges.add(edge(e)));
        var endpoints = new ArrayList<NodeRecord>();
        var links = new ArrayList<RelRecord>();
        if (!externals.isEmpty()) {
            endpoints.add(NodeRecord.of(NodeLabel.Internet, INTERNET_ID, null, null, Map.of("name", "Internet")));
            for (String address : externals) {
                var props = new LinkedHashMap<String, Object>();
                props.put("ip", address);
                props.put("awsService", awsServices.get(address));
                endpoints.add(NodeRecord.of(NodeLabel.ExternalHost, address, null, null, props));
                links.add(RelRecord.of(
                        RelType.PART_OF, NodeLabel.ExternalHost, address, NodeLabel.Internet, INTERNET_ID, null, null));
            }
        }
        sums.clear();
        externalIds.clear();
        externals.clear();
        awsServices.clear();
        return new Drained(endpoints, links, edges);
    }

    private int serviceOf(int end) {
        if (end >= owners.size()) {
            return end;
        }
        Owner service = owners.get(end).service();
        return service == null ? end : service.ordinal();
    }

    private TrafficEdge edge(EdgeSum e) {
        var from = end(e.key.client);
        var to = end(e.key.server);
        Owner workload = e.key.client < owners.size() ? owners.get(e.key.client) : owners.get(e.key.server);
        var props = new LinkedHashMap<String, Object>();
        props.put("protocol", protocolName(e.key.protocol));
        props.put("port", (long) e.key.port);
        var hours = new ArrayList<TrafficEdge.Hour>(e.hours.size());
        e.hours.forEach((hour, sum) -> hours.add(new TrafficEdge.Hour(hour * 3600, counters(sum))));
        return new TrafficEdge(
                from.label(),
                from.id(),
                to.label(),
                to.id(),
                protocolName(e.key.protocol) + "/" + e.key.port,
                workload.account(),
                workload.region(),
                props,
                counters(e.total),
                hours);
    }

    private End end(int id) {
        if (id < owners.size()) {
            Owner owner = owners.get(id);
            return new End(owner.label(), owner.id());
        }
        return new End(NodeLabel.ExternalHost, externals.get(id - owners.size()));
    }

    private static TrafficEdge.Counters counters(long[] s) {
        return new TrafficEdge.Counters(s[FLOWS], s[PACKETS], s[BYTES], s[ACCEPTED], s[REJECTED], s[FIRST], s[LAST]);
    }

    /** The IANA protocol as edges name it: tcp, udp, icmp, icmpv6, or the number. */
    static String protocolName(int protocol) {
        return switch (protocol) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 58 -> "icmpv6";
            default -> Integer.toString(protocol);
        };
    }

    private record End(NodeLabel label, String id) {}

    private record EdgeKey(int client, int server, int protocol, int port) {}

    private static final class EdgeSum {
        final EdgeKey key;
        final long[] total = {0, 0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
        final Map<Long, long[]> hours = new java.util.TreeMap<>();

        EdgeSum(EdgeKey key) {
            this.key = key;
        }

        void add(long hour, long[] sum) {
            merge(total, sum);
            merge(hours.computeIfAbsent(hour, h -> new long[] {0, 0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE}), sum);
        }

        private static void merge(long[] into, long[] sum) {
            for (int i = FLOWS; i <= REJECTED; i++) {
                into[i] += sum[i];
            }
            into[FIRST] = Math.min(into[FIRST], sum[FIRST]);
            into[LAST] = Math.max(into[LAST], sum[LAST]);
        }
    }

    /** A mutable key, so that the hot path probes without allocating; copies are stored. */
    private static final class Key {
        int client;
        int server;
        int protocol;
        int port;
        long hour;

        void set(int client, int server, int protocol, int port, long hour) {
            this.client = client;
            this.server = server;
            this.protocol = protocol;
            this.port = port;
            this.hour = hour;
        }

        Key copy() {
            var copy = new Key();
            copy.set(client, server, protocol, port, hour);
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && k.client == client
                    && k.server == server
                    && k.port == port
                    && k.protocol == protocol
                    && k.hour == hour;
        }

        @Override
        public int hashCode() {
            int h = client * 31 + server;
            h = h * 31 + (protocol << 16 | port);
            return h * 31 + Long.hashCode(hour);
        }
    }
}
