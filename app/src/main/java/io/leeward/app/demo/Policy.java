package io.leeward.app.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * IAM-style policy documents (identity, trust, bucket, key, secret and repository policies) as
 * ordered JSON trees: {@code Version}, then {@code Statement} members in the order AWS examples
 * print them ({@code Sid}, {@code Effect}, {@code Principal}, {@code Action}, {@code Resource},
 * {@code Condition}). A single action or resource is a string, several are an array, as people
 * write them.
 */
final class Policy {
    static final String VERSION = "2012-10-17";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Policy() {}

    static ObjectNode document(Statement... statements) {
        return document(List.of(statements));
    }

    static ObjectNode document(List<Statement> statements) {
        ObjectNode document = NODES.objectNode().put("Version", VERSION);
        var array = document.putArray("Statement");
        statements.forEach(statement -> array.add(statement.node()));
        return document;
    }

    static Statement allow(String... actions) {
        return new Statement("Allow", List.of(actions));
    }

    static Statement deny(String... actions) {
        return new Statement("Deny", List.of(actions));
    }

    /** One statement, built fluently. */
    static final class Statement {
        private final String effect;
        private final List<String> actions;
        private String sid;
        private JsonNode principal;
        private List<String> resources = List.of();
        private final Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();

        private Statement(String effect, List<String> actions) {
            this.effect = effect;
            this.actions = actions;
        }

        Statement sid(String value) {
            this.sid = value;
            return this;
        }

        Statement on(String... values) {
            this.resources = List.of(values);
            return this;
        }

        Statement on(List<String> values) {
            this.resources = List.copyOf(values);
            return this;
        }

        /** {@code "Principal": {"<type>": value or [values]}}, type AWS, Service or Federated. */
        Statement principal(String type, String... values) {
            ObjectNode node = NODES.objectNode();
            node.set(type, strings(List.of(values)));
            this.principal = node;
            return this;
        }

        /** {@code "Principal": "*"}: anyone. */
        Statement anyone() {
            this.principal = NODES.stringNode("*");
            return this;
        }

        Statement when(String operator, String key, String... values) {
            conditions.computeIfAbsent(operator, k -> new LinkedHashMap<>()).put(key, List.of(values));
            return this;
        }

        ObjectNode node() {
            ObjectNode node = NODES.objectNode();
            if (sid != null) {
                node.put("Sid", sid);
            }
            node.put("Effect", effect);
            if (principal != null) {
                node.set("Principal", principal);
            }
            node.set("Action", strings(actions));
            if (!resources.isEmpty()) {
                node.set("Resource", strings(resources));
            }
            if (!conditions.isEmpty()) {
                ObjectNode condition = node.putObject("Condition");
                conditions.forEach((operator, keys) -> {
                    ObjectNode byKey = condition.putObject(operator);
                    keys.forEach((key, values) -> byKey.set(key, strings(values)));
                });
            }
            return node;
        }

        private static JsonNode strings(List<String> values) {
            if (values.size() == 1) {
                return NODES.stringNode(values.getFirst());
            }
            var array = NODES.arrayNode();
            new ArrayList<>(values).forEach(array::add);
            return array;
        }
    }
}
