package io.leeward.queries;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.QueryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog of named queries, in a stable order, and the one way to run them. */
public final class QueryCatalog {
    private final Map<String, NamedQuery> queries;

    private QueryCatalog(Collection<NamedQuery> queries) {
        var byName = new LinkedHashMap<String, NamedQuery>();
        for (NamedQuery query : queries) {
            if (byName.putIfAbsent(query.name(), query) != null) {
                throw new IllegalStateException("two queries are named " + query.name());
            }
        }
        this.queries = byName;
    }

    /** Every query Leeward ships. */
    public static QueryCatalog standard() {
        var all = new ArrayList<NamedQuery>();
        all.addAll(StatusQueries.ALL);
        all.addAll(InventoryQueries.ALL);
        all.addAll(LinkQueries.ALL);
        return new QueryCatalog(all);
    }

    public List<NamedQuery> all() {
        return List.copyOf(queries.values());
    }

    public Optional<NamedQuery> find(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    public NamedQuery get(String name) {
        return find(name).orElseThrow(() -> new UnknownQueryException(name, queries.keySet()));
    }

    /** Runs a query in a read transaction after checking and completing its parameters. */
    public QueryResult run(GraphStore store, String name, Map<String, ?> given) {
        NamedQuery query = get(name);
        return store.read(Duration.ofSeconds(60), tx -> tx.run(query.cypher(), parameters(query, given)));
    }

    static Map<String, Object> parameters(NamedQuery query, Map<String, ?> given) {
        var unknown = new ArrayList<>(given.keySet());
        var params = new HashMap<String, Object>();
        for (NamedQuery.Param param : query.params()) {
            unknown.remove(param.name());
            Object value = given.containsKey(param.name()) ? given.get(param.name()) : param.defaultValue();
            if (value == null) {
                throw new IllegalArgumentException(
                        "query " + query.name() + " needs parameter " + param.name() + ": " + param.description());
            }
            params.put(param.name(), value);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("query " + query.name() + " has no parameter " + unknown + "; it takes "
                    + Arrays.toString(
                            query.params().stream().map(NamedQuery.Param::name).toArray()));
        }
        return params;
    }
}
