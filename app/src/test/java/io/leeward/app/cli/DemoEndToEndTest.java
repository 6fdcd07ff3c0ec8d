package io.leeward.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo end to end, as a user runs it: generate and load through the real loader into an
 * embedded Neo4j under a fresh LEEWARD_HOME, then query, status, GraphQL over HTTP, and an ingest
 * with a malformed record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The demo, end to end")
class DemoEndToEndTest {
    @TempDir
    static Path home;

    @Test
    @Order(1)
    @DisplayName("demo --no-serve generates, loads and prints the summary with the planted risks")
    void demo() {
        var cli = Cli.run("--home", home.toString(), "demo", "--no-serve");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Generated demo account 123456789012 (eu-west-1)")
                .contains("rejected 0")
                .contains("Planted risks")
                .contains("open to the internet on 22 and 5432")
                .contains("EcsTask")
                .contains("iam:PassRole on * with ecs:RunTask (ECS PassRole escalation): orders-worker-task");
        assertThat(cli.out()).doesNotContain("Skipped");
        assertThat(home.resolve("demo/123456789012/eu-west-1")).isDirectory();
    }

    @Test
    @Order(2)
    @DisplayName(
            "query answers read-only Cypher over the loaded graph as JSON: every running task reaches a security group")
    void query() {
        var cli = Cli.run(
                "--home",
                home.toString(),
                "query",
                "--json",
                "MATCH (t:EcsTask {lastStatus: $status})-[:USES_ENI]->(:NetworkInterface)-[:PROTECTED_BY]->(:SecurityGroup) "
                        + "MATCH (t)-[:IN_CLUSTER]->(:EcsCluster) MATCH (t)-[:MEMBER_OF]->(:EcsService) "
                        + "MATCH (t)-[:INSTANCE_OF]->(:TaskDefinition) MATCH (t)-[:IN_SUBNET]->(:Subnet) "
                        + "RETURN count(DISTINCT t) AS tasks",
                "-p",
                "status=RUNNING");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        var rows = JsonMapper.builder().build().readTree(cli.out());
        assertThat(rows.get(0).get("tasks").asLong()).isEqualTo(22);
    }

    @Test
    @Order(3)
    @DisplayName("query refuses a write with exit code 3 and leaves the graph unchanged")
    void queryRefusesWrites() {
        var cli = Cli.run("--home", home.toString(), "query", "MATCH (n:EcsTask) DETACH DELETE n");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("Writing in read access mode not allowed");
        var count = Cli.run("--home", home.toString(), "query", "MATCH (n:EcsTask) RETURN count(n) AS n");
        assertThat(count.out()).contains("26");
    }

    @Test
    @Order(4)
    @DisplayName(
            "status shows the data directory, the Neo4j version, counts per label and the last complete sync per scope")
    void status() {
        var cli = Cli.run("--home", home.toString(), "status");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("embedded Neo4j, data in " + home.resolve("data"))
                .contains("Neo4j:   2026.08")
                .contains("EcsService           10")
                .contains("aws     123456789012  eu-west-1  EcsTask")
                .contains("complete");
    }

    @Test
    @Order(5)
    @DisplayName("serve answers a GraphQL request for workloads over HTTP")
    void serveGraphQl() throws Exception {
        try (var app = AppContext.start(new GlobalOptions(home, null, 0), true)) {
            int port =
                    ((WebServerApplicationContext) app.spring()).getWebServer().getPort();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(
                            HttpRequest.BodyPublishers.ofString(
                                    "{\"query\":\"{ workloads(first: 100) { totalCount edges { node { __typename id } } } }\"}"))
                    .build();
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            var body = JsonMapper.builder().build().readTree(response.body());
            assertThat(body.has("errors")).as(response.body()).isFalse();
            assertThat(body.at("/data/workloads/totalCount").asInt()).isEqualTo(36);
            assertThat(body.at("/data/workloads/edges").size()).isEqualTo(36);
        }
    }

    @Test
    @Order(6)
    @DisplayName(
            "the planted plain-text secrets become findings, and their values reach neither the graph, nor the output, nor"
                    + " any log")
    void secretsNowhere() throws Exception {
        var values = plantedSecretValues();
        assertThat(values).hasSize(3);
        var stdout = System.out;
        var stderr = System.err;
        var captured = new ByteArrayOutputStream();
        Cli cli;
        try (var tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            System.setErr(tee);
            cli = Cli.run(
                    "--home",
                    home.toString(),
                    "ingest",
                    "aws",
                    home.resolve("demo").toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        var findings = Cli.run(
                "--home",
                home.toString(),
                "query",
                "--json",
                "MATCH (f:Finding)-[:ON]->(d:ContainerDefinition) RETURN f.variable AS variable ORDER BY variable");
        assertThat(findings.out()).contains("DB_PASSWORD", "REPORTS_API_TOKEN", "WORDPRESS_DB_PASSWORD");
        var graph = Cli.run(
                "--home",
                home.toString(),
                "query",
                "--json",
                "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, collect(properties(r)) AS rels");
        assertThat(graph.exitCode()).as(graph.err()).isZero();
        var logs = new StringBuilder();
        try (var files = Files.walk(home.resolve("data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                logs.append(Files.readString(file));
            }
        }
        for (String value : values) {
            assertThat(graph.out()).doesNotContain(value);
            assertThat(cli.out() + cli.err()).doesNotContain(value);
            assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(value);
            assertThat(findings.out()).doesNotContain(value);
            assertThat(logs).doesNotContain(value);
        }
    }

    /** The values of the demo's plain-text secrets, read back from the generated files. */
    private static Set<String> plantedSecretValues() throws IOException {
        var names = Set.of("WORDPRESS_DB_PASSWORD", "DB_PASSWORD", "REPORTS_API_TOKEN");
        var values = new TreeSet<String>();
        var mapper = JsonMapper.builder().build();
        try (var files = Files.list(home.resolve("demo/123456789012/eu-west-1"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("ecs-describe-task-definition"))
                    .toList()) {
                for (var container : mapper.readTree(file.toFile()).at("/taskDefinition/containerDefinitions")) {
                    for (var variable : container.path("environment")) {
                        if (names.contains(variable.path("name").asString())) {
                            values.add(variable.path("value").asString());
                        }
                    }
                }
            }
        }
        return values;
    }

    @Test
    @Order(7)
    @DisplayName("ingest aws exits 1 on a malformed record, naming file, line and JSON pointer, and loads the rest")
    void ingestRejects() throws Exception {
        Path input = home.resolve("bad/111122223333/eu-west-1");
        Files.createDirectories(input);
        Files.writeString(input.resolve("ecs-describe-clusters.json"), """
                {
                    "clusters": [
                        {"clusterArn": "arn:aws:ecs:eu-west-1:111122223333:cluster/good", "clusterName": "good", "status": "ACTIVE"},
                        {"clusterArn": 42, "clusterName": "bad", "status": "ACTIVE"}
                    ],
                    "failures": []
                }
                """);

        var cli = Cli.run(
                "--home", home.toString(), "ingest", "aws", home.resolve("bad").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(cli.out())
                .contains("rejected 1")
                .contains("111122223333/eu-west-1/ecs-describe-clusters.json:4")
                .contains("/clusters/1/clusterArn: expected an ECS cluster ARN");
        var count =
                Cli.run("--home", home.toString(), "query", "MATCH (c:EcsCluster {name: 'good'}) RETURN count(c) AS n");
        assertThat(count.out()).contains("1 row").containsPattern("(?m)^1\\s*$");
    }
}
