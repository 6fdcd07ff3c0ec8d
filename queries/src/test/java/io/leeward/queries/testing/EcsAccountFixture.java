package io.leeward.queries.testing;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.Container;
import static io.leeward.graph.schema.NodeLabel.ContainerDefinition;
import static io.leeward.graph.schema.NodeLabel.EcsCluster;
import static io.leeward.graph.schema.NodeLabel.EcsService;
import static io.leeward.graph.schema.NodeLabel.EcsTask;
import static io.leeward.graph.schema.NodeLabel.IamRole;
import static io.leeward.graph.schema.NodeLabel.Image;
import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.Secret;
import static io.leeward.graph.schema.NodeLabel.SecurityGroup;
import static io.leeward.graph.schema.NodeLabel.SecurityGroupRule;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.TaskDefinition;
import static io.leeward.graph.schema.NodeLabel.Vpc;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.RelRecord;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small ECS-on-Fargate account written with exactly the property names, value types and
 * placeholders the AWS loader ({@code io.leeward.loaders.aws}, docs/formats.md) writes: one VPC with
 * a public and a private subnet, a web and an app security group with three rules, a {@code prod}
 * cluster running a {@code web} service (two public tasks) and an {@code api} service (one task, more
 * on request), a {@code staging} cluster with one service and a stopped task (its ENI deleted, its
 * address kept on the task), two task definitions with three container definitions, and IAM roles,
 * images and a secret as the placeholders the loader leaves for other loaders.
 *
 * <p>Like the loader: timestamps are datetimes in UTC, counts and ports integers, structures kept
 * whole (port mappings, load balancers, tags) compact JSON text, protocol {@code -1} is {@code all},
 * an absent port is absent, environment values are kept only as fingerprints.
 *
 * <p>Ids are public constants so that tests can name what they look for.
 */
public final class EcsAccountFixture {
    public static final String SOURCE = "test";
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-west-1";

    public static final String VPC = "vpc-0a1b2c3d4e5f60001";
    public static final String PUBLIC_SUBNET = "subnet-0a1b2c3d4e5f60001";
    public static final String PRIVATE_SUBNET = "subnet-0a1b2c3d4e5f60002";
    public static final String WEB_SG = "sg-0a1b2c3d4e5f60001";
    public static final String APP_SG = "sg-0a1b2c3d4e5f60002";
    public static final String RULE_HTTPS_FROM_ANYWHERE = WEB_SG + "|ingress|tcp|443|443|0.0.0.0/0";
    public static final String RULE_APP_FROM_WEB = APP_SG + "|ingress|tcp|8080|8080|" + WEB_SG;
    public static final String RULE_APP_EGRESS = APP_SG + "|egress|all|*|*|0.0.0.0/0";

    public static final String PROD_CLUSTER = ecs("cluster/prod");
    public static final String STAGING_CLUSTER = ecs("cluster/staging");
    public static final String WEB_SERVICE = ecs("service/prod/web");
    public static final String API_SERVICE = ecs("service/prod/api");
    public static final String STAGING_API_SERVICE = ecs("service/staging/api");
    public static final String WEB_TASK_DEFINITION = ecs("task-definition/web:3");
    public static final String API_TASK_DEFINITION = ecs("task-definition/api:7");
    public static final String NGINX_DEFINITION = WEB_TASK_DEFINITION + "#nginx";
    public static final String LOG_ROUTER_DEFINITION = WEB_TASK_DEFINITION + "#log-router";
    public static final String API_DEFINITION = API_TASK_DEFINITION + "#api";
    public static final String WEB_TASK_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/web-task";
    public static final String EXECUTION_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/ecsTaskExecutionRole";
    public static final String API_DB_SECRET =
            "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:prod/api/db-AbCdEf";
    public static final String NGINX_IMAGE = "sha256:" + "1a".repeat(32);
    public static final String API_IMAGE = "sha256:" + "2b".repeat(32);
    public static final String LOG_ROUTER_IMAGE = "sha256:" + "3c".repeat(32);
    public static final String WEB_TARGET_GROUP =
            "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":targetgroup/web/6d0ecf831eec9f09";

    /** The value of the api container's one plain environment variable: a fingerprint only may be stored. */
    public static final String API_PROFILE_VALUE = "eu-production-blue";

