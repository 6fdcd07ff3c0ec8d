package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.LoadBalancer;
import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.SecurityGroup;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.IN_SUBNET;
import static io.leeward.graph.schema.RelType.IN_VPC;
import static io.leeward.graph.schema.RelType.PROTECTED_BY;
import static io.leeward.graph.schema.RelType.USES_ENI;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;

/**
 * {@code elbv2 describe-load-balancers}: a LoadBalancer per element of {@code LoadBalancers}, in its
 * VPC and the subnet of each availability zone, protected by its groups, and using the network
 * interfaces ELB made for it (read earlier from {@code ec2 describe-network-interfaces}, whose
 * description is {@code ELB app/<name>/<id>} or {@code ELB net/<name>/<id>}).
 */
final class LoadBalancerMapper implements RecordMapper {
    private static final String PREFIX = "loadbalancer/";
    private static final String DESCRIPTION = "ELB ";

    /** Whether an interface description is one ELB writes for an application or network load balancer. */
    static boolean isBalancerInterface(String description) {
        return description.startsWith(DESCRIPTION + "app/") || description.startsWith(DESCRIPTION + "net/");
    }

    @Override
    public void map(JsonFields balancer, RegionContext context, Emitter out) {
        Arn arn = context.own(balancer, "LoadBalancerArn", AwsArns.LOAD_BALANCER);
        String id = arn.toString();
        String vpc = balancer.optionalId("VpcId", "vpc-", "a VPC id");
        var subnets = new ArrayList<String>();
        for (JsonFields zone : balancer.objects("AvailabilityZones")) {
            String subnet = zone.optionalId("SubnetId", "subnet-", "a subnet id");
            if (subnet != null) {
                subnets.add(subnet);
            }
        }
        var groups = balancer.ids("SecurityGroups", "sg-", "a security group id");
        JsonFields state = balancer.optionalObject("State");
        var p = Emitter.props();
        p.put("name", balancer.optionalString("LoadBalancerName"));
        p.put("dnsName", balancer.optionalString("DNSName"));
        p.put("canonicalHostedZoneId", balancer.optionalString("CanonicalHostedZoneId"));
        p.put("scheme", balancer.optionalString("Scheme"));
        p.put("type", balancer.optionalString("Type"));
        p.put("state", state == null ? null : state.optionalString("Code"));
        p.put("ipAddressType", balancer.optionalString("IpAddressType"));
        p.put("createdTime", balancer.optionalTime("CreatedTime"));
        p.put("availabilityZones", balancer.json("AvailabilityZones"));
        p.put("subnetIds", subnets);
        p.put("securityGroupIds", groups);
        p.put("vpcId", vpc);
        out.node(LoadBalancer, id, p);
        if (vpc != null) {
            out.link(IN_VPC, LoadBalancer, id, Vpc, vpc);
        }
        for (String subnet : subnets) {
            out.link(IN_SUBNET, LoadBalancer, id, Subnet, subnet);
        }
        for (String group : groups) {
            out.link(PROTECTED_BY, LoadBalancer, id, SecurityGroup, group);
        }
        for (String eni : context.balancerInterfaces(DESCRIPTION + arn.resourceAfter(PREFIX))) {
            out.rel(USES_ENI, LoadBalancer, id, NetworkInterface, eni);
        }
    }
}
