package io.leeward.loaders.flows;

import io.leeward.graph.store.Check;
import io.leeward.loaders.flows.FlowRecord.Action;
import io.leeward.loaders.flows.FlowRecord.LogStatus;
import java.nio.charset.StandardCharsets;

/**
 * Parses flow log lines of one format straight from bytes: no regular expressions, no split, and
 * repeated text (interface ids, addresses, account ids) taken from a small cache rather than
 * allocated per line. One parser per reading thread; not thread-safe.
 */
final class FlowLineParser {
    private static final int SHOWN = 40;

    private final FlowLogFormat format;
    private final TokenCache cache = new TokenCache();
    private final Object[] text;
    private final long[] numbers;

    /** The slots of the format's known fields: only these change from line to line. */
    private final int[] slots;

    FlowLineParser(FlowLogFormat format) {
        this.format = Check.notNull(format, "format");
        this.text = new Object[FlowField.values().length];
        this.numbers = new long[FlowField.values().length];
        java.util.Arrays.fill(numbers, FlowRecord.ABSENT);
        var known = new java.util.ArrayList<Integer>();
        for (int i = 0; i < format.size(); i++) {
            if (format.column(i) != null) {
                known.add(format.column(i).ordinal());
            }
        }
        this.slots = known.stream().mapToInt(Integer::intValue).toArray();
    }

    FlowLogFormat format() {
        return format;
    }

    /** Parses {@code bytes[from, to)}, one line without its line end. */
    FlowRecord parse(byte[] bytes, int from, int to) {
        for (int slot : slots) {
            text[slot] = null;
            numbers[slot] = FlowRecord.ABSENT;
        }
        int column = 0;
        int i = from;
        while (i < to) {
            int start = i;
            while (i < to && bytes[i] != ' ') {
                i++;
            }
            if (i > start) {
                if (column >= format.size()) {
                    throw fieldCount(bytes, from, to);
                }
                read(format.column(column), bytes, start, i, start - from + 1);
                column++;
            }
            i++;
        }
        if (column != format.size()) {
            throw fieldCount(bytes, from, to);
        }
        return record();
    }

    private void read(FlowField field, byte[] bytes, int start, int end, int position) {
        if (field == null || (end - start == 1 && bytes[start] == '-')) {
            return; // a field Leeward does not know, or no value
        }
        int slot = field.ordinal();
        switch (field.type()) {
            case TEXT -> text[slot] = cache.get(bytes, start, end);
            case ADDRESS -> {
                if (!isAddress(bytes, start, end)) {
                    throw invalid(field, position, "an IPv4 or IPv6 address", bytes, start, end);
                }
                text[slot] = cache.get(bytes, start, end);
            }
            case PORT -> {
                long port = number(field, bytes, start, end, position, "a port number 0-65535");
                if (port > 65_535) {
                    throw invalid(field, position, "a port number 0-65535", bytes, start, end);
                }
                numbers[slot] = port;
            }
            case INT -> numbers[slot] = number(field, bytes, start, end, position, "a whole number");
            case LONG -> numbers[slot] = number(field, bytes, start, end, position, "a whole number");
        }
        if (field == FlowField.VERSION) {
            checkVersion(bytes, start, end, position);
        } else if (field == FlowField.ACTION) {
            checkAction(bytes, start, end, position);
        } else if (field == FlowField.LOG_STATUS) {
            checkLogStatus(bytes, start, end, position);
        }
    }

    private void checkVersion(byte[] bytes, int start, int end, int position) {
        long version = numbers[FlowField.VERSION.ordinal()];
        if (version < 2 || (version > FlowField.LATEST_VERSION && !format.hasUnknownFields())) {
            throw invalid(
                    FlowField.VERSION,
                    position,
                    "a flow log version from 2 to " + FlowField.LATEST_VERSION
                            + " (a later version needs a header naming its fields)",
                    bytes,
                    start,
                    end);
        }
    }

    private void checkAction(byte[] bytes, int start, int end, int position) {
        Object value = text[FlowField.ACTION.ordinal()];
        if (!"ACCEPT".equals(value) && !"REJECT".equals(value)) {
            throw invalid(FlowField.ACTION, position, "ACCEPT or REJECT", bytes, start, end);
        }
    }

    private void checkLogStatus(byte[] bytes, int start, int end, int position) {
        Object value = text[FlowField.LOG_STATUS.ordinal()];
        if (!"OK".equals(value) && !"NODATA".equals(value) && !"SKIPDATA".equals(value)) {
            throw invalid(FlowField.LOG_STATUS, position, "OK, NODATA or SKIPDATA", bytes, start, end);
        }
    }

