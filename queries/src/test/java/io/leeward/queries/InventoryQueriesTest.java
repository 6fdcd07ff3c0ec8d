package io.leeward.queries;

import static io.leeward.queries.testing.EcsAccountFixture.API_SERVICE;
import static io.leeward.queries.testing.EcsAccountFixture.API_TASK;
import static io.leeward.queries.testing.EcsAccountFixture.PROD_CLUSTER;
import static io.leeward.queries.testing.EcsAccountFixture.STAGING_API_SERVICE;
import static io.leeward.queries.testing.EcsAccountFixture.STAGING_CLUSTER;
import static io.leeward.queries.testing.EcsAccountFixture.STAGING_TASK;
import static io.leeward.queries.testing.EcsAccountFixture.WEB_SERVICE;
import static io.leeward.queries.testing.EcsAccountFixture.WEB_TASK_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.queries.testing.EcsAccountFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithNeo4j
@DisplayName("Inventory queries")
class InventoryQueriesTest {
    private final QueryCatalog catalog = QueryCatalog.standard();

    private List<String> ids(GraphStore store, String query, Map<String, Object> params) {
        return catalog.run(store, query, params).rows().stream()
                .map(row -> (String) row.get("id"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> row) {
        return (Map<String, Object>) row.get("properties");
    }

    @Nested
    @DisplayName("inventory.workloads")
    class Workloads {
        @Test
        @DisplayName("lists services and tasks in id order with their cluster, status and counts")
        void listsAll(GraphStore store) {
            var fixture = EcsAccountFixture.standard();
            fixture.load(store);

            var rows = catalog.run(store, "inventory.workloads", Map.of()).rows();

            assertThat(rows).extracting(row -> row.get("id")).containsExactlyElementsOf(fixture.workloadIds());
            assertThat(rows)
                    .filteredOn(row -> row.get("id").equals(WEB_SERVICE))
                    .singleElement()
                    .satisfies(row -> assertThat(row)
                            .containsEntry("kind", "service")
                            .containsEntry("name", "web")
                            .containsEntry("cluster", PROD_CLUSTER)
                            .containsEntry("clusterName", "prod")
                            .containsEntry("status", "ACTIVE")
                            .containsEntry("launchType", "FARGATE")
                            .containsEntry("desiredCount", 2L)
                            .containsEntry("runningCount", 2L)
                            .containsEntry("account", EcsAccountFixture.ACCOUNT)
                            .containsEntry("region", EcsAccountFixture.REGION));
            assertThat(rows)
                    .filteredOn(row -> row.get("id").equals(STAGING_TASK))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row)
                                .containsEntry("kind", "task")
                                .containsEntry("name", STAGING_TASK.substring(STAGING_TASK.lastIndexOf('/') + 1))
                                .containsEntry("cluster", STAGING_CLUSTER)
                                .containsEntry("status", "STOPPED");
                        assertThat(row.get("startedAt")).isInstanceOf(java.time.ZonedDateTime.class);
                        assertThat(row.get("stoppedAt")).isInstanceOf(java.time.ZonedDateTime.class);
                        assertThat(properties(row)).containsEntry("desiredStatus", "STOPPED");
                    });
        }

        @Test
        @DisplayName("pages by keyset on id without duplicates or gaps")
        void pages(GraphStore store) {
            var fixture = EcsAccountFixture.withExtraApiTasks(7);
            fixture.load(store);

            var seen = new ArrayList<String>();
            String after = "";
            for (int page = 0; page < 10; page++) {
                var ids = ids(store, "inventory.workloads", Map.of("first", 3L, "after", after));
                assertThat(ids).hasSizeLessThanOrEqualTo(3);
                if (ids.isEmpty()) {
                    break;
                }
                seen.addAll(ids);
                after = ids.getLast();
            }

            assertThat(seen).containsExactlyElementsOf(fixture.workloadIds()).hasSize(14);
        }

