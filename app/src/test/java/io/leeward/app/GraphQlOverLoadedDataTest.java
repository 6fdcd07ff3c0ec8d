package io.leeward.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.app.demo.DemoGenerator;
import io.leeward.app.demo.DemoManifest;
import io.leeward.app.demo.DemoManifest.Kind;
import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.store.GraphStore;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL API over what the real AWS loader writes: the demo account generated as AWS CLI
 * output, imported by {@link AwsCliImport} into the application's own embedded store (the {@code
 * GraphStore} bean under {@code leeward.home}), then read through Spring for GraphQL. Catches a
 * GraphQL field that reads a property under another name or type than the loader writes it.
 */
@SpringBootTest(
        classes = LeewardApplication.class,
        properties = {"spring.main.web-application-type=none", "spring.main.banner-mode=off"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@DisplayName("GraphQL over the demo account as the AWS loader loads it")
class GraphQlOverLoadedDataTest {
    /** Under target/ like the other embedded stores of the build; not deleted while Neo4j may hold it. */
    private static final Path HOME = newHome();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    /**
     * Typed fields the demo input has no value for on any node of the kind, with why: everything else
     * must come back non-null on at least one node.
     */
    private static final Map<String, Set<String>> ABSENT_FROM_DEMO = Map.ofEntries(
            // global
            Map.entry("AwsAccount", Set.of("region")),
            // global; the loader names the placeholder from the ARN
            Map.entry("IamRole", Set.of("region")),
            // keyed by digest, in no account
            Map.entry("Image", Set.of("account", "region")),
            Map.entry("Vpc", Set.of()),
            Map.entry("Subnet", Set.of()),
            Map.entry("SecurityGroup", Set.of()),
            // no peered VPCs
            Map.entry("SecurityGroupRule", Set.of("peerVpcId", "vpcPeeringConnectionId")),
            // empty TagSet
            Map.entry("NetworkInterface", Set.of("name", "tags")),
            Map.entry("EcsCluster", Set.of()),
            // launch type FARGATE, no capacity provider strategy
            Map.entry("EcsService", Set.of("capacityProviderStrategy")),
            Map.entry("EcsTask", Set.of("capacityProviderName")),
            // no pid/ipc mode, no ephemeralStorage (the tasks have it), no deregistered revision, empty tags
            Map.entry("TaskDefinition", Set.of("pidMode", "ipcMode", "ephemeralStorageGiB", "deregisteredAt", "tags")),
            // hard memory limits only
            Map.entry("ContainerDefinition", Set.of("memoryReservation")),
            // no container failed to start or has a soft limit
            Map.entry("Container", Set.of("reason", "memoryReservation")));

    @DynamicPropertySource
    static void leewardHome(DynamicPropertyRegistry registry) {
        registry.add("leeward.home", HOME::toString);
    }

    @Autowired
    GraphStore store;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    ExecutionGraphQlService service;

    GraphQlTester graphQl;
    DemoManifest demo;

    @BeforeAll
    void loadDemoAccount() {
        demo = DemoGenerator.builder().build().generate(HOME.resolve("demo-input"));
        IngestReport report = AwsCliImport.create(fingerprints).load(demo.directory(), store, ProgressListener.NONE);
        assertThat(report.hasRejections()).as("rejections of the demo input").isFalse();
        graphQl = ExecutionGraphQlServiceTester.create(service);
    }

    static Stream<String> typedKinds() {
        return ABSENT_FROM_DEMO.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedKinds")
    @DisplayName("answers the typed fields of every node kind wherever the loader stored a value")
    void typedFields(String type) {
        List<String> ids = ids(NodeLabel.valueOf(type));
        assertThat(ids).as("%s nodes loaded from the demo", type).isNotEmpty();
        List<String> fields = scalarFields(type);
        var document = new StringBuilder("query(");
        for (int i = 0; i < ids.size(); i++) {
            document.append(i == 0 ? "" : ", ").append("$id").append(i).append(": ID!");
        }
        document.append(") {");
        for (int i = 0; i < ids.size(); i++) {
            document.append(" n").append(i).append(": node(id: $id").append(i).append(") { ...typed }");
        }
        document.append(" } fragment typed on ").append(type).append(" { __typename ");
        document.append(String.join(" ", fields)).append(" properties { name value } }");
        var request = graphQl.document(document.toString());
        for (int i = 0; i < ids.size(); i++) {
            request = request.variable("id" + i, ids.get(i));
        }
        var response = request.execute();
        response.errors().verify();

        var everNonNull = new LinkedHashSet<String>();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> node = response.path("n" + i).entity(OBJECT).get();
            Map<String, String> properties =
                    response.path("n" + i + ".properties").entityList(Property.class).get().stream()
                            .collect(Collectors.toMap(Property::name, Property::value));
            assertThat(node.get("__typename")).isEqualTo(type);
            for (String field : fields) {
                String stored = properties.get(propertyOf(field));
                if (stored != null && !stored.equals("null")) {
                    assertThat(node.get(field))
                            .as("%s.%s of %s, stored as %s", type, field, ids.get(i), stored)
                            .isNotNull();
                }
                if (node.get(field) != null) {
                    everNonNull.add(field);
                }
            }
        }
        var expected = new ArrayList<>(fields);
        expected.removeAll(ABSENT_FROM_DEMO.get(type));
        assertThat(everNonNull)
                .as("%s fields non-null on at least one of %d nodes", type, ids.size())
                .containsAll(expected);
    }

    @Test
    @DisplayName("pages through all 10 services and 26 tasks of the demo with workloads")
    void workloadsPageOverTheDemo() {
        assertThat(demo.count(Kind.SERVICE)).isEqualTo(10);
        assertThat(demo.count(Kind.TASK)).isEqualTo(26);
        var seen = new ArrayList<Workload>();
        String after = null;
        int pages = 0;
        do {
            var response = graphQl.document("""
                            query($after: String) {
                              workloads(first: 7, after: $after) {
                                totalCount
                                nodes { id kind name status }
                                pageInfo { hasNextPage endCursor }
                              }
                            }
                            """).variable("after", after).execute();
            response.path("workloads.totalCount").entity(Integer.class).isEqualTo(36);
            seen.addAll(
                    response.path("workloads.nodes").entityList(Workload.class).get());
            boolean next = response.path("workloads.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = next
                    ? response.path("workloads.pageInfo.endCursor")
                            .entity(String.class)
                            .get()
                    : null;
            pages++;
        } while (after != null && pages < 20);

        assertThat(pages).isEqualTo(6);
        assertThat(seen).extracting(Workload::id).doesNotHaveDuplicates().isSorted();
        assertThat(seen).filteredOn(w -> w.kind().equals("SERVICE")).hasSize(10);
        assertThat(seen).filteredOn(w -> w.kind().equals("TASK")).hasSize(26);
        assertThat(seen).allSatisfy(w -> {
            assertThat(w.name()).isNotBlank();
            assertThat(w.status()).isNotBlank();
        });
    }

    @Test
    @DisplayName("resolves a running Fargate task's cluster, service, task definition, ENI, subnet and groups")
    void runningFargateTask() {
        List<Task> running = graphQl.document("""
                        {
                          workloads(kind: TASK, first: 500) {
                            nodes {
                              ... on EcsTask {
                                id lastStatus launchType eniId privateIp
                                cluster { id }
                                service { id cluster { id } }
                                taskDefinition { id family revision }
                                networkInterfaces { id privateIp subnet { id } securityGroups { id } }
                                subnet { id }
                                securityGroups { id }
                              }
                            }
                          }
                        }
                        """)
                .execute()
                .path("workloads.nodes[?(@.lastStatus == 'RUNNING' && @.launchType == 'FARGATE')]")
                .entityList(Task.class)
                .get();

        assertThat(running).hasSize(demo.count(Kind.RUNNING_TASK)).allSatisfy(task -> {
            assertThat(task.cluster()).isNotNull();
            assertThat(task.service()).isNotNull();
            assertThat(task.service().cluster()).isEqualTo(task.cluster());
            assertThat(task.taskDefinition()).isNotNull();
            assertThat(task.taskDefinition().family()).isNotBlank();
            assertThat(task.networkInterfaces()).singleElement().satisfies(eni -> {
                assertThat(eni.id()).isEqualTo(task.eniId());
                assertThat(eni.privateIp()).isNotNull().isEqualTo(task.privateIp());
                assertThat(eni.subnet()).isNotNull().isEqualTo(task.subnet());
                assertThat(eni.securityGroups()).isNotEmpty().containsExactlyElementsOf(task.securityGroups());
            });
        });
    }

    @Test
    @DisplayName(
            "never answers an environment variable's value, even when asked for every field of every container definition")
    void noEnvironmentValues() {
        var environment = environmentValues();
        assertThat(environment).as("the demo's planted DB_PASSWORD").containsKey("DB_PASSWORD");
        String elsewhere = inputWithoutEnvironmentValues();
        Set<String> onlyInEnvironment = environment.values().stream()
                .flatMap(Set::stream)
                .filter(value -> !elsewhere.contains(value))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(onlyInEnvironment).containsAll(environment.get("DB_PASSWORD"));

        List<String> ids = ids(NodeLabel.ContainerDefinition);
        String fields = String.join(" ", scalarFields("ContainerDefinition")) + " properties { name value }";
        var document = new StringBuilder("query(");
        for (int i = 0; i < ids.size(); i++) {
            document.append(i == 0 ? "" : ", ").append("$id").append(i).append(": ID!");
        }
        document.append(") { workloads(first: 500) { nodes { taskDefinition { containerDefinitions { ")
                .append(fields)
                .append(" } } } }");
        for (int i = 0; i < ids.size(); i++) {
            document.append(" c")
                    .append(i)
                    .append(": node(id: $id")
                    .append(i)
                    .append(") { ... on ContainerDefinition { ")
                    .append(fields)
                    .append(" } }");
        }
        document.append(" }");
        var request = graphQl.document(document.toString());
        for (int i = 0; i < ids.size(); i++) {
            request = request.variable("id" + i, ids.get(i));
        }
        var response = request.execute();
        response.errors().verify();
        String text = JSON.writeValueAsString(response.returnResponse().toMap());

        assertThat(response.path("c0.name").entity(String.class).get()).isNotBlank();
        assertThat(text).as("the names are answered").contains("\"DB_PASSWORD\"");
        for (String value : onlyInEnvironment) {
            assertThat(text)
                    .as("a GraphQL response holding an environment value")
                    .doesNotContain(value);
        }
    }

    /** The ids of a label's nodes, from the store; the label comes from the schema enum. */
    private List<String> ids(NodeLabel label) {
        return store.query("MATCH (n:" + label.cypher() + ") RETURN n.id AS id ORDER BY id", Map.of()).rows().stream()
                .map(row -> (String) row.get("id"))
                .toList();
    }

    /** The fields of a GraphQL type whose values are scalars or enums (or lists of them), by introspection. */
    private List<String> scalarFields(String type) {
        return graphQl
                .document("""
                        query($type: String!) {
                          __type(name: $type) {
                            fields { name type { kind ofType { kind ofType { kind ofType { kind } } } } }
                          }
                        }
                        """)
                .variable("type", type)
                .execute()
                .path("__type.fields")
                .entityList(Field.class)
                .get()
                .stream()
                .filter(Field::isScalar)
                .map(Field::name)
                .toList();
    }

    /** The stored property a typed field reads: its own name, except where that would clash with a relationship. */
    private static String propertyOf(String field) {
        return field.equals("imageName") ? "image" : field;
    }

    /** Environment variable values of the generated task definitions, by variable name. */
    private Map<String, Set<String>> environmentValues() {
        var values = new LinkedHashMap<String, Set<String>>();
        for (JsonNode container : containerDefinitions()) {
            for (JsonNode variable : container.path("environment")) {
                values.computeIfAbsent(variable.get("name").asString(), k -> new LinkedHashSet<>())
                        .add(variable.get("value").asString());
            }
        }
        return values;
    }

    /** Every generated file as text with the environment values blanked out. */
    private String inputWithoutEnvironmentValues() {
        var text = new StringBuilder();
        for (Path file : inputFiles()) {
            JsonNode document = JSON.readTree(file.toFile());
            for (JsonNode container : document.path("taskDefinition").path("containerDefinitions")) {
                for (JsonNode variable : container.path("environment")) {
                    ((ObjectNode) variable).put("value", "");
                }
            }
            text.append(JSON.writeValueAsString(document)).append('\n');
        }
        return text.toString();
    }

    private List<JsonNode> containerDefinitions() {
        var containers = new ArrayList<JsonNode>();
        for (Path file : inputFiles()) {
            JSON.readTree(file.toFile())
                    .path("taskDefinition")
                    .path("containerDefinitions")
                    .forEach(containers::add);
        }
        return containers;
    }

    private List<Path> inputFiles() {
        try (Stream<Path> files = Files.list(demo.regionDirectory())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newHome() {
        try {
            Path target = Path.of("target");
            Path base = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base.toAbsolutePath(), "leeward-graphql-over-loaded-data-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Leeward home for the test", e);
        }
    }

    record Property(String name, String value) {}

    record Workload(String id, String kind, String name, String status) {}

    record Ref(String id) {}

    record Definition(String id, String family, Integer revision) {}

    record Service(String id, Ref cluster) {}

    record Eni(String id, String privateIp, Ref subnet, List<Ref> securityGroups) {}

    record Task(
            String id,
            String lastStatus,
            String launchType,
            String eniId,
            String privateIp,
            Ref cluster,
            Service service,
            Definition taskDefinition,
            List<Eni> networkInterfaces,
            Ref subnet,
            List<Ref> securityGroups) {}

    /** An introspected field: scalar when its type, unwrapped of non-null and list, is a scalar or an enum. */
    record Field(String name, TypeRef type) {
        boolean isScalar() {
            TypeRef t = type;
            while (t != null && (t.kind().equals("NON_NULL") || t.kind().equals("LIST"))) {
                t = t.ofType();
            }
            return t != null && (t.kind().equals("SCALAR") || t.kind().equals("ENUM"));
        }
    }

    record TypeRef(String kind, TypeRef ofType) {}
}
