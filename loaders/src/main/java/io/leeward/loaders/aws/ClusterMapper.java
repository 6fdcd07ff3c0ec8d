package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.EcsCluster;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;

/** {@code ecs describe-clusters}: an EcsCluster per element of {@code clusters}, in its account. */
final class ClusterMapper implements RecordMapper {
    @Override
    public void map(JsonFields cluster, RegionContext context, Emitter out) {
        Arn arn = context.own(cluster, "clusterArn", AwsArns.ECS_CLUSTER);
        String id = arn.toString();
        String containerInsights = null;
        for (JsonFields setting : cluster.objects("settings")) {
            if ("containerInsights".equals(setting.string("name"))) {
                containerInsights = setting.optionalString("value");
            }
        }
        var p = Emitter.props();
        p.put("name", cluster.has("clusterName") ? cluster.string("clusterName") : arn.resourceAfter("cluster/"));
        p.put("status", cluster.optionalString("status"));
        p.put("registeredContainerInstancesCount", cluster.optionalInt("registeredContainerInstancesCount"));
        p.put("runningTasksCount", cluster.optionalInt("runningTasksCount"));
        p.put("pendingTasksCount", cluster.optionalInt("pendingTasksCount"));
        p.put("activeServicesCount", cluster.optionalInt("activeServicesCount"));
        p.put("capacityProviders", cluster.strings("capacityProviders"));
        p.put("defaultCapacityProviderStrategy", cluster.json("defaultCapacityProviderStrategy"));
        p.put("containerInsights", containerInsights);
        p.put("settings", cluster.json("settings"));
        p.put("tags", Tags.ecs(cluster, "tags").json());
        out.node(EcsCluster, id, p);
        out.rel(IN_ACCOUNT, EcsCluster, id, AwsAccount, context.account());
    }
}
