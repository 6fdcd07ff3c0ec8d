package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;

import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;

/** {@code ec2 describe-vpcs}: a Vpc per element of {@code Vpcs}, in its account. */
final class VpcMapper implements RecordMapper {
    @Override
    public void map(JsonFields vpc, RegionContext context, Emitter out) {
        String id = vpc.id("VpcId", "vpc-", "a VPC id");
        var cidrs = new ArrayList<String>();
        for (JsonFields association : vpc.objects("CidrBlockAssociationSet")) {
            cidrs.add(association.string("CidrBlock"));
        }
        var ipv6 = new ArrayList<String>();
        for (JsonFields association : vpc.objects("Ipv6CidrBlockAssociationSet")) {
            ipv6.add(association.string("Ipv6CidrBlock"));
        }
        var tags = Tags.ec2(vpc, "Tags");
        var p = Emitter.props();
        p.put("name", tags.name());
        p.put("cidr", vpc.optionalString("CidrBlock"));
        p.put("cidrBlocks", cidrs);
        p.put("ipv6CidrBlocks", ipv6);
        p.put("isDefault", vpc.optionalBool("IsDefault"));
        p.put("state", vpc.optionalString("State"));
        p.put("ownerId", vpc.optionalString("OwnerId"));
        p.put("instanceTenancy", vpc.optionalString("InstanceTenancy"));
        p.put("dhcpOptionsId", vpc.optionalString("DhcpOptionsId"));
        p.put("tags", tags.json());
        out.node(Vpc, id, p);
        out.rel(IN_ACCOUNT, Vpc, id, AwsAccount, context.account());
    }
}
