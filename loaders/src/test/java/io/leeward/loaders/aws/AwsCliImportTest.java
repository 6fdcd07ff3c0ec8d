package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.graph.store.SyncSummary.ScopeResult;
import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.IngestReport.Counts;
import io.leeward.loaders.ingest.IngestReport.Skipped;
import io.leeward.loaders.ingest.Rejection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@WithNeo4j
@DisplayName("Importing AWS CLI output")
class AwsCliImportTest extends CliImportTestSupport {
    private static final String REGION_DIR = "111122223333/eu-west-1/";
    private static final String CLUSTER = "arn:aws:ecs:eu-west-1:111122223333:cluster/prod";
    private static final String WEB_TASK =
            "arn:aws:ecs:eu-west-1:111122223333:task/prod/0f3c8e7a9b2d4c6e8f0a1b3c5d7e9f1a";
    private static final String STOPPED_TASK =
            "arn:aws:ecs:eu-west-1:111122223333:task/prod/1e2d3c4b5a69788796a5b4c3d2e1f0a9";

    @Override
    String fixture() {
        return "/aws/cli";
    }

    /** Edits one input file of the region directory as a JSON tree. */
    private void edit(String file, Consumer<ObjectNode> change) throws IOException {
        editFile(REGION_DIR + file, change);
    }

    @Nested
    @DisplayName("the fixture")
    class Fixture {
        @Test
        @DisplayName("loads every record, reports counts per file and kind, and lists the file it skipped")
        void loads() {
            var report = load();

            assertThat(report.hasRejections()).isFalse();
            assertThat(report.rejections()).isEmpty();
            assertThat(report.kinds())
                    .containsEntry("ec2-describe-vpcs", new Counts(3, 0))
                    .containsEntry("ec2-describe-subnets", new Counts(3, 0))
                    .containsEntry("ec2-describe-security-groups", new Counts(4, 0))
                    .containsEntry("ec2-describe-network-interfaces", new Counts(7, 0))
                    .containsEntry("ecs-describe-clusters", new Counts(1, 0))
                    .containsEntry("ecs-describe-task-definition", new Counts(2, 0))
                    .containsEntry("ecs-describe-services", new Counts(2, 0))
                    .containsEntry("ecs-describe-tasks", new Counts(5, 0))
                    .containsEntry("elbv2-describe-load-balancers", new Counts(1, 0))
                    .containsEntry("elbv2-describe-listeners", new Counts(2, 0))
                    .containsEntry("elbv2-describe-target-groups", new Counts(3, 0));
            assertThat(report.files()).hasSize(25);
            assertThat(report.skipped())
                    .containsExactly(new Skipped(
                            REGION_DIR + "ecs-list-tasks-prod.json",
                            "not a recognised file name; expected " + FileKind.expectedNames()));
            assertThat(report.summary().unresolved()).isEmpty();
            assertThat(report.summary().nodesWritten())
                    .containsEntry("Vpc", 3L)
                    .containsEntry("EcsTask", 5L)
                    .containsEntry("Container", 7L)
                    .containsEntry("ContainerDefinition", 3L);
            assertThat(
                            count(
                                    "MATCH (n {source: 'aws'}) WHERE n.placeholder IS NULL AND NOT n:SyncScope AND NOT n:SyncRun RETURN count(n)"))
                    .isEqualTo(report.summary().totalNodes())
                    .isEqualTo(74);
            assertThat(count("MATCH (n {placeholder: true}) RETURN count(n)")).isEqualTo(19);
        }

