package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.TargetGroup;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.IN_VPC;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;

/**
 * {@code elbv2 describe-target-groups}: a TargetGroup per element of {@code TargetGroups}, in its
 * VPC. Its load balancers are linked from their listeners; its services from their load balancer
 * configuration.
 */
final class TargetGroupMapper implements RecordMapper {
    @Override
    public void map(JsonFields group, RegionContext context, Emitter out) {
        Arn arn = context.own(group, "TargetGroupArn", AwsArns.TARGET_GROUP);
        String id = arn.toString();
        String vpc = group.optionalId("VpcId", "vpc-", "a VPC id");
        var balancers = group.strings("LoadBalancerArns");
        group.optionalObject("Matcher");
        var p = Emitter.props();
        p.put("name", group.optionalString("TargetGroupName"));
        p.put("protocol", group.optionalString("Protocol"));
        p.put("protocolVersion", group.optionalString("ProtocolVersion"));
        p.put("port", group.optionalInt("Port"));
        p.put("targetType", group.optionalString("TargetType"));
        p.put("ipAddressType", group.optionalString("IpAddressType"));
        p.put("vpcId", vpc);
        p.put("healthCheckEnabled", group.optionalBool("HealthCheckEnabled"));
        p.put("healthCheckProtocol", group.optionalString("HealthCheckProtocol"));
        p.put("healthCheckPort", group.optionalString("HealthCheckPort"));
        p.put("healthCheckPath", group.optionalString("HealthCheckPath"));
        p.put("healthCheckIntervalSeconds", group.optionalInt("HealthCheckIntervalSeconds"));
        p.put("healthCheckTimeoutSeconds", group.optionalInt("HealthCheckTimeoutSeconds"));
        p.put("healthyThresholdCount", group.optionalInt("HealthyThresholdCount"));
        p.put("unhealthyThresholdCount", group.optionalInt("UnhealthyThresholdCount"));
        p.put("matcher", group.json("Matcher"));
        p.put("loadBalancerArns", balancers);
        out.node(TargetGroup, id, p);
        if (vpc != null) {
            out.link(IN_VPC, TargetGroup, id, Vpc, vpc);
        }
        context.targetGroupLoaded(id);
        context.targetGroupNamed(arn.resourceAfter("targetgroup/"), id);
    }

    /**
     * The id of a target group that listeners and services may name although the input lacks it:
     * that one gets a placeholder carrying the name from its ARN, so links to it are kept.
     */
    static String known(RegionContext context, Emitter out, Arn group) {
        String id = group.toString();
        if (!context.hasTargetGroup(id)) {
            String nameAndId = group.resourceAfter("targetgroup/");
            int slash = nameAndId.indexOf('/');
            var p = Emitter.props();
            p.put("name", slash < 0 ? nameAndId : nameAndId.substring(0, slash));
            out.reference(TargetGroup, id, group.account(), group.region(), p);
        }
        return id;
    }
}
