package io.leeward.graphql;

import io.leeward.graph.schema.NodeLabel;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of the GraphQL node types. Each record is named as its GraphQL type, so Spring's
 * class-name type resolver resolves the {@code Node} and {@code Workload} interfaces; each reads its
 * scalar fields from the node's properties, named as the loaders store them (the AWS API field in
 * camelCase). Relationship fields are resolved by the batch mappings, not here.
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

        default Boolean enableExecuteCommand() {
            return data().bool("enableExecuteCommand");
        }
    }

    /** A stored property as text. */
    public record Property(String name, String value) {
        static Property of(String name, Object value) {
            return new Property(name, PropertyText.of(value));
        }
    }

    public record AwsAccount(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }
    }

    public record Vpc(NodeData data) implements Node {
        public List<String> cidrBlocks() {
            return data.list("cidrBlocks");
        }

        public Boolean isDefault() {
            return data.bool("isDefault");
        }
    }

    public record Subnet(NodeData data) implements Node {
        public String cidrBlock() {
            return data.string("cidrBlock");
        }

        public String availabilityZone() {
            return data.string("availabilityZone");
        }

        public Boolean mapPublicIpOnLaunch() {
            return data.bool("mapPublicIpOnLaunch");
        }
    }

    public record SecurityGroup(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String description() {
            return data.string("description");
        }
    }

    public record SecurityGroupRule(NodeData data) implements Node {
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

        public String cidrIpv4() {
            return data.string("cidrIpv4");
        }

        public String cidrIpv6() {
            return data.string("cidrIpv6");
        }

        public String prefixListId() {
            return data.string("prefixListId");
        }

        public String description() {
            return data.string("description");
        }
    }

    public record NetworkInterface(NodeData data) implements Node {
        public String privateIpAddress() {
            return data.string("privateIpAddress");
        }

        public String publicIp() {
            return data.string("publicIp");
        }

        public String status() {
            return data.string("status");
        }

        public String interfaceType() {
            return data.string("interfaceType");
        }

        public String description() {
            return data.string("description");
        }
    }

    public record EcsCluster(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String status() {
            return data.string("status");
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

        public Boolean assignPublicIp() {
            return data.bool("assignPublicIp");
        }

        public TemporalAccessor createdAt() {
            return data.time("createdAt");
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
            String name = data.string("name");
            return name != null ? name : lastPart(data.id());
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

        public TemporalAccessor startedAt() {
            return data.time("startedAt");
        }

        public TemporalAccessor stoppedAt() {
            return data.time("stoppedAt");
        }

        public String stoppedReason() {
            return data.string("stoppedReason");
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

        public String group() {
            return data.string("group");
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
    }

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

        public Boolean privileged() {
            return data.bool("privileged");
        }

        public Boolean readonlyRootFilesystem() {
            return data.bool("readonlyRootFilesystem");
        }

        public String user() {
            return data.string("user");
        }

        public List<String> portMappings() {
            return data.list("portMappings");
        }
    }

    public record Container(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String lastStatus() {
            return data.string("lastStatus");
        }

        public String runtimeId() {
            return data.string("runtimeId");
        }

        public Integer exitCode() {
            return data.integer("exitCode");
        }
    }

    public record IamRole(NodeData data) implements Node {
        public String name() {
            return data.string("name");
        }

        public String path() {
            return data.string("path");
        }
    }

    public record Image(NodeData data) implements Node {
        public String repository() {
            return data.string("repository");
        }

        public List<String> tags() {
            return data.list("tags");
        }
    }

    /** A node of a label without a GraphQL type yet; its labels and properties say what it is. */
    public record GenericNode(NodeData data) implements Node {}

    /** The last part of an ARN: a task's id. */
    static String lastPart(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
