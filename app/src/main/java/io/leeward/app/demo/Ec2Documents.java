package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.EniKind;
import io.leeward.app.demo.AccountPlan.Rule;
import io.leeward.app.demo.AccountPlan.SecurityGroup;
import io.leeward.app.demo.AccountPlan.Subnet;
import io.leeward.app.demo.AccountPlan.Vpc;
import io.leeward.app.demo.CliJson.NameValue;
import io.leeward.app.demo.Inventory.Network;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The EC2 files, shaped as AWS CLI v2 prints {@code describe-vpcs}, {@code describe-subnets},
 * {@code describe-security-groups} and {@code describe-network-interfaces} (PascalCase members).
 */
final class Ec2Documents {
    private final String region;
    private final String account;

    Ec2Documents(String region, String account) {
        this.region = region;
        this.account = account;
    }

    /** The private DNS name AWS gives an address: {@code ip-10-0-16-23.eu-west-1.compute.internal}. */
    static String privateDnsName(String ip, String region) {
        String domain = region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal";
        return "ip-" + ip.replace('.', '-') + "." + domain;
    }

    static String publicDnsName(String ip, String region) {
        String domain = region.equals("us-east-1") ? "compute-1.amazonaws.com" : region + ".compute.amazonaws.com";
        return "ec2-" + ip.replace('.', '-') + "." + domain;
    }

    void vpcs(Path file, List<Vpc> vpcs) {
        try (CliJson json = CliJson.open(file)) {
            json.array("Vpcs");
            for (Vpc vpc : vpcs) {
                json.object()
                        .field("OwnerId", account)
                        .field("InstanceTenancy", "default")
                        .array("CidrBlockAssociationSet")
                        .object()
                        .field("AssociationId", vpc.cidrAssociationId())
                        .field("CidrBlock", vpc.cidr())
                        .object("CidrBlockState")
                        .field("State", "associated")
                        .end()
                        .end()
                        .end()
                        .field("IsDefault", false)
                        .pairs("Tags", "Key", "Value", List.of(new NameValue("Name", vpc.name())))
                        .object("BlockPublicAccessStates")
                        .field("InternetGatewayBlockMode", "off")
                        .end()
                        .field("VpcId", vpc.id())
                        .field("State", "available")
                        .field("CidrBlock", vpc.cidr())
                        .field("DhcpOptionsId", vpc.dhcpOptionsId())
                        .end();
            }
            json.end();
        }
    }

    /** {@code used} counts the addresses taken per subnet id, for {@code AvailableIpAddressCount}. */
    void subnets(Path file, List<Subnet> subnets, Map<String, Integer> used) {
        try (CliJson json = CliJson.open(file)) {
            json.array("Subnets");
            for (Subnet subnet : subnets) {
                int size = 1 << (32 - Ipv4.prefixLength(subnet.cidr()));
                json.object()
                        .field("AvailabilityZoneId", subnet.azId())
                        .field("MapCustomerOwnedIpOnLaunch", false)
                        .field("OwnerId", account)
                        .field("AssignIpv6AddressOnCreation", false)
                        .emptyArray("Ipv6CidrBlockAssociationSet")
                        .pairs(
                                "Tags",
                                "Key",
                                "Value",
                                List.of(
                                        new NameValue("Name", subnet.name()),
                                        new NameValue("tier", subnet.isPublic() ? "public" : "private")))
                        .field("SubnetArn", "arn:aws:ec2:" + region + ":" + account + ":subnet/" + subnet.id())
                        .field("EnableDns64", false)
                        .field("Ipv6Native", false)
                        .object("PrivateDnsNameOptionsOnLaunch")
                        .field("HostnameType", "ip-name")
                        .field("EnableResourceNameDnsARecord", false)
                        .field("EnableResourceNameDnsAAAARecord", false)
                        .end()
                        .object("BlockPublicAccessStates")
                        .field("InternetGatewayBlockMode", "off")
                        .end()
                        .field("SubnetId", subnet.id())
                        .field("State", "available")
                        .field("VpcId", subnet.vpcId())
                        .field("CidrBlock", subnet.cidr())
                        .field("AvailableIpAddressCount", size - 5 - used.getOrDefault(subnet.id(), 0))
                        .field("AvailabilityZone", subnet.az())
                        .field("DefaultForAz", false)
                        .field("MapPublicIpOnLaunch", subnet.isPublic())
                        .end();
            }
            json.end();
        }
    }

    void securityGroups(Path file, List<SecurityGroup> groups) {
        try (CliJson json = CliJson.open(file)) {
            json.array("SecurityGroups");
            for (SecurityGroup group : groups) {
                json.object().field("GroupId", group.id());
                rules(json, "IpPermissionsEgress", group.egress());
                json.pairs("Tags", "Key", "Value", List.of(new NameValue("Name", group.name())))
                        .field("VpcId", group.vpcId())
                        .field(
                                "SecurityGroupArn",
                                "arn:aws:ec2:" + region + ":" + account + ":security-group/" + group.id())
                        .field("OwnerId", account)
                        .field("GroupName", group.name())
                        .field("Description", group.description());
                rules(json, "IpPermissions", group.ingress());
                json.end();
            }
            json.end();
        }
    }

