package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.store.SyncSummary.ScopeResult;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.IngestReport.Counts;
import io.leeward.loaders.ingest.Rejection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EC2 networking, ELBv2 and ECS container instance kinds of the AWS CLI import, on the shared
 * fixture under {@code aws/cli} (whose eu-west-1 directory carries every kind).
 */
@WithNeo4j
@DisplayName("Importing AWS CLI output: networking, instances, listener rules, target health, container instances")
class NetworkInventoryImportTest extends CliImportTestSupport {
    private static final String REGION_DIR = "111122223333/eu-west-1/";
    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final String PRIVATE_A = "subnet-0a11b22c33d44e551";
    private static final String PRIVATE_B = "subnet-0b22c33d44e55f662";
    private static final String PUBLIC_A = "subnet-0c33d44e55f66a773";
    private static final String MAIN_TABLE = "rtb-0a1b2c3d4e5f60001";
    private static final String PRIVATE_TABLE = "rtb-0a1b2c3d4e5f60002";
    private static final String PUBLIC_TABLE = "rtb-0a1b2c3d4e5f60003";
    private static final String NAT = "nat-0a1b2c3d4e5f60720";
    private static final String HOST = "i-0a1b2c3d4e5f60721";
    private static final String PROXY = "i-0b2c3d4e5f6071822";
    private static final String TG = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/";
    private static final String WEB_TG = TG + "web-tg/6d0ecf831eec9f09";
    private static final String REPORT_TG = TG + "report-tg/1a2b3c4d5e6f7a8b";
    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/web-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String CONTAINER_INSTANCE =
            "arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/4b6d45ea9a8f4a63b2c3d4e5f6a7b8c9";
    private static final String WEB_HEALTH = "elbv2-describe-target-health_web-tg_6d0ecf831eec9f09.json";

    @Override
    String fixture() {
        return "/aws/cli";
    }

    private void rename(String from, String to) throws IOException {
        Files.move(input.resolve(REGION_DIR + from), input.resolve(REGION_DIR + to));
    }

    private static ScopeResult scope(IngestReport report, String kind) {
        return report.summary().scopes().stream()
                .filter(s -> s.scope().kind().equals(kind)
                        && "eu-west-1".equals(s.scope().region()))
                .findFirst()
                .orElseThrow();
    }

    private void edit(String file, Consumer<ObjectNode> change) throws IOException {
        editFile(REGION_DIR + file, change);
    }

    @Test
    @DisplayName("every new kind loads without rejection and every relationship finds both ends")
    void loadsCleanly() {
        var report = load();

        assertThat(report.rejections()).isEmpty();
        assertThat(report.summary().unresolved()).isEmpty();
        assertThat(report.kinds())
                .containsEntry("ec2-describe-route-tables", new Counts(3, 0))
                .containsEntry("ec2-describe-internet-gateways", new Counts(1, 0))
                .containsEntry("ec2-describe-nat-gateways", new Counts(2, 0))
                .containsEntry("ec2-describe-network-acls", new Counts(2, 0))
                .containsEntry("ec2-describe-instances", new Counts(2, 0))
                .containsEntry("elbv2-describe-rules", new Counts(3, 0))
                .containsEntry("elbv2-describe-target-health", new Counts(6, 0))
                .containsEntry("ecs-describe-container-instances", new Counts(1, 0));
        assertThat(report.summary().scopes())
                .filteredOn(s -> "eu-west-1".equals(s.scope().region()))
                .extracting(s -> s.scope().kind())
                .contains(
                        "RouteTable",
                        "ROUTES_TO",
                        "ASSOCIATED_WITH",
                        "NetworkAcl",
                        "InternetGateway",
                        "NatGateway",
                        "Ec2Instance",
                        "USES_PROFILE",
                        "ListenerRule",
                        "TARGETS",
                        "EcsContainerInstance",
                        "RUNS_ON",
                        "PLACED_ON");
    }

