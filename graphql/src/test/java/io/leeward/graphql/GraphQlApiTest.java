package io.leeward.graphql;

import static io.leeward.queries.testing.EcsAccountFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.QueryException;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.StoreException;
import io.leeward.graph.store.SyncRequest;
import io.leeward.queries.testing.EcsAccountFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

@SpringBootTest(classes = GraphQlTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("The GraphQL API")
class GraphQlApiTest {
    private static final String WORKLOAD_IDS = """
            query($first: Int, $after: String, $cluster: String, $kind: WorkloadKind) {
              workloads(first: $first, after: $after, cluster: $cluster, kind: $kind) {
                totalCount
                edges { cursor node { id kind } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }
            """;

    @Autowired
    CountingGraphStore store;

    @Autowired
    ExecutionGraphQlService service;

    GraphQlTester graphQl;
    EcsAccountFixture fixture;

    @BeforeEach
    void loadStandardAccount() {
        graphQl = ExecutionGraphQlServiceTester.create(service);
        load(EcsAccountFixture.standard());
    }

    void load(EcsAccountFixture account) {
        store.deleteAllData();
        account.load(store);
        fixture = account;
        store.reset();
    }

    static void assertClassified(List<ResponseError> errors, String classification) {
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(String.valueOf(error.getErrorType())).isEqualTo(classification);
            assertThat(error.getMessage()).doesNotContain("MATCH", "Exception", "at io.");
        });
    }

    @Nested
    @DisplayName("node(id)")
    class NodeLookup {
        static Stream<Arguments> types() {
            return Stream.of(
                    Arguments.of(
                            ACCOUNT,
                            "AwsAccount",
                            "... on AwsAccount { clusters { name } }",
                            "node.clusters[*].name",
                            List.of("prod", "staging")),
                    Arguments.of(
                            VPC,
                            "Vpc",
                            "... on Vpc { cidr cidrBlocks subnets { id } }",
                            "node.subnets[*].id",
                            List.of(PUBLIC_SUBNET, PRIVATE_SUBNET)),
                    Arguments.of(PUBLIC_SUBNET, "Subnet", "... on Subnet { vpc { id } }", "node.vpc.id", VPC),
                    Arguments.of(
                            WEB_SG,
                            "SecurityGroup",
                            "... on SecurityGroup { name rules { id } }",
                            "node.rules[*].id",
                            List.of(RULE_HTTPS_FROM_ANYWHERE)),
                    Arguments.of(
                            RULE_APP_FROM_WEB,
                            "SecurityGroupRule",
                            "... on SecurityGroupRule { fromPort peerGroupId allowedFrom { name } }",
                            "node.allowedFrom[*].name",
                            List.of("web")),
                    Arguments.of(
                            eni(1),
                            "NetworkInterface",
                            "... on NetworkInterface { privateIp publicIp task { id } }",
                            "node.task.id",
                            WEB_TASK_1),
                    Arguments.of(
                            PROD_CLUSTER,
                            "EcsCluster",
                            "... on EcsCluster { services { name } awsAccount { id } }",
                            "node.services[*].name",
                            List.of("api", "web")),
                    Arguments.of(
                            WEB_SERVICE,
                            "EcsService",
                            "... on EcsService { tasks { id } }",
                            "node.tasks[*].id",
                            List.of(WEB_TASK_1, WEB_TASK_2)),
                    Arguments.of(
                            API_TASK, "EcsTask", "... on EcsTask { subnet { id } }", "node.subnet.id", PRIVATE_SUBNET),
                    Arguments.of(
                            WEB_TASK_DEFINITION,
                            "TaskDefinition",
                            "... on TaskDefinition { family taskRole { name } }",
                            "node.taskRole.name",
                            "web-task"),
                    Arguments.of(
                            NGINX_DEFINITION,
                            "ContainerDefinition",
                            "... on ContainerDefinition { imageName image { id } }",
                            "node.image.id",
                            NGINX_IMAGE),
                    Arguments.of(
                            container(API_TASK, "api"),
                            "Container",
                            "... on Container { definition { name } }",
                            "node.definition.name",
                            "api"),
                    Arguments.of(
                            WEB_TASK_ROLE, "IamRole", "... on IamRole { name placeholder }", "node.name", "web-task"),
                    Arguments.of(NGINX_IMAGE, "Image", "... on Image { placeholder }", "node.placeholder", true));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("types")
        @DisplayName("finds every node type by its key with its fields and relationships")
        void findsEachType(String id, String type, String fragment, String path, Object expected) {
            var response = graphQl.document("query($id: ID!) { node(id: $id) { __typename id labels region account "
                            + fragment + " } }")
                    .variable("id", id)
                    .execute();

            response.path("node.__typename").entity(String.class).isEqualTo(type);
            response.path("node.id").entity(String.class).isEqualTo(id);
            response.path("node.labels").entityList(String.class).containsExactly(type);
            response.path(path).entity(Object.class).isEqualTo(expected);
        }

        @Test
        @DisplayName("answers every field of a task: scalars, times, properties and relationships")
        void taskInFull() {
            var response = graphQl.document("""
                            query($id: ID!) {
                              node(id: $id) {
                                ... on EcsTask {
                                  kind name status launchType platformVersion lastStatus desiredStatus
                                  startedAt stoppedAt stoppedReason stopCode group cpu memory eniId eniStatus privateIp
                                  firstSeen lastSeen source placeholder
                                  properties { name value }
                                  service { name } cluster { name } taskDefinition { family revision }
                                  networkInterfaces { id subnet { id } securityGroups { id } }
                                  subnet { id } securityGroups { name }
                                  containers { name image { id } }
                                }
                              }
                            }
                            """).variable("id", STAGING_TASK).execute();

            response.path("node.kind").entity(String.class).isEqualTo("TASK");
            response.path("node.name")
                    .entity(String.class)
                    .isEqualTo(STAGING_TASK.substring(STAGING_TASK.lastIndexOf('/') + 1));
            response.path("node.status").entity(String.class).isEqualTo("STOPPED");
            response.path("node.startedAt").entity(String.class).isEqualTo("2026-11-30T08:04:00Z");
            response.path("node.stoppedAt").entity(String.class).isEqualTo("2026-11-30T09:00:00Z");
            response.path("node.stopCode").entity(String.class).isEqualTo("EssentialContainerExited");
            response.path("node.source").entity(String.class).isEqualTo(SOURCE);
            response.path("node.placeholder").entity(Boolean.class).isEqualTo(false);
            response.path("node.properties[?(@.name == 'launchType')].value")
                    .entityList(String.class)
                    .containsExactly("FARGATE");
            response.path("node.service.name").entity(String.class).isEqualTo("api");
            response.path("node.cluster.name").entity(String.class).isEqualTo("staging");
            response.path("node.taskDefinition.revision").entity(Integer.class).isEqualTo(7);
            // ECS deleted the stopped task's ENI: the task keeps its id and address for attribution by time
            response.path("node.networkInterfaces").entityList(Object.class).hasSize(0);
            response.path("node.eniId").entity(String.class).isEqualTo(eni(4));
            response.path("node.eniStatus").entity(String.class).isEqualTo("DELETED");
            response.path("node.privateIp").entity(String.class).isEqualTo(privateIp(4, PRIVATE_SUBNET));
            response.path("node.subnet.id").entity(String.class).isEqualTo(PRIVATE_SUBNET);
            response.path("node.securityGroups").entityList(Object.class).hasSize(0);
            response.path("node.containers[*].image.id")
                    .entityList(String.class)
                    .containsExactly(API_IMAGE);
        }

        @Test
        @DisplayName("reads the properties as the AWS loader writes them: names, integers, datetimes, JSON text, lists")
        void loaderProperties() {
            var response = graphQl.document("""
                            query($open: ID!, $egress: ID!, $eni: ID!, $web: ID!, $api: ID!, $cluster: ID!) {
                              open: node(id: $open) {
                                ... on SecurityGroupRule { protocol fromPort toPort cidr peerGroupId openToInternet }
                              }
                              egress: node(id: $egress) {
                                ... on SecurityGroupRule { direction protocol fromPort toPort cidr openToInternet }
                              }
                              eni: node(id: $eni) {
                                ... on NetworkInterface { privateIp privateIps publicIp requesterManaged macAddress }
                              }
                              web: node(id: $web) {
                                ... on EcsService { assignPublicIp loadBalancers targetGroupArns createdAt tags }
                              }
                              api: node(id: $api) {
                                ... on ContainerDefinition {
                                  imageName environmentNames secretNames secretValueFrom user readonlyRootFilesystem
                                  linuxCapabilitiesAdded linuxCapabilitiesDropped logDriver portMappings cpu
                                }
                              }
                              cluster: node(id: $cluster) {
                                ... on EcsCluster { runningTasksCount activeServicesCount capacityProviders containerInsights }
                              }
                            }
                            """)
                    .variable("open", RULE_HTTPS_FROM_ANYWHERE)
                    .variable("egress", RULE_APP_EGRESS)
                    .variable("eni", eni(1))
                    .variable("web", WEB_SERVICE)
                    .variable("api", API_DEFINITION)
                    .variable("cluster", PROD_CLUSTER)
                    .execute();
            response.errors().verify();

            response.path("open.protocol").entity(String.class).isEqualTo("tcp");
            response.path("open.fromPort").entity(Integer.class).isEqualTo(443);
            response.path("open.cidr").entity(String.class).isEqualTo("0.0.0.0/0");
            response.path("open.peerGroupId").valueIsNull();
            response.path("open.openToInternet").entity(Boolean.class).isEqualTo(true);
            response.path("egress.direction").entity(String.class).isEqualTo("egress");
            response.path("egress.protocol").entity(String.class).isEqualTo("all");
            response.path("egress.fromPort").valueIsNull();
            response.path("egress.toPort").valueIsNull();
            response.path("eni.privateIp").entity(String.class).isEqualTo(privateIp(1, PUBLIC_SUBNET));
            response.path("eni.privateIps").entityList(String.class).containsExactly(privateIp(1, PUBLIC_SUBNET));
            response.path("eni.publicIp").entity(String.class).isEqualTo("203.0.113.10");
            response.path("eni.requesterManaged").entity(Boolean.class).isEqualTo(true);
            response.path("web.assignPublicIp").entity(String.class).isEqualTo("ENABLED");
            response.path("web.loadBalancers")
                    .entity(String.class)
                    .satisfies(json -> assertThat(json)
                            .startsWith("[{")
                            .contains("\"targetGroupArn\":\"" + WEB_TARGET_GROUP + "\"", "\"containerPort\":8080"));
            response.path("web.targetGroupArns").entityList(String.class).containsExactly(WEB_TARGET_GROUP);
            response.path("web.createdAt").entity(String.class).isEqualTo("2026-10-31T08:00:00Z");
            response.path("web.tags").entity(String.class).isEqualTo("{\"team\":\"payments\"}");
            response.path("api.environmentNames").entityList(String.class).containsExactly("SPRING_PROFILES_ACTIVE");
            response.path("api.secretNames").entityList(String.class).containsExactly("DB_PASSWORD");
            response.path("api.secretValueFrom[0]")
                    .entity(String.class)
                    .satisfies(from -> assertThat(from).startsWith(API_DB_SECRET));
            response.path("api.user").entity(String.class).isEqualTo("1000");
            response.path("api.readonlyRootFilesystem").entity(Boolean.class).isEqualTo(true);
            response.path("api.linuxCapabilitiesAdded").entityList(String.class).hasSize(0);
            response.path("api.linuxCapabilitiesDropped")
                    .entityList(String.class)
                    .containsExactly("ALL");
            response.path("api.portMappings")
                    .entity(String.class)
                    .satisfies(json -> assertThat(json).contains("\"containerPort\":8080"));
            response.path("api.cpu").entity(Integer.class).isEqualTo(0);
            response.path("cluster.runningTasksCount").entity(Integer.class).isEqualTo(3);
            response.path("cluster.activeServicesCount").entity(Integer.class).isEqualTo(2);
            response.path("cluster.capacityProviders")
                    .entityList(String.class)
                    .containsExactly("FARGATE", "FARGATE_SPOT");
        }

        @Test
        @DisplayName("resolves every relationship field of the schema without errors")
        void everyRelationship() {
            graphQl.document("""
                            query($account: ID!, $eni: ID!, $container: ID!) {
                              account: node(id: $account) {
                                ... on AwsAccount {
                                  vpcs {
                                    subnets { vpc { id } }
                                    securityGroups { vpc { id } rules { securityGroup { id } allowedFrom { id } } }
                                  }
                                  clusters {
                                    awsAccount { id }
                                    services {
                                      cluster { id } taskDefinition { id } subnets { id } securityGroups { id }
                                      tasks {
                                        service { id } cluster { id } subnet { id } securityGroups { id }
                                        networkInterfaces { id } containers { id }
                                        taskDefinition {
                                          taskRole { id } executionRole { id }
                                          containerDefinitions { taskDefinition { id } image { id } }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                              eni: node(id: $eni) { ... on NetworkInterface { subnet { id } securityGroups { id } task { id } } }
                              container: node(id: $container) {
                                ... on Container { task { id } definition { id } image { id } }
                              }
                            }
                            """)
                    .variable("account", ACCOUNT)
                    .variable("eni", eni(1))
                    .variable("container", container(WEB_TASK_1, "nginx"))
                    .execute()
                    .errors()
                    .verify()
                    .path("account.clusters[*].services[*].tasks[*].taskDefinition.executionRole.id")
                    .entityList(String.class)
                    .hasSize(4)
                    .path("container.image.id")
                    .entity(String.class)
                    .isEqualTo(NGINX_IMAGE);
        }

        @Test
        @DisplayName("answers a node of a label without its own type as GenericNode, and flags placeholders")
        void genericAndPlaceholder() {
            String loadBalancer = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1";
            String unloadedRole = "arn:aws:iam::111122223333:role/not-loaded-yet";
            try (var sync = store.beginSync(SyncRequest.of("other"))) {
                sync.write(NodeRecord.of(
                        NodeLabel.LoadBalancer, loadBalancer, ACCOUNT, REGION, Map.of("scheme", "internet-facing")));
                sync.reference(NodeRecord.of(NodeLabel.IamRole, unloadedRole, ACCOUNT, null, Map.of()));
                sync.write(RelRecord.of(
                        RelType.TASK_ROLE,
                        NodeLabel.TaskDefinition,
                        API_TASK_DEFINITION,
                        NodeLabel.IamRole,
                        unloadedRole,
                        ACCOUNT,
                        REGION));
                sync.complete();
            }

            graphQl.document("query($id: ID!) { node(id: $id) { __typename labels properties { name value } } }")
                    .variable("id", loadBalancer)
                    .execute()
                    .path("node.__typename")
                    .entity(String.class)
                    .isEqualTo("GenericNode")
                    .path("node.labels")
                    .entityList(String.class)
                    .containsExactly("LoadBalancer")
                    .path("node.properties[?(@.name == 'scheme')].value")
                    .entityList(String.class)
                    .containsExactly("internet-facing");
            graphQl.document(
                            "query($id: ID!) { node(id: $id) { ... on TaskDefinition { taskRole { id placeholder } } } }")
                    .variable("id", API_TASK_DEFINITION)
                    .execute()
                    .path("node.taskRole.id")
                    .entity(String.class)
                    .isEqualTo(unloadedRole)
                    .path("node.taskRole.placeholder")
                    .entity(Boolean.class)
                    .isEqualTo(true);
        }

        @Test
        @DisplayName("answers null for an unknown key, without an error")
        void unknownIsNull() {
            graphQl.document("{ node(id: \"arn:aws:ecs:eu-west-1:111122223333:task/prod/none\") { id } }")
                    .execute()
                    .errors()
                    .verify()
                    .path("node")
                    .valueIsNull();
        }

        @Test
        @DisplayName("refuses a blank key as BAD_REQUEST")
        void blankId() {
            graphQl.document("{ node(id: \" \") { id } }")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertClassified(errors, "BAD_REQUEST"));
        }
    }

    @Nested
    @DisplayName("workloads")
    class Workloads {
        @Test
        @DisplayName("pages through every service and task without duplicates or gaps")
        void pages() {
            load(EcsAccountFixture.withExtraApiTasks(20));
            var seen = new ArrayList<String>();
            var hasNext = new ArrayList<Boolean>();
            String after = null;
            do {
                var response = graphQl.document(WORKLOAD_IDS)
                        .variable("first", 10)
                        .variable("after", after)
                        .execute();
                seen.addAll(response.path("workloads.edges[*].node.id")
                        .entityList(String.class)
                        .get());
                response.path("workloads.totalCount").entity(Integer.class).isEqualTo(27);
                response.path("workloads.pageInfo.hasPreviousPage")
                        .entity(Boolean.class)
                        .isEqualTo(after != null);
                boolean next = response.path("workloads.pageInfo.hasNextPage")
                        .entity(Boolean.class)
                        .get();
                hasNext.add(next);
                after = next
                        ? response.path("workloads.pageInfo.endCursor")
                                .entity(String.class)
                                .get()
                        : null;
            } while (after != null && hasNext.size() < 10);

            assertThat(seen).containsExactlyElementsOf(fixture.workloadIds()).doesNotHaveDuplicates();
            assertThat(hasNext).containsExactly(true, true, false);
        }

        @Test
        @DisplayName("gives each edge a cursor that continues right after it")
        void edgeCursors() {
            var first = graphQl.document(WORKLOAD_IDS).variable("first", 3).execute();
            var cursors = first.path("workloads.edges[*].cursor")
                    .entityList(String.class)
                    .get();
            first.path("workloads.pageInfo.startCursor").entity(String.class).isEqualTo(cursors.getFirst());

            graphQl.document(WORKLOAD_IDS)
                    .variable("first", 2)
                    .variable("after", cursors.get(1))
                    .execute()
                    .path("workloads.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly(
                            fixture.workloadIds().get(2), fixture.workloadIds().get(3));
        }

        @Test
        @DisplayName("filters by cluster name or ARN and by kind")
        void filters() {
            for (String cluster : List.of("staging", STAGING_CLUSTER)) {
                graphQl.document(WORKLOAD_IDS)
                        .variable("cluster", cluster)
                        .execute()
                        .path("workloads.edges[*].node.id")
                        .entityList(String.class)
                        .containsExactly(STAGING_API_SERVICE, STAGING_TASK)
                        .path("workloads.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(2);
            }
            graphQl.document(WORKLOAD_IDS)
                    .variable("cluster", "prod")
                    .variable("kind", "SERVICE")
                    .execute()
                    .path("workloads.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly(API_SERVICE, WEB_SERVICE)
                    .path("workloads.edges[*].node.kind")
                    .entityList(String.class)
                    .containsExactly("SERVICE", "SERVICE");
        }

        @Test
        @DisplayName("answers an empty page with first: 0, and a count")
        void firstZero() {
            graphQl.document(WORKLOAD_IDS)
                    .variable("first", 0)
                    .execute()
                    .path("workloads.edges")
                    .entityList(Object.class)
                    .hasSize(0)
                    .path("workloads.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .isEqualTo(true)
                    .path("workloads.pageInfo.endCursor")
                    .valueIsNull()
                    .path("workloads.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(7);
        }

        @Test
        @DisplayName("reports an unknown cluster as NOT_FOUND")
        void unknownCluster() {
            graphQl.document(WORKLOAD_IDS)
                    .variable("cluster", "nope")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertClassified(errors, "NOT_FOUND"));
        }

        @ParameterizedTest(name = "after: {0}")
        @ValueSource(strings = {"not a cursor!", "aGVsbG8", "d29ya2xvYWQ6", ""})
        @DisplayName("refuses cursors it did not issue as BAD_REQUEST")
        void badCursor(String after) {
            graphQl.document(WORKLOAD_IDS)
                    .variable("after", after)
                    .execute()
                    .errors()
                    .satisfy(errors -> {
                        assertClassified(errors, "BAD_REQUEST");
                        assertThat(errors.getFirst().getMessage()).contains("after is not a workload cursor");
                    });
        }

        @ParameterizedTest(name = "first: {0}")
        @ValueSource(ints = {-1, 501, 100_000})
        @DisplayName("refuses first outside 0..500 as BAD_REQUEST")
        void firstOutOfRange(int first) {
            graphQl.document(WORKLOAD_IDS)
                    .variable("first", first)
                    .execute()
                    .errors()
                    .satisfy(errors -> {
                        assertClassified(errors, "BAD_REQUEST");
                        assertThat(errors.getFirst().getMessage())
                                .isEqualTo("first must be between 0 and 500, was " + first);
                    });
        }
    }

    @Test
    @DisplayName("stats gives node and relationship totals and the last syncs")
    void stats() {
        var response = graphQl.document("""
                        {
                          stats {
                            nodeTotal relationshipTotal
                            nodeCounts { label count }
                            relationshipCounts { type count }
                            syncScopes { source account region kind lastComplete lastCompleteAt }
                            syncRuns(limit: 5) { syncId source status nodes relationships startedAt }
                          }
                        }
                        """).execute();

        response.path("stats.nodeTotal")
                .entity(Integer.class)
                .isEqualTo(fixture.nodes().size() + fixture.placeholders().size());
        response.path("stats.relationshipTotal")
                .entity(Integer.class)
                .isEqualTo(fixture.relationships().size());
        response.path("stats.nodeCounts[?(@.label == 'EcsTask')].count")
                .entityList(Integer.class)
                .containsExactly(4);
        response.path("stats.relationshipCounts[?(@.type == 'USES_ENI')].count")
                .entityList(Integer.class)
                .containsExactly(3);
        var regional = fixture.coveredLabels().stream()
                .filter(label -> label != NodeLabel.AwsAccount)
                .map(NodeLabel::name)
                .sorted()
                .toList();
        response.path("stats.syncScopes[*].kind")
                .entityList(String.class)
                .containsExactly(Stream.concat(regional.stream(), Stream.of("AwsAccount"))
                        .toArray(String[]::new));
        response.path("stats.syncScopes[*].lastComplete")
                .entityList(Boolean.class)
                .hasSize(regional.size() + 1)
                .doesNotContain(false);
        response.path("stats.syncScopes[" + regional.size() + "].region")
                .entity(String.class)
                .isEqualTo("global");
        response.path("stats.syncRuns[0].status").entity(String.class).isEqualTo("complete");
        response.path("stats.syncRuns[0].nodes")
                .entity(Integer.class)
                .isEqualTo(fixture.nodes().size());
        assertThat(store.roundTrips()).as("counts, scopes, runs").isEqualTo(3);
    }

    @Nested
    @DisplayName("round-trips to Neo4j")
    class RoundTrips {
        private int roundTrips(String document, int first) {
            store.reset();
            graphQl.document(document)
                    .variable("first", first)
                    .execute()
                    .errors()
                    .verify();
            return store.roundTrips();
        }

        @Test
        @DisplayName("a page of workloads with their clusters costs the same whatever its size")
        void workloadsWithClusters() {
            load(EcsAccountFixture.withExtraApiTasks(60));
            String document =
                    "query($first: Int) { workloads(first: $first) { edges { node { id cluster { name } } } } }";

            assertThat(roundTrips(document, 2))
                    .as("services only: page + service clusters")
                    .isEqualTo(2);
            assertThat(roundTrips(document, 5))
                    .as("page + service clusters + task clusters")
                    .isEqualTo(3);
            assertThat(roundTrips(document, 50)).isEqualTo(3);
            assertThat(roundTrips(document, 500)).isEqualTo(3);
        }

        @Test
        @DisplayName("nested relationship fields cost one query per field, not per parent")
        void nestedFields() {
            load(EcsAccountFixture.withExtraApiTasks(30));
            String document = """
                    query($first: Int) {
                      workloads(first: $first, kind: TASK) {
                        totalCount
                        nodes {
                          id
                          ... on EcsTask {
                            service { name cluster { name } }
                            containers { name definition { name } image { id } }
                            networkInterfaces { id securityGroups { rules { id allowedFrom { name } } } }
                          }
                        }
                      }
                    }
                    """;

            int few = roundTrips(document, 3);
            int many = roundTrips(document, 30);

            // page, count, service, service cluster, containers, definitions, images, ENIs, groups, rules, allowedFrom
            assertThat(few).isEqualTo(11);
            assertThat(many).isEqualTo(few);
        }
    }

    @Nested
    @DisplayName("errors")
    class Errors {
        @Test
        @DisplayName("a store failure reaches the client as INTERNAL_ERROR without Cypher or exception text")
        void internalError() {
            store.failOnRead(
                    1,
                    new QueryException(
                            "Invalid input 'MATCH (n:`EcsTask` {id: $id})': expected ...",
                            new IllegalStateException("driver detail")));

            graphQl.document("{ node(id: \"x\") { id } }").execute().errors().satisfy(errors -> {
                assertClassified(errors, "INTERNAL_ERROR");
                assertThat(errors.getFirst().getMessage())
                        .startsWith("Internal error; the server log has it under ")
                        .doesNotContain("Invalid input", "driver detail");
                assertThat(errors.getFirst().getExtensions()).doesNotContainKeys("exception", "stackTrace");
            });
        }

        @Test
        @DisplayName("a retryable store failure is INTERNAL_ERROR with a hint to retry")
        void retryable() {
            store.failOnRead(1, new StoreException("leader switch at bolt://10.0.0.1", null, true));

            graphQl.document("{ node(id: \"" + WEB_SERVICE + "\") { id } }")
                    .execute()
                    .errors()
                    .satisfy(errors -> {
                        assertClassified(errors, "INTERNAL_ERROR");
                        assertThat(errors.getFirst().getMessage())
                                .isEqualTo("The graph store is busy or unreachable; retry later.");
                    });
        }

        @Test
        @DisplayName("a failing batch loader fails only its field, classified, and the page still answers")
        void failingBatch() {
            store.failOnRead(2, new QueryException("Neo.ClientError.Statement.SyntaxError in UNWIND $ids", null));

            graphQl.document("{ workloads(first: 2) { edges { node { id cluster { name } } } } }")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors).hasSize(2).allSatisfy(error -> {
                        assertThat(String.valueOf(error.getErrorType())).isEqualTo("INTERNAL_ERROR");
                        assertThat(error.getMessage()).doesNotContain("UNWIND", "SyntaxError");
                        assertThat(error.getPath()).endsWith(".cluster");
                    }))
                    .path("workloads.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly(API_SERVICE, WEB_SERVICE);
        }
    }

    @Nested
    @DisplayName("over HTTP")
    class Http {
        @LocalServerPort
        int port;

        private String post(String query) {
            return RestClient.create("http://localhost:" + port)
                    .post()
                    .uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
                    .body(Map.of("query", query))
                    .retrieve()
                    .body(String.class);
        }

        @Test
        @DisplayName("serves /graphql with data and classified errors, no stack traces")
        void servesGraphQl() {
            assertThat(post("{ workloads(first: 1) { totalCount edges { node { id } } } }"))
                    .contains("\"totalCount\":7")
                    .contains(API_SERVICE);

            String badCursor = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(post("{ workloads(after: \"" + badCursor + "\") { totalCount } }"))
                    .contains("\"classification\":\"BAD_REQUEST\"")
                    .contains("after is not a workload cursor")
                    .doesNotContain("Exception", "stackTrace");
        }
    }

    @Test
    @DisplayName("maps every schema field to a controller or a property of the returned objects")
    void schemaFullyMapped() {
        var report = GraphQlTestApplication.SCHEMA_REPORT.get();

        assertThat(report).isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
    }
}
