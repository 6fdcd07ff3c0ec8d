package io.leeward.graph.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and copies property maps. Neo4j stores scalars and homogeneous lists of scalars only; a
 * {@code null} value removes the property, which lets a loader clear what disappeared from its
 * source. Order is kept so that output is stable.
 */
final class Properties {
    private Properties() {}

    static Map<String, Object> copy(Map<String, ?> properties, String owner) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        var copy = new LinkedHashMap<String, Object>();
        properties.forEach(
                (key, value) -> copy.put(Check.notBlank(key, "property name of " + owner), checked(key, value, owner)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object checked(String key, Object value, String owner) {
        if (value == null || isScalar(value)) {
            return value;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                Check.that(
                        element != null && isScalar(element),
                        "property " + key + " of " + owner + " holds a list with a non-scalar or null element");
            }
            return List.copyOf(list);
        }
        throw new IllegalArgumentException(
                "property " + key + " of " + owner + " is a " + value.getClass().getSimpleName()
                        + "; expected a string, number, boolean, temporal or a list of them");
    }

    private static boolean isScalar(Object value) {
        return value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof java.time.temporal.Temporal;
    }
}