    @Nested
    @DisplayName("route tables")
    class RouteTables {
        @Test
        @DisplayName(
                "a subnet's effective table is its explicit association, else its VPC's main table; a disassociated association does not count")
        void effectiveTable() {
            load();

            var rows = rows("""
                    MATCH (s:Subnet)-[:IN_VPC]->(v:Vpc)
                    OPTIONAL MATCH (explicit:RouteTable)-[:ASSOCIATED_WITH]->(s)
                    OPTIONAL MATCH (main:RouteTable {main: true})-[:IN_VPC]->(v)
                    RETURN s.name AS subnet, coalesce(explicit, main).id AS table, explicit IS NULL AS implicit
                    ORDER BY subnet
                    """);

            assertThat(rows)
                    .extracting(r -> r.get("subnet") + " " + r.get("table") + " " + r.get("implicit"))
                    .containsExactly(
                            "private-a " + PRIVATE_TABLE + " false",
                            "private-b " + MAIN_TABLE + " true",
                            "public-a " + PUBLIC_TABLE + " false");
            assertThat(rows(
                                    "MATCH (t:RouteTable {id: $id}) RETURN t.main AS main, t.subnetIds AS subnets, t.name AS name,"
                                            + " t.propagatingVgws AS vgws",
                                    Map.of("id", MAIN_TABLE))
                            .getFirst())
                    .containsEntry("main", true)
                    .containsEntry("subnets", List.of())
                    .containsEntry("name", "prod-main")
                    .containsEntry("vgws", List.of("vgw-0d1e2f3a4b5c6d7e8"));
            assertThat(rows(
                            "MATCH (t:RouteTable)-[a:ASSOCIATED_WITH]->(:Subnet {id: $subnet}) RETURN a.associationId AS id",
                            Map.of("subnet", PUBLIC_A)))
                    .extracting(r -> r.get("id"))
                    .containsExactly("rtbassoc-0a1b2c3d4e5f60003");
        }

        @Test
        @DisplayName(
                "routes to gateways, interfaces and instances are ROUTES_TO keyed by destination, with state and origin")
        void routes() {
            load();

            var rows = rows("""
                    MATCH (t:RouteTable)-[r:ROUTES_TO]->(target)
                    RETURN t.name AS table, r.key AS key, r.destination AS destination, labels(target)[0] AS label,
                           target.id AS target, r.state AS state, r.origin AS origin
                    ORDER BY table, destination, label
                    """);

            assertThat(rows)
                    .extracting(r -> r.get("table") + " " + r.get("destination") + " " + r.get("label") + " "
                            + r.get("target") + " " + r.get("state") + " " + r.get("origin"))
                    .containsExactly(
                            "private-a 0.0.0.0/0 NatGateway " + NAT + " active CreateRoute",
                            "private-a 10.50.0.0/16 Ec2Instance " + PROXY + " active CreateRoute",
                            "private-a 10.50.0.0/16 NetworkInterface eni-0a9b8c7d6e5f40002 active CreateRoute",
                            "prod-main 0.0.0.0/0 NatGateway " + NAT + " active CreateRoute",
                            "public 0.0.0.0/0 InternetGateway igw-0c0ffee1234567890 active CreateRoute",
                            "public 10.99.0.0/16 NatGateway nat-09f8e7d6c5b4a3921 blackhole CreateRoute",
                            "public ::/0 InternetGateway igw-0c0ffee1234567890 active CreateRoute");
            assertThat(rows).allSatisfy(r -> assertThat(r.get("key")).isEqualTo(r.get("destination")));
        }

        @Test
        @DisplayName("routes to other targets are kept compactly on the table and whole in its routes JSON")
        void otherRoutes() {
            load();

            var rows = rows("MATCH (t:RouteTable) RETURN t.name AS name, t.otherRoutes AS other, t.routes AS routes"
                    + " ORDER BY name");

            assertThat(rows.get(0))
                    .containsEntry(
                            "other",
                            List.of(
                                    "10.0.0.0/16 -> local (active)",
                                    "192.168.0.0/16 -> tgw-0262a0e521ab34c56 (active)",
                                    "10.30.0.0/16 -> pcx-0a1b2c3d4e5f60711 (blackhole)"));
            assertThat(rows.get(1))
                    .containsEntry(
                            "other",
                            List.of(
                                    "10.0.0.0/16 -> local (active)",
                                    "172.16.0.0/12 -> vgw-0d1e2f3a4b5c6d7e8 (active)",
                                    "pl-6da54004 -> vpce-0f1e2d3c4b5a69788 (active)"));
            assertThat((String) rows.get(1).get("routes"))
                    .startsWith("[{\"DestinationCidrBlock\":\"10.0.0.0/16\",\"GatewayId\":\"local\"")
                    .contains("\"DestinationPrefixListId\":\"pl-6da54004\"");
        }