        @Test
        @DisplayName(
                "a Fargate task links to its ENI, subnet, security groups through the ENI, task definition, service and cluster")
        void fargateTask() {
            load();

            var row = rows("""
                    MATCH (t:EcsTask {id: $task})
                    MATCH (t)-[:USES_ENI]->(eni:NetworkInterface)-[:IN_SUBNET]->(s:Subnet)-[:IN_VPC]->(v:Vpc)
                    MATCH (t)-[:IN_SUBNET]->(s)
                    MATCH (eni)-[:PROTECTED_BY]->(sg:SecurityGroup)
                    MATCH (t)-[:INSTANCE_OF]->(td:TaskDefinition)-[:TASK_ROLE]->(role:IamRole)
                    MATCH (t)-[:MEMBER_OF]->(svc:EcsService)-[:RUNS]->(td)
                    MATCH (t)-[:IN_CLUSTER]->(c:EcsCluster)<-[:IN_CLUSTER]-(svc)
                    MATCH (c)-[:IN_ACCOUNT]->(a:AwsAccount)<-[:IN_ACCOUNT]-(v)
                    RETURN eni.id AS eni, eni.privateIp AS ip, s.id AS subnet, collect(sg.name) AS groups, td.id AS td,
                           role.id AS role, role.placeholder AS rolePlaceholder, svc.name AS service, c.id AS cluster,
                           a.id AS account, t.privateIp AS taskIp, t.launchType AS launchType, t.startedAt AS startedAt
                    """.replace("$task", "'" + WEB_TASK + "'")).getFirst();

            assertThat(row)
                    .containsEntry("eni", "eni-0f1e2d3c4b5a69788")
                    .containsEntry("ip", "10.0.1.23")
                    .containsEntry("taskIp", "10.0.1.23")
                    .containsEntry("subnet", "subnet-0a11b22c33d44e551")
                    .containsEntry("groups", List.of("web-tasks"))
                    .containsEntry("td", "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:42")
                    .containsEntry("role", "arn:aws:iam::111122223333:role/web-task")
                    .containsEntry("rolePlaceholder", true)
                    .containsEntry("service", "web")
                    .containsEntry("cluster", CLUSTER)
                    .containsEntry("account", "111122223333")
                    .containsEntry("launchType", "FARGATE");
            assertThat(row.get("startedAt")).hasToString("2024-04-29T16:26:40.511Z");
        }

