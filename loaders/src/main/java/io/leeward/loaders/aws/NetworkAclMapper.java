package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.NetworkAcl;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.ASSOCIATED_WITH;
import static io.leeward.graph.schema.RelType.IN_VPC;

import io.leeward.loaders.ingest.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code ec2 describe-network-acls}: a NetworkAcl per element of {@code NetworkAcls}, in its VPC,
 * {@code ASSOCIATED_WITH} the subnet of each association (every subnet has exactly one, the default
 * ACL's included), its entries kept whole as JSON in the order AWS returned them.
 */
final class NetworkAclMapper implements RecordMapper {
    @Override
    public void map(JsonFields acl, RegionContext context, Emitter out) {
        String id = acl.id("NetworkAclId", "acl-", "a network ACL id");
        String vpc = acl.id("VpcId", "vpc-", "a VPC id");
        for (JsonFields entry : acl.objects("Entries")) {
            entry.integer("RuleNumber");
            entry.bool("Egress");
            entry.string("RuleAction");
        }
        var subnets = new LinkedHashMap<String, String>();
        for (JsonFields association : acl.objects("Associations")) {
            subnets.put(
                    association.id("SubnetId", "subnet-", "a subnet id"),
                    association.optionalString("NetworkAclAssociationId"));
        }
        var tags = Tags.ec2(acl, "Tags");
        var p = Emitter.props();
        p.put("name", tags.name());
        p.put("vpcId", vpc);
        p.put("isDefault", acl.optionalBool("IsDefault"));
        p.put("entries", acl.json("Entries"));
        p.put("subnetIds", List.copyOf(subnets.keySet()));
        p.put("ownerId", acl.optionalString("OwnerId"));
        p.put("tags", tags.json());
        out.node(NetworkAcl, id, p);
        out.link(IN_VPC, NetworkAcl, id, Vpc, vpc);
        for (var subnet : subnets.entrySet()) {
            var rp = Emitter.props();
            rp.put("associationId", subnet.getValue());
            out.link(ASSOCIATED_WITH, NetworkAcl, id, Subnet, subnet.getKey(), null, rp);
        }
    }
}
