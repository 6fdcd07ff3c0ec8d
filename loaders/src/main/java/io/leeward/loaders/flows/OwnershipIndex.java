package io.leeward.loaders.flows;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.store.GraphStore;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owned an address or a network interface at a moment. Fargate hands a stopped task's private IP
 * to the next task, so a task owns its ENI and addresses only within [createdAt or startedAt,
 * stoppedAt); load balancer, NAT gateway, instance and other interfaces own theirs without limit.
 *
 * <p>Built from the graph with one read query per kind at the start of a load, then read-only. Per
 * key (an address or an {@code eni-} id) the intervals are kept in arrays sorted by start: a lookup is
 * a hash probe and a binary search.
 */
final class OwnershipIndex {
    static final long OPEN_START = Long.MIN_VALUE;
    static final long OPEN_END = Long.MAX_VALUE;

    private final Map<String, Intervals> byKey;
    private final List<Owner> owners;

    private OwnershipIndex(Map<String, Intervals> byKey, List<Owner> owners) {
        this.byKey = byKey;
        this.owners = List.copyOf(owners);
    }

    /** The owner of {@code key} (an address or ENI id) at {@code epochSecond}, or null. */
    Owner at(String key, long epochSecond) {
        Intervals intervals = byKey.get(key);
        return intervals == null ? null : intervals.at(epochSecond);
    }

    /** Every owner, by ordinal. */
    List<Owner> owners() {
        return owners;
    }