        @Test
        @DisplayName("an internet-facing ALB reaches the web service's tasks: listener, target group, service, task")
        void loadBalancerPath() {
            load();

            var row = rows("""
                    MATCH (lb:LoadBalancer)-[:HAS_LISTENER]->(l:Listener {port: 443})-[:FORWARDS_TO]->(tg:TargetGroup)
                    MATCH (tg)-[:TARGETS]->(svc:EcsService)<-[:MEMBER_OF]-(t:EcsTask {id: '%s'})
                    MATCH (lb)-[:IN_VPC]->(v:Vpc)<-[:IN_VPC]-(tg)
                    MATCH (lb)-[:PROTECTED_BY]->(sg:SecurityGroup)
                    RETURN lb.name AS lb, lb.scheme AS scheme, lb.type AS type, lb.state AS state,
                           lb.dnsName AS dns, lb.subnetIds AS subnets, l.protocol AS protocol, l.sslPolicy AS policy,
                           l.certificateArns AS certificates, tg.name AS tg, tg.targetType AS targetType,
                           tg.healthCheckPath AS healthPath, tg.placeholder AS tgPlaceholder, svc.name AS service,
                           v.id AS vpc, sg.name AS group, lb.createdTime AS created,
                           COUNT { (lb)-[:IN_SUBNET]->(:Subnet) } AS inSubnets,
                           [(lb)-[:USES_ENI]->(eni:NetworkInterface) | eni.id] AS enis
                    """.formatted(WEB_TASK)).getFirst();

            assertThat(row)
                    .containsEntry("lb", "web-alb")
                    .containsEntry("scheme", "internet-facing")
                    .containsEntry("type", "application")
                    .containsEntry("state", "active")
                    .containsEntry("dns", "web-alb-1234567890.eu-west-1.elb.amazonaws.com")
                    .containsEntry("subnets", List.of("subnet-0c33d44e55f66a773", "subnet-0b22c33d44e55f662"))
                    .containsEntry("inSubnets", 2L)
                    .containsEntry("protocol", "HTTPS")
                    .containsEntry("policy", "ELBSecurityPolicy-TLS13-1-2-2021-06")
                    .containsEntry(
                            "certificates",
                            List.of(
                                    "arn:aws:acm:eu-west-1:111122223333:certificate/3b2f8a1c-4d5e-4f6a-8b7c-9d0e1f2a3b4c"))
                    .containsEntry("tg", "web-tg")
                    .containsEntry("targetType", "ip")
                    .containsEntry("healthPath", "/actuator/health")
                    .containsEntry("tgPlaceholder", null)
                    .containsEntry("service", "web")
                    .containsEntry("vpc", "vpc-0a1b2c3d4e5f60718")
                    .containsEntry("group", "web-alb")
                    .containsEntry("enis", List.of("eni-0c4b5a69788990011"));
            assertThat(row.get("created")).hasToString("2023-11-07T12:31:18.620Z");
            assertThat(count("MATCH (l:Listener {port: 80}) WHERE NOT (l)-[:FORWARDS_TO]->() RETURN count(l)"))
                    .as("a redirect listener forwards nowhere")
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("containers link to their definitions and images, and definitions to the secrets they read")
        void containers() {
            load();

            var rows = rows("""
                    MATCH (:EcsTask {id: '%s'})-[:HAS_CONTAINER]->(c:Container)-[:INSTANCE_OF]->(d:ContainerDefinition)
                    MATCH (c)-[:RUNS_IMAGE]->(i:Image)
                    OPTIONAL MATCH (d)-[:READS_SECRET]->(s:Secret)
                    WITH c, d, i, s ORDER BY s.id
                    RETURN c.name AS name, c.runtimeId AS runtimeId, i.id AS image, d.readonlyRootFilesystem AS readOnly,
                           d.linuxCapabilitiesAdded AS caps, collect(s.id) AS secrets
                    ORDER BY name
                    """.formatted(WEB_TASK));

            assertThat(rows).extracting(r -> r.get("name")).containsExactly("log-router", "web");
            assertThat(rows.get(1))
                    .containsEntry("runtimeId", "0f3c8e7a9b2d4c6e8f0a1b3c5d7e9f1a-0527074092")
                    .containsEntry("image", "sha256:5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c")
                    .containsEntry("readOnly", true)
                    .containsEntry("caps", List.of("NET_BIND_SERVICE"))
                    .containsEntry(
                            "secrets",
                            List.of(
                                    "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/web/db-AbCdEf",
                                    "arn:aws:ssm:eu-west-1:111122223333:parameter/prod-web-session-secret",
                                    "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/web/stripe-key"));
            assertThat(
                            count(
                                    "MATCH (:ContainerDefinition {name: 'log-router'})-[:RUNS_IMAGE]->(i:Image) RETURN count(i)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName(
                "a stopped task of a revision not in the input points at placeholder definitions, not at its deleted ENI")
        void stoppedTask() {
            load();

            var row = rows("""
                    MATCH (t:EcsTask {id: '%s'})-[:INSTANCE_OF]->(td:TaskDefinition)
                    MATCH (t)-[:HAS_CONTAINER]->(:Container)-[:INSTANCE_OF]->(d:ContainerDefinition)<-[:HAS_CONTAINER]-(td)
                    RETURN td.id AS td, td.placeholder AS placeholder, td.family AS family, td.revision AS revision,
                           d.placeholder AS containerPlaceholder, t.stoppedReason AS reason, t.eniId AS eni,
                           COUNT { (t)-[:USES_ENI]->() } AS enis, COUNT { (t)-[:IN_SUBNET]->() } AS subnets,
                           COUNT { (t)-[:MEMBER_OF]->(:EcsService {name: 'web'}) } AS services
                    """.formatted(STOPPED_TASK)).getFirst();

            assertThat(row)
                    .containsEntry("td", "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:41")
                    .containsEntry("placeholder", true)
                    .containsEntry("family", "web")
                    .containsEntry("revision", 41L)
                    .containsEntry("containerPlaceholder", true)
                    .containsEntry("eni", "eni-0b5a6978899001122")
                    .containsEntry("enis", 0L)
                    .containsEntry("subnets", 1L)
                    .containsEntry("services", 1L);
            assertThat((String) row.get("reason")).startsWith("Scaling activity");
        }

        @Test
        @DisplayName(
                "security group rules: one per peer, open-to-internet flagged, group peers linked, cross-account peers as placeholders")
        void securityGroupRules() {
            load();

            var rules = rows("""
                    MATCH (:SecurityGroup {name: 'db'})-[:HAS_RULE]->(r:SecurityGroupRule)
                    OPTIONAL MATCH (r)-[:ALLOWS_FROM]->(peer:SecurityGroup)
                    RETURN r.id AS id, r.protocol AS protocol, r.fromPort AS fromPort, r.openToInternet AS open,
                           peer.id AS peer, peer.account AS peerAccount, peer.placeholder AS placeholder
                    ORDER BY id
                    """);

            assertThat(rules)
                    .extracting(r -> r.get("id"))
                    .containsExactly(
                            "sg-03c3c3c3c3c3c3c3c|ingress|tcp|5432|5432|10.20.0.0/16",
                            "sg-03c3c3c3c3c3c3c3c|ingress|tcp|5432|5432|pl-0123456789abcdef0",
                            "sg-03c3c3c3c3c3c3c3c|ingress|tcp|5432|5432|sg-02b2b2b2b2b2b2b2b",
                            "sg-03c3c3c3c3c3c3c3c|ingress|tcp|5432|5432|sg-0999aaaabbbbcccc0");
            assertThat(rules.get(2))
                    .containsEntry("peer", "sg-02b2b2b2b2b2b2b2b")
                    .containsEntry("placeholder", null);
            assertThat(rules.get(3))
                    .containsEntry("peerAccount", "444455556666")
                    .containsEntry("placeholder", true);
            assertThat(
                            rows(
                                    "MATCH (:SecurityGroup {name: 'web-alb'})-[:HAS_RULE]->(r {openToInternet: true}) RETURN r.direction AS d, r.protocol AS p, r.fromPort AS port, coalesce(r.cidr, r.ipv6Cidr) AS peer ORDER BY d, port, peer"))
                    .extracting(r -> r.get("d") + " " + r.get("p") + " " + r.get("port") + " " + r.get("peer"))
                    .containsExactly(
                            "egress all null 0.0.0.0/0",
                            "ingress tcp 80 0.0.0.0/0",
                            "ingress tcp 443 0.0.0.0/0",
                            "ingress tcp 443 ::/0");
        }

        @Test
        @DisplayName("loading the same input twice gives an identical graph")
        void idempotent() {
            assertLoadsIdempotently();
        }

        @Test
        @DisplayName("gzip-compressed input loads the same graph as plain JSON")
        void gzip() throws IOException {
            load();
            String plain = CanonicalDump.of(store);
            store.deleteAllData();
            Path zipped = temp.resolve("zipped");
            copy(input, zipped);
            try (Stream<Path> files = Files.walk(zipped)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    gzipFile(file);
                }
            }

            var report = load(zipped);

            assertThat(report.files()).allSatisfy(f -> assertThat(f.file()).endsWith(".json.gz"));
            assertThat(CanonicalDump.of(store)).isEqualTo(plain);
        }

        @Test
        @DisplayName("no environment variable value appears anywhere in the graph, but a fingerprint of each does")
        void noEnvironmentValues() throws IOException {
            load();
            String dump = CanonicalDump.of(store);

            var values = environmentValues();
            assertThat(values)
                    .contains("postgres://app:Sup3rS3cretValue@db.internal:5432/app", "override-t0ken-5ecret-value");
            for (String value : values) {
                assertThat(dump).doesNotContain(value);
            }
            assertThat(dump).doesNotContain("Sup3rS3cret");
            var fingerprints =
                    rows("MATCH (d:ContainerDefinition {name: 'web'}) WHERE d.placeholder IS NULL RETURN d.environmentNames AS names, d.environmentFingerprints AS fps")
                            .getFirst();
            assertThat(fingerprints.get("names"))
                    .isEqualTo(List.of("SPRING_PROFILES_ACTIVE", "DATABASE_URL", "FEATURE_FLAGS"));
            assertThat(String.valueOf(fingerprints.get("fps")))
                    .contains(
                            "DATABASE_URL=" + FINGERPRINTS.of("postgres://app:Sup3rS3cretValue@db.internal:5432/app"));
        }

        @Test
        @DisplayName("progress ends at the total bytes of the files read")
        void progress() throws IOException {
            var calls = new ArrayList<long[]>();
            AwsCliImport.create(FINGERPRINTS)
                    .load(input, store, (records, done, total) -> calls.add(new long[] {records, done, total}));

            long total;
            try (Stream<Path> files = Files.walk(input)) {
                total = files.filter(f ->
                                f.toString().endsWith(".json") && !f.toString().contains("list-tasks"))
                        .mapToLong(f -> {
                            try {
                                return Files.size(f);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .sum();
            }
            assertThat(calls).hasSize(25);
            assertThat(calls.getLast()).containsExactly(53, total, total);
            assertThat(calls).isSortedAccordingTo((a, b) -> Long.compare(a[1], b[1]));
        }

        @Test
        @DisplayName(
                "scopes are covered where every producing file was read, and incomplete, with the reason, elsewhere")
        void scopes() {
            var report = load();

            var eu = scopes(report, "eu-west-1");
            var dataStores =
                    "kms-describe-key*.json, ecr-describe-repositories*.json, secretsmanager-list-secrets*.json,"
                            + " ssm-describe-parameters*.json";
            assertThat(eu)
                    .filteredOn(s -> !s.scope().kind().equals("IN_ACCOUNT"))
                    .allSatisfy(
                            s -> assertThat(s.complete()).as(s.scope().kind()).isTrue());
            assertThat(eu)
                    .filteredOn(s -> s.scope().kind().equals("IN_ACCOUNT"))
                    .extracting(ScopeResult::reason)
                    .containsExactly("no " + dataStores + " in 111122223333/eu-west-1");
            assertThat(eu)
                    .extracting(s -> s.scope().kind())
                    .contains("EcsTask", "Container", "SecurityGroupRule", "IN_SUBNET", "USES_ENI", "IN_ACCOUNT");
            var us = scopes(report, "us-east-1");
            assertThat(us)
                    .extracting(s -> s.scope().kind() + ": " + s.reason())
                    .containsExactly(
                            "Vpc: null",
                            "IN_ACCOUNT: no " + dataStores + ", ecs-describe-clusters*.json in 111122223333/us-east-1");
        }

        private List<ScopeResult> scopes(IngestReport report, String region) {
            return report.summary().scopes().stream()
                    .filter(s -> region.equals(s.scope().region()))
                    .toList();
        }
    }

    @Nested
    @DisplayName("a later load")
    class LaterLoad {
        @Test
        @DisplayName("removes a resource that disappeared from a complete input")
        void removesStale() throws IOException {
            load();
            edit("ecs-describe-tasks-prod-page2.json", root -> ((ArrayNode) root.get("tasks")).remove(1));
            edit("ec2-describe-vpcs.json", root -> ((ArrayNode) root.get("Vpcs")).remove(1));

            var report = load();

            assertThat(count("MATCH (t:EcsTask {id: '" + STOPPED_TASK + "'}) RETURN count(t)"))
                    .isZero();
            assertThat(count("MATCH (c:Container {taskArn: '" + STOPPED_TASK + "'}) RETURN count(c)"))
                    .isZero();
            assertThat(count("MATCH (td:TaskDefinition) WHERE td.id ENDS WITH 'web:41' RETURN count(td)"))
                    .isZero();
            assertThat(count("MATCH (v:Vpc {region: 'eu-west-1'}) RETURN count(v)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (t:EcsTask) RETURN count(t)")).isEqualTo(4);
            assertThat(report.summary().totalDeleted()).isPositive();
        }

        @Test
        @DisplayName("keeps a task definition no longer exported while a running task still runs it")
        void keepsReferencedDefinition() throws IOException {
            load();
            Files.delete(input.resolve("111122223333/eu-west-1/ecs-describe-task-definition-web-42.json"));

            load();

            assertThat(count("MATCH (:EcsTask)-[:INSTANCE_OF]->(td:TaskDefinition) "
                            + "WHERE td.id ENDS WITH 'web:42' AND td.placeholder IS NULL AND td.family = 'web' "
                            + "RETURN count(DISTINCT td)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName(
                "with a rejected record in a file kind deletes nothing of that kind, while complete kinds are cleaned")
        void rejectedKeepsStale() throws IOException {
            load();
            edit("ecs-describe-tasks-prod-page2.json", root -> {
                var tasks = (ArrayNode) root.get("tasks");
                tasks.remove(1);
                ((ObjectNode) tasks.get(0)).put("taskArn", 42);
            });
            edit("ec2-describe-vpcs.json", root -> ((ArrayNode) root.get("Vpcs")).remove(1));

            var report = load();

            assertThat(count("MATCH (t:EcsTask {id: '" + STOPPED_TASK + "'}) RETURN count(t)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (t:EcsTask) RETURN count(t)")).isEqualTo(5);
            assertThat(count("MATCH (v:Vpc {region: 'eu-west-1'}) RETURN count(v)"))
                    .isEqualTo(1);
            assertThat(report.summary().scopes())
                    .filteredOn(s -> s.scope().kind().equals("EcsTask"))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.complete()).isFalse();
                        assertThat(s.deleted()).isZero();
                        assertThat(s.reason())
                                .isEqualTo(REGION_DIR + "ecs-describe-tasks-prod-page2.json: 1 rejection");
                    });
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        @Test
        @DisplayName(
                "a malformed record is rejected with file, pointer and expectation; the other records load and both are counted")
        void malformedRecord() throws IOException {
            edit(
                    "ecs-describe-services-prod.json",
                    root -> ((ObjectNode) root.get("services").get(1)).put("serviceArn", 42));

            var report = load();

            assertThat(report.hasRejections()).isTrue();
            assertThat(report.rejections()).singleElement().satisfies(rejection -> {
                assertThat(rejection.file()).isEqualTo(REGION_DIR + "ecs-describe-services-prod.json");
                assertThat(rejection.pointer()).isEqualTo("/services/1/serviceArn");
                assertThat(rejection.message())
                        .isEqualTo("expected an ECS service ARN (arn:aws:ecs:…:service/…), got 42");
                assertThat(rejection.line()).isPositive();
                assertThat(rejection.describe())
                        .matches(REGION_DIR
                                + "ecs-describe-services-prod.json:\\d+:\\d+: /services/1/serviceArn: expected .*");
            });
            assertThat(report.kinds()).containsEntry("ecs-describe-services", new Counts(1, 1));
            assertThat(report.files())
                    .filteredOn(f -> f.file().endsWith("ecs-describe-services-prod.json"))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.loaded()).isEqualTo(1);
                        assertThat(f.rejected()).isEqualTo(1);
                    });
            assertThat(rows("MATCH (s:EcsService) WHERE s.placeholder IS NULL RETURN s.name AS name"))
                    .extracting(r -> r.get("name"))
                    .containsExactly("web");
            assertThat(count("MATCH (:EcsService)-[:RUNS]->(td:TaskDefinition {family: 'worker'}) RETURN count(td)"))
                    .isZero();
        }

        @Test
        @DisplayName(
                "a listener whose forward target group is not a target group ARN is rejected with the exact pointer")
        void badTargetGroupArn() throws IOException {
            edit("elbv2-describe-listeners.json", root -> {
                var action = (ObjectNode)
                        root.get("Listeners").get(0).get("DefaultActions").get(0);
                ((ObjectNode) action.get("ForwardConfig").get("TargetGroups").get(0))
                        .put("TargetGroupArn", "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/x");
            });

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo(REGION_DIR + "elbv2-describe-listeners.json");
                assertThat(r.pointer())
                        .isEqualTo("/Listeners/0/DefaultActions/0/ForwardConfig/TargetGroups/0/TargetGroupArn");
                assertThat(r.message())
                        .isEqualTo(
                                "expected an ELB target group ARN (arn:aws:elasticloadbalancing:…:targetgroup/…), got "
                                        + "\"arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbal…\"");
            });
            assertThat(count("MATCH (l:Listener) RETURN count(l)")).isEqualTo(1);
            assertThat(report.summary().scopes())
                    .filteredOn(s -> s.scope().kind().equals("FORWARDS_TO"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.complete()).isFalse());
        }

