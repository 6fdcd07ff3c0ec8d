package io.leeward.app.cli;

import io.leeward.queries.NamedQuery;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns {@code key=value} text from the command line into typed query parameters. */
final class ParamValues {
    private ParamValues() {}

    static Map<String, Object> guess(Map<String, String> given) {
        var params = new LinkedHashMap<String, Object>();
        given.forEach((key, value) -> params.put(key, guess(value)));
        return params;
    }

    static Map<String, Object> typed(NamedQuery query, Map<String, String> given) {
        var params = new LinkedHashMap<String, Object>();
        given.forEach((key, value) -> {
            var param = query.params().stream()
                    .filter(p -> p.name().equals(key))
                    .findFirst()
                    .orElse(null);
            params.put(key, param == null ? value : convert(query, param, value));
        });
        return params;
    }

    private static Object convert(NamedQuery query, NamedQuery.Param param, String value) {
        return switch (param.type()) {
            case STRING -> value;
            case STRING_LIST ->
                Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("parameter " + param.name() + " of " + query.name()
                            + " must be true or false, was " + value);
                }
                yield Boolean.parseBoolean(value);
            }
            case INTEGER -> {
                try {
                    yield Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "parameter " + param.name() + " of " + query.name() + " must be a whole number, was "
                                    + value,
                            e);
                }
            }
        };
    }

    private static Object guess(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        if (value.matches("-?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        if (value.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(value);
        }
        return value;
    }
}
