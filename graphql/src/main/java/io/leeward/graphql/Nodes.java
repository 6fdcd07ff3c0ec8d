package io.leeward.graphql;

import io.leeward.graph.schema.NodeLabel;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of the GraphQL node types. Each record is named as its GraphQL type, so Spring's
 * class-name type resolver resolves the {@code Node} and {@code Workload} interfaces; each reads its
 * scalar fields from the node's properties under exactly the names and types the AWS loader writes
 * them (docs/formats.md; mostly the AWS API field in camelCase, with {@code cidr}, {@code privateIp}
 * and a few more shortened). A GraphQL field differs from its property only where the property name
 * would clash with a relationship field ({@code imageName} reads {@code image}). Structures the
 * loader keeps whole (port mappings, load balancers, volumes, tags) are compact JSON text.
 * Relationship fields are resolved by {@link RelationshipFields}, not here.
 *
 * <p>Public only because graphql-java's property data fetcher reads public methods, including the
 * default methods of the two interfaces; nothing outside this package builds these types.
 */
public final class Nodes {
    private Nodes() {}

    /** The typed view of a node, by its first label this schema has a type for. */
    static Node of(NodeData data) {
        for (String label : data.labels()) {
            Node node = typed(label, data);
            if (node != null) {
                return node;
            }
        }
        return new GenericNode(data);
    }

    private static Node typed(String label, NodeData data) {
        NodeLabel known;
        try {
            known = NodeLabel.valueOf(label);
        } catch (IllegalArgumentException unknownLabel) {
            return null; // a label of a newer schema: look at the node's other labels
        }
        return switch (known) {
            case AwsAccount -> new AwsAccount(data);
            case Vpc -> new Vpc(data);
            case Subnet -> new Subnet(data);
            case SecurityGroup -> new SecurityGroup(data);
            case SecurityGroupRule -> new SecurityGroupRule(data);
            case NetworkInterface -> new NetworkInterface(data);
            case EcsCluster -> new EcsCluster(data);
            case EcsService -> new EcsService(data);
            case EcsTask -> new EcsTask(data);
            case TaskDefinition -> new TaskDefinition(data);
            case ContainerDefinition -> new ContainerDefinition(data);
            case Container -> new Container(data);
            case IamRole -> new IamRole(data);
            case Image -> new Image(data);
            default -> null;
        };
    }

    /** The {@code Node} interface: the fields every node has. */
    public sealed interface Node
            permits Workload,
                    AwsAccount,
                    Vpc,
                    Subnet,
                    SecurityGroup,
                    SecurityGroupRule,
                    NetworkInterface,
                    EcsCluster,
                    TaskDefinition,
                    ContainerDefinition,
                    Container,
                    IamRole,
                    Image,
                    GenericNode {
        NodeData data();

        default String id() {
            return data().id();
        }

        default List<String> labels() {
            return data().labels();
        }

        default String account() {
            return data().string("account");
        }

        default String region() {
            return data().string("region");
        }

        default TemporalAccessor firstSeen() {
            return data().time("firstSeen");
        }

        default TemporalAccessor lastSeen() {
            return data().time("lastSeen");
        }

        default String source() {
            return data().string("source");
        }

        default boolean placeholder() {
            return Boolean.TRUE.equals(data().bool("placeholder"));
        }

        default List<Property> properties() {
            var properties = new ArrayList<Property>();
            data().properties().forEach((name, value) -> properties.add(Property.of(name, value)));
            return properties;
        }
    }

    /** The {@code Workload} interface: services and tasks. */
    public sealed interface Workload extends Node permits EcsService, EcsTask {
        WorkloadKind kind();

        String name();

        String status();

        default String launchType() {
            return data().string("launchType");
        }

        default String platformVersion() {
            return data().string("platformVersion");
        }

        default String platformFamily() {
            return data().string("platformFamily");
        }

        default Boolean enableExecuteCommand() {
            return data().bool("enableExecuteCommand");
        }

        default String tags() {
            return data().string("tags");
        }
    }

    /** A stored property as text. */
    public record Property(String name, String value) {
        static Property of(String name, Object value) {
            return new Property(name, PropertyText.of(value));
        }
    }