        @Test
        @DisplayName("a load balancer filed under another account is rejected with its pointer")
        void loadBalancerOtherAccount() throws IOException {
            edit(
                    "elbv2-describe-load-balancers.json",
                    root -> ((ObjectNode) root.get("LoadBalancers").get(0))
                            .put(
                                    "LoadBalancerArn",
                                    "arn:aws:elasticloadbalancing:eu-west-1:999999999999:loadbalancer/app/web-alb/50dc6c495c0c9188"));

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.pointer()).isEqualTo("/LoadBalancers/0/LoadBalancerArn");
                assertThat(r.message())
                        .startsWith("expected an ELB load balancer ARN")
                        .contains("account 111122223333");
            });
            assertThat(count("MATCH (lb:LoadBalancer) WHERE lb.placeholder IS NULL RETURN count(lb)"))
                    .isZero();
        }

        @Test
        @DisplayName(
                "without a target groups file, listeners and services point at target group placeholders named from the ARN")
        void targetGroupPlaceholder() throws IOException {
            Files.delete(input.resolve(REGION_DIR + "elbv2-describe-target-groups.json"));

            var report = load();

            assertThat(report.hasRejections()).isFalse();
            assertThat(rows("""
                    MATCH (:Listener)-[:FORWARDS_TO]->(tg:TargetGroup)-[:TARGETS]->(:EcsService {name: 'web'})
                    RETURN tg.name AS name, tg.placeholder AS placeholder
                    """))
                    .singleElement()
                    .satisfies(
                            r -> assertThat(r).containsEntry("name", "web-tg").containsEntry("placeholder", true));
            assertThat(report.summary().scopes())
                    .filteredOn(s -> s.scope().kind().equals("IN_VPC")
                            && "eu-west-1".equals(s.scope().region()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.reason())
                            .isEqualTo("no elbv2-describe-target-groups*.json in 111122223333/eu-west-1"));
            assertThat(report.summary().scopes())
                    .noneMatch(s -> s.scope().kind().equals("TargetGroup"));
        }

        @Test
        @DisplayName("a record failing deep inside is rejected whole: nothing of it is written")
        void rejectedWhole() throws IOException {
            edit("ecs-describe-task-definition-web-42.json", root -> {
                var web = (ObjectNode)
                        root.get("taskDefinition").get("containerDefinitions").get(0);
                ((ObjectNode) web.get("secrets").get(1)).remove("valueFrom");
            });

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.pointer()).isEqualTo("/taskDefinition/containerDefinitions/0/secrets/1/valueFrom");
                assertThat(r.message()).isEqualTo("expected a non-empty string, got nothing (the field is missing)");
            });
            assertThat(
                            count(
                                    "MATCH (td:TaskDefinition {family: 'web', revision: 42}) WHERE td.placeholder IS NULL RETURN count(td)"))
                    .isZero();
            assertThat(
                            count(
                                    "MATCH (d:ContainerDefinition) WHERE d.id CONTAINS 'web:42' AND d.placeholder IS NULL RETURN count(d)"))
                    .isZero();
            assertThat(count("MATCH (s:Secret) RETURN count(s)")).isZero();
            assertThat(count("MATCH (:EcsTask {id: '" + WEB_TASK
                            + "'})-[:INSTANCE_OF]->(td:TaskDefinition {placeholder: true}) RETURN count(td)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName(
                "a truncated file keeps the records before the break, reports where it broke and marks its kinds incomplete")
        void truncatedFile() throws IOException {
            load();
            Path file = input.resolve(REGION_DIR + "ecs-describe-tasks-prod.json");
            String text = Files.readString(file);
            Files.writeString(file, text.substring(0, text.indexOf("7d1b2c3e4f5a6b7c8d9e0f1a2b3c4d5e")));

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo(REGION_DIR + "ecs-describe-tasks-prod.json");
                assertThat(r.pointer()).startsWith("/tasks/1/");
                assertThat(r.message()).startsWith("malformed JSON, records from here on were not read");
                assertThat(r.line()).isPositive();
            });
            assertThat(report.kinds().get("ecs-describe-tasks")).isEqualTo(new Counts(4, 1));
            assertThat(count("MATCH (t:EcsTask) RETURN count(t)")).isEqualTo(5);
            assertThat(report.summary().scopes())
                    .filteredOn(s -> List.of("EcsTask", "Container", "USES_ENI")
                            .contains(s.scope().kind()))
                    .hasSize(3)
                    .allSatisfy(s -> assertThat(s.complete()).isFalse());
        }

        @Test
        @DisplayName("a record filed under another account is rejected rather than scoped wrongly")
        void otherAccount() throws IOException {
            edit(
                    "ecs-describe-clusters.json",
                    root -> ((ObjectNode) root.get("clusters").get(0))
                            .put("clusterArn", "arn:aws:ecs:eu-west-1:999999999999:cluster/prod"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::describe)
                    .singleElement()
                    .asString()
                    .endsWith(
                            ": /clusters/0/clusterArn: expected an ECS cluster ARN (arn:aws:ecs:…:cluster/…) in account 111122223333 and region eu-west-1 (the directory it was read from), got \"arn:aws:ecs:eu-west-1:999999999999:cluster/prod\"");
        }

        @Test
        @DisplayName("an input that is not a directory is refused before anything is written")
        void notADirectory() {
            assertThatThrownBy(() -> load(temp.resolve("missing")))
                    .isInstanceOf(io.leeward.loaders.ingest.IngestException.class);
            assertThat(count("MATCH (r:SyncRun) RETURN count(r)")).isZero();
        }
    }

    private List<String> environmentValues() throws IOException {
        var values = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(input)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                collectEnvironment(MAPPER.readTree(file.toFile()), values);
            }
        }
        return values;
    }

    private static void collectEnvironment(JsonNode node, List<String> values) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                if (entry.getKey().equals("environment") && entry.getValue().isArray()) {
                    entry.getValue().forEach(e -> values.add(e.get("value").stringValue()));
                } else {
                    collectEnvironment(entry.getValue(), values);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectEnvironment(child, values));
        }
    }

    private static void gzipFile(Path file) throws IOException {
        Path zipped = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            Files.copy(file, out);
        }
        Files.delete(file);
    }
}
