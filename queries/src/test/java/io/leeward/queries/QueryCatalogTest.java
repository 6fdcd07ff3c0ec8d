package io.leeward.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.testing.WithNeo4j;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithNeo4j
@DisplayName("The query catalog")
class QueryCatalogTest {
    private final QueryCatalog catalog = QueryCatalog.standard();

    @Test
    @DisplayName("counts nodes per label and lists sync scopes and runs")
    void status(GraphStore store) {
        try (var sync = store.beginSync(SyncRequest.of("test"))) {
            sync.write(NodeRecord.of(NodeLabel.Vpc, "vpc-1", "111122223333", "eu-west-1", Map.of()));
            sync.covers(Scope.of("test", "111122223333", "eu-west-1", NodeLabel.Vpc));
            sync.complete();
        }

        assertThat(catalog.run(store, "status.label-counts", Map.of()).rows())
                .contains(Map.of("label", "Vpc", "count", 1L), Map.of("label", "EcsTask", "count", 0L));
        assertThat(catalog.run(store, "status.sync-scopes", Map.of()).rows())
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("kind", "Vpc").containsEntry("lastComplete", true));
        assertThat(catalog.run(store, "status.sync-runs", Map.of("limit", 5L)).rows())
                .singleElement()
                .satisfies(row ->
                        assertThat(row).containsEntry("status", "complete").containsEntry("nodes", 1L));
    }

    @Test
    @DisplayName("every query declares exactly the parameters its Cypher uses and writes nothing")
    void parametersMatchCypher() {
        var used = java.util.regex.Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");
        var writes = java.util.regex.Pattern.compile("\\b(CREATE|MERGE|SET|DELETE|REMOVE|LOAD CSV|FOREACH)\\b");
        for (NamedQuery query : catalog.all()) {
            var names = new java.util.TreeSet<String>();
            used.matcher(query.cypher()).results().forEach(m -> names.add(m.group(1)));
            assertThat(names)
                    .as(query.name())
                    .containsExactlyInAnyOrderElementsOf(
                            query.params().stream().map(NamedQuery.Param::name).toList());
            assertThat(writes.matcher(query.cypher()).find()).as(query.name()).isFalse();
        }
    }

    @Test
    @DisplayName("refuses unknown queries and parameters with what it expected")
    void refusesUnknown() {
        assertThatThrownBy(() -> catalog.get("no.such")).hasMessageContaining("no query named no.such");
        assertThatThrownBy(() -> QueryCatalog.parameters(catalog.get("status.sync-runs"), Map.of("limt", 1)))
                .hasMessageContaining("has no parameter [limt]")
                .hasMessageContaining("limit");
    }
}