    private static long number(FlowField field, byte[] bytes, int start, int end, int position, String expected) {
        if (end - start > 18) {
            throw invalid(field, position, expected, bytes, start, end);
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw invalid(field, position, expected, bytes, start, end);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** A dotted IPv4 address with octets 0-255, or text of hex digits, colons and dots with at least two colons. */
    static boolean isAddress(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length < 2 || length > 45) {
            return false;
        }
        int colons = 0;
        for (int i = start; i < end; i++) {
            if (bytes[i] == ':') {
                colons++;
            }
        }
        return colons == 0 ? isIpv4(bytes, start, end) : colons >= 2 && isIpv6(bytes, start, end);
    }

    private static boolean isIpv4(byte[] bytes, int start, int end) {
        int octets = 0;
        int value = -1;
        for (int i = start; i <= end; i++) {
            if (i == end || bytes[i] == '.') {
                if (value < 0 || value > 255) {
                    return false;
                }
                octets++;
                value = -1;
            } else {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    return false;
                }
                value = value < 0 ? digit : value * 10 + digit;
                if (value > 255) {
                    return false;
                }
            }
        }
        return octets == 4;
    }

    private static boolean isIpv6(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            boolean ok =
                    (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F') || b == ':' || b == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private FlowLineException fieldCount(byte[] bytes, int from, int to) {
        int count = 0;
        boolean inToken = false;
        for (int i = from; i < to; i++) {
            boolean space = bytes[i] == ' ';
            if (!space && !inToken) {
                count++;
            }
            inToken = !space;
        }
        return new FlowLineException("", 1, "expected " + format.size() + " fields (" + format + "), got " + count);
    }

    private static FlowLineException invalid(
            FlowField field, int position, String expected, byte[] bytes, int start, int end) {
        String value = new String(bytes, start, Math.min(end - start, SHOWN), StandardCharsets.ISO_8859_1);
        return new FlowLineException(
                field.fieldName(),
                position,
                "expected " + expected + ", got \"" + value + (end - start > SHOWN ? "…" : "") + "\"");
    }

    private String s(FlowField field) {
        return (String) text[field.ordinal()];
    }

    private int i(FlowField field) {
        return (int) numbers[field.ordinal()];
    }

    private long l(FlowField field) {
        return numbers[field.ordinal()];
    }

    private FlowRecord record() {
        String action = s(FlowField.ACTION);
        String status = s(FlowField.LOG_STATUS);
        int version = i(FlowField.VERSION);
        return new FlowRecord(
                version == FlowRecord.ABSENT ? format.version() : version,
                s(FlowField.ACCOUNT_ID),
                s(FlowField.INTERFACE_ID),
                s(FlowField.SRCADDR),
                s(FlowField.DSTADDR),
                i(FlowField.SRCPORT),
                i(FlowField.DSTPORT),
                i(FlowField.PROTOCOL),
                l(FlowField.PACKETS),
                l(FlowField.BYTES),
                l(FlowField.START),
                l(FlowField.END),
                action == null ? null : Action.valueOf(action),
                status == null ? null : LogStatus.valueOf(status),
                s(FlowField.VPC_ID),
                s(FlowField.SUBNET_ID),
                s(FlowField.INSTANCE_ID),
                i(FlowField.TCP_FLAGS),
                s(FlowField.TYPE),
                s(FlowField.PKT_SRCADDR),
                s(FlowField.PKT_DSTADDR),
                s(FlowField.REGION),
                s(FlowField.AZ_ID),
                s(FlowField.SUBLOCATION_TYPE),
                s(FlowField.SUBLOCATION_ID),
                s(FlowField.PKT_SRC_AWS_SERVICE),
                s(FlowField.PKT_DST_AWS_SERVICE),
                s(FlowField.FLOW_DIRECTION),
                i(FlowField.TRAFFIC_PATH),
                s(FlowField.ECS_CLUSTER_ARN),
                s(FlowField.ECS_CLUSTER_NAME),
                s(FlowField.ECS_CONTAINER_INSTANCE_ARN),
                s(FlowField.ECS_CONTAINER_INSTANCE_ID),
                s(FlowField.ECS_CONTAINER_ID),
                s(FlowField.ECS_SECOND_CONTAINER_ID),
                s(FlowField.ECS_SERVICE_NAME),
                s(FlowField.ECS_TASK_DEFINITION_ARN),
                s(FlowField.ECS_TASK_ARN),
                s(FlowField.ECS_TASK_ID),
                s(FlowField.REJECT_REASON));
    }

    /** Recently seen tokens by content, so that repeated values share one String. */
    static final class TokenCache {
        private static final int SIZE = 4096;
        private final String[] entries = new String[SIZE];

        String get(byte[] bytes, int start, int end) {
            int hash = 1;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + bytes[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
            String cached = entries[slot];
            if (cached != null && matches(cached, bytes, start, end)) {
                return cached;
            }
            String value = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
            entries[slot] = value;
            return value;
        }

        private static boolean matches(String cached, byte[] bytes, int start, int end) {
            if (cached.length() != end - start) {
                return false;
            }
            for (int i = 0; i < cached.length(); i++) {
                if (cached.charAt(i) != (char) (bytes[start + i] & 0xff)) {
                    return false;
                }
            }
            return true;
        }
    }
}