        @Test
        @DisplayName(
                "a public subnet reaches the internet: effective table, default route, internet gateway attached to its VPC")
        void internetRoute() {
            load();

            var rows = rows("""
                    MATCH (s:Subnet)<-[:ASSOCIATED_WITH]-(:RouteTable)-[r:ROUTES_TO {state: 'active'}]->(igw:InternetGateway)
                    MATCH (igw)-[:IN_VPC]->(:Vpc)<-[:IN_VPC]-(s)
                    WHERE r.destination IN ['0.0.0.0/0', '::/0']
                    RETURN DISTINCT s.name AS subnet, igw.name AS igw
                    """);

            assertThat(rows)
                    .singleElement()
                    .satisfies(r ->
                            assertThat(r).containsEntry("subnet", "public-a").containsEntry("igw", "prod-igw"));
        }

        @Test
        @DisplayName(
                "a blackhole route to a target no longer listed points at a placeholder, so the route stays visible")
        void blackholeToGoneTarget() throws IOException {
            edit(
                    "ec2-describe-route-tables.json",
                    root -> ((ObjectNode)
                                    root.get("RouteTables").get(2).get("Routes").get(3))
                            .put("NatGatewayId", "nat-0deadbeef00000001"));

            var report = load();

            assertThat(report.summary().unresolved()).isEmpty();
            assertThat(rows(
                            "MATCH (:RouteTable {id: $id})-[r:ROUTES_TO {state: 'blackhole'}]->(n:NatGateway)"
                                    + " RETURN n.id AS id, n.placeholder AS placeholder, r.destination AS destination",
                            Map.of("id", PUBLIC_TABLE)))
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .containsEntry("id", "nat-0deadbeef00000001")
                            .containsEntry("placeholder", true)
                            .containsEntry("destination", "10.99.0.0/16"));
        }

