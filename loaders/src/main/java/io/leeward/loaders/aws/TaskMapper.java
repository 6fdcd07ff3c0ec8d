package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Container;
import static io.leeward.graph.schema.NodeLabel.EcsCluster;
import static io.leeward.graph.schema.NodeLabel.EcsContainerInstance;
import static io.leeward.graph.schema.NodeLabel.EcsService;
import static io.leeward.graph.schema.NodeLabel.EcsTask;
import static io.leeward.graph.schema.NodeLabel.Image;
import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.RelType.HAS_CONTAINER;
import static io.leeward.graph.schema.RelType.INSTANCE_OF;
import static io.leeward.graph.schema.RelType.IN_CLUSTER;
import static io.leeward.graph.schema.RelType.IN_SUBNET;
import static io.leeward.graph.schema.RelType.MEMBER_OF;
import static io.leeward.graph.schema.RelType.PLACED_ON;
import static io.leeward.graph.schema.RelType.RUNS_IMAGE;
import static io.leeward.graph.schema.RelType.USES_ENI;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.Map;

/**
 * {@code ecs describe-tasks}: an EcsTask per element of {@code tasks} and a Container per container.
 * The task is linked to its cluster and task definition, to its service when its group is {@code
 * service:NAME}, and, from its ElasticNetworkInterface attachment, to its ENI (while the attachment
 * is not deleted) and subnet; an EC2 launch type task to the container instance it is placed on
 * ({@code containerInstanceArn}).
 */
final class TaskMapper implements RecordMapper {
    private static final String SERVICE_GROUP = "service:";

    @Override
    public void map(JsonFields task, RegionContext context, Emitter out) {
        Arn arn = context.own(task, "taskArn", AwsArns.ECS_TASK);
        String id = arn.toString();
        Arn cluster = context.own(task, "clusterArn", AwsArns.ECS_CLUSTER);
        Arn definition = context.own(task, "taskDefinitionArn", AwsArns.ECS_TASK_DEFINITION);
        String group = task.optionalString("group");
        Arn containerInstance = task.has("containerInstanceArn")
                ? context.own(task, "containerInstanceArn", AwsArns.ECS_CONTAINER_INSTANCE)
                : null;
        Eni eni = eni(task);
        JsonFields storage = task.optionalObject("ephemeralStorage");
        var p = Emitter.props();
        p.put("clusterArn", cluster.toString());
        p.put("taskDefinitionArn", definition.toString());
        p.put("launchType", task.optionalString("launchType"));
        p.put("capacityProviderName", task.optionalString("capacityProviderName"));
        p.put("containerInstanceArn", containerInstance == null ? null : containerInstance.toString());
        p.put("lastStatus", task.optionalString("lastStatus"));
        p.put("desiredStatus", task.optionalString("desiredStatus"));
        p.put("healthStatus", task.optionalString("healthStatus"));
        p.put("connectivity", task.optionalString("connectivity"));
        p.put("createdAt", task.optionalTime("createdAt"));
        p.put("startedAt", task.optionalTime("startedAt"));
        p.put("stoppingAt", task.optionalTime("stoppingAt"));
        p.put("stoppedAt", task.optionalTime("stoppedAt"));
        p.put("stoppedReason", task.optionalString("stoppedReason"));
        p.put("stopCode", task.optionalString("stopCode"));
        p.put("platformVersion", task.optionalString("platformVersion"));
        p.put("platformFamily", task.optionalString("platformFamily"));
        p.put("availabilityZone", task.optionalString("availabilityZone"));
        p.put("cpu", task.optionalString("cpu"));
        p.put("memory", task.optionalString("memory"));
        p.put("group", group);
        p.put("startedBy", task.optionalString("startedBy"));
        p.put("enableExecuteCommand", task.optionalBool("enableExecuteCommand"));
        p.put("ephemeralStorageGiB", storage == null ? null : storage.optionalInt("sizeInGiB"));
        p.put("version", task.optionalLong("version"));
        p.put("eniId", eni == null ? null : eni.id());
        p.put("eniStatus", eni == null ? null : eni.status());
        p.put("subnetId", eni == null ? null : eni.subnet());
        p.put("privateIp", eni == null ? null : eni.privateIp());
        p.put("macAddress", eni == null ? null : eni.macAddress());
        p.put("tags", Tags.ecs(task, "tags").json());
        out.node(EcsTask, id, p);
        out.link(IN_CLUSTER, EcsTask, id, EcsCluster, cluster.toString());
        TaskLinks.taskDefinition(context, out, INSTANCE_OF, EcsTask, id, definition);
        if (group != null && group.startsWith(SERVICE_GROUP)) {
            service(context, out, id, cluster, group.substring(SERVICE_GROUP.length()));
        }
        if (eni != null && eni.id() != null && !"DELETED".equals(eni.status())) {
            out.link(USES_ENI, EcsTask, id, NetworkInterface, eni.id());
            context.taskInterface(eni.id(), id);
        }
        if (containerInstance != null) {
            out.link(PLACED_ON, EcsTask, id, EcsContainerInstance, containerInstance.toString());
        }
        if (eni != null && eni.subnet() != null) {
            out.link(IN_SUBNET, EcsTask, id, Subnet, eni.subnet());
        }
        for (JsonFields container : task.objects("containers")) {
            container(container, id, definition, context, out);
        }
    }