    /** An account: the loaders write its id only; its clusters and VPCs are relationship fields. */
    public record AwsAccount(NodeData data) implements Node {}

    public record Vpc(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String cidr() {
            return data.string("cidr");
        }

        public List<String> cidrBlocks() {
            return data.list("cidrBlocks");
        }

        public List<String> ipv6CidrBlocks() {
            return data.list("ipv6CidrBlocks");
        }

        public Boolean isDefault() {
            return data.bool("isDefault");
        }

        public String state() {
            return data.string("state");
        }

        public String instanceTenancy() {
            return data.string("instanceTenancy");
        }

        public String tags() {
            return data.string("tags");
        }
    }

    public record Subnet(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String cidr() {
            return data.string("cidr");
        }

        public List<String> ipv6CidrBlocks() {
            return data.list("ipv6CidrBlocks");
        }

        public String availabilityZone() {
            return data.string("availabilityZone");
        }

        public String availabilityZoneId() {
            return data.string("availabilityZoneId");
        }

        public Boolean mapPublicIpOnLaunch() {
            return data.bool("mapPublicIpOnLaunch");
        }

        public Boolean defaultForAz() {
            return data.bool("defaultForAz");
        }

        public Integer availableIpAddressCount() {
            return data.integer("availableIpAddressCount");
        }

        public String state() {
            return data.string("state");
        }

        public String arn() {
            return data.string("arn");
        }

        public String tags() {
            return data.string("tags");
        }
    }

    public record SecurityGroup(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String description() {
            return data.string("description");
        }

        public String tagName() {
            return data.string("tagName");
        }

        public String ownerId() {
            return data.string("ownerId");
        }

        public String tags() {
            return data.string("tags");
        }
    }

    public record SecurityGroupRule(NodeData data) implements Node {
        public String groupId() {
            return data.string("groupId");
        }

        public String direction() {
            return data.string("direction");
        }

        public String protocol() {
            return data.string("protocol");
        }

        public Integer fromPort() {
            return data.integer("fromPort");
        }

        public Integer toPort() {
            return data.integer("toPort");
        }

        public String cidr() {
            return data.string("cidr");
        }

        public String ipv6Cidr() {
            return data.string("ipv6Cidr");
        }

        public String prefixListId() {
            return data.string("prefixListId");
        }

        public String peerGroupId() {
            return data.string("peerGroupId");
        }

        public String peerAccount() {
            return data.string("peerAccount");
        }

        public String peerVpcId() {
            return data.string("peerVpcId");
        }

        public String vpcPeeringConnectionId() {
            return data.string("vpcPeeringConnectionId");
        }

        public String description() {
            return data.string("description");
        }

        public Boolean openToInternet() {
            return data.bool("openToInternet");
        }
    }

    public record NetworkInterface(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String privateIp() {
            return data.string("privateIp");
        }

        public List<String> privateIps() {
            return data.list("privateIps");
        }

        public String publicIp() {
            return data.string("publicIp");
        }

        public List<String> publicIps() {
            return data.list("publicIps");
        }

        public String publicDnsName() {
            return data.string("publicDnsName");
        }

        public String privateDnsName() {
            return data.string("privateDnsName");
        }

        public List<String> ipv6Addresses() {
            return data.list("ipv6Addresses");
        }

        public String status() {
            return data.string("status");
        }

        public String interfaceType() {
            return data.string("interfaceType");
        }

        public String requesterId() {
            return data.string("requesterId");
        }

        public Boolean requesterManaged() {
            return data.bool("requesterManaged");
        }

        public String description() {
            return data.string("description");
        }

        public String macAddress() {
            return data.string("macAddress");
        }

        public Boolean sourceDestCheck() {
            return data.bool("sourceDestCheck");
        }

        public String availabilityZone() {
            return data.string("availabilityZone");
        }

        public String attachmentStatus() {
            return data.string("attachmentStatus");
        }

        public String tags() {
            return data.string("tags");
        }
    }