        @Test
        @DisplayName("a route without a destination is rejected with its pointer; the other tables load")
        void noDestination() throws IOException {
            edit(
                    "ec2-describe-route-tables.json",
                    root -> ((ObjectNode)
                                    root.get("RouteTables").get(1).get("Routes").get(2))
                            .remove("DestinationCidrBlock"));

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo(REGION_DIR + "ec2-describe-route-tables.json");
                assertThat(r.pointer()).isEqualTo("/RouteTables/1/Routes/2/DestinationCidrBlock");
                assertThat(r.message())
                        .isEqualTo("expected a destination (DestinationCidrBlock, DestinationIpv6CidrBlock or"
                                + " DestinationPrefixListId), got nothing (the field is missing)");
            });
            assertThat(count("MATCH (t:RouteTable) RETURN count(t)")).isEqualTo(2);
            assertThat(scope(report, "ROUTES_TO").complete()).isFalse();
            assertThat(scope(report, "ROUTES_TO").reason())
                    .isEqualTo(REGION_DIR + "ec2-describe-route-tables.json: 1 rejection");
        }

        @Test
        @DisplayName("a later complete load removes a route that disappeared; without the file the routes stay")
        void staleRoutes() throws IOException {
            load();
            edit(
                    "ec2-describe-route-tables.json",
                    root -> ((ArrayNode) root.get("RouteTables").get(2).get("Routes")).remove(2));

            load();

            assertThat(count("MATCH (:RouteTable {id: '" + PUBLIC_TABLE + "'})-[r:ROUTES_TO]->() RETURN count(r)"))
                    .isEqualTo(2);

            Files.delete(input.resolve(REGION_DIR + "ec2-describe-route-tables.json"));
            var report = load();

            assertThat(count("MATCH (:RouteTable)-[r:ROUTES_TO]->() RETURN count(r)"))
                    .isEqualTo(6);
            assertThat(scope(report, "ASSOCIATED_WITH").reason())
                    .isEqualTo("no ec2-describe-route-tables*.json in 111122223333/eu-west-1");
            assertThat(report.summary().scopes())
                    .noneMatch(s -> s.scope().kind().equals("ROUTES_TO"));
        }
    }

    @Nested
    @DisplayName("gateways and network ACLs")
    class Gateways {
        @Test
        @DisplayName("a NAT gateway is in its subnet and VPC and uses its ENI; a deleted one keeps no ENI")
        void natGateways() {
            load();

            var row = rows("""
                    MATCH (n:NatGateway {id: $id})-[:IN_SUBNET]->(s:Subnet), (n)-[:IN_VPC]->(v:Vpc)
                    MATCH (n)-[:USES_ENI]->(eni:NetworkInterface)
                    RETURN n.state AS state, n.connectivityType AS type, n.publicIps AS publicIps,
                           n.privateIps AS privateIps, n.name AS name, s.name AS subnet, v.id AS vpc,
                           eni.id AS eni, eni.interfaceType AS eniType, n.createTime AS created
                    """, Map.of("id", NAT)).getFirst();

            assertThat(row)
                    .containsEntry("state", "available")
                    .containsEntry("type", "public")
                    .containsEntry("publicIps", List.of("52.18.44.3"))
                    .containsEntry("privateIps", List.of("10.0.101.77"))
                    .containsEntry("name", "prod-nat-a")
                    .containsEntry("subnet", "public-a")
                    .containsEntry("vpc", VPC)
                    .containsEntry("eni", "eni-0a9b8c7d6e5f40003")
                    .containsEntry("eniType", "nat_gateway");
            assertThat(row.get("created")).hasToString("2023-11-07T12:20:41Z");
            assertThat(rows("MATCH (n:NatGateway {state: 'deleted'}) RETURN n.networkInterfaceIds AS enis,"
                            + " COUNT { (n)-[:USES_ENI]->() } AS uses, n.deleteTime IS NOT NULL AS deleted"))
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .containsEntry("enis", List.of("eni-0f9e8d7c6b5a49382"))
                            .containsEntry("uses", 0L)
                            .containsEntry("deleted", true));
        }

        @Test
        @DisplayName("an internet gateway is in the VPC it is attached to")
        void internetGateway() {
            load();

            assertThat(
                            rows(
                                    "MATCH (g:InternetGateway)-[:IN_VPC]->(v:Vpc) RETURN g.id AS id, g.vpcIds AS vpcs, v.id AS vpc"))
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .containsEntry("id", "igw-0c0ffee1234567890")
                            .containsEntry("vpcs", List.of(VPC))
                            .containsEntry("vpc", VPC));
        }

        @Test
        @DisplayName("network ACLs keep their entries whole and are associated with their subnets")
        void networkAcls() {
            load();

            var rows = rows("""
                    MATCH (a:NetworkAcl)-[:IN_VPC]->(:Vpc {id: $vpc})
                    OPTIONAL MATCH (a)-[:ASSOCIATED_WITH]->(s:Subnet)
                    WITH a, s ORDER BY s.name
                    RETURN a.id AS id, a.isDefault AS isDefault, a.entries AS entries, collect(s.name) AS subnets
                    ORDER BY id
                    """, Map.of("vpc", VPC));

            assertThat(rows)
                    .extracting(r -> r.get("id") + " " + r.get("isDefault") + " " + r.get("subnets"))
                    .containsExactly(
                            "acl-0a1b2c3d4e5f60730 true [private-a, private-b]",
                            "acl-0b2c3d4e5f6071831 false [public-a]");
            assertThat((String) rows.get(1).get("entries"))
                    .contains(
                            "{\"CidrBlock\":\"0.0.0.0/0\",\"Egress\":false,\"Protocol\":\"6\",\"RuleAction\":\"deny\","
                                    + "\"RuleNumber\":90,\"PortRange\":{\"From\":22,\"To\":22}}");
        }
    }

    @Nested
    @DisplayName("EC2 instances")
    class Instances {
        @Test
        @DisplayName(
                "an instance carries state, type, IMDS options and profile, and links to subnet, VPC, groups, ENI and profile")
        void instance() {
            load();

            var row = rows("""
                    MATCH (i:Ec2Instance {id: $id})-[:IN_SUBNET]->(s:Subnet), (i)-[:IN_VPC]->(v:Vpc)
                    MATCH (i)-[:PROTECTED_BY]->(sg:SecurityGroup), (i)-[:USES_ENI]->(eni:NetworkInterface)
                    MATCH (i)-[:USES_PROFILE]->(p:InstanceProfile)
                    RETURN i.state AS state, i.instanceType AS type, i.imageId AS image, i.httpTokens AS tokens,
                           i.httpPutResponseHopLimit AS hops, i.iamInstanceProfileArn AS profileArn, i.privateIp AS ip,
                           i.publicIp AS publicIp, i.name AS name, i.platformDetails AS platform, i.reservationId AS reservation,
                           i.launchTime AS launched, s.name AS subnet, v.id AS vpc, sg.name AS group, eni.privateIp AS eniIp,
                           p.id AS profile, p.placeholder AS placeholder, p.region AS profileRegion, p.name AS profileName
                    """, Map.of("id", HOST)).getFirst();

            assertThat(row)
                    .containsEntry("state", "running")
                    .containsEntry("type", "m6i.large")
                    .containsEntry("image", "ami-0b9c5e3a1d7f2c4e6")
                    .containsEntry("tokens", "optional")
                    .containsEntry("hops", 2L)
                    .containsEntry("profileArn", "arn:aws:iam::111122223333:instance-profile/ecsInstanceRole")
                    .containsEntry("ip", "10.0.2.140")
                    .containsEntry("publicIp", null)
                    .containsEntry("name", "ecs-prod-host")
                    .containsEntry("platform", "Linux/UNIX")
                    .containsEntry("reservation", "r-0a1b2c3d4e5f60741")
                    .containsEntry("subnet", "private-b")
                    .containsEntry("vpc", VPC)
                    .containsEntry("group", "default")
                    .containsEntry("eniIp", "10.0.2.140")
                    .containsEntry("profile", "arn:aws:iam::111122223333:instance-profile/ecsInstanceRole")
                    .containsEntry("placeholder", true)
                    .containsEntry("profileRegion", null)
                    .containsEntry("profileName", "ecsInstanceRole");
            assertThat(row.get("launched")).hasToString("2024-04-02T07:15:31Z");
            assertThat(rows(
                                    "MATCH (i:Ec2Instance {id: $id})-[:USES_PROFILE]->(p) RETURN i.httpTokens AS tokens,"
                                            + " i.publicIp AS ip, i.sourceDestCheck AS check, p.name AS name",
                                    Map.of("id", PROXY))
                            .getFirst())
                    .containsEntry("tokens", "required")
                    .containsEntry("ip", "54.170.10.20")
                    .containsEntry("check", false)
                    .containsEntry("name", "egress-proxy");
        }

        @Test
        @DisplayName("with the account's IAM in global/, an instance's profile is the real one, handing out its role")
        void profileFromIam() throws IOException, URISyntaxException {
            copy(
                    Path.of(Objects.requireNonNull(getClass().getResource("/aws/iam/111122223333/global"))
                            .toURI()),
                    input.resolve("111122223333/global"));
            edit(
                    "ec2-describe-instances.json",
                    root -> ((ObjectNode) root.get("Reservations")
                                    .get(1)
                                    .get("Instances")
                                    .get(0)
                                    .get("IamInstanceProfile"))
                            .put("Arn", "arn:aws:iam::111122223333:instance-profile/ec2-app"));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(rows("""
                            MATCH (:Ec2Instance {id: $id})-[:USES_PROFILE]->(p:InstanceProfile)-[:HAS_ROLE]->(r:IamRole)
                            RETURN p.placeholder AS placeholder, p.region AS region, r.id AS role
                            """, Map.of("id", PROXY)))
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .containsEntry("placeholder", null)
                            .containsEntry("region", null)
                            .containsEntry("role", "arn:aws:iam::111122223333:role/ec2-app"));
        }

        @Test
        @DisplayName("a reservation is rejected whole when one of its instances is malformed; the others load")
        void badInstance() throws IOException {
            edit(
                    "ec2-describe-instances.json",
                    root -> ((ObjectNode) root.get("Reservations")
                                    .get(1)
                                    .get("Instances")
                                    .get(0))
                            .put("InstanceId", "web-proxy"));

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.pointer()).isEqualTo("/Reservations/1/Instances/0/InstanceId");
                assertThat(r.message()).isEqualTo("expected an instance id (i-…), got \"web-proxy\"");
            });
            assertThat(rows("MATCH (i:Ec2Instance) WHERE i.placeholder IS NULL RETURN i.id AS id"))
                    .extracting(r -> r.get("id"))
                    .containsExactly(HOST);
            assertThat(scope(report, "USES_PROFILE").complete()).isFalse();
        }
    }

    @Nested
    @DisplayName("listener rules")
    class ListenerRules {
        @Test
        @DisplayName("rules hang off their listener with priority, patterns and weighted forwards to target groups")
        void rules() {
            load();

            var rows = rows("""
                    MATCH (:Listener {id: $listener})-[:HAS_RULE]->(r:ListenerRule)
                    OPTIONAL MATCH (r)-[:FORWARDS_TO]->(tg:TargetGroup)
                    WITH r, tg ORDER BY tg.name
                    RETURN r.priority AS priority, r.isDefault AS isDefault, r.hostPatterns AS hosts,
                           r.pathPatterns AS paths, r.sourceIps AS sourceIps, r.listenerArn AS listener,
                           collect(tg.name) AS groups, r.targetGroupArns AS arns
                    ORDER BY isDefault, priority
                    """, Map.of("listener", LISTENER));

            assertThat(rows).hasSize(3);
            assertThat(rows.get(0))
                    .containsEntry("priority", 10L)
                    .containsEntry("isDefault", false)
                    .containsEntry("hosts", List.of("reports.example.com"))
                    .containsEntry("paths", List.of("/api/*", "/export/*"))
                    .containsEntry("listener", LISTENER)
                    .containsEntry("groups", List.of("report-tg", "web-tg"))
                    .containsEntry("arns", List.of(REPORT_TG, WEB_TG));
            assertThat(rows.get(1))
                    .containsEntry("priority", 20L)
                    .containsEntry("paths", List.of("/admin/*"))
                    .containsEntry("sourceIps", List.of("203.0.113.0/24"))
                    .containsEntry("groups", List.of());
            assertThat(rows.get(2))
                    .containsEntry("priority", null)
                    .containsEntry("isDefault", true)
                    .containsEntry("groups", List.of("web-tg"));
        }

        @Test
        @DisplayName("a rule ARN that does not name its listener is rejected with the expected shape")
        void badRuleArn() throws IOException {
            edit(
                    "elbv2-describe-rules-f2f7dc8efc522ab2.json",
                    root -> ((ObjectNode) root.get("Rules").get(0))
                            .put(
                                    "RuleArn",
                                    "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener-rule/app/web-alb/9683b2d02a6cabee"));

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.pointer()).isEqualTo("/Rules/0/RuleArn");
                assertThat(r.message())
                        .isEqualTo(
                                "expected an ELB listener rule ARN naming its listener (arn:aws:elasticloadbalancing:…"
                                        + ":listener-rule/app/<name>/<id>/<listener id>/<rule id>), got"
                                        + " \"arn:aws:elasticloadbalancing:eu-west-1:111122223333:listene…\"");
            });
            assertThat(count("MATCH (r:ListenerRule) RETURN count(r)")).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("target health")
    class TargetHealth {
        @Test
        @DisplayName(
                "an IP target links to the interface owning the address and the task using it; an unowned address is an external host")
        void ipTargets() {
            load();

            var rows = rows("""
                    MATCH (:TargetGroup {id: $tg})-[t:TARGETS]->(target)
                    WHERE NOT target:EcsService
                    RETURN labels(target)[0] AS label, target.id AS id, t.key AS key, t.port AS port,
                           t.availabilityZone AS zone, t.healthState AS health, t.reason AS reason,
                           t.description AS description, t.targetId AS targetId, target.placeholder AS placeholder
                    ORDER BY targetId, label
                    """, Map.of("tg", WEB_TG));

            assertThat(rows)
                    .extracting(
                            r -> r.get("targetId") + " " + r.get("label") + " " + r.get("zone") + " " + r.get("health"))
                    .containsExactly(
                            "10.0.1.23 EcsTask eu-west-1a healthy",
                            "10.0.1.23 NetworkInterface eu-west-1a healthy",
                            "10.0.2.57 EcsTask eu-west-1b healthy",
                            "10.0.2.57 NetworkInterface eu-west-1b healthy",
                            "10.20.5.9 ExternalHost all unhealthy");
            assertThat(rows.get(1))
                    .containsEntry("id", "eni-0f1e2d3c4b5a69788")
                    .containsEntry("key", "8080")
                    .containsEntry("port", 8080L);
            assertThat(rows.get(0).get("id"))
                    .isEqualTo("arn:aws:ecs:eu-west-1:111122223333:task/prod/0f3c8e7a9b2d4c6e8f0a1b3c5d7e9f1a");
            assertThat(rows.get(4))
                    .containsEntry("id", "10.20.5.9")
                    .containsEntry("placeholder", true)
                    .containsEntry("reason", "Target.Timeout")
                    .containsEntry("description", "Request timed out");
        }

        @Test
        @DisplayName(
                "an instance registered on two ports is two targets keyed by port; an alb target is the load balancer")
        void instanceAndAlbTargets() {
            load();

            assertThat(rows("""
                            MATCH (:TargetGroup {id: $tg})-[t:TARGETS]->(i:Ec2Instance)
                            RETURN i.id AS id, t.key AS key, t.healthState AS health, t.reason AS reason ORDER BY key
                            """, Map.of("tg", REPORT_TG)))
                    .extracting(r -> r.get("id") + " " + r.get("key") + " " + r.get("health") + " " + r.get("reason"))
                    .containsExactly(
                            HOST + " 32768 healthy null", HOST + " 32769 unhealthy Target.ResponseCodeMismatch");
            assertThat(rows("MATCH (tg:TargetGroup {name: 'edge-alb-tg'})-[t:TARGETS]->(lb:LoadBalancer)"
                            + " RETURN lb.name AS lb, t.port AS port, tg.targetType AS type"))
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .containsEntry("lb", "web-alb")
                            .containsEntry("port", 443L)
                            .containsEntry("type", "alb"));
        }

        @Test
        @DisplayName(
                "a file naming no target group of the region is rejected record by record with the name it carried")
        void unknownTargetGroup() throws IOException {
            rename(WEB_HEALTH, "elbv2-describe-target-health_web-tg_0000000000000000.json");

            var report = load();

            assertThat(report.rejections()).hasSize(3).first().satisfies(r -> {
                assertThat(r.file())
                        .isEqualTo(REGION_DIR + "elbv2-describe-target-health_web-tg_0000000000000000.json");
                assertThat(r.pointer()).isEqualTo("/TargetHealthDescriptions/0");
                assertThat(r.message())
                        .isEqualTo("expected the file name to name a target group read from this region's"
                                + " elbv2-describe-target-groups*.json as <name>_<id> (its ARN ends"
                                + " targetgroup/<name>/<id>), got \"web-tg_0000000000000000\"");
            });
            assertThat(scope(report, "TARGETS").complete()).isFalse();
        }

        @Test
        @DisplayName("a file whose name carries no target group is rejected with the expected name")
        void unnamedFile() throws IOException {
            rename(WEB_HEALTH, "elbv2-describe-target-health.json");

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::message)
                    .containsOnly("expected the file name to name target group after an underscore"
                            + " (elbv2-describe-target-health_<target group>.json), since the response does not")
                    .hasSize(3);
        }

        @Test
        @DisplayName("without a target groups file, targets hang off a placeholder target group named by the file")
        void withoutTargetGroups() throws IOException {
            Files.delete(input.resolve(REGION_DIR + "elbv2-describe-target-groups.json"));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(rows("""
                            MATCH (tg:TargetGroup {id: $tg})-[:TARGETS]->(i:Ec2Instance)
                            RETURN DISTINCT tg.name AS name, tg.placeholder AS placeholder
                            """, Map.of("tg", REPORT_TG)))
                    .singleElement()
                    .satisfies(r ->
                            assertThat(r).containsEntry("name", "report-tg").containsEntry("placeholder", true));
        }

        @Test
        @DisplayName("a Lambda function target is passed over: no rejection, no relationship")
        void lambdaTarget() throws IOException {
            edit(
                    WEB_HEALTH,
                    root -> ((ObjectNode)
                                    root.get("TargetHealthDescriptions").get(2).get("Target"))
                            .put("Id", "arn:aws:lambda:eu-west-1:111122223333:function:thumbnails")
                            .remove("Port"));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.kinds()).containsEntry("elbv2-describe-target-health", new Counts(6, 0));
            assertThat(count("MATCH (:TargetGroup)-[t:TARGETS]->(:ExternalHost) RETURN count(t)"))
                    .isZero();
        }

        @Test
        @DisplayName("a target id of no known shape is rejected")
        void badTargetId() throws IOException {
            edit(
                    WEB_HEALTH,
                    root -> ((ObjectNode)
                                    root.get("TargetHealthDescriptions").get(1).get("Target"))
                            .put("Id", "web-1"));

            var report = load();

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.pointer()).isEqualTo("/TargetHealthDescriptions/1/Target/Id");
                assertThat(r.message())
                        .isEqualTo("expected an instance id (i-…), an IP address, or a load balancer or Lambda function"
                                + " ARN, got \"web-1\"");
            });
        }
    }

    @Nested
    @DisplayName("ECS container instances")
    class ContainerInstances {
        @Test
        @DisplayName("a container instance is in its cluster and runs on its EC2 instance; an EC2 task is placed on it")
        void containerInstance() {
            load();

            var row = rows("""
                    MATCH (t:EcsTask)-[:PLACED_ON]->(ci:EcsContainerInstance {id: $ci})-[:RUNS_ON]->(i:Ec2Instance)
                    MATCH (ci)-[:IN_CLUSTER]->(c:EcsCluster)<-[:IN_CLUSTER]-(t)
                    MATCH (i)-[:USES_PROFILE]->(p:InstanceProfile)
                    RETURN t.launchType AS launchType, t.containerInstanceArn AS placedOn, ci.ec2InstanceId AS ec2,
                           ci.status AS status, ci.agentConnected AS connected, ci.agentVersion AS agent,
                           ci.dockerVersion AS docker, ci.registeredResources AS registered, ci.attributes AS attributes,
                           ci.healthStatus AS health, ci.runningTasksCount AS running, c.name AS cluster, i.id AS instance,
                           p.name AS profile, ci.registeredAt AS registeredAt
                    """, Map.of("ci", CONTAINER_INSTANCE)).getFirst();

            assertThat(row)
                    .containsEntry("launchType", "EC2")
                    .containsEntry("placedOn", CONTAINER_INSTANCE)
                    .containsEntry("ec2", HOST)
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("connected", true)
                    .containsEntry("agent", "1.82.3")
                    .containsEntry("docker", "DockerVersion: 20.10.25")
                    .containsEntry("health", "OK")
                    .containsEntry("running", 1L)
                    .containsEntry("cluster", "prod")
                    .containsEntry("instance", HOST)
                    .containsEntry("profile", "ecsInstanceRole");
            assertThat((String) row.get("registered")).startsWith("[{\"name\":\"CPU\",\"type\":\"INTEGER\"");
            assertThat((String) row.get("attributes"))
                    .contains("{\"name\":\"ecs.instance-type\",\"value\":\"m6i.large\"}");
            assertThat(row.get("registeredAt")).hasToString("2024-04-02T07:16:20.411Z");
            assertThat(
                            count(
                                    "MATCH (t:EcsTask) WHERE t.launchType = 'FARGATE' AND (t)-[:PLACED_ON]->() RETURN count(t)"))
                    .isZero();
        }

        @Test
        @DisplayName(
                "without container instance and instance files, tasks and targets point at placeholders and nothing is rejected")
        void placeholders() throws IOException {
            Files.delete(input.resolve(REGION_DIR + "ecs-describe-container-instances-prod.json"));
            Files.delete(input.resolve(REGION_DIR + "ec2-describe-instances.json"));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.summary().unresolved()).isEmpty();
            assertThat(rows("MATCH (:EcsTask)-[:PLACED_ON]->(ci:EcsContainerInstance) RETURN ci.id AS id,"
                            + " ci.placeholder AS placeholder"))
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .containsEntry("id", CONTAINER_INSTANCE)
                            .containsEntry("placeholder", true));
            assertThat(count("MATCH (:TargetGroup)-[t:TARGETS]->(:Ec2Instance {placeholder: true}) RETURN count(t)"))
                    .isEqualTo(2);
            assertThat(scope(report, "USES_ENI").reason())
                    .isEqualTo("no ec2-describe-instances*.json in 111122223333/eu-west-1");
        }

        @Test
        @DisplayName("a short container instance ARN takes its cluster from the file name, and is rejected without one")
        void shortArn() throws IOException {
            String shortArn = "arn:aws:ecs:eu-west-1:111122223333:container-instance/4b6d45ea9a8f4a63b2c3d4e5f6a7b8c9";
            edit(
                    "ecs-describe-container-instances-prod.json",
                    root -> ((ObjectNode) root.get("containerInstances").get(0)).put("containerInstanceArn", shortArn));
            edit(
                    "ecs-describe-tasks-prod-ec2.json",
                    root -> ((ObjectNode) root.get("tasks").get(0)).put("containerInstanceArn", shortArn));
            rename("ecs-describe-container-instances-prod.json", "ecs-describe-container-instances_prod.json");

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(rows("MATCH (:EcsTask)-[:PLACED_ON]->(ci:EcsContainerInstance)-[:IN_CLUSTER]->(c:EcsCluster)"
                            + " RETURN ci.id AS id, c.name AS cluster"))
                    .singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("id", shortArn).containsEntry("cluster", "prod"));

            rename("ecs-describe-container-instances_prod.json", "ecs-describe-container-instances-prod.json");
            var second = load();

            assertThat(second.rejections()).singleElement().satisfies(r -> {
                assertThat(r.pointer()).isEqualTo("/containerInstances/0");
                assertThat(r.message())
                        .isEqualTo(
                                "expected the file name to name cluster name after an underscore"
                                        + " (ecs-describe-container-instances_<cluster name>.json), since the response does not");
            });
        }
    }
}