    public static final String WEB_TASK_1 = task("prod", 1);
    public static final String WEB_TASK_2 = task("prod", 2);
    public static final String API_TASK = task("prod", 3);
    public static final String STAGING_TASK = task("staging", 4);

    private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final String FARGATE_REQUESTER = "578734482556";

    private final int extraApiTasks;
    private final List<NodeRecord> nodes = new ArrayList<>();
    private final List<NodeRecord> placeholders = new ArrayList<>();
    private final List<RelRecord> rels = new ArrayList<>();

    private EcsAccountFixture(int extraApiTasks) {
        this.extraApiTasks = extraApiTasks;
        network();
        definitions();
        clusters();
        tasks();
    }

    /** The account as described: 3 services and 4 tasks. */
    public static EcsAccountFixture standard() {
        return new EcsAccountFixture(0);
    }

    /** The account with {@code count} more running tasks of the {@code api} service, for paging. */
    public static EcsAccountFixture withExtraApiTasks(int count) {
        return new EcsAccountFixture(count);
    }

    /**
     * Writes the account in one complete sync of source {@value #SOURCE}, covering the node labels it
     * writes (as the loader covers the kinds its files produce) and the account.
     */
    public SyncSummary load(GraphStore store) {
        try (var sync = store.beginSync(SyncRequest.of(SOURCE))) {
            nodes.forEach(sync::write);
            placeholders.forEach(sync::reference);
            rels.forEach(sync::write);
            for (NodeLabel label : coveredLabels()) {
                sync.covers(Scope.of(SOURCE, ACCOUNT, label == AwsAccount ? null : REGION, label));
            }
            return sync.complete();
        }
    }

    /** The labels whose scopes {@link #load} covers: every label written as a node, not as a placeholder. */
    public List<NodeLabel> coveredLabels() {
        return nodes.stream().map(NodeRecord::label).distinct().toList();
    }

    /** The nodes written as the loader's own, without placeholders. */
    public List<NodeRecord> nodes() {
        return List.copyOf(nodes);
    }

    /** The placeholders (IAM roles, images, a secret) written for other loaders to fill in. */
    public List<NodeRecord> placeholders() {
        return List.copyOf(placeholders);
    }

    public List<RelRecord> relationships() {
        return List.copyOf(rels);
    }

    /** Ids of the nodes and placeholders of one label, in write order. */
    public List<String> ids(NodeLabel label) {
        return Stream.concat(nodes.stream(), placeholders.stream())
                .filter(n -> n.label() == label)
                .map(NodeRecord::id)
                .toList();
    }

    /** Ids of every service and task, sorted as the workload queries page through them. */
    public List<String> workloadIds() {
        return Stream.concat(ids(EcsService).stream(), ids(EcsTask).stream())
                .sorted()
                .toList();
    }

    /** How many nodes and placeholders of one label the fixture writes. */
    public long count(NodeLabel label) {
        return ids(label).size();
    }

    public long count(RelType type) {
        return rels.stream().filter(r -> r.type() == type).count();
    }

    /** The id of the n-th task (1-based), as {@link #WEB_TASK_1} and the extra api tasks are named. */
    public static String task(String cluster, int n) {
        return ecs("task/" + cluster + "/" + "%032x".formatted(n));
    }

    public static String eni(int n) {
        return "eni-%017x".formatted(n);
    }

    /** The private IPv4 address of the n-th task: 10.0.0.x in the public subnet, 10.0.1.x in the private one. */
    public static String privateIp(int n, String subnet) {
        return "10.0." + (subnet.equals(PUBLIC_SUBNET) ? 0 : 1) + "." + (10 + n);
    }

    public static String container(String taskArn, String name) {
        return taskArn.replace(":task/", ":container/") + "/" + name;
    }