    private void rules(CliJson json, String name, List<Rule> rules) {
        json.array(name);
        for (Rule rule : rules) {
            json.object().field("IpProtocol", rule.protocol());
            if (rule.fromPort() != null) {
                json.field("FromPort", rule.fromPort()).field("ToPort", rule.toPort());
            }
            json.array("UserIdGroupPairs");
            for (NameValue pair : rule.groups()) {
                json.object()
                        .field("Description", pair.value())
                        .field("UserId", account)
                        .field("GroupId", pair.name())
                        .end();
            }
            json.end().array("IpRanges");
            for (NameValue range : rule.ipv4()) {
                json.object()
                        .field("CidrIp", range.name())
                        .field("Description", range.value())
                        .end();
            }
            json.end().array("Ipv6Ranges");
            for (NameValue range : rule.ipv6()) {
                json.object()
                        .field("CidrIpv6", range.name())
                        .field("Description", range.value())
                        .end();
            }
            json.end().array("PrefixListIds");
            for (NameValue list : rule.prefixLists()) {
                json.object()
                        .field("Description", list.value())
                        .field("PrefixListId", list.name())
                        .end();
            }
            json.end().end();
        }
        json.end();
    }

    void networkInterfaces(Path file, List<Eni> enis) {
        try (CliJson json = CliJson.open(file)) {
            json.array("NetworkInterfaces");
            for (Eni eni : enis) {
                networkInterface(json, eni);
            }
            json.end();
        }
    }

    private void networkInterface(CliJson json, Eni eni) {
        json.object();
        if (eni.publicIp() != null) {
            association(json, eni);
        }
        if (eni.attachTime() != null) {
            json.object("Attachment")
                    .time("AttachTime", eni.attachTime())
                    .field("AttachmentId", eni.attachmentId())
                    .field("DeleteOnTermination", false)
                    .field("DeviceIndex", 1)
                    .field("NetworkCardIndex", 0)
                    .field("InstanceOwnerId", eni.instanceOwnerId())
                    .field("Status", "attached")
                    .end();
        }
        String privateDns = privateDnsName(eni.privateIp(), region);
        json.field("AvailabilityZone", eni.subnet().az())
                .field("Description", eni.description())
                .pairs("Groups", "GroupId", "GroupName", eni.groups())
                .field("InterfaceType", eni.kind() == EniKind.NAT_GATEWAY ? "nat_gateway" : "interface")
                .emptyArray("Ipv6Addresses")
                .field("MacAddress", eni.mac())
                .field("NetworkInterfaceId", eni.id())
                .field("OwnerId", account)
                .field("PrivateDnsName", privateDns)
                .field("PrivateIpAddress", eni.privateIp())
                .array("PrivateIpAddresses")
                .object();
        if (eni.publicIp() != null) {
            association(json, eni);
        }
        json.field("Primary", true)
                .field("PrivateDnsName", privateDns)
                .field("PrivateIpAddress", eni.privateIp())
                .end()
                .end()
                .field("RequesterId", eni.requesterId())
                .field("RequesterManaged", true)
                .field("SourceDestCheck", eni.kind() != EniKind.NAT_GATEWAY)
                .field("Status", "in-use")
                .field("SubnetId", eni.subnet().id())
                .emptyArray("TagSet")
                .field("VpcId", eni.vpcId())
                .object("Operator")
                .field("Managed", false)
                .end()
                .end();
    }

    private void association(CliJson json, Eni eni) {
        json.object("Association")
                .field("AllocationId", eni.allocationId())
                .field("AssociationId", eni.associationId())
                .field("IpOwnerId", eni.publicIpOwner())
                .field("PublicDnsName", publicDnsName(eni.publicIp(), region))
                .field("PublicIp", eni.publicIp())
                .end();
    }

    void internetGateways(Path file, List<Network> networks) {
        try (CliJson json = CliJson.open(file)) {
            json.array("InternetGateways");
            for (Network network : networks) {
                json.object()
                        .array("Attachments")
                        .object()
                        .field("State", "available")
                        .field("VpcId", network.vpc().id())
                        .end()
                        .end()
                        .field("InternetGatewayId", network.internetGatewayId())
                        .field("OwnerId", account)
                        .pairs(
                                "Tags",
                                "Key",
                                "Value",
                                List.of(new NameValue("Name", network.vpc().name() + "-igw")))
                        .end();
            }
            json.end();
        }
    }

