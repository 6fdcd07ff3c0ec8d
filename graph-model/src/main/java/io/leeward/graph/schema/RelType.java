package io.leeward.graph.schema;

import static io.leeward.graph.schema.NodeLabel.*;

import java.util.List;

/**
 * Every relationship type Leeward writes, with its direction. Types reach Cypher only from this
 * enum. {@link #from()} and {@link #to()} list the labels each end may carry.
 */
public enum RelType {
    IN_ACCOUNT(
            List.of(
                    Vpc,
                    EcsCluster,
                    IamUser,
                    IamGroup,
                    IamRole,
                    IamPolicy,
                    InstanceProfile,
                    S3Bucket,
                    EcrRepository,
                    KmsKey,
                    Secret),
            List.of(AwsAccount),
            "The resource belongs to this AWS account."),
    IN_VPC(
            List.of(
                    Subnet,
                    SecurityGroup,
                    RouteTable,
                    NetworkAcl,
                    LoadBalancer,
                    TargetGroup,
                    InternetGateway,
                    NatGateway,
                    Ec2Instance),
            List.of(Vpc),
            "The resource lives in this VPC; a target group routes to targets in it; an internet gateway is attached"
                    + " to it."),
    IN_SUBNET(
            List.of(NetworkInterface, EcsService, EcsTask, Ec2Instance, NatGateway, LoadBalancer),
            List.of(Subnet),
            "The interface, instance or task is placed in this subnet; a service lists it in its awsvpc configuration;"
                    + " a load balancer is enabled in it for one availability zone."),
    PROTECTED_BY(
            List.of(NetworkInterface, EcsService, LoadBalancer, Ec2Instance),
            List.of(SecurityGroup),
            "Traffic to the resource is filtered by this security group."),
    HAS_RULE(
            List.of(SecurityGroup, Listener),
            List.of(SecurityGroupRule, ListenerRule),
            "The security group or listener holds this rule."),
    ALLOWS_FROM(
            List.of(SecurityGroupRule),
            List.of(SecurityGroup),
            "The rule admits traffic from members of this security group (a security-group reference)."),
    ASSOCIATED_WITH(
            List.of(RouteTable, NetworkAcl),
            List.of(Subnet),
            "The route table or network ACL applies to traffic of this subnet (an explicit association)."),
    ROUTES_TO(
            List.of(RouteTable),
            List.of(InternetGateway, NatGateway, NetworkInterface, Ec2Instance),
            "A route of the table sends traffic to this target; keyed by the destination, which it carries with the"
                    + " route state."),
    HAS_LISTENER(List.of(LoadBalancer), List.of(Listener), "The load balancer accepts traffic on this listener."),
    FORWARDS_TO(
            List.of(Listener, ListenerRule),
            List.of(TargetGroup),
            "The listener's default action or the rule forwards to this target group."),
    TARGETS(
            List.of(TargetGroup),
            List.of(EcsTask, NetworkInterface, Ec2Instance, EcsService, LoadBalancer, ExternalHost),
            "The target group sends traffic to this target; for a service, the target group sends traffic to this"
                    + " service's tasks (from the service's load balancer configuration); a registered target carries"
                    + " its port and health, keyed by port; an IP target no interface of the region owns is an"
                    + " ExternalHost."),
    IN_CLUSTER(
            List.of(EcsService, EcsTask, EcsContainerInstance),
            List.of(EcsCluster),
            "The service, task or container instance runs in this cluster."),
    RUNS_ON(
            List.of(EcsContainerInstance),
            List.of(Ec2Instance),
            "The container instance is this EC2 instance running the ECS agent."),
    PLACED_ON(
            List.of(EcsTask),
            List.of(EcsContainerInstance),
            "The task (EC2 launch type) runs on this container instance."),
    RUNS(List.of(EcsService), List.of(TaskDefinition), "The service runs tasks from this task definition revision."),
    INSTANCE_OF(
            List.of(EcsTask, Container),
            List.of(TaskDefinition, ContainerDefinition),
            "The task or container was started from this definition."),
    MEMBER_OF(
            List.of(EcsTask, IamUser),
            List.of(EcsService, IamGroup),
            "The task belongs to this service; the user to this group."),
    USES_ENI(
            List.of(EcsTask, Ec2Instance, LoadBalancer, NatGateway),
            List.of(NetworkInterface),
            "The workload or gateway sends and receives through this network interface."),
    HAS_CONTAINER(
            List.of(TaskDefinition, EcsTask),
            List.of(ContainerDefinition, Container),
            "The task definition or task holds this container."),
    RUNS_IMAGE(List.of(Container, ContainerDefinition), List.of(Image), "The container runs this image."),
    TASK_ROLE(List.of(TaskDefinition), List.of(IamRole), "Containers of the task get this role's credentials."),
    EXECUTION_ROLE(
            List.of(TaskDefinition), List.of(IamRole), "The ECS agent pulls images and reads secrets with this role."),
    READS_SECRET(
            List.of(ContainerDefinition),
            List.of(Secret),
            "The container receives this secret as an environment variable."),
    HAS_IMAGE(List.of(EcrRepository), List.of(Image), "The repository holds this image."),
    CONTAINS(List.of(Image), List.of(Package), "The image contains this package."),
    AFFECTED_BY(List.of(Package), List.of(Vulnerability), "The package version is affected by this vulnerability."),
    IN_USE_BY(
            List.of(Package),
            List.of(Container),
            "Runtime evidence shows the package loaded or executed in this container."),
    HAS_POLICY(
            List.of(IamUser, IamGroup, IamRole, AwsAccount),
            List.of(IamPolicy),
            "The principal has this policy attached or inline; an account is governed by this service or resource"
                    + " control policy (attached to it, an organizational unit above it or the root: via lists the"
                    + " target ids root first, viaType their types ROOT, ORGANIZATIONAL_UNIT or ACCOUNT)."),
    PERMISSIONS_BOUNDARY(
            List.of(IamUser, IamRole),
            List.of(IamPolicy),
            "This managed policy bounds the principal's identity permissions."),
    USES_PROFILE(List.of(Ec2Instance), List.of(InstanceProfile), "The instance runs with this instance profile."),
    HAS_ROLE(List.of(InstanceProfile), List.of(IamRole), "The instance profile hands out this role's credentials."),
    ENCRYPTED_WITH(
            List.of(S3Bucket, Secret, EcrRepository), List.of(KmsKey), "The data is encrypted with this KMS key."),
    TRUSTS(List.of(IamRole), List.of(IamRole, IamUser, AwsAccount), "The role's trust policy names this principal."),
    COMMUNICATES_WITH(
            List.of(
                    EcsTask,
                    EcsService,
                    ExternalHost,
                    Internet,
                    LoadBalancer,
                    NatGateway,
                    Ec2Instance,
                    NetworkInterface),
            List.of(
                    EcsTask,
                    EcsService,
                    ExternalHost,
                    Internet,
                    LoadBalancer,
                    NatGateway,
                    Ec2Instance,
                    NetworkInterface),
            "Observed traffic from client to server, keyed protocol/server port (tcp/443), with flows, packets, bytes,"
                    + " accepted and rejected counts and the first and last flow seen; between tasks and, rolled up,"
                    + " between their services."),
    PART_OF(List.of(ExternalHost), List.of(Internet), "The external host is an address of the public internet."),
    EXECUTED(List.of(Container, EcsService), List.of(Process), "The process ran in this container or service."),
    SERVED_BY(List.of(ApiEndpoint), List.of(EcsService, EcsTask), "The endpoint is served by this workload."),
    CALLED(
            List.of(EcsService, EcsTask, ExternalHost, Internet),
            List.of(ApiEndpoint),
            "The caller sent requests to this endpoint."),
    ON(
            List.of(Detection, Finding),
            List.of(EcsTask, Container, EcsService, ApiEndpoint, TaskDefinition, ContainerDefinition),
            "The detection or finding concerns this resource."),
    AFFECTS(
            List.of(Vulnerability, Finding),
            List.of(Image, EcsService),
            "The vulnerability or finding affects this resource."),
    CAN_REACH(
            List.of(Internet),
            List.of(LoadBalancer, NetworkInterface, EcsTask, EcsService),
            "Derived: the internet can reach this resource; carries the evidence."),
    CAN_ASSUME(
            List.of(IamRole, IamUser, EcsTask),
            List.of(IamRole),
            "Derived: the principal can assume this role; carries the deciding statements."),
    CAN_ESCALATE_TO(
            List.of(IamRole, IamUser),
            List.of(IamRole, IamUser),
            "Derived: the principal can gain this principal's permissions; carries the technique."),
    CAN_ACCESS(
            List.of(IamRole, IamUser),
            List.of(S3Bucket, Secret, KmsKey),
            "Derived: the principal can read or write this data; carries the deciding statements.");

    private final List<NodeLabel> from;
    private final List<NodeLabel> to;
    private final String description;

    RelType(List<NodeLabel> from, List<NodeLabel> to, String description) {
        this.from = List.copyOf(from);
        this.to = List.copyOf(to);
        this.description = description;
    }

    public List<NodeLabel> from() {
        return from;
    }

    public List<NodeLabel> to() {
        return to;
    }

    public String description() {
        return description;
    }

    /** The type as it appears in Cypher, back-quoted. */
    public String cypher() {
        return "`" + name() + "`";
    }

    /** Whether analysis derives this type rather than a loader reading it from a source. */
    public boolean isDerived() {
        return name().startsWith("CAN_");
    }
}