    public record EcsCluster(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String status() {
            return data.string("status");
        }

        public Integer runningTasksCount() {
            return data.integer("runningTasksCount");
        }

        public Integer pendingTasksCount() {
            return data.integer("pendingTasksCount");
        }

        public Integer activeServicesCount() {
            return data.integer("activeServicesCount");
        }

        public Integer registeredContainerInstancesCount() {
            return data.integer("registeredContainerInstancesCount");
        }

        public List<String> capacityProviders() {
            return data.list("capacityProviders");
        }

        public String defaultCapacityProviderStrategy() {
            return data.string("defaultCapacityProviderStrategy");
        }

        public String containerInsights() {
            return data.string("containerInsights");
        }

        public String tags() {
            return data.string("tags");
        }
    }

    public record EcsService(NodeData data) implements Workload {
        @Override
        public WorkloadKind kind() {
            return WorkloadKind.SERVICE;
        }

        @Override
        public String name() {
            String name = data.string("name");
            return name != null ? name : lastPart(data.id());
        }

        @Override
        public String status() {
            return data.string("status");
        }

        public Integer desiredCount() {
            return data.integer("desiredCount");
        }

        public Integer runningCount() {
            return data.integer("runningCount");
        }

        public Integer pendingCount() {
            return data.integer("pendingCount");
        }

        public String capacityProviderStrategy() {
            return data.string("capacityProviderStrategy");
        }

        public String schedulingStrategy() {
            return data.string("schedulingStrategy");
        }

        public String assignPublicIp() {
            return data.string("assignPublicIp");
        }

        public String loadBalancers() {
            return data.string("loadBalancers");
        }

        public List<String> targetGroupArns() {
            return data.list("targetGroupArns");
        }

        public String serviceRegistries() {
            return data.string("serviceRegistries");
        }

        public Integer healthCheckGracePeriodSeconds() {
            return data.integer("healthCheckGracePeriodSeconds");
        }

        public String deploymentController() {
            return data.string("deploymentController");
        }

        public String roleArn() {
            return data.string("roleArn");
        }

        public String propagateTags() {
            return data.string("propagateTags");
        }

        public Boolean enableECSManagedTags() {
            return data.bool("enableECSManagedTags");
        }

        public TemporalAccessor createdAt() {
            return data.time("createdAt");
        }

        public String createdBy() {
            return data.string("createdBy");
        }
    }

    public record EcsTask(NodeData data) implements Workload {
        @Override
        public WorkloadKind kind() {
            return WorkloadKind.TASK;
        }

        /** Tasks have no name in ECS: the task id, as the workloads query names them. */
        @Override
        public String name() {
            return lastPart(data.id());
        }

        @Override
        public String status() {
            return lastStatus();
        }

        public String lastStatus() {
            return data.string("lastStatus");
        }

        public String desiredStatus() {
            return data.string("desiredStatus");
        }

        public String healthStatus() {
            return data.string("healthStatus");
        }

        public String connectivity() {
            return data.string("connectivity");
        }

        public String capacityProviderName() {
            return data.string("capacityProviderName");
        }

        public TemporalAccessor createdAt() {
            return data.time("createdAt");
        }

        public TemporalAccessor startedAt() {
            return data.time("startedAt");
        }

        public TemporalAccessor stoppingAt() {
            return data.time("stoppingAt");
        }

        public TemporalAccessor stoppedAt() {
            return data.time("stoppedAt");
        }

        public String stoppedReason() {
            return data.string("stoppedReason");
        }

        public String stopCode() {
            return data.string("stopCode");
        }

        public String availabilityZone() {
            return data.string("availabilityZone");
        }

        public String cpu() {
            return data.string("cpu");
        }

        public String memory() {
            return data.string("memory");
        }

        public Integer ephemeralStorageGiB() {
            return data.integer("ephemeralStorageGiB");
        }

        public String group() {
            return data.string("group");
        }

        public String startedBy() {
            return data.string("startedBy");
        }

        public String eniId() {
            return data.string("eniId");
        }

        public String eniStatus() {
            return data.string("eniStatus");
        }

        public String privateIp() {
            return data.string("privateIp");
        }

        public String macAddress() {
            return data.string("macAddress");
        }
    }

    public record TaskDefinition(NodeData data) implements Node {
        public String family() {
            return data.string("family");
        }

