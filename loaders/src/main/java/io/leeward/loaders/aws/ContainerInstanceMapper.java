package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Ec2Instance;
import static io.leeward.graph.schema.NodeLabel.EcsCluster;
import static io.leeward.graph.schema.NodeLabel.EcsContainerInstance;
import static io.leeward.graph.schema.RelType.IN_CLUSTER;
import static io.leeward.graph.schema.RelType.RUNS_ON;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;

/**
 * {@code ecs describe-container-instances --cluster C}: an EcsContainerInstance per element of {@code
 * containerInstances}, in its cluster and running on its EC2 instance. The response does not name
 * the cluster: it is read from the ARN ({@code container-instance/<cluster>/<id>}, the long form
 * every account uses now), or, for the old short form {@code container-instance/<id>}, from the file
 * name ({@code ecs-describe-container-instances_<cluster name>.json}).
 */
final class ContainerInstanceMapper implements RecordMapper {
    private static final String PREFIX = "container-instance/";

    @Override
    public void map(JsonFields instance, RegionContext context, Emitter out) {
        Arn arn = context.own(instance, "containerInstanceArn", AwsArns.ECS_CONTAINER_INSTANCE);
        String id = arn.toString();
        String ec2 = instance.optionalId("ec2InstanceId", "i-", "an instance id");
        Arn cluster = cluster(instance, context, arn);
        JsonFields version = instance.optionalObject("versionInfo");
        JsonFields health = instance.optionalObject("healthStatus");
        var p = Emitter.props();
        p.put("clusterArn", cluster.toString());
        p.put("ec2InstanceId", ec2);
        p.put("status", instance.optionalString("status"));
        p.put("statusReason", instance.optionalString("statusReason"));
        p.put("agentConnected", instance.optionalBool("agentConnected"));
        p.put("agentVersion", version == null ? null : version.optionalString("agentVersion"));
        p.put("agentHash", version == null ? null : version.optionalString("agentHash"));
        p.put("dockerVersion", version == null ? null : version.optionalString("dockerVersion"));
        p.put("agentUpdateStatus", instance.optionalString("agentUpdateStatus"));
        p.put("capacityProviderName", instance.optionalString("capacityProviderName"));
        p.put("runningTasksCount", instance.optionalInt("runningTasksCount"));
        p.put("pendingTasksCount", instance.optionalInt("pendingTasksCount"));
        p.put("registeredResources", instance.json("registeredResources"));
        p.put("remainingResources", instance.json("remainingResources"));
        p.put("attributes", instance.json("attributes"));
        p.put("registeredAt", instance.optionalTime("registeredAt"));
        p.put("healthStatus", health == null ? null : health.optionalString("overallStatus"));
        p.put("version", instance.optionalLong("version"));
        p.put("tags", Tags.ecs(instance, "tags").json());
        out.node(EcsContainerInstance, id, p);
        out.link(IN_CLUSTER, EcsContainerInstance, id, EcsCluster, cluster.toString());
        if (ec2 != null) {
            out.link(RUNS_ON, EcsContainerInstance, id, Ec2Instance, ec2);
        }
    }

    private static Arn cluster(JsonFields instance, RegionContext context, Arn arn) {
        String path = arn.resourceAfter(PREFIX);
        int slash = path.indexOf('/');
        String name = slash > 0 ? path.substring(0, slash) : context.fileResource(instance, "cluster name");
        return new Arn(arn.partition(), "ecs", arn.region(), arn.account(), "cluster/" + name);
    }
}
