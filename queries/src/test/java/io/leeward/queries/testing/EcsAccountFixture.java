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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small ECS-on-Fargate account as the AWS loaders would write it: one VPC with a public and a
 * private subnet, a web and an app security group with three rules, a {@code prod} cluster running a
 * {@code web} service (two public tasks) and an {@code api} service (one task, more on request), a
 * {@code staging} cluster with one service and a stopped task, two task definitions with three
 * container definitions, two IAM roles and two images. Property names follow the ECS and EC2 API
 * fields in camelCase ({@code launchType}, {@code desiredCount}, {@code privateIpAddress} …).
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
    public static final String RULE_HTTPS_FROM_ANYWHERE = "sgr-0a1b2c3d4e5f60001";
    public static final String RULE_APP_FROM_WEB = "sgr-0a1b2c3d4e5f60002";
    public static final String RULE_APP_EGRESS = "sgr-0a1b2c3d4e5f60003";

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
    public static final String NGINX_IMAGE = "sha256:" + "1a".repeat(32);
    public static final String API_IMAGE = "sha256:" + "2b".repeat(32);

    public static final String WEB_TASK_1 = task("prod", 1);
    public static final String WEB_TASK_2 = task("prod", 2);
    public static final String API_TASK = task("prod", 3);
    public static final String STAGING_TASK = task("staging", 4);

    private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC);

    private final int extraApiTasks;
    private final List<NodeRecord> nodes = new ArrayList<>();
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

    /** Writes the account in one complete sync of source {@value #SOURCE}. */
    public SyncSummary load(GraphStore store) {
        try (var sync = store.beginSync(SyncRequest.of(SOURCE))) {
            nodes.forEach(sync::write);
            rels.forEach(sync::write);
            for (NodeLabel label : List.of(EcsCluster, EcsService, EcsTask)) {
                sync.covers(Scope.of(SOURCE, ACCOUNT, REGION, label));
            }
            sync.covers(Scope.of(SOURCE, ACCOUNT, null, IamRole));
            return sync.complete();
        }
    }

    public List<NodeRecord> nodes() {
        return List.copyOf(nodes);
    }

    public List<RelRecord> relationships() {
        return List.copyOf(rels);
    }

    /** Ids of the nodes of one label, in write order. */
    public List<String> ids(NodeLabel label) {
        return nodes.stream()
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

    public long count(NodeLabel label) {
        return nodes.stream().filter(n -> n.label() == label).count();
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

    public static String container(String taskArn, String name) {
        return taskArn.replace(":task/", ":container/") + "/" + name;
    }

    private static String ecs(String resource) {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    private void network() {
        node(AwsAccount, ACCOUNT, null, Map.of("name", "leeward-demo-prod"));
        node(Vpc, VPC, REGION, Map.of("cidrBlocks", List.of("10.0.0.0/16"), "isDefault", false));
        rel(RelType.IN_ACCOUNT, Vpc, VPC, AwsAccount, ACCOUNT);
        subnet(PUBLIC_SUBNET, "10.0.0.0/24", "eu-west-1a", true);
        subnet(PRIVATE_SUBNET, "10.0.1.0/24", "eu-west-1b", false);
        securityGroup(WEB_SG, "web", "HTTPS from anywhere");
        securityGroup(APP_SG, "app", "Application tier");
        rule(WEB_SG, RULE_HTTPS_FROM_ANYWHERE, "ingress", 443, Map.of("cidrIpv4", "0.0.0.0/0"));
        rule(APP_SG, RULE_APP_FROM_WEB, "ingress", 8080, Map.of("description", "from the web tier"));
        rel(RelType.ALLOWS_FROM, SecurityGroupRule, RULE_APP_FROM_WEB, SecurityGroup, WEB_SG);
        var egress = props("direction", "egress", "protocol", "-1", "cidrIpv4", "0.0.0.0/0");
        node(SecurityGroupRule, RULE_APP_EGRESS, REGION, egress);
        rel(RelType.HAS_RULE, SecurityGroup, APP_SG, SecurityGroupRule, RULE_APP_EGRESS);
    }

    private void definitions() {
        node(IamRole, WEB_TASK_ROLE, null, Map.of("name", "web-task", "path", "/"));
        node(IamRole, EXECUTION_ROLE, null, Map.of("name", "ecsTaskExecutionRole", "path", "/"));
        image(NGINX_IMAGE, "public.ecr.aws/nginx/nginx", List.of("1.27"));
        image(API_IMAGE, ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/api", List.of("v42", "latest"));
        taskDefinition(WEB_TASK_DEFINITION, "web", 3, WEB_TASK_ROLE);
        taskDefinition(API_TASK_DEFINITION, "api", 7, null);
        containerDefinition(WEB_TASK_DEFINITION, NGINX_DEFINITION, "public.ecr.aws/nginx/nginx:1.27", NGINX_IMAGE);
        containerDefinition(
                WEB_TASK_DEFINITION,
                LOG_ROUTER_DEFINITION,
                "public.ecr.aws/aws-observability/aws-for-fluent-bit",
                null);
        containerDefinition(
                API_TASK_DEFINITION,
                API_DEFINITION,
                ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/api:v42",
                API_IMAGE);
    }

    private void clusters() {
        cluster(PROD_CLUSTER, "prod");
        cluster(STAGING_CLUSTER, "staging");
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
        var stopped = taskProps(4, "STOPPED", "STOPPED");
        stopped.put("stoppedAt", T0.plusHours(1));
        stopped.put("stoppedReason", "Essential container in task exited");
        task(
                STAGING_TASK,
                stopped,
                STAGING_API_SERVICE,
                STAGING_CLUSTER,
                API_TASK_DEFINITION,
                PRIVATE_SUBNET,
                APP_SG,
                eni(4),
                null);
    }

    private void subnet(String id, String cidr, String zone, boolean mapPublicIp) {
        node(
                Subnet,
                id,
                REGION,
                Map.of("cidrBlock", cidr, "availabilityZone", zone, "mapPublicIpOnLaunch", mapPublicIp));
        rel(RelType.IN_VPC, Subnet, id, Vpc, VPC);
    }

    private void securityGroup(String id, String name, String description) {
        node(SecurityGroup, id, REGION, Map.of("name", name, "description", description));
        rel(RelType.IN_VPC, SecurityGroup, id, Vpc, VPC);
    }

    private void rule(String group, String id, String direction, int port, Map<String, Object> extra) {
        var props = props("direction", direction, "protocol", "tcp", "fromPort", port, "toPort", port);
        props.putAll(extra);
        node(SecurityGroupRule, id, REGION, props);
        rel(RelType.HAS_RULE, SecurityGroup, group, SecurityGroupRule, id);
    }

    private void image(String digest, String repository, List<String> tags) {
        node(Image, digest, null, Map.of("repository", repository, "tags", tags));
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
                        "cpu",
                        "512",
                        "memory",
                        "1024",
                        "requiresCompatibilities",
                        List.of("FARGATE")));
        rel(RelType.EXECUTION_ROLE, TaskDefinition, id, IamRole, EXECUTION_ROLE);
        if (taskRole != null) {
            rel(RelType.TASK_ROLE, TaskDefinition, id, IamRole, taskRole);
        }
    }

    private void containerDefinition(String taskDefinition, String id, String image, String digest) {
        String name = id.substring(id.indexOf('#') + 1);
        node(
                ContainerDefinition,
                id,
                REGION,
                props(
                        "name",
                        name,
                        "image",
                        image,
                        "essential",
                        !name.equals("log-router"),
                        "privileged",
                        false,
                        "readonlyRootFilesystem",
                        name.equals("api"),
                        "portMappings",
                        List.of("8080/tcp")));
        rel(RelType.HAS_CONTAINER, TaskDefinition, taskDefinition, ContainerDefinition, id);
        if (digest != null) {
            rel(RelType.RUNS_IMAGE, ContainerDefinition, id, Image, digest);
        }
    }

    private void cluster(String id, String name) {
        node(EcsCluster, id, REGION, Map.of("name", name, "status", "ACTIVE"));
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
        node(
                EcsService,
                id,
                REGION,
                props(
                        "name",
                        name,
                        "status",
                        "ACTIVE",
                        "launchType",
                        "FARGATE",
                        "platformVersion",
                        "1.4.0",
                        "desiredCount",
                        desired,
                        "runningCount",
                        running,
                        "pendingCount",
                        0,
                        "assignPublicIp",
                        publicIp,
                        "enableExecuteCommand",
                        name.equals("api"),
                        "createdAt",
                        T0.minusDays(30)));
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
        task(
                task("prod", n),
                taskProps(n, "RUNNING", "RUNNING"),
                service,
                cluster,
                taskDefinition,
                subnet,
                group,
                eni(n),
                publicIp);
    }

    private Map<String, Object> taskProps(int n, String lastStatus, String desiredStatus) {
        return props(
                "lastStatus",
                lastStatus,
                "desiredStatus",
                desiredStatus,
                "launchType",
                "FARGATE",
                "platformVersion",
                "1.4.0",
                "cpu",
                "512",
                "memory",
                "1024",
                "availabilityZone",
                "eu-west-1a",
                "startedAt",
                T0.plusMinutes(n),
                "enableExecuteCommand",
                false);
    }

    private void task(
            String id,
            Map<String, Object> props,
            String service,
            String cluster,
            String taskDefinition,
            String subnet,
            String group,
            String eni,
            String publicIp) {
        props.put("group", "service:" + service.substring(service.lastIndexOf('/') + 1));
        node(EcsTask, id, REGION, props);
        rel(RelType.IN_CLUSTER, EcsTask, id, EcsCluster, cluster);
        rel(RelType.MEMBER_OF, EcsTask, id, EcsService, service);
        rel(RelType.INSTANCE_OF, EcsTask, id, TaskDefinition, taskDefinition);
        var eniProps = props(
                "privateIpAddress",
                "10.0." + (subnet.equals(PUBLIC_SUBNET) ? 0 : 1) + "." + (10 + nodes.size() % 200),
                "status",
                "in-use",
                "interfaceType",
                "interface",
                "description",
                "arn:aws:ecs:" + REGION + ":attachment");
        if (publicIp != null) {
            eniProps.put("publicIp", publicIp);
        }
        node(NetworkInterface, eni, REGION, eniProps);
        rel(RelType.USES_ENI, EcsTask, id, NetworkInterface, eni);
        rel(RelType.IN_SUBNET, NetworkInterface, eni, Subnet, subnet);
        rel(RelType.PROTECTED_BY, NetworkInterface, eni, SecurityGroup, group);
        for (String definition : containerDefinitions(taskDefinition)) {
            String name = definition.substring(definition.indexOf('#') + 1);
            String container = container(id, name);
            node(
                    Container,
                    container,
                    REGION,
                    props(
                            "name",
                            name,
                            "lastStatus",
                            props.get("lastStatus"),
                            "runtimeId",
                            "%032x-%s".formatted(nodes.size(), name)));
            rel(RelType.HAS_CONTAINER, EcsTask, id, Container, container);
            rel(RelType.INSTANCE_OF, Container, container, ContainerDefinition, definition);
            String image = definition.equals(NGINX_DEFINITION)
                    ? NGINX_IMAGE
                    : definition.equals(API_DEFINITION) ? API_IMAGE : null;
            if (image != null) {
                rel(RelType.RUNS_IMAGE, Container, container, Image, image);
            }
        }
    }

    private static List<String> containerDefinitions(String taskDefinition) {
        return taskDefinition.equals(WEB_TASK_DEFINITION)
                ? List.of(NGINX_DEFINITION, LOG_ROUTER_DEFINITION)
                : List.of(API_DEFINITION);
    }

    private void node(NodeLabel label, String id, String region, Map<String, ?> props) {
        nodes.add(NodeRecord.of(label, id, label == Image ? null : ACCOUNT, region, props));
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
