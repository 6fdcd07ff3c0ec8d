package io.leeward.graphql;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Property values as text for {@code Property.value}: strings as they are, numbers and booleans in
 * JSON form, lists as JSON arrays, times as ISO-8601 (the same text as the DateTime scalar).
 */
final class PropertyText {
    private PropertyText() {}

    static String of(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> s;
            case TemporalAccessor t -> iso(t);
            case List<?> list -> list.stream().map(PropertyText::json).collect(Collectors.joining(",", "[", "]"));
            default -> String.valueOf(value);
        };
    }

    /** ISO-8601: with offset when the value has one, local otherwise. */
    static String iso(TemporalAccessor time) {
        if (time.isSupported(ChronoField.OFFSET_SECONDS) && time.isSupported(ChronoField.EPOCH_DAY)) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        if (time instanceof java.time.Instant instant) {
            return instant.toString();
        }
        return time.toString();
    }

    private static String json(Object element) {
        if (element instanceof String || element instanceof TemporalAccessor) {
            return quoted(of(element));
        }
        return of(element);
    }

    private static String quoted(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
