package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Ec2Instance;
import static io.leeward.graph.schema.NodeLabel.EcsTask;
import static io.leeward.graph.schema.NodeLabel.ExternalHost;
import static io.leeward.graph.schema.NodeLabel.LoadBalancer;
import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.TargetGroup;
import static io.leeward.graph.schema.RelType.TARGETS;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.ArnType;
import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import java.util.Map;

/**
 * {@code elbv2 describe-target-health --target-group-arn ARN}: one record per element of {@code
 * TargetHealthDescriptions}. The response does not name its target group, so the file name does:
 * {@code elbv2-describe-target-health_<name>_<id>.json} from the group's ARN {@code
 * targetgroup/<name>/<id>} (target group names hold letters, digits and hyphens only, so the first
 * underscore after the name separates it), resolved against the target groups read earlier in the
 * region (a placeholder target group when the region has no target groups file). Each target gives {@code TargetGroup -TARGETS->} keyed by port, carrying port, zone and
 * health: an instance id its Ec2Instance; a load balancer ARN (an {@code alb} target) its
 * LoadBalancer; an IP address the NetworkInterface of the region owning it, and the EcsTask using
 * that interface, or, when no interface read owns it (an address outside the VPC, a peered network),
 * an ExternalHost placeholder keyed by the address. Lambda function targets have no node and are
 * passed over.
 */
final class TargetHealthMapper implements RecordMapper {
    private static final ArnType LAMBDA = ArnType.of("a Lambda function", "lambda", "function:");

    @Override
    public void map(JsonFields description, RegionContext context, Emitter out) {
        String group = targetGroup(description, context, out);
        JsonFields target = description.object("Target");
        String targetId = target.string("Id");
        Integer port = target.optionalInt("Port");
        JsonFields health = description.optionalObject("TargetHealth");
        var p = Emitter.props();
        p.put("targetId", targetId);
        p.put("port", port);
        p.put("availabilityZone", target.optionalString("AvailabilityZone"));
        p.put("healthState", health == null ? null : health.optionalString("State"));
        p.put("reason", health == null ? null : health.optionalString("Reason"));
        p.put("description", health == null ? null : health.optionalString("Description"));
        String key = port == null ? "*" : port.toString();
        Arn arn = Arn.parse(targetId);
        if (targetId.startsWith("i-") && targetId.length() > 2) {
            out.link(TARGETS, TargetGroup, group, Ec2Instance, targetId, key, p);
        } else if (AwsArns.LOAD_BALANCER.matches(arn)) {
            String balancer = context.own(target, "Id", AwsArns.LOAD_BALANCER).toString();
            out.link(TARGETS, TargetGroup, group, LoadBalancer, balancer, key, p);
        } else if (LAMBDA.matches(arn)) {
            return; // no node for Lambda functions; the record still counts as loaded
        } else if (isIpAddress(targetId)) {
            address(context, out, group, targetId, key, p);
        } else {
            throw target.invalid(
                    "Id", "an instance id (i-…), an IP address, or a load balancer or Lambda function ARN");
        }
    }

    private static void address(
            RegionContext context, Emitter out, String group, String address, String key, Map<String, Object> p) {
        String eni = context.interfaceWithAddress(address);
        if (eni == null) {
            out.reference(ExternalHost, address, null, null, Map.of("address", address));
            out.rel(TARGETS, TargetGroup, group, ExternalHost, address, key, p);
            return;
        }
        out.rel(TARGETS, TargetGroup, group, NetworkInterface, eni, key, p);
        String task = context.taskUsing(eni);
        if (task != null) {
            out.rel(TARGETS, TargetGroup, group, EcsTask, task, key, p);
        }
    }

    /**
     * The target group the file name carries: the one read earlier in the region; a placeholder when
     * the region has no target groups file (its ARN built from the name, in the partition of the
     * region); a rejection when target groups were read but none is this one.
     */
    private static String targetGroup(JsonFields description, RegionContext context, Emitter out) {
        String named = context.fileResource(description, "target group");
        int underscore = named.indexOf('_');
        String nameAndId =
                underscore <= 0 || underscore == named.length() - 1 || named.indexOf('_', underscore + 1) >= 0
                        ? null
                        : named.substring(0, underscore) + "/" + named.substring(underscore + 1);
        String loaded = nameAndId == null ? null : context.targetGroupNamed(nameAndId);
        if (loaded != null) {
            return loaded;
        }
        if (nameAndId == null || context.loads(TargetGroup)) {
            throw new InvalidRecordException(
                    description.pointer(),
                    "expected the file name to name a target group read from this region's"
                            + " elbv2-describe-target-groups*.json as <name>_<id> (its ARN ends targetgroup/<name>/<id>),"
                            + " got \"" + named + "\"");
        }
        var arn = new Arn(
                partition(context.region()),
                "elasticloadbalancing",
                context.region(),
                context.account(),
                "targetgroup/" + nameAndId);
        return TargetGroupMapper.known(context, out, arn);
    }

    /** The partition of a region: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud, else {@code aws}. */
    private static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** An IPv4 dotted quad or an IPv6 address (hex digits and colons, possibly a dotted tail). */
    static boolean isIpAddress(String text) {
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    return false;
                }
            }
            return text.length() >= 2;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
