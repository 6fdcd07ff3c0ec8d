package io.leeward.queries;

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
import static io.leeward.graph.schema.RelType.ALLOWS_FROM;
import static io.leeward.graph.schema.RelType.EXECUTION_ROLE;
import static io.leeward.graph.schema.RelType.HAS_CONTAINER;
import static io.leeward.graph.schema.RelType.HAS_RULE;
import static io.leeward.graph.schema.RelType.INSTANCE_OF;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;
import static io.leeward.graph.schema.RelType.IN_CLUSTER;
import static io.leeward.graph.schema.RelType.IN_SUBNET;
import static io.leeward.graph.schema.RelType.IN_VPC;
import static io.leeward.graph.schema.RelType.MEMBER_OF;
import static io.leeward.graph.schema.RelType.PROTECTED_BY;
import static io.leeward.graph.schema.RelType.RUNS;
import static io.leeward.graph.schema.RelType.RUNS_IMAGE;
import static io.leeward.graph.schema.RelType.TASK_ROLE;
import static io.leeward.graph.schema.RelType.USES_ENI;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.Check;
import io.leeward.queries.NamedQuery.Param;
import io.leeward.queries.NamedQuery.ParamType;
import java.util.List;

/**
 * Neighbour lookups, one query per relationship field of the GraphQL schema, each answering a whole
 * batch of node ids at once ({@code UNWIND $ids}) so that a DataLoader costs one round-trip per field
 * and level. Named {@code links.<from>.<field>}; every row is one (parent, neighbour) pair with the
 * neighbour's labels and properties, ordered by parent and neighbour id.
 */
final class LinkQueries {
    private LinkQueries() {}

    static final String PARENT = "parent";
    static final List<String> COLUMNS = List.of(PARENT, "id", "labels", "properties");

    static final List<NamedQuery> ALL = List.of(
            in("account", "clusters", AwsAccount, IN_ACCOUNT, EcsCluster, "the ECS clusters of the account"),
            in("account", "vpcs", AwsAccount, IN_ACCOUNT, Vpc, "the VPCs of the account"),
            in("vpc", "subnets", Vpc, IN_VPC, Subnet, "the subnets of the VPC"),
            in("vpc", "security-groups", Vpc, IN_VPC, SecurityGroup, "the security groups of the VPC"),
            out("subnet", "vpc", Subnet, IN_VPC, Vpc, "the VPC the subnet belongs to"),
            out("security-group", "vpc", SecurityGroup, IN_VPC, Vpc, "the VPC the security group belongs to"),
            out("security-group", "rules", SecurityGroup, HAS_RULE, SecurityGroupRule, "the rules of the group"),
            in("rule", "security-group", SecurityGroupRule, HAS_RULE, SecurityGroup, "the group holding the rule"),
            out(
                    "rule",
                    "allowed-from",
                    SecurityGroupRule,
                    ALLOWS_FROM,
                    SecurityGroup,
                    "the security groups whose members the rule admits"),
            out("eni", "subnet", NetworkInterface, IN_SUBNET, Subnet, "the subnet of the network interface"),
            out(
                    "eni",
                    "security-groups",
                    NetworkInterface,
                    PROTECTED_BY,
                    SecurityGroup,
                    "the security groups filtering the network interface"),
            in("eni", "task", NetworkInterface, USES_ENI, EcsTask, "the ECS task using the network interface"),
            out("cluster", "account", EcsCluster, IN_ACCOUNT, AwsAccount, "the account of the cluster"),
            in("cluster", "services", EcsCluster, IN_CLUSTER, EcsService, "the ECS services of the cluster"),
            out("service", "cluster", EcsService, IN_CLUSTER, EcsCluster, "the cluster the service runs in"),
            in("service", "tasks", EcsService, MEMBER_OF, EcsTask, "the tasks of the service"),
            out(
                    "service",
                    "task-definition",
                    EcsService,
                    RUNS,
                    TaskDefinition,
                    "the task definition revision the service runs"),
            out(
                    "service",
                    "subnets",
                    EcsService,
                    IN_SUBNET,
                    Subnet,
                    "the subnets of the service's awsvpc configuration"),
            out(
                    "service",
                    "security-groups",
                    EcsService,
                    PROTECTED_BY,
                    SecurityGroup,
                    "the security groups of the service's awsvpc configuration"),
            out("task", "service", EcsTask, MEMBER_OF, EcsService, "the service the task belongs to"),
            out("task", "cluster", EcsTask, IN_CLUSTER, EcsCluster, "the cluster the task runs in"),
            out(
                    "task",
                    "task-definition",
                    EcsTask,
                    INSTANCE_OF,
                    TaskDefinition,
                    "the task definition the task was started from"),
            out(
                    "task",
                    "network-interfaces",
                    EcsTask,
                    USES_ENI,
                    NetworkInterface,
                    "the network interfaces of the task"),
            taskSubnets(),
            new Link(
                            "task",
                            "security-groups",
                            EcsTask,
                            "MATCH (s)-[:" + USES_ENI.cypher() + "]->(:" + NetworkInterface.cypher() + ")-[:"
                                    + PROTECTED_BY.cypher() + "]->(t:" + SecurityGroup.cypher() + ")",
                            "the security groups of the task's network interfaces (USES_ENI, PROTECTED_BY)")
                    .query(),
            out("task", "containers", EcsTask, HAS_CONTAINER, Container, "the containers of the task"),
            out(
                    "task-definition",
                    "container-definitions",
                    TaskDefinition,
                    HAS_CONTAINER,
                    ContainerDefinition,
                    "the container definitions of the task definition"),
            out("task-definition", "task-role", TaskDefinition, TASK_ROLE, IamRole, "the task role"),
            out("task-definition", "execution-role", TaskDefinition, EXECUTION_ROLE, IamRole, "the execution role"),
            in(
                    "container-definition",
                    "task-definition",
                    ContainerDefinition,
                    HAS_CONTAINER,
                    TaskDefinition,
                    "the task definition holding the container definition"),
            out("container-definition", "image", ContainerDefinition, RUNS_IMAGE, Image, "the image it names"),
            in("container", "task", Container, HAS_CONTAINER, EcsTask, "the task the container belongs to"),
            out(
                    "container",
                    "definition",
                    Container,
                    INSTANCE_OF,
                    ContainerDefinition,
                    "the container definition the container was started from"),
            out("container", "image", Container, RUNS_IMAGE, Image, "the image the container runs"));

