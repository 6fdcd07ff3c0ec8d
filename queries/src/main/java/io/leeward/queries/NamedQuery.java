package io.leeward.queries;

import io.leeward.graph.store.Check;
import java.util.List;

/**
 * A named, parameterised, read-only Cypher query: what it answers, which parameters it takes and
 * which columns it returns. Values reach it only as parameters.
 */
public record NamedQuery(
        String name, String category, String description, String cypher, List<Param> params, List<String> columns) {
    public NamedQuery {
        Check.that(
                name != null && name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+"),
                "query name must be dotted kebab-case, was " + name);
        Check.notBlank(category, "category of " + name);
        Check.notBlank(description, "description of " + name);
        Check.notBlank(cypher, "cypher of " + name);
        params = List.copyOf(params);
        columns = List.copyOf(columns);
        Check.that(!columns.isEmpty(), "query " + name + " declares no result columns");
    }

    /** A parameter: its name, type, description and default (null when required). */
    public record Param(String name, ParamType type, String description, Object defaultValue) {
        public Param {
            Check.notBlank(name, "parameter name");
            Check.notNull(type, "type of parameter " + name);
            Check.notBlank(description, "description of parameter " + name);
        }

        public boolean required() {
            return defaultValue == null;
        }
    }

    /** The types a parameter may have; text given on the command line is converted to them. */
    public enum ParamType {
        STRING,
        INTEGER,
        BOOLEAN,
        STRING_LIST
    }
}