        public Integer revision() {
            return data.integer("revision");
        }

        public String status() {
            return data.string("status");
        }

        public String networkMode() {
            return data.string("networkMode");
        }

        public String cpu() {
            return data.string("cpu");
        }

        public String memory() {
            return data.string("memory");
        }

        public List<String> requiresCompatibilities() {
            return data.list("requiresCompatibilities");
        }

        public List<String> compatibilities() {
            return data.list("compatibilities");
        }

        public String pidMode() {
            return data.string("pidMode");
        }

        public String ipcMode() {
            return data.string("ipcMode");
        }

        public String operatingSystemFamily() {
            return data.string("operatingSystemFamily");
        }

        public String cpuArchitecture() {
            return data.string("cpuArchitecture");
        }

        public Integer ephemeralStorageGiB() {
            return data.integer("ephemeralStorageGiB");
        }

        public String volumes() {
            return data.string("volumes");
        }

        public TemporalAccessor registeredAt() {
            return data.time("registeredAt");
        }

        public String registeredBy() {
            return data.string("registeredBy");
        }

        public TemporalAccessor deregisteredAt() {
            return data.time("deregisteredAt");
        }

        public String tags() {
            return data.string("tags");
        }
    }

    /**
     * A container definition. Environment values never reach the graph; of the environment only the
     * variable names are typed here (the value fingerprints stay in {@code properties}).
     */
    public record ContainerDefinition(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        /** The image reference as written; the {@code image} field is the resolved Image node. */
        public String imageName() {
            return data.string("image");
        }

        public Boolean essential() {
            return data.bool("essential");
        }

        public Integer cpu() {
            return data.integer("cpu");
        }

        public Integer memory() {
            return data.integer("memory");
        }

        public Integer memoryReservation() {
            return data.integer("memoryReservation");
        }

        public String portMappings() {
            return data.string("portMappings");
        }

        public String mountPoints() {
            return data.string("mountPoints");
        }

        public String user() {
            return data.string("user");
        }

        public Boolean privileged() {
            return data.bool("privileged");
        }

        public Boolean readonlyRootFilesystem() {
            return data.bool("readonlyRootFilesystem");
        }

        public List<String> linuxCapabilitiesAdded() {
            return data.list("linuxCapabilitiesAdded");
        }

        public List<String> linuxCapabilitiesDropped() {
            return data.list("linuxCapabilitiesDropped");
        }

        public Boolean initProcessEnabled() {
            return data.bool("initProcessEnabled");
        }

        public List<String> environmentNames() {
            return data.list("environmentNames");
        }

        public List<String> environmentFiles() {
            return data.list("environmentFiles");
        }

        public List<String> secretNames() {
            return data.list("secretNames");
        }

        public List<String> secretValueFrom() {
            return data.list("secretValueFrom");
        }

        public String logDriver() {
            return data.string("logDriver");
        }
    }

    public record Container(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        /** The image reference as ECS reports it; the {@code image} field is the resolved Image node. */
        public String imageName() {
            return data.string("image");
        }

        public String imageDigest() {
            return data.string("imageDigest");
        }

        public String runtimeId() {
            return data.string("runtimeId");
        }

        public String lastStatus() {
            return data.string("lastStatus");
        }

        public String healthStatus() {
            return data.string("healthStatus");
        }

        public Integer exitCode() {
            return data.integer("exitCode");
        }

        public String reason() {
            return data.string("reason");
        }

        public String cpu() {
            return data.string("cpu");
        }

        public String memory() {
            return data.string("memory");
        }

        public String memoryReservation() {
            return data.string("memoryReservation");
        }

        public List<String> privateIps() {
            return data.list("privateIps");
        }
    }

    /** An IAM role; until an IAM loader writes it, a placeholder carrying the name from its ARN. */
    public record IamRole(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }
    }

    /** An image; until an image loader writes it, a placeholder keyed by digest only. */
    public record Image(NodeData data) implements Node {}

    /** A node of a label without a GraphQL type yet; its labels and properties say what it is. */
    public record GenericNode(NodeData data) implements Node {}

    /** The last part of an ARN: a task's id. */
    static String lastPart(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
