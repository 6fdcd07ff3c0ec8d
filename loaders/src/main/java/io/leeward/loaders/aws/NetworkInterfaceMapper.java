package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.SecurityGroup;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.RelType.IN_SUBNET;
import static io.leeward.graph.schema.RelType.PROTECTED_BY;

import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;

/**
 * {@code ec2 describe-network-interfaces}: a NetworkInterface per element of {@code
 * NetworkInterfaces}, in its subnet and protected by its groups. Its private IPv4 and IPv6
 * addresses are noted (ids only) so that IP targets of target groups find their interface.
 */
final class NetworkInterfaceMapper implements RecordMapper {
    @Override
    public void map(JsonFields eni, RegionContext context, Emitter out) {
        String id = eni.id("NetworkInterfaceId", "eni-", "a network interface id");
        String subnet = eni.optionalId("SubnetId", "subnet-", "a subnet id");
        var groups = new ArrayList<String>();
        for (JsonFields group : eni.objects("Groups")) {
            groups.add(group.id("GroupId", "sg-", "a security group id"));
        }
        var privateIps = new ArrayList<String>();
        var publicIps = new ArrayList<String>();
        for (JsonFields address : eni.objects("PrivateIpAddresses")) {
            privateIps.add(address.string("PrivateIpAddress"));
            JsonFields association = address.optionalObject("Association");
            if (association != null && association.has("PublicIp")) {
                publicIps.add(association.string("PublicIp"));
            }
        }
        var ipv6 = new ArrayList<String>();
        for (JsonFields address : eni.objects("Ipv6Addresses")) {
            ipv6.add(address.string("Ipv6Address"));
        }
        JsonFields association = eni.optionalObject("Association");
        JsonFields attachment = eni.optionalObject("Attachment");
        var tags = Tags.ec2(eni, "TagSet");
        var p = Emitter.props();
        p.put("privateIp", eni.optionalString("PrivateIpAddress"));
        p.put("privateIps", privateIps);
        p.put("publicIp", association == null ? null : association.optionalString("PublicIp"));
        p.put("publicIps", publicIps);
        p.put("publicDnsName", association == null ? null : association.optionalString("PublicDnsName"));
        p.put("ipv6Addresses", ipv6);
        p.put("privateDnsName", eni.optionalString("PrivateDnsName"));
        p.put("interfaceType", eni.optionalString("InterfaceType"));
        p.put("requesterId", eni.optionalString("RequesterId"));
        p.put("requesterManaged", eni.optionalBool("RequesterManaged"));
        p.put("description", eni.optionalString("Description"));
        p.put("status", eni.optionalString("Status"));
        p.put("macAddress", eni.optionalString("MacAddress"));
        p.put("sourceDestCheck", eni.optionalBool("SourceDestCheck"));
        p.put("availabilityZone", eni.optionalString("AvailabilityZone"));
        p.put("subnetId", subnet);
        p.put("vpcId", eni.optionalString("VpcId"));
        p.put("ownerId", eni.optionalString("OwnerId"));
        p.put("securityGroupIds", groups);
        p.put("attachmentStatus", attachment == null ? null : attachment.optionalString("Status"));
        p.put("attachmentInstanceId", attachment == null ? null : attachment.optionalString("InstanceId"));
        p.put("name", tags.name());
        p.put("tags", tags.json());
        out.node(NetworkInterface, id, p);
        for (String address : privateIps) {
            context.interfaceAddress(address, id);
        }
        for (String address : ipv6) {
            context.interfaceAddress(address, id);
        }
        String description = eni.optionalString("Description");
        if (description != null && LoadBalancerMapper.isBalancerInterface(description)) {
            context.balancerInterface(description, id);
        }
        if (subnet != null) {
            out.link(IN_SUBNET, NetworkInterface, id, Subnet, subnet);
        }
        for (String group : groups) {
            out.link(PROTECTED_BY, NetworkInterface, id, SecurityGroup, group);
        }
    }
}
