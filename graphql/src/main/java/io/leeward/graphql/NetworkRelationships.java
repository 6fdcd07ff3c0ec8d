package io.leeward.graphql;

import io.leeward.graphql.Nodes.EcsTask;
import io.leeward.graphql.Nodes.NetworkInterface;
import io.leeward.graphql.Nodes.SecurityGroup;
import io.leeward.graphql.Nodes.SecurityGroupRule;
import io.leeward.graphql.Nodes.Subnet;
import io.leeward.graphql.Nodes.Vpc;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Relationship fields of VPCs, subnets, security groups, their rules and network interfaces.
 *
 * <p>Each field is one batch mapping (a DataLoader) running one link query for all parents of a
 * response level, so a page costs the same number of round-trips whatever its size.
 */
@Controller
final class NetworkRelationships {
    private final Links links;

    NetworkRelationships(Links links) {
        this.links = links;
    }

    @BatchMapping(typeName = "Vpc", field = "subnets")
    Map<Vpc, List<Subnet>> vpcSubnets(List<Vpc> vpcs) {
        return links.many("links.vpc.subnets", vpcs, Subnet.class);
    }

    @BatchMapping(typeName = "Vpc", field = "securityGroups")
    Map<Vpc, List<SecurityGroup>> vpcSecurityGroups(List<Vpc> vpcs) {
        return links.many("links.vpc.security-groups", vpcs, SecurityGroup.class);
    }

    @BatchMapping(typeName = "Subnet", field = "vpc")
    Map<Subnet, Vpc> subnetVpc(List<Subnet> subnets) {
        return links.one("links.subnet.vpc", subnets, Vpc.class);
    }

    @BatchMapping(typeName = "SecurityGroup", field = "vpc")
    Map<SecurityGroup, Vpc> securityGroupVpc(List<SecurityGroup> securityGroups) {
        return links.one("links.security-group.vpc", securityGroups, Vpc.class);
    }

    @BatchMapping(typeName = "SecurityGroup", field = "rules")
    Map<SecurityGroup, List<SecurityGroupRule>> securityGroupRules(List<SecurityGroup> securityGroups) {
        return links.many("links.security-group.rules", securityGroups, SecurityGroupRule.class);
    }

    @BatchMapping(typeName = "SecurityGroupRule", field = "securityGroup")
    Map<SecurityGroupRule, SecurityGroup> securityGroupRuleSecurityGroup(List<SecurityGroupRule> securityGroupRules) {
        return links.one("links.rule.security-group", securityGroupRules, SecurityGroup.class);
    }

    @BatchMapping(typeName = "SecurityGroupRule", field = "allowedFrom")
    Map<SecurityGroupRule, List<SecurityGroup>> securityGroupRuleAllowedFrom(
            List<SecurityGroupRule> securityGroupRules) {
        return links.many("links.rule.allowed-from", securityGroupRules, SecurityGroup.class);
    }

    @BatchMapping(typeName = "NetworkInterface", field = "subnet")
    Map<NetworkInterface, Subnet> networkInterfaceSubnet(List<NetworkInterface> networkInterfaces) {
        return links.one("links.eni.subnet", networkInterfaces, Subnet.class);
    }

    @BatchMapping(typeName = "NetworkInterface", field = "securityGroups")
    Map<NetworkInterface, List<SecurityGroup>> networkInterfaceSecurityGroups(
            List<NetworkInterface> networkInterfaces) {
        return links.many("links.eni.security-groups", networkInterfaces, SecurityGroup.class);
    }

    @BatchMapping(typeName = "NetworkInterface", field = "task")
    Map<NetworkInterface, EcsTask> networkInterfaceTask(List<NetworkInterface> networkInterfaces) {
        return links.one("links.eni.task", networkInterfaces, EcsTask.class);
    }
}
