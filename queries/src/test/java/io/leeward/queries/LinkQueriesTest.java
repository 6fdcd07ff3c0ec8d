package io.leeward.queries;

import static io.leeward.queries.testing.EcsAccountFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.queries.testing.EcsAccountFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@WithNeo4j
@DisplayName("Link queries")
class LinkQueriesTest {
    private final QueryCatalog catalog = QueryCatalog.standard();

    static Stream<Arguments> links() {
        return Stream.of(
                Arguments.of("links.account.clusters", ACCOUNT, List.of(PROD_CLUSTER, STAGING_CLUSTER)),
                Arguments.of("links.account.vpcs", ACCOUNT, List.of(VPC)),
                Arguments.of("links.vpc.subnets", VPC, List.of(PUBLIC_SUBNET, PRIVATE_SUBNET)),
                Arguments.of("links.vpc.security-groups", VPC, List.of(WEB_SG, APP_SG)),
                Arguments.of("links.subnet.vpc", PUBLIC_SUBNET, List.of(VPC)),
                Arguments.of("links.security-group.vpc", APP_SG, List.of(VPC)),
                Arguments.of("links.security-group.rules", APP_SG, List.of(RULE_APP_FROM_WEB, RULE_APP_EGRESS)),
                Arguments.of("links.rule.security-group", RULE_HTTPS_FROM_ANYWHERE, List.of(WEB_SG)),
                Arguments.of("links.rule.allowed-from", RULE_APP_FROM_WEB, List.of(WEB_SG)),
                Arguments.of("links.rule.allowed-from", RULE_HTTPS_FROM_ANYWHERE, List.of()),
                Arguments.of("links.eni.subnet", eni(1), List.of(PUBLIC_SUBNET)),
                Arguments.of("links.eni.security-groups", eni(1), List.of(WEB_SG)),
                Arguments.of("links.eni.task", eni(3), List.of(API_TASK)),
                Arguments.of("links.cluster.account", PROD_CLUSTER, List.of(ACCOUNT)),
                Arguments.of("links.cluster.services", PROD_CLUSTER, List.of(API_SERVICE, WEB_SERVICE)),
                Arguments.of("links.service.cluster", WEB_SERVICE, List.of(PROD_CLUSTER)),
                Arguments.of("links.service.tasks", WEB_SERVICE, List.of(WEB_TASK_1, WEB_TASK_2)),
                Arguments.of("links.service.task-definition", WEB_SERVICE, List.of(WEB_TASK_DEFINITION)),
                Arguments.of("links.service.subnets", WEB_SERVICE, List.of(PUBLIC_SUBNET)),
                Arguments.of("links.service.security-groups", API_SERVICE, List.of(APP_SG)),
                Arguments.of("links.task.service", STAGING_TASK, List.of(STAGING_API_SERVICE)),
                Arguments.of("links.task.cluster", STAGING_TASK, List.of(STAGING_CLUSTER)),
                Arguments.of("links.task.task-definition", WEB_TASK_2, List.of(WEB_TASK_DEFINITION)),
                Arguments.of("links.task.network-interfaces", WEB_TASK_2, List.of(eni(2))),
                Arguments.of("links.task.subnets", WEB_TASK_2, List.of(PUBLIC_SUBNET)),
                Arguments.of("links.task.network-interfaces", STAGING_TASK, List.of()),
                Arguments.of("links.task.subnets", STAGING_TASK, List.of(PRIVATE_SUBNET)),
                Arguments.of("links.task.security-groups", API_TASK, List.of(APP_SG)),
                Arguments.of(
                        "links.task.containers",
                        WEB_TASK_1,
                        List.of(container(WEB_TASK_1, "log-router"), container(WEB_TASK_1, "nginx"))),
                Arguments.of(
                        "links.task-definition.container-definitions",
                        WEB_TASK_DEFINITION,
                        List.of(LOG_ROUTER_DEFINITION, NGINX_DEFINITION)),
                Arguments.of("links.task-definition.task-role", WEB_TASK_DEFINITION, List.of(WEB_TASK_ROLE)),
                Arguments.of("links.task-definition.task-role", API_TASK_DEFINITION, List.of()),
                Arguments.of("links.task-definition.execution-role", API_TASK_DEFINITION, List.of(EXECUTION_ROLE)),
                Arguments.of(
                        "links.container-definition.task-definition", API_DEFINITION, List.of(API_TASK_DEFINITION)),
                Arguments.of("links.container-definition.image", NGINX_DEFINITION, List.of(NGINX_IMAGE)),
                Arguments.of("links.container.task", container(API_TASK, "api"), List.of(API_TASK)),
                Arguments.of("links.container.definition", container(API_TASK, "api"), List.of(API_DEFINITION)),
                Arguments.of("links.container.image", container(API_TASK, "api"), List.of(API_IMAGE)));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("links")
    @DisplayName("each link query finds the neighbours of one node")
    void link(String query, String parent, List<String> expected, GraphStore store) {
        EcsAccountFixture.standard().load(store);

        var rows = catalog.run(store, query, Map.of("ids", List.of(parent))).rows();

        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("parent", parent));
        assertThat(rows).extracting(row -> row.get("id")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("properties")).isInstanceOf(Map.class));
    }

    @Test
    @DisplayName("answers a whole batch of ids in one query, ordered by parent, without duplicates")
    void batch(GraphStore store) {
        EcsAccountFixture.withExtraApiTasks(2).load(store);
        var tasks = List.of(task("prod", 6), WEB_TASK_1, STAGING_TASK, "arn:aws:ecs:eu-west-1:1:task/x/unknown");

        var rows =
                catalog.run(store, "links.task.cluster", Map.of("ids", tasks)).rows();

        assertThat(rows)
                .extracting(row -> List.of(row.get("parent"), row.get("id")))
                .containsExactly(
                        List.of(WEB_TASK_1, PROD_CLUSTER),
                        List.of(task("prod", 6), PROD_CLUSTER),
                        List.of(STAGING_TASK, STAGING_CLUSTER));
        assertThat(rows.getFirst().get("labels")).isEqualTo(List.of("EcsCluster"));
    }

    @Test
    @DisplayName("every link query runs on an empty batch and declares the shared columns")
    void everyLinkRuns(GraphStore store) {
        var links = catalog.all().stream()
                .filter(q -> q.name().startsWith("links."))
                .toList();

        assertThat(links).hasSize(LinkQueries.ALL.size()).allSatisfy(query -> {
            assertThat(query.columns()).isEqualTo(LinkQueries.COLUMNS);
            var result = catalog.run(store, query.name(), Map.of("ids", List.of()));
            assertThat(result.columns()).isEqualTo(LinkQueries.COLUMNS);
            assertThat(result.rows()).isEmpty();
        });
    }
}