    /** A value's fingerprint as the loader keeps it for an environment variable: {@code sha256:<hex>}. */
    public static String fingerprint(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String ecs(String resource) {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    private void network() {
        node(AwsAccount, ACCOUNT, null, Map.of());
        node(
                Vpc,
                VPC,
                REGION,
                props(
                        "name", "prod",
                        "cidr", "10.0.0.0/16",
                        "cidrBlocks", List.of("10.0.0.0/16"),
                        "ipv6CidrBlocks", List.of(),
                        "isDefault", false,
                        "state", "available",
                        "ownerId", ACCOUNT,
                        "instanceTenancy", "default",
                        "dhcpOptionsId", "dopt-0a1b2c3d4e5f60001",
                        "tags", "{\"Name\":\"prod\"}"));
        rel(RelType.IN_ACCOUNT, Vpc, VPC, AwsAccount, ACCOUNT);
        subnet(PUBLIC_SUBNET, "public-a", "10.0.0.0/24", "eu-west-1a", true);
        subnet(PRIVATE_SUBNET, "private-b", "10.0.1.0/24", "eu-west-1b", false);
        securityGroup(WEB_SG, "web", "HTTPS from anywhere");
        securityGroup(APP_SG, "app", "Application tier");
        rule(RULE_HTTPS_FROM_ANYWHERE, 443, 443, props("cidr", "0.0.0.0/0"), null, true);
        rule(
                RULE_APP_FROM_WEB,
                8080,
                8080,
                props("peerGroupId", WEB_SG, "peerAccount", ACCOUNT),
                "from the web tier",
                false);
        rel(RelType.ALLOWS_FROM, SecurityGroupRule, RULE_APP_FROM_WEB, SecurityGroup, WEB_SG);
        rule(RULE_APP_EGRESS, null, null, props("cidr", "0.0.0.0/0"), null, true);
    }

    private void definitions() {
        placeholder(IamRole, WEB_TASK_ROLE, ACCOUNT, Map.of("name", "web-task"));
        placeholder(IamRole, EXECUTION_ROLE, ACCOUNT, Map.of("name", "ecsTaskExecutionRole"));
        placeholder(Secret, API_DB_SECRET, ACCOUNT, Map.of("service", "secretsmanager"));
        taskDefinition(WEB_TASK_DEFINITION, "web", 3, WEB_TASK_ROLE);
        taskDefinition(API_TASK_DEFINITION, "api", 7, null);
        var nginx = containerDefinitionProps(NGINX_DEFINITION, "public.ecr.aws/nginx/nginx@" + NGINX_IMAGE);
        nginx.put("portMappings", "[{\"containerPort\":8080,\"hostPort\":8080,\"protocol\":\"tcp\"}]");
        nginx.put("user", "101");
        containerDefinition(WEB_TASK_DEFINITION, NGINX_DEFINITION, nginx);
        placeholder(Image, NGINX_IMAGE, null, Map.of());
        rel(RelType.RUNS_IMAGE, ContainerDefinition, NGINX_DEFINITION, Image, NGINX_IMAGE);
        var logRouter = containerDefinitionProps(
                LOG_ROUTER_DEFINITION, "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable");
        logRouter.put("essential", false);
        containerDefinition(WEB_TASK_DEFINITION, LOG_ROUTER_DEFINITION, logRouter);
        var api = containerDefinitionProps(API_DEFINITION, ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/api:v42");
        api.put("portMappings", "[{\"containerPort\":8080,\"hostPort\":8080,\"protocol\":\"tcp\"}]");
        api.put("readonlyRootFilesystem", true);
        api.put("user", "1000");
        api.put("environmentNames", List.of("SPRING_PROFILES_ACTIVE"));
        api.put("environmentFingerprints", List.of("SPRING_PROFILES_ACTIVE=" + fingerprint(API_PROFILE_VALUE)));
        api.put("secretNames", List.of("DB_PASSWORD"));
        api.put("secretValueFrom", List.of(API_DB_SECRET + ":password::"));
        containerDefinition(API_TASK_DEFINITION, API_DEFINITION, api);
        rel(RelType.READS_SECRET, ContainerDefinition, API_DEFINITION, Secret, API_DB_SECRET);
        placeholder(Image, API_IMAGE, null, Map.of());
        placeholder(Image, LOG_ROUTER_IMAGE, null, Map.of());
    }

    private void clusters() {
        cluster(PROD_CLUSTER, "prod", 3 + extraApiTasks, 2);
        cluster(STAGING_CLUSTER, "staging", 0, 1);
        service(WEB_SERVICE, PROD_CLUSTER, "web", WEB_TASK_DEFINITION, 2, 2, true, PUBLIC_SUBNET, WEB_SG);
        service(
                API_SERVICE,
                PROD_CLUSTER,
                "api",
                API_TASK_DEFINITION,
                1 + extraApiTasks,
                1 + extraApiTasks,
                false,
                PRIVATE_SUBNET,
                APP_SG);
        service(STAGING_API_SERVICE, STAGING_CLUSTER, "api", API_TASK_DEFINITION, 1, 0, false, PRIVATE_SUBNET, APP_SG);
    }

    private void tasks() {
        runningTask(1, WEB_SERVICE, PROD_CLUSTER, WEB_TASK_DEFINITION, PUBLIC_SUBNET, WEB_SG, "203.0.113.10");
        runningTask(2, WEB_SERVICE, PROD_CLUSTER, WEB_TASK_DEFINITION, PUBLIC_SUBNET, WEB_SG, "203.0.113.11");
        runningTask(3, API_SERVICE, PROD_CLUSTER, API_TASK_DEFINITION, PRIVATE_SUBNET, APP_SG, null);
        for (int n = 5; n < 5 + extraApiTasks; n++) {
            runningTask(n, API_SERVICE, PROD_CLUSTER, API_TASK_DEFINITION, PRIVATE_SUBNET, APP_SG, null);
        }
        // stopped: ECS deleted its ENI, so there is no USES_ENI and no NetworkInterface; id and IP stay on the task
        var stopped = taskProps(4, STAGING_CLUSTER, API_TASK_DEFINITION, "STOPPED", PRIVATE_SUBNET);
        stopped.put("stoppingAt", T0.plusMinutes(59));
        stopped.put("stoppedAt", T0.plusHours(1));
        stopped.put("stoppedReason", "Essential container in task exited");
        stopped.put("stopCode", "EssentialContainerExited");
        stopped.put("healthStatus", "UNKNOWN");
        stopped.put("eniStatus", "DELETED");
        task(STAGING_TASK, stopped, STAGING_API_SERVICE, STAGING_CLUSTER, API_TASK_DEFINITION, PRIVATE_SUBNET);
    }

    private void subnet(String id, String name, String cidr, String zone, boolean mapPublicIp) {
        node(
                Subnet,
                id,
                REGION,
                props(
                        "name",
                        name,
                        "cidr",
                        cidr,
                        "ipv6CidrBlocks",
                        List.of(),
                        "availabilityZone",
                        zone,
                        "availabilityZoneId",
                        zone.endsWith("a") ? "euw1-az1" : "euw1-az2",
                        "mapPublicIpOnLaunch",
                        mapPublicIp,
                        "assignIpv6AddressOnCreation",
                        false,
                        "defaultForAz",
                        false,
                        "availableIpAddressCount",
                        248,
                        "state",
                        "available",
                        "vpcId",
                        VPC,
                        "ownerId",
                        ACCOUNT,
                        "arn",
                        "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":subnet/" + id,
                        "tags",
                        "{\"Name\":\"" + name + "\"}"));
        rel(RelType.IN_VPC, Subnet, id, Vpc, VPC);
    }

    private void securityGroup(String id, String name, String description) {
        node(
                SecurityGroup,
                id,
                REGION,
                props(
                        "name", name,
                        "description", description,
                        "vpcId", VPC,
                        "ownerId", ACCOUNT,
                        "arn", "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":security-group/" + id,
                        "tagName", null,
                        "tags", null));
        rel(RelType.IN_VPC, SecurityGroup, id, Vpc, VPC);
    }

    /** A rule keyed as the loader keys it ({@code group|direction|protocol|from|to|peer}); the key says which. */
    private void rule(
            String id, Integer fromPort, Integer toPort, Map<String, Object> peer, String description, boolean open) {
        String[] key = id.split("\\|");
        var props = props(
                "groupId", key[0],
                "direction", key[1],
                "protocol", key[2],
                "fromPort", fromPort,
                "toPort", toPort,
                "cidr", null,
                "ipv6Cidr", null,
                "prefixListId", null,
                "peerGroupId", null,
                "peerAccount", null,
                "peerVpcId", null,
                "vpcPeeringConnectionId", null);
        props.putAll(peer);
        props.put("description", description);
        props.put("openToInternet", open);
        node(SecurityGroupRule, id, REGION, props);
        rel(RelType.HAS_RULE, SecurityGroup, key[0], SecurityGroupRule, id);
    }

    private void taskDefinition(String id, String family, int revision, String taskRole) {
        node(
                TaskDefinition,
                id,
                REGION,
                props(
                        "family",
                        family,
                        "revision",
                        revision,
                        "status",
                        "ACTIVE",
                        "networkMode",
                        "awsvpc",
                        "requiresCompatibilities",
                        List.of("FARGATE"),
                        "compatibilities",
                        List.of("EC2", "FARGATE"),
                        "cpu",
                        "512",
                        "memory",
                        "1024",
                        "pidMode",
                        null,
                        "ipcMode",
                        null,
                        "taskRoleArn",
                        taskRole,
                        "executionRoleArn",
                        EXECUTION_ROLE,
                        "operatingSystemFamily",
                        "LINUX",
                        "cpuArchitecture",
                        "X86_64",
                        "ephemeralStorageGiB",
                        null,
                        "volumes",
                        "[]",
                        "registeredAt",
                        T0.minusDays(31),
                        "registeredBy",
                        "arn:aws:iam::" + ACCOUNT + ":role/deployer",
                        "deregisteredAt",
                        null,
                        "tags",
                        "{\"team\":\"payments\"}"));
        rel(RelType.EXECUTION_ROLE, TaskDefinition, id, IamRole, EXECUTION_ROLE);
        if (taskRole != null) {
            rel(RelType.TASK_ROLE, TaskDefinition, id, IamRole, taskRole);
        }
    }

    private static Map<String, Object> containerDefinitionProps(String id, String image) {
        int hash = id.indexOf('#');
        return props(
                "name",
                id.substring(hash + 1),
                "taskDefinitionArn",
                id.substring(0, hash),
                "image",
                image,
                "essential",
                true,
                "cpu",
                0,
                "memory",
                null,
                "memoryReservation",
                null,
                "portMappings",
                "[]",
                "mountPoints",
                "[]",
                "user",
                null,
                "privileged",
                false,
                "readonlyRootFilesystem",
                false,
                "linuxCapabilitiesAdded",
                List.of(),
                "linuxCapabilitiesDropped",
                List.of("ALL"),
                "initProcessEnabled",
                true,
                "environmentNames",
                List.of(),
                "environmentFingerprints",
                List.of(),
                "environmentFiles",
                List.of(),
                "secretNames",
                List.of(),
                "secretValueFrom",
                List.of(),
                "logDriver",
                "awslogs");
    }

    private void containerDefinition(String taskDefinition, String id, Map<String, Object> props) {
        node(ContainerDefinition, id, REGION, props);
        rel(RelType.HAS_CONTAINER, TaskDefinition, taskDefinition, ContainerDefinition, id);
    }

    private void cluster(String id, String name, int runningTasks, int services) {
        node(
                EcsCluster,
                id,
                REGION,
                props(
                        "name",
                        name,
                        "status",
                        "ACTIVE",
                        "registeredContainerInstancesCount",
                        0,
                        "runningTasksCount",
                        runningTasks,
                        "pendingTasksCount",
                        0,
                        "activeServicesCount",
                        services,
                        "capacityProviders",
                        List.of("FARGATE", "FARGATE_SPOT"),
                        "defaultCapacityProviderStrategy",
                        "[]",
                        "containerInsights",
                        "enabled",
                        "settings",
                        "[{\"name\":\"containerInsights\",\"value\":\"enabled\"}]",
                        "tags",
                        null));
        rel(RelType.IN_ACCOUNT, EcsCluster, id, AwsAccount, ACCOUNT);
    }

    private void service(
            String id,
            String cluster,
            String name,
            String taskDefinition,
            int desired,
            int running,
            boolean publicIp,
            String subnet,
            String group) {
        boolean web = name.equals("web");
        node(
                EcsService,
                id,
                REGION,
                props(
                        "name",
                        name,
                        "clusterArn",
                        cluster,
                        "status",
                        "ACTIVE",
                        "launchType",
                        "FARGATE",
                        "capacityProviderStrategy",
                        null,
                        "desiredCount",
                        desired,
                        "runningCount",
                        running,
                        "pendingCount",
                        0,
                        "schedulingStrategy",
                        "REPLICA",
                        "platformVersion",
                        "LATEST",
                        "platformFamily",
                        "Linux",
                        "taskDefinitionArn",
                        taskDefinition,
                        "assignPublicIp",
                        publicIp ? "ENABLED" : "DISABLED",
                        "subnetIds",
                        List.of(subnet),
                        "securityGroupIds",
                        List.of(group),
                        "enableExecuteCommand",
                        name.equals("api"),
                        "loadBalancers",
                        web
                                ? "[{\"targetGroupArn\":\"" + WEB_TARGET_GROUP
                                        + "\",\"containerName\":\"nginx\",\"containerPort\":8080}]"
                                : "[]",
                        "targetGroupArns",
                        web ? List.of(WEB_TARGET_GROUP) : List.of(),
                        "serviceRegistries",
                        "[]",
                        "healthCheckGracePeriodSeconds",
                        web ? 60 : null,
                        "deploymentController",
                        "ECS",
                        "roleArn",
                        null,
                        "propagateTags",
                        "NONE",
                        "enableECSManagedTags",
                        true,
                        "createdAt",
                        T0.minusDays(30),
                        "createdBy",
                        "arn:aws:iam::" + ACCOUNT + ":role/deployer",
                        "tags",
                        "{\"team\":\"payments\"}"));
        rel(RelType.IN_CLUSTER, EcsService, id, EcsCluster, cluster);
        rel(RelType.RUNS, EcsService, id, TaskDefinition, taskDefinition);
        rel(RelType.IN_SUBNET, EcsService, id, Subnet, subnet);
        rel(RelType.PROTECTED_BY, EcsService, id, SecurityGroup, group);
    }

    private void runningTask(
            int n,
            String service,
            String cluster,
            String taskDefinition,
            String subnet,
            String group,
            String publicIp) {
        String id = task("prod", n);
        var props = taskProps(n, cluster, taskDefinition, "RUNNING", subnet);
        props.put("healthStatus", "HEALTHY");
        props.put("eniStatus", "ATTACHED");
        task(id, props, service, cluster, taskDefinition, subnet);
        String eni = eni(n);
        String ip = privateIp(n, subnet);
        node(
                NetworkInterface,
                eni,
                REGION,
                props(
                        "privateIp",
                        ip,
                        "privateIps",
                        List.of(ip),
                        "publicIp",
                        publicIp,
                        "publicIps",
                        publicIp == null ? List.of() : List.of(publicIp),
                        "publicDnsName",
                        null,
                        "ipv6Addresses",
                        List.of(),
                        "privateDnsName",
                        "ip-" + ip.replace('.', '-') + "." + REGION + ".compute.internal",
                        "interfaceType",
                        "interface",
                        "requesterId",
                        FARGATE_REQUESTER,
                        "requesterManaged",
                        true,
                        "description",
                        "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":attachment/%08x".formatted(n),
                        "status",
                        "in-use",
                        "macAddress",
                        macAddress(n),
                        "sourceDestCheck",
                        true,
                        "availabilityZone",
                        props.get("availabilityZone"),
                        "subnetId",
                        subnet,
                        "vpcId",
                        VPC,
                        "ownerId",
                        ACCOUNT,
                        "securityGroupIds",
                        List.of(group),
                        "attachmentStatus",
                        "attached",
                        "attachmentInstanceId",
                        null,
                        "name",
                        null,
                        "tags",
                        null));
        rel(RelType.USES_ENI, EcsTask, id, NetworkInterface, eni);
        rel(RelType.IN_SUBNET, NetworkInterface, eni, Subnet, subnet);
        rel(RelType.PROTECTED_BY, NetworkInterface, eni, SecurityGroup, group);
    }

    private static Map<String, Object> taskProps(
            int n, String cluster, String taskDefinition, String lastStatus, String subnet) {
        return props(
                "clusterArn",
                cluster,
                "taskDefinitionArn",
                taskDefinition,
                "launchType",
                "FARGATE",
                "capacityProviderName",
                null,
                "lastStatus",
                lastStatus,
                "desiredStatus",
                lastStatus,
                "healthStatus",
                null,
                "connectivity",
                "CONNECTED",
                "createdAt",
                T0.plusMinutes(n).minusSeconds(40),
                "startedAt",
                T0.plusMinutes(n),
                "stoppingAt",
                null,
                "stoppedAt",
                null,
                "stoppedReason",
                null,
                "stopCode",
                null,
                "platformVersion",
                "1.4.0",
                "platformFamily",
                "Linux",
                "availabilityZone",
                subnet.equals(PUBLIC_SUBNET) ? "eu-west-1a" : "eu-west-1b",
                "cpu",
                "512",
                "memory",
                "1024",
                "group",
                null,
                "startedBy",
                "ecs-svc/%019d".formatted(n),
                "enableExecuteCommand",
                false,
                "ephemeralStorageGiB",
                20,
                "version",
                3L,
                "eniId",
                eni(n),
                "eniStatus",
                null,
                "subnetId",
                subnet,
                "privateIp",
                privateIp(n, subnet),
                "macAddress",
                macAddress(n),
                "tags",
                null);
    }

    private void task(
            String id,
            Map<String, Object> props,
            String service,
            String cluster,
            String taskDefinition,
            String subnet) {
        props.put("group", "service:" + service.substring(service.lastIndexOf('/') + 1));
        node(EcsTask, id, REGION, props);
        rel(RelType.IN_CLUSTER, EcsTask, id, EcsCluster, cluster);
        rel(RelType.MEMBER_OF, EcsTask, id, EcsService, service);
        rel(RelType.INSTANCE_OF, EcsTask, id, TaskDefinition, taskDefinition);
        rel(RelType.IN_SUBNET, EcsTask, id, Subnet, subnet);
        boolean stopped = "STOPPED".equals(props.get("lastStatus"));
        for (String definition : containerDefinitions(taskDefinition)) {
            String name = definition.substring(definition.indexOf('#') + 1);
            String container = container(id, name);
            String image = switch (name) {
                case "nginx" -> NGINX_IMAGE;
                case "api" -> API_IMAGE;
                default -> LOG_ROUTER_IMAGE;
            };
            node(
                    Container,
                    container,
                    REGION,
                    props(
                            "name",
                            name,
                            "taskArn",
                            id,
                            "image",
                            imageReference(name),
                            "imageDigest",
                            image,
                            "runtimeId",
                            "%032x-%s".formatted(nodes.size(), name),
                            "lastStatus",
                            props.get("lastStatus"),
                            "exitCode",
                            stopped ? 1 : null,
                            "reason",
                            null,
                            "healthStatus",
                            stopped ? "UNKNOWN" : "HEALTHY",
                            "cpu",
                            "0",
                            "memory",
                            null,
                            "memoryReservation",
                            null,
                            "privateIps",
                            List.of(props.get("privateIp"))));
            rel(RelType.HAS_CONTAINER, EcsTask, id, Container, container);
            rel(RelType.INSTANCE_OF, Container, container, ContainerDefinition, definition);
            rel(RelType.RUNS_IMAGE, Container, container, Image, image);
        }
    }

    private static List<String> containerDefinitions(String taskDefinition) {
        return taskDefinition.equals(WEB_TASK_DEFINITION)
                ? List.of(NGINX_DEFINITION, LOG_ROUTER_DEFINITION)
                : List.of(API_DEFINITION);
    }

    /** The image reference ECS reports for a running container: the definition's, tags as written. */
    private static String imageReference(String container) {
        return switch (container) {
            case "nginx" -> "public.ecr.aws/nginx/nginx@" + NGINX_IMAGE;
            case "api" -> ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/api:v42";
            default -> "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable";
        };
    }

    private static String macAddress(int n) {
        return "0a:1b:2c:3d:%02x:%02x".formatted(n / 256 % 256, n % 256);
    }

    private void node(NodeLabel label, String id, String region, Map<String, ?> props) {
        nodes.add(NodeRecord.of(label, id, ACCOUNT, region, props));
    }

    /** A placeholder as the loader leaves it: global (no region); images belong to no account. */
    private void placeholder(NodeLabel label, String id, String account, Map<String, ?> props) {
        placeholders.add(NodeRecord.of(label, id, account, label == Secret ? REGION : null, props));
    }

    private void rel(RelType type, NodeLabel from, String fromId, NodeLabel to, String toId) {
        rels.add(RelRecord.of(type, from, fromId, to, toId, ACCOUNT, REGION));
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
