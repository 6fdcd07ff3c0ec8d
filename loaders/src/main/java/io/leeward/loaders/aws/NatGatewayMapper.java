package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.NatGateway;
import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.IN_SUBNET;
import static io.leeward.graph.schema.RelType.IN_VPC;
import static io.leeward.graph.schema.RelType.USES_ENI;

import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.Set;

/**
 * {@code ec2 describe-nat-gateways}: a NatGateway per element of {@code NatGateways}, in its subnet
 * and VPC, and using the network interface of each of its {@code NatGatewayAddresses} while it is not
 * deleted (a deleted gateway stays listed for about an hour; its interfaces are gone).
 */
final class NatGatewayMapper implements RecordMapper {
    private static final Set<String> GONE = Set.of("deleting", "deleted");

    @Override
    public void map(JsonFields gateway, RegionContext context, Emitter out) {
        String id = gateway.id("NatGatewayId", "nat-", "a NAT gateway id");
        String subnet = gateway.optionalId("SubnetId", "subnet-", "a subnet id");
        String vpc = gateway.optionalId("VpcId", "vpc-", "a VPC id");
        String state = gateway.optionalString("State");
        var publicIps = new ArrayList<String>();
        var privateIps = new ArrayList<String>();
        var interfaces = new ArrayList<String>();
        for (JsonFields address : gateway.objects("NatGatewayAddresses")) {
            String publicIp = address.optionalString("PublicIp");
            String privateIp = address.optionalString("PrivateIp");
            String eni = address.optionalId("NetworkInterfaceId", "eni-", "a network interface id");
            if (publicIp != null) {
                publicIps.add(publicIp);
            }
            if (privateIp != null) {
                privateIps.add(privateIp);
            }
            if (eni != null && !interfaces.contains(eni)) {
                interfaces.add(eni);
            }
        }
        var tags = Tags.ec2(gateway, "Tags");
        var p = Emitter.props();
        p.put("name", tags.name());
        p.put("state", state);
        p.put("connectivityType", gateway.optionalString("ConnectivityType"));
        p.put("publicIps", publicIps);
        p.put("privateIps", privateIps);
        p.put("networkInterfaceIds", interfaces);
        p.put("subnetId", subnet);
        p.put("vpcId", vpc);
        p.put("createTime", gateway.optionalTime("CreateTime"));
        p.put("deleteTime", gateway.optionalTime("DeleteTime"));
        p.put("failureCode", gateway.optionalString("FailureCode"));
        p.put("failureMessage", gateway.optionalString("FailureMessage"));
        p.put("tags", tags.json());
        out.node(NatGateway, id, p);
        if (subnet != null) {
            out.link(IN_SUBNET, NatGateway, id, Subnet, subnet);
        }
        if (vpc != null) {
            out.link(IN_VPC, NatGateway, id, Vpc, vpc);
        }
        if (!GONE.contains(state)) {
            for (String eni : interfaces) {
                out.link(USES_ENI, NatGateway, id, NetworkInterface, eni);
            }
        }
    }
}