    /**
     * The task's service: the one loaded from this region under that cluster and name, else a
     * placeholder with the long ARN form {@code arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME}.
     */
    private static void service(RegionContext context, Emitter out, String task, Arn cluster, String name) {
        String loaded = context.service(cluster.toString(), name);
        String service = loaded != null
                ? loaded
                : new Arn(
                                cluster.partition(),
                                "ecs",
                                cluster.region(),
                                cluster.account(),
                                "service/" + cluster.resourceAfter("cluster/") + "/" + name)
                        .toString();
        if (loaded == null) {
            out.reference(EcsService, service, cluster.account(), cluster.region(), Map.of("name", name));
        }
        out.rel(MEMBER_OF, EcsTask, task, EcsService, service);
    }

    private static void container(
            JsonFields container, String task, Arn definition, RegionContext context, Emitter out) {
        String id = container.arn("containerArn", AwsArns.ECS_CONTAINER).toString();
        String name = container.string("name");
        String digest = container.optionalString("imageDigest");
        var privateIps = new ArrayList<String>();
        for (JsonFields network : container.objects("networkInterfaces")) {
            String ip = network.optionalString("privateIpv4Address");
            if (ip != null) {
                privateIps.add(ip);
            }
        }
        var p = Emitter.props();
        p.put("name", name);
        p.put("taskArn", task);
        p.put("image", container.optionalString("image"));
        p.put("imageDigest", digest);
        p.put("runtimeId", container.optionalString("runtimeId"));
        p.put("lastStatus", container.optionalString("lastStatus"));
        p.put("exitCode", container.optionalInt("exitCode"));
        p.put("reason", container.optionalString("reason"));
        p.put("healthStatus", container.optionalString("healthStatus"));
        p.put("cpu", container.optionalString("cpu"));
        p.put("memory", container.optionalString("memory"));
        p.put("memoryReservation", container.optionalString("memoryReservation"));
        p.put("privateIps", privateIps);
        out.node(Container, id, p);
        out.rel(HAS_CONTAINER, EcsTask, task, Container, id);
        TaskLinks.containerDefinition(context, out, INSTANCE_OF, Container, id, definition, name);
        if (digest != null && digest.startsWith("sha256:")) {
            out.reference(Image, digest, null, null, Map.of());
            out.rel(RUNS_IMAGE, Container, id, Image, digest);
        }
    }

    /** The task's ElasticNetworkInterface attachment, read from its name/value details; null when it has none. */
    private static Eni eni(JsonFields task) {
        for (JsonFields attachment : task.objects("attachments")) {
            if (!"ElasticNetworkInterface".equals(attachment.optionalString("type"))) {
                continue;
            }
            var eni = new Eni.Builder(attachment.optionalString("status"));
            for (JsonFields detail : attachment.objects("details")) {
                eni.detail(detail);
            }
            return eni.build();
        }
        return null;
    }

    private record Eni(String id, String status, String subnet, String privateIp, String macAddress) {
        private static final class Builder {
            private final String status;
            private String id;
            private String subnet;
            private String privateIp;
            private String macAddress;

            Builder(String status) {
                this.status = status;
            }

            void detail(JsonFields detail) {
                switch (detail.string("name")) {
                    case "networkInterfaceId" -> id = detail.id("value", "eni-", "a network interface id");
                    case "subnetId" -> subnet = detail.id("value", "subnet-", "a subnet id");
                    case "privateIPv4Address" -> privateIp = detail.string("value");
                    case "macAddress" -> macAddress = detail.optionalString("value");
                    default -> {}
                }
            }

            Eni build() {
                return new Eni(id, status, subnet, privateIp, macAddress);
            }
        }
    }
}
