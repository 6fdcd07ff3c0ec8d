package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.SecurityGroup;
import static io.leeward.graph.schema.NodeLabel.SecurityGroupRule;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.ALLOWS_FROM;
import static io.leeward.graph.schema.RelType.HAS_RULE;
import static io.leeward.graph.schema.RelType.IN_VPC;

import io.leeward.loaders.ingest.JsonFields;
import java.util.Map;

/**
 * {@code ec2 describe-security-groups}: a SecurityGroup per element of {@code SecurityGroups} and a
 * SecurityGroupRule per permission and peer (each CIDR, IPv6 CIDR, prefix list and group pair),
 * keyed {@code group|direction|protocol|fromPort|toPort|peer} with {@code *} for absent ports.
 * Group peers are placeholders when not loaded: the peer may be in another account, or later in the
 * file.
 */
final class SecurityGroupMapper implements RecordMapper {
    private static final String ALL = "all";

    @Override
    public void map(JsonFields group, RegionContext context, Emitter out) {
        String id = group.id("GroupId", "sg-", "a security group id");
        String vpc = group.optionalId("VpcId", "vpc-", "a VPC id");
        var tags = Tags.ec2(group, "Tags");
        var p = Emitter.props();
        p.put("name", group.optionalString("GroupName"));
        p.put("description", group.optionalString("Description"));
        p.put("vpcId", vpc);
        p.put("ownerId", group.optionalString("OwnerId"));
        p.put("arn", group.optionalString("SecurityGroupArn"));
        p.put("tagName", tags.name());
        p.put("tags", tags.json());
        out.node(SecurityGroup, id, p);
        if (vpc != null) {
            out.link(IN_VPC, SecurityGroup, id, Vpc, vpc);
        }
        for (JsonFields permission : group.objects("IpPermissions")) {
            permission(id, "ingress", permission, context, out);
        }
        for (JsonFields permission : group.objects("IpPermissionsEgress")) {
            permission(id, "egress", permission, context, out);
        }
    }

    private static void permission(
            String group, String direction, JsonFields permission, RegionContext context, Emitter out) {
        String raw = permission.string("IpProtocol");
        var rule = new Rule(
                group,
                direction,
                "-1".equals(raw) ? ALL : raw,
                permission.optionalInt("FromPort"),
                permission.optionalInt("ToPort"));
        for (JsonFields range : permission.objects("IpRanges")) {
            String cidr = range.string("CidrIp");
            rule.write(out, cidr, range.optionalString("Description"), Map.of("cidr", cidr), "0.0.0.0/0".equals(cidr));
        }
        for (JsonFields range : permission.objects("Ipv6Ranges")) {
            String cidr = range.string("CidrIpv6");
            rule.write(out, cidr, range.optionalString("Description"), Map.of("ipv6Cidr", cidr), "::/0".equals(cidr));
        }
        for (JsonFields prefixList : permission.objects("PrefixListIds")) {
            String list = prefixList.id("PrefixListId", "pl-", "a prefix list id");
            rule.write(out, list, prefixList.optionalString("Description"), Map.of("prefixListId", list), false);
        }
        for (JsonFields pair : permission.objects("UserIdGroupPairs")) {
            String peer = pair.id("GroupId", "sg-", "a security group id");
            String account = pair.optionalString("UserId");
            var peerProps = Emitter.props();
            peerProps.put("peerGroupId", peer);
            peerProps.put("peerAccount", account);
            peerProps.put("peerVpcId", pair.optionalString("VpcId"));
            peerProps.put("vpcPeeringConnectionId", pair.optionalString("VpcPeeringConnectionId"));
            String ruleId = rule.write(out, peer, pair.optionalString("Description"), peerProps, false);
            out.reference(
                    SecurityGroup, peer, account == null ? context.account() : account, context.region(), Map.of());
            out.rel(ALLOWS_FROM, SecurityGroupRule, ruleId, SecurityGroup, peer);
        }
    }

    /** The parts of a rule shared by all peers of one permission. */
    private record Rule(String group, String direction, String protocol, Integer fromPort, Integer toPort) {
        String write(Emitter out, String peer, String description, Map<String, Object> peerProps, boolean internet) {
            String id =
                    group + "|" + direction + "|" + protocol + "|" + port(fromPort) + "|" + port(toPort) + "|" + peer;
            var p = Emitter.props();
            p.put("groupId", group);
            p.put("direction", direction);
            p.put("protocol", protocol);
            p.put("fromPort", fromPort);
            p.put("toPort", toPort);
            p.put("cidr", null);
            p.put("ipv6Cidr", null);
            p.put("prefixListId", null);
            p.put("peerGroupId", null);
            p.put("peerAccount", null);
            p.put("peerVpcId", null);
            p.put("vpcPeeringConnectionId", null);
            p.putAll(peerProps);
            p.put("description", description);
            p.put("openToInternet", internet);
            out.node(SecurityGroupRule, id, p);
            out.rel(HAS_RULE, SecurityGroup, group, SecurityGroupRule, id);
            return id;
        }

        private static String port(Integer port) {
            return port == null ? "*" : port.toString();
        }
    }
}
