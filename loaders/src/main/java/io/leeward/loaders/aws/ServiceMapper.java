package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.EcsCluster;
import static io.leeward.graph.schema.NodeLabel.EcsService;
import static io.leeward.graph.schema.NodeLabel.SecurityGroup;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.TargetGroup;
import static io.leeward.graph.schema.RelType.IN_CLUSTER;
import static io.leeward.graph.schema.RelType.IN_SUBNET;
import static io.leeward.graph.schema.RelType.PROTECTED_BY;
import static io.leeward.graph.schema.RelType.RUNS;
import static io.leeward.graph.schema.RelType.TARGETS;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ecs describe-services}: an EcsService per element of {@code services}, in its cluster,
 * running its task definition, placed in the subnets and groups of its awsvpc configuration.
 */
final class ServiceMapper implements RecordMapper {
    @Override
    public void map(JsonFields service, RegionContext context, Emitter out) {
        Arn arn = context.own(service, "serviceArn", AwsArns.ECS_SERVICE);
        String id = arn.toString();
        String name = service.string("serviceName");
        Arn cluster = context.own(service, "clusterArn", AwsArns.ECS_CLUSTER);
        Arn definition = service.optionalArn("taskDefinition", AwsArns.ECS_TASK_DEFINITION);
        JsonFields network = service.optionalObject("networkConfiguration");
        JsonFields awsvpc = network == null ? null : network.optionalObject("awsvpcConfiguration");
        List<String> subnets = awsvpc == null ? List.of() : awsvpc.ids("subnets", "subnet-", "a subnet id");
        List<String> groups = awsvpc == null ? List.of() : awsvpc.ids("securityGroups", "sg-", "a security group id");
        var targetGroups = new ArrayList<Arn>();
        for (JsonFields balancer : service.objects("loadBalancers")) {
            Arn targetGroup = balancer.optionalArn("targetGroupArn", AwsArns.TARGET_GROUP);
            balancer.optionalString("containerName");
            balancer.optionalInt("containerPort");
            if (targetGroup != null) {
                targetGroups.add(targetGroup);
            }
        }
        JsonFields controller = service.optionalObject("deploymentController");
        var p = Emitter.props();
        p.put("name", name);
        p.put("clusterArn", cluster.toString());
        p.put("status", service.optionalString("status"));
        p.put("launchType", service.optionalString("launchType"));
        p.put("capacityProviderStrategy", service.json("capacityProviderStrategy"));
        p.put("desiredCount", service.optionalInt("desiredCount"));
        p.put("runningCount", service.optionalInt("runningCount"));
        p.put("pendingCount", service.optionalInt("pendingCount"));
        p.put("schedulingStrategy", service.optionalString("schedulingStrategy"));
        p.put("platformVersion", service.optionalString("platformVersion"));
        p.put("platformFamily", service.optionalString("platformFamily"));
        p.put("taskDefinitionArn", definition == null ? null : definition.toString());
        p.put("assignPublicIp", awsvpc == null ? null : awsvpc.optionalString("assignPublicIp"));
        p.put("subnetIds", subnets);
        p.put("securityGroupIds", groups);
        p.put("enableExecuteCommand", service.optionalBool("enableExecuteCommand"));
        p.put("loadBalancers", service.json("loadBalancers"));
        p.put("targetGroupArns", targetGroups.stream().map(Arn::toString).toList());
        p.put("serviceRegistries", service.json("serviceRegistries"));
        p.put("healthCheckGracePeriodSeconds", service.optionalInt("healthCheckGracePeriodSeconds"));
        p.put("deploymentController", controller == null ? null : controller.optionalString("type"));
        p.put("roleArn", service.optionalString("roleArn"));
        p.put("propagateTags", service.optionalString("propagateTags"));
        p.put("enableECSManagedTags", service.optionalBool("enableECSManagedTags"));
        p.put("createdAt", service.optionalTime("createdAt"));
        p.put("createdBy", service.optionalString("createdBy"));
        p.put("tags", Tags.ecs(service, "tags").json());
        out.node(EcsService, id, p);
        out.link(IN_CLUSTER, EcsService, id, EcsCluster, cluster.toString());
        if (definition != null) {
            TaskLinks.taskDefinition(context, out, RUNS, EcsService, id, definition);
        }
        for (String subnet : subnets) {
            out.link(IN_SUBNET, EcsService, id, Subnet, subnet);
        }
        for (String group : groups) {
            out.link(PROTECTED_BY, EcsService, id, SecurityGroup, group);
        }
        for (Arn targetGroup : targetGroups) {
            out.rel(TARGETS, TargetGroup, TargetGroupMapper.known(context, out, targetGroup), EcsService, id);
        }
        context.serviceLoaded(cluster.toString(), name, id);
    }
}