    /** The NAT gateways, with the ENI, private IP and Elastic IP the plan's NAT ENIs have. */
    void natGateways(Path file, List<Network> networks) {
        try (CliJson json = CliJson.open(file)) {
            json.array("NatGateways");
            for (Network network : networks) {
                Eni eni = network.natEni();
                json.object()
                        .time("CreateTime", network.natCreatedAt())
                        .array("NatGatewayAddresses")
                        .object()
                        .field("AllocationId", eni.allocationId())
                        .field("NetworkInterfaceId", eni.id())
                        .field("PrivateIp", eni.privateIp())
                        .field("PublicIp", eni.publicIp())
                        .field("AssociationId", eni.associationId())
                        .field("IsPrimary", true)
                        .field("Status", "succeeded")
                        .end()
                        .end()
                        .field("NatGatewayId", network.natGatewayId())
                        .field("State", "available")
                        .field("SubnetId", eni.subnet().id())
                        .field("VpcId", network.vpc().id())
                        .pairs(
                                "Tags",
                                "Key",
                                "Value",
                                List.of(new NameValue("Name", network.vpc().name() + "-nat")))
                        .field("ConnectivityType", "public")
                        .end();
            }
            json.end();
        }
    }

    /**
     * Per VPC: the main table (local route only, no subnet explicitly associated), the public table
     * (0.0.0.0/0 to the internet gateway) on the public subnets and the private table (0.0.0.0/0 to
     * the NAT gateway, the S3 prefix list to the gateway endpoint) on the private subnets.
     */
    void routeTables(Path file, List<Network> networks, String s3PrefixList) {
        try (CliJson json = CliJson.open(file)) {
            json.array("RouteTables");
            for (Network network : networks) {
                String vpc = network.vpc().name();
                routeTable(json, network, network.mainTableId(), vpc + "-main", List.of(), List.of());
                routeTable(
                        json,
                        network,
                        network.publicTableId(),
                        vpc + "-public",
                        network.publicSubnets(),
                        List.of(new Route(
                                "DestinationCidrBlock", "0.0.0.0/0", "GatewayId", network.internetGatewayId())));
                routeTable(
                        json,
                        network,
                        network.privateTableId(),
                        vpc + "-private",
                        network.privateSubnets(),
                        List.of(
                                new Route("DestinationCidrBlock", "0.0.0.0/0", "NatGatewayId", network.natGatewayId()),
                                new Route("DestinationPrefixListId", s3PrefixList, "GatewayId", network.endpointId())));
            }
            json.end();
        }
    }

    /** A route created after the table: destination and target member names and values. */
    private record Route(String destinationMember, String destination, String targetMember, String target) {}

    /** A table; with no subnets it is the VPC's main table, implicitly associated. */
    private void routeTable(
            CliJson json, Network network, String tableId, String name, List<Subnet> subnets, List<Route> routes) {
        json.object().array("Associations");
        if (subnets.isEmpty()) {
            json.object()
                    .field("Main", true)
                    .field("RouteTableAssociationId", network.mainAssociationId())
                    .field("RouteTableId", tableId)
                    .object("AssociationState")
                    .field("State", "associated")
                    .end()
                    .end();
        }
        for (Subnet subnet : subnets) {
            json.object()
                    .field("Main", false)
                    .field(
                            "RouteTableAssociationId",
                            network.tableAssociations().get(subnet.id()))
                    .field("RouteTableId", tableId)
                    .field("SubnetId", subnet.id())
                    .object("AssociationState")
                    .field("State", "associated")
                    .end()
                    .end();
        }
        json.end()
                .emptyArray("PropagatingVgws")
                .field("RouteTableId", tableId)
                .array("Routes")
                .object()
                .field("DestinationCidrBlock", network.vpc().cidr())
                .field("GatewayId", "local")
                .field("Origin", "CreateRouteTable")
                .field("State", "active")
                .end();
        for (Route route : routes) {
            json.object()
                    .field(route.destinationMember(), route.destination())
                    .field(route.targetMember(), route.target())
                    .field("Origin", "CreateRoute")
                    .field("State", "active")
                    .end();
        }
        json.end()
                .pairs("Tags", "Key", "Value", List.of(new NameValue("Name", name)))
                .field("VpcId", network.vpc().id())
                .field("OwnerId", account)
                .end();
    }

    /** The default network ACL of each VPC, allowing all traffic, associated with every subnet. */
    void networkAcls(Path file, List<Network> networks) {
        try (CliJson json = CliJson.open(file)) {
            json.array("NetworkAcls");
            for (Network network : networks) {
                json.object().array("Associations");
                network.aclAssociations()
                        .forEach((subnet, association) -> json.object()
                                .field("NetworkAclAssociationId", association)
                                .field("NetworkAclId", network.aclId())
                                .field("SubnetId", subnet)
                                .end());
                json.end().array("Entries");
                for (boolean egress : List.of(true, false)) {
                    aclEntry(json, egress, "allow", 100);
                    aclEntry(json, egress, "deny", 32767);
                }
                json.end()
                        .field("IsDefault", true)
                        .field("NetworkAclId", network.aclId())
                        .emptyArray("Tags")
                        .field("VpcId", network.vpc().id())
                        .field("OwnerId", account)
                        .end();
            }
            json.end();
        }
    }

    private static void aclEntry(CliJson json, boolean egress, String action, int number) {
        json.object()
                .field("CidrBlock", "0.0.0.0/0")
                .field("Egress", egress)
                .field("Protocol", "-1")
                .field("RuleAction", action)
                .field("RuleNumber", number)
                .end();
    }
}
