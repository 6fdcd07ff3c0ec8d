package io.leeward.graphql;

import io.leeward.graph.store.Check;
import io.leeward.graphql.Nodes.Node;
import java.util.List;
import java.util.Optional;

/**
 * A relationship field of the schema: the GraphQL type and field, the catalog link query that finds
 * the neighbours and the node type the field leads to.
 */
record LinkField(String typeName, String field, String query, Cardinality cardinality, Class<? extends Node> target) {
    LinkField {
        Check.notBlank(typeName, "type name");
        Check.notBlank(field, "field of " + typeName);
        Check.notBlank(query, "link query of " + typeName + "." + field);
        Check.notNull(cardinality, "cardinality of " + typeName + "." + field);
        Check.notNull(target, "target type of " + typeName + "." + field);
    }

    /** A to-one field: the first neighbour in query (id) order, null when there is none. */
    static LinkField one(String typeName, String field, String query, Class<? extends Node> target) {
        return new LinkField(typeName, field, query, Cardinality.ONE, target);
    }

    /** A to-many field: every neighbour in query (id) order, an empty list when there is none. */
    static LinkField many(String typeName, String field, String query, Class<? extends Node> target) {
        return new LinkField(typeName, field, query, Cardinality.MANY, target);
    }

    /** {@code Type.field}: the field's coordinates, also the name of its DataLoader. */
    String key() {
        return typeName + "." + field;
    }

    /**
     * The field's value from one parent's neighbours in query order, or empty for a to-one field
     * without one. Neighbours of another type (a label this field does not lead to) are left out
     * rather than failing the response.
     */
    Optional<Object> value(List<Node> neighbours) {
        var targets = neighbours.stream().filter(target::isInstance).toList();
        return switch (cardinality) {
            case ONE -> targets.stream().findFirst().map(Object.class::cast);
            case MANY -> Optional.of(targets);
        };
    }

    enum Cardinality {
        ONE,
        MANY
    }
}
