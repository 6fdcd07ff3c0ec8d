package io.leeward.graph.store;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import java.util.List;
import java.util.Map;

/**
 * Counter increments for one {@code COMMUNICATES_WITH} relationship, client to server, keyed by
 * {@code key} ({@code tcp/443}), with the same increments broken down per hour. Times are epoch
 * seconds; {@code properties} (the protocol and port), account, region and source are set when the
 * relationship is created.
 */
public record TrafficEdge(
        NodeLabel fromLabel,
        String fromId,
        NodeLabel toLabel,
        String toId,
        String key,
        String account,
        String region,
        Map<String, Object> properties,
        Counters counters,
        List<Hour> hours) {
    public TrafficEdge {
        Check.notNull(fromLabel, "from label of traffic");
        Check.notNull(toLabel, "to label of traffic");
        Check.notBlank(fromId, "from id of traffic");
        Check.notBlank(toId, "to id of traffic");
        Check.notBlank(key, "key of traffic");
        Check.notNull(counters, "counters of traffic");
        Check.that(
                TYPE.from().contains(fromLabel), TYPE + " cannot start at " + fromLabel + "; allowed: " + TYPE.from());
        Check.that(TYPE.to().contains(toLabel), TYPE + " cannot end at " + toLabel + "; allowed: " + TYPE.to());
        properties = Properties.copy(properties, TYPE + " " + fromId + "->" + toId);
        hours = List.copyOf(hours);
    }

    /** The relationship type traffic is written as. */
    public static final RelType TYPE = RelType.COMMUNICATES_WITH;

    /** The key of the {@code TrafficHour} node of this edge and an hour. */
    public String hourId(long hour) {
        return fromId + "|" + toId + "|" + key + "|" + hour;
    }

    /** Flow counts to add, and the first and last flow start (epoch seconds) to widen the window with. */
    public record Counters(
            long flows, long packets, long bytes, long accepted, long rejected, long firstSeen, long lastSeen) {
        public Counters {
            Check.that(
                    flows >= 0 && packets >= 0 && bytes >= 0 && accepted >= 0 && rejected >= 0,
                    "traffic counters must not be negative");
            Check.that(firstSeen <= lastSeen, "firstSeen must not be after lastSeen");
        }
    }

    /** The increments of one hour, {@code hour} being the epoch second the hour starts at. */
    public record Hour(long hour, Counters counters) {
        public Hour {
            Check.that(hour % 3600 == 0, "an hour starts at a multiple of 3600 seconds, was " + hour);
            Check.notNull(counters, "counters of hour " + hour);
        }
    }
}
