package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.InternetGateway;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.IN_VPC;

import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;

/**
 * {@code ec2 describe-internet-gateways}: an InternetGateway per element of {@code InternetGateways},
 * {@code IN_VPC} each VPC it is attached to (an attachment in any state but {@code detached}; EC2
 * reports an attached gateway as {@code available}).
 */
final class InternetGatewayMapper implements RecordMapper {
    @Override
    public void map(JsonFields gateway, RegionContext context, Emitter out) {
        String id = gateway.id("InternetGatewayId", "igw-", "an internet gateway id");
        var vpcs = new ArrayList<String>();
        for (JsonFields attachment : gateway.objects("Attachments")) {
            String vpc = attachment.id("VpcId", "vpc-", "a VPC id");
            if (!"detached".equals(attachment.optionalString("State"))) {
                vpcs.add(vpc);
            }
        }
        var tags = Tags.ec2(gateway, "Tags");
        var p = Emitter.props();
        p.put("name", tags.name());
        p.put("vpcIds", vpcs);
        p.put("attachments", gateway.json("Attachments"));
        p.put("ownerId", gateway.optionalString("OwnerId"));
        p.put("tags", tags.json());
        out.node(InternetGateway, id, p);
        for (String vpc : vpcs) {
            out.link(IN_VPC, InternetGateway, id, Vpc, vpc);
        }
    }
}