    /** How many keys the index holds. */
    int size() {
        return byKey.size();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Reads tasks (with their services), load balancer interfaces, NAT gateway and other interfaces. */
    static OwnershipIndex load(GraphStore store) {
        var builder = builder();
        for (var row : store.query(TASKS, Map.of()).rows()) {
            Owner service = row.get("service") == null
                    ? null
                    : builder.owner(
                            NodeLabel.EcsService,
                            text(row, "service"),
                            text(row, "account"),
                            text(row, "region"),
                            null);
            Owner task = builder.owner(
                    NodeLabel.EcsTask, text(row, "id"), text(row, "account"), text(row, "region"), service);
            long start = epoch(row.get("createdAt"), row.get("startedAt"), OPEN_START);
            long end = epoch(row.get("stoppedAt"), null, OPEN_END);
            builder.add(task, start, end, keys(row));
        }
        for (var row : store.query(INTERFACES, Map.of()).rows()) {
            Owner owner = builder.owner(
                    NodeLabel.valueOf(text(row, "label")),
                    text(row, "owner"),
                    text(row, "account"),
                    text(row, "region"),
                    null);
            builder.add(owner, OPEN_START, OPEN_END, keys(row));
        }
        return builder.build();
    }

    /** Tasks with their interface (the ENI node, or the id and address kept on a stopped task) and service. */
    private static final String TASKS = "MATCH (t:EcsTask) "
            + "OPTIONAL MATCH (t)-[:USES_ENI]->(e:NetworkInterface) "
            + "OPTIONAL MATCH (t)-[:MEMBER_OF]->(s:EcsService) "
            + "WITH t, s, collect(e) AS enis "
            + "RETURN t.id AS id, t.account AS account, t.region AS region, s.id AS service, "
            + "t.createdAt AS createdAt, t.startedAt AS startedAt, t.stoppedAt AS stoppedAt, "
            + "[x IN enis | x.id] + [t.eniId] AS enis, "
            + "coalesce(t.privateIps, []) + [t.privateIp] + reduce(a = [], x IN enis | a + coalesce(x.privateIps, []) "
            + "+ [x.privateIp, x.publicIp] + coalesce(x.publicIps, []) + coalesce(x.ipv6Addresses, [])) AS addresses";

    /**
     * Interfaces no task uses, with their owner: the load balancer that uses it, the NAT gateway that
     * uses it or that its description names (AWS describes them "Interface for NAT Gateway nat-…"),
     * the instance it is attached to, or the interface itself.
     */
    private static final String INTERFACES = "MATCH (e:NetworkInterface) WHERE NOT (e)<-[:USES_ENI]-(:EcsTask) "
            + "OPTIONAL MATCH (lb:LoadBalancer)-[:USES_ENI]->(e) "
            + "OPTIONAL MATCH (i:Ec2Instance)-[:USES_ENI]->(e) "
            + "OPTIONAL MATCH (uses:NatGateway)-[:USES_ENI]->(e) "
            + "OPTIONAL MATCH (n:NatGateway {id: CASE WHEN e.interfaceType = 'nat_gateway' "
            + "AND e.description STARTS WITH 'Interface for NAT Gateway ' "
            + "THEN substring(e.description, 26) ELSE '' END}) "
            + "WITH e, head(collect(lb.id)) AS lb, head(collect(i.id)) AS instance, "
            + "coalesce(head(collect(uses.id)), head(collect(n.id))) AS nat "
            + "RETURN CASE WHEN lb IS NOT NULL THEN 'LoadBalancer' WHEN nat IS NOT NULL THEN 'NatGateway' "
            + "WHEN instance IS NOT NULL THEN 'Ec2Instance' ELSE 'NetworkInterface' END AS label, "
            + "coalesce(lb, nat, instance, e.id) AS owner, e.account AS account, e.region AS region, [e.id] AS enis, "
            + "coalesce(e.privateIps, []) + [e.privateIp, e.publicIp] + coalesce(e.publicIps, []) "
            + "+ coalesce(e.ipv6Addresses, []) AS addresses";

    private static List<String> keys(Map<String, Object> row) {
        var keys = new ArrayList<String>();
        for (String column : List.of("enis", "addresses")) {
            if (row.get(column) instanceof Collection<?> values) {
                for (Object value : values) {
                    if (value instanceof String s && !s.isBlank() && !keys.contains(s)) {
                        keys.add(s);
                    }
                }
            }
        }
        return keys;
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    private static long epoch(Object first, Object second, long otherwise) {
        if (first instanceof ZonedDateTime time) {
            return time.toEpochSecond();
        }
        if (second instanceof ZonedDateTime time) {
            return time.toEpochSecond();
        }
        return otherwise;
    }

    /** Collects ownership intervals; keeps one owner per label and id. */
    static final class Builder {
        private final Map<String, Owner> owners = new LinkedHashMap<>();
        private final Map<String, List<long[]>> intervals = new HashMap<>();
        private final List<Owner> byOrdinal = new ArrayList<>();

        Owner owner(NodeLabel label, String id, String account, String region, Owner service) {
            return owners.computeIfAbsent(label.name() + "|" + id, k -> {
                var owner = new Owner(byOrdinal.size(), label, id, account, region, service);
                byOrdinal.add(owner);
                return owner;
            });
        }

        /** {@code owner} holds each key from {@code start} (inclusive) to {@code end} (exclusive). */
        Builder add(Owner owner, long start, long end, List<String> keys) {
            for (String key : keys) {
                intervals.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {start, end, owner.ordinal()});
            }
            return this;
        }

        OwnershipIndex build() {
            var byKey = new HashMap<String, Intervals>(intervals.size() * 2);
            intervals.forEach((key, list) -> byKey.put(key, Intervals.of(list, byOrdinal)));
            return new OwnershipIndex(byKey, byOrdinal);
        }
    }

    /** The intervals of one key, sorted by start. */
    private record Intervals(long[] starts, long[] ends, Owner[] owners) {
        static Intervals of(List<long[]> list, List<Owner> byOrdinal) {
            list.sort((a, b) -> Long.compare(a[0], b[0]));
            int n = list.size();
            long[] starts = new long[n];
            long[] ends = new long[n];
            Owner[] owners = new Owner[n];
            for (int i = 0; i < n; i++) {
                starts[i] = list.get(i)[0];
                ends[i] = list.get(i)[1];
                owners[i] = byOrdinal.get((int) list.get(i)[2]);
            }
            return new Intervals(starts, ends, owners);
        }

        /** The latest-starting interval holding {@code t}: intervals of one key do not normally overlap. */
        Owner at(long t) {
            if (starts.length == 1) {
                return starts[0] <= t && t < ends[0] ? owners[0] : null;
            }
            int i = Arrays.binarySearch(starts, t);
            if (i < 0) {
                i = -i - 2; // the last start before t
            } else {
                while (i + 1 < starts.length && starts[i + 1] == t) {
                    i++;
                }
            }
            for (; i >= 0; i--) {
                if (t < ends[i]) {
                    return owners[i];
                }
            }
            return null;
        }
    }
}