        @Test
        @DisplayName("filters by cluster ARN or name and by kind, and counts what the filters match")
        void filters(GraphStore store) {
            EcsAccountFixture.standard().load(store);

            assertThat(ids(store, "inventory.workloads", Map.of("cluster", "staging")))
                    .containsExactly(STAGING_API_SERVICE, STAGING_TASK);
            assertThat(ids(store, "inventory.workloads", Map.of("cluster", STAGING_CLUSTER)))
                    .containsExactly(STAGING_API_SERVICE, STAGING_TASK);
            assertThat(ids(store, "inventory.workloads", Map.of("cluster", "prod", "kind", "service")))
                    .containsExactly(API_SERVICE, WEB_SERVICE);
            assertThat(ids(store, "inventory.workloads", Map.of("kind", "task", "first", 1L)))
                    .containsExactly(WEB_TASK_1);
            assertThat(ids(store, "inventory.workloads", Map.of("kind", "lambda")))
                    .isEmpty();

            assertThat(count(store, Map.of())).isEqualTo(7L);
            assertThat(count(store, Map.of("cluster", "prod"))).isEqualTo(5L);
            assertThat(count(store, Map.of("cluster", "prod", "kind", "task"))).isEqualTo(3L);
            assertThat(count(store, Map.of("cluster", "nope"))).isEqualTo(0L);
        }

        private Object count(GraphStore store, Map<String, Object> params) {
            return catalog.run(store, "inventory.workload-count", params)
                    .rows()
                    .getFirst()
                    .get("count");
        }
    }

    @Test
    @DisplayName("inventory.clusters lists clusters with their service and task counts")
    void clusters(GraphStore store) {
        EcsAccountFixture.standard().load(store);

        assertThat(catalog.run(store, "inventory.clusters", Map.of()).rows())
                .extracting(row -> List.of(row.get("name"), row.get("services"), row.get("tasks")))
                .containsExactly(List.of("prod", 2L, 3L), List.of("staging", 1L, 1L));
        assertThat(ids(store, "inventory.clusters", Map.of("cluster", PROD_CLUSTER)))
                .containsExactly(PROD_CLUSTER);
    }

    @Nested
    @DisplayName("inventory.node")
    class Node {
        @Test
        @DisplayName("finds any data node by its key with labels and properties")
        void finds(GraphStore store) {
            EcsAccountFixture.standard().load(store);

            assertThat(catalog.run(store, "inventory.node", Map.of("id", API_TASK))
                            .rows())
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row).containsEntry("id", API_TASK).containsEntry("labels", List.of("EcsTask"));
                        assertThat(properties(row))
                                .containsEntry("lastStatus", "RUNNING")
                                .containsEntry("source", EcsAccountFixture.SOURCE);
                    });
            assertThat(ids(store, "inventory.node", Map.of("id", EcsAccountFixture.ACCOUNT)))
                    .containsExactly(EcsAccountFixture.ACCOUNT);
        }

        @Test
        @DisplayName("returns no row for an unknown key or Leeward's own bookkeeping nodes")
        void unknown(GraphStore store) {
            var summary = EcsAccountFixture.standard().load(store);

            assertThat(ids(store, "inventory.node", Map.of("id", "arn:aws:ecs:eu-west-1:1:task/none")))
                    .isEmpty();
            assertThat(ids(store, "inventory.node", Map.of("id", summary.syncId())))
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("inventory.stats counts every data label and relationship type from the count store")
    void stats(GraphStore store) {
        var fixture = EcsAccountFixture.standard();
        fixture.load(store);

        var counts = new HashMap<String, Object>();
        for (var row : catalog.run(store, "inventory.stats", Map.of()).rows()) {
            counts.put(row.get("kind") + ":" + row.get("name"), row.get("count"));
        }

        long dataLabels = java.util.Arrays.stream(NodeLabel.values())
                .filter(NodeLabel::isData)
                .count();
        assertThat(counts).hasSize((int) dataLabels + RelType.values().length);
        for (NodeLabel label : NodeLabel.values()) {
            if (label.isData()) {
                assertThat(counts).containsEntry("label:" + label.name(), fixture.count(label));
            }
        }
        for (RelType type : RelType.values()) {
            assertThat(counts).containsEntry("relationship:" + type.name(), fixture.count(type));
        }
        // the stopped task's ENI was deleted: it keeps eniId and privateIp, but no USES_ENI
        assertThat(counts).containsEntry("label:EcsTask", 4L).containsEntry("relationship:USES_ENI", 3L);
        assertThat(counts).containsEntry("label:IamRole", 2L).containsEntry("label:Image", 3L);
    }
}