    /** The name of the link query of one GraphQL field: {@code links.<from>.<field>}. */
    static String name(String from, String field) {
        return "links." + from + "." + field;
    }

    private static NamedQuery taskSubnets() {
        String direct = "MATCH (s)-[:" + IN_SUBNET.cypher() + "]->(t:" + Subnet.cypher() + ") RETURN t";
        String viaEni = "MATCH (s)-[:" + USES_ENI.cypher() + "]->(:" + NetworkInterface.cypher() + ")-[:"
                + IN_SUBNET.cypher() + "]->(t:" + Subnet.cypher() + ") RETURN t";
        return new Link(
                        "task",
                        "subnets",
                        EcsTask,
                        "CALL (s) { " + direct + " UNION " + viaEni + " }",
                        "the subnets the task is placed in, directly (IN_SUBNET) or through its network interfaces")
                .query();
    }

    /** A link along one relationship type, in its direction. */
    private static NamedQuery out(
            String from, String field, NodeLabel fromLabel, RelType type, NodeLabel toLabel, String what) {
        Check.that(
                type.from().contains(fromLabel) && type.to().contains(toLabel),
                type + " does not lead from " + fromLabel + " to " + toLabel);
        String match = "MATCH (s)-[:" + type.cypher() + "]->(t:" + toLabel.cypher() + ")";
        return new Link(from, field, fromLabel, match, what + " (" + type.name() + ")").query();
    }

    /** A link along one relationship type against its direction: {@code toLabel} is where it starts. */
    private static NamedQuery in(
            String from, String field, NodeLabel fromLabel, RelType type, NodeLabel toLabel, String what) {
        Check.that(
                type.to().contains(fromLabel) && type.from().contains(toLabel),
                type + " does not lead from " + toLabel + " to " + fromLabel);
        String match = "MATCH (s)<-[:" + type.cypher() + "]-(t:" + toLabel.cypher() + ")";
        return new Link(from, field, fromLabel, match, what + " (" + type.name() + ", incoming)").query();
    }

    /** A neighbour lookup: from nodes of {@code fromLabel} bound to {@code s}, {@code match} binds {@code t}. */
    private record Link(String from, String field, NodeLabel fromLabel, String match, String what) {
        NamedQuery query() {
            return new NamedQuery(
                    name(from, field),
                    "links",
                    "For each given " + fromLabel.name() + " id: " + what + ". Answers a whole batch of ids.",
                    "UNWIND $ids AS parent MATCH (s:" + fromLabel.cypher() + " {id: parent}) " + match + " "
                            + "RETURN DISTINCT parent, t.id AS id, labels(t) AS labels, properties(t) AS properties "
                            + "ORDER BY parent, id",
                    List.of(new Param(
                            "ids", ParamType.STRING_LIST, "The " + fromLabel.name() + " ids to look up.", null)),
                    COLUMNS);
        }
    }
}
