package io.leeward.loaders.flows;

import io.leeward.graph.store.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The field order of a flow log: the default version 2 format, or a custom format as its header
 * line (S3 delivery) or the flow log's {@code LogFormat} ({@code ${version} ${srcaddr} …}) names
 * it. Names Leeward does not know (fields AWS added later) are accepted and their values skipped,
 * so a newer format still loads.
 */
public final class FlowLogFormat {
    /** The default format: the version 2 fields in their documented order. */
    public static final FlowLogFormat DEFAULT = of(List.of(
            "version",
            "account-id",
            "interface-id",
            "srcaddr",
            "dstaddr",
            "srcport",
            "dstport",
            "protocol",
            "packets",
            "bytes",
            "start",
            "end",
            "action",
            "log-status"));

    private final List<String> names;
    private final FlowField[] columns;
    private final Map<FlowField, Integer> positions;
    private final int version;
    private final boolean hasUnknownFields;

    private FlowLogFormat(List<String> names) {
        this.names = List.copyOf(names);
        this.columns = new FlowField[names.size()];
        var byField = new EnumMap<FlowField, Integer>(FlowField.class);
        int highest = 2;
        boolean unknown = false;
        for (int i = 0; i < names.size(); i++) {
            FlowField field = FlowField.named(names.get(i));
            columns[i] = field;
            if (field == null) {
                unknown = true;
                continue;
            }
            Check.that(byField.put(field, i) == null, "field " + field.fieldName() + " appears twice in the format");
            highest = Math.max(highest, field.version());
        }
        this.positions = Collections.unmodifiableMap(byField);
        this.version = highest;
        this.hasUnknownFields = unknown;
    }

    /** A format of these field names, in order. */
    public static FlowLogFormat of(List<String> names) {
        Check.notNull(names, "names");
        Check.that(!names.isEmpty(), "a flow log format names at least one field");
        return new FlowLogFormat(names);
    }

    /**
     * A format as written in a header line ({@code version account-id …}) or as the {@code LogFormat}
     * of the flow log ({@code ${version} ${account-id} …}); fields are separated by spaces.
     */
    public static FlowLogFormat parse(String text) {
        Check.notNull(text, "format");
        var names = new ArrayList<String>();
        for (String part : text.strip().split(" +")) {
            String name = part.startsWith("${") && part.endsWith("}") ? part.substring(2, part.length() - 1) : part;
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return of(names);
    }

    /**
     * Whether a line is a header rather than a record: its first token is a field name. A record's
     * first value is never a field name ({@code 2}, {@code eni-…}, an address, {@code -}).
     */
    static boolean isHeader(String firstToken) {
        return FlowField.named(firstToken) != null;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return columns.length;
    }

    /** The field of a column, or null when the column is a field Leeward does not know. */
    FlowField column(int index) {
        return columns[index];
    }

    /** Whether the format has this field. */
    public boolean has(FlowField field) {
        return positions.containsKey(field);
    }

    /** The highest version among the format's known fields: what its records should say. */
    public int version() {
        return version;
    }

    /** Whether the format names fields Leeward does not know, i.e. it is newer than {@link FlowField#LATEST_VERSION}. */
    public boolean hasUnknownFields() {
        return hasUnknownFields;
    }

    /** The format as a header line. */
    @Override
    public String toString() {
        return String.join(" ", names);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlowLogFormat format && format.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }
}
