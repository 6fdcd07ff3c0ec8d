package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.IN_VPC;

import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;

/** {@code ec2 describe-subnets}: a Subnet per element of {@code Subnets}, in its VPC. */
final class SubnetMapper implements RecordMapper {
    @Override
    public void map(JsonFields subnet, RegionContext context, Emitter out) {
        String id = subnet.id("SubnetId", "subnet-", "a subnet id");
        String vpc = subnet.id("VpcId", "vpc-", "a VPC id");
        var ipv6 = new ArrayList<String>();
        for (JsonFields association : subnet.objects("Ipv6CidrBlockAssociationSet")) {
            ipv6.add(association.string("Ipv6CidrBlock"));
        }
        var tags = Tags.ec2(subnet, "Tags");
        var p = Emitter.props();
        p.put("name", tags.name());
        p.put("cidr", subnet.optionalString("CidrBlock"));
        p.put("ipv6CidrBlocks", ipv6);
        p.put("availabilityZone", subnet.optionalString("AvailabilityZone"));
        p.put("availabilityZoneId", subnet.optionalString("AvailabilityZoneId"));
        p.put("mapPublicIpOnLaunch", subnet.optionalBool("MapPublicIpOnLaunch"));
        p.put("assignIpv6AddressOnCreation", subnet.optionalBool("AssignIpv6AddressOnCreation"));
        p.put("defaultForAz", subnet.optionalBool("DefaultForAz"));
        p.put("availableIpAddressCount", subnet.optionalInt("AvailableIpAddressCount"));
        p.put("state", subnet.optionalString("State"));
        p.put("vpcId", vpc);
        p.put("ownerId", subnet.optionalString("OwnerId"));
        p.put("arn", subnet.optionalString("SubnetArn"));
        p.put("tags", tags.json());
        out.node(Subnet, id, p);
        out.link(IN_VPC, Subnet, id, Vpc, vpc);
    }
}
