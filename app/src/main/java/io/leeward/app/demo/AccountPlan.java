package io.leeward.app.demo;

import io.leeward.app.demo.CliJson.NameValue;
import io.leeward.app.demo.ServiceCatalog.ServiceSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated account before it is written: ids, addresses, times and references only. The
 * writers turn it into the CLI's JSON shapes. Small: a few hundred bytes per task.
 */
record AccountPlan(
        List<Vpc> vpcs,
        List<Subnet> subnets,
        List<SecurityGroup> securityGroups,
        List<LoadBalancer> loadBalancers,
        List<Eni> networkInterfaces,
        List<Cluster> clusters,
        DemoManifest.Planted planted) {

    AccountPlan {
        vpcs = List.copyOf(vpcs);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        loadBalancers = List.copyOf(loadBalancers);
        networkInterfaces = List.copyOf(networkInterfaces);
        clusters = List.copyOf(clusters);
    }

    record Vpc(String id, String name, String cidr, String dhcpOptionsId, String cidrAssociationId) {}

    record Subnet(String id, String vpcId, String name, String cidr, String az, String azId, boolean isPublic) {}

    /**
     * One {@code IpPermissions} entry. Pairs are (cidr or group or prefix list id, description);
     * {@code fromPort}/{@code toPort} are null for protocol {@code -1}.
     */
    record Rule(
            String protocol,
            Integer fromPort,
            Integer toPort,
            List<NameValue> ipv4,
            List<NameValue> ipv6,
            List<NameValue> groups,
            List<NameValue> prefixLists) {
        Rule {
            ipv4 = List.copyOf(ipv4);
            ipv6 = List.copyOf(ipv6);
            groups = List.copyOf(groups);
            prefixLists = List.copyOf(prefixLists);
        }

        static Rule tcp(int from, int to) {
            return new Rule("tcp", from, to, List.of(), List.of(), List.of(), List.of());
        }

        static Rule all() {
            return new Rule("-1", null, null, List.of(), List.of(), List.of(), List.of());
        }

        Rule fromCidr(String cidr, String description) {
            return new Rule(protocol, fromPort, toPort, append(ipv4, cidr, description), ipv6, groups, prefixLists);
        }

        Rule fromIpv6(String cidr, String description) {
            return new Rule(protocol, fromPort, toPort, ipv4, append(ipv6, cidr, description), groups, prefixLists);
        }

        Rule fromGroup(String groupId, String description) {
            return new Rule(protocol, fromPort, toPort, ipv4, ipv6, append(groups, groupId, description), prefixLists);
        }

        Rule toPrefixList(String prefixListId, String description) {
            return new Rule(
                    protocol, fromPort, toPort, ipv4, ipv6, groups, append(prefixLists, prefixListId, description));
        }

        private static List<NameValue> append(List<NameValue> list, String id, String description) {
            var copy = new ArrayList<>(list);
            copy.add(new NameValue(id, description));
            return copy;
        }
    }

    record SecurityGroup(
            String id, String name, String description, String vpcId, List<Rule> ingress, List<Rule> egress) {
        SecurityGroup {
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
        }
    }

    record LoadBalancer(String name, String arn, String vpcId, String securityGroupId, boolean internetFacing) {
        /** The {@code app/<name>/<id>} part of the ARN, as ENI descriptions carry it. */
        String resourceId() {
            return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
        }
    }

    enum EniKind {
        TASK,
        LOAD_BALANCER,
        NAT_GATEWAY
    }

    /**
     * A network interface as describe-network-interfaces shows it. {@code publicIp} is null for
     * private ENIs; {@code allocationId}/{@code associationId} are set only for Elastic IPs; {@code
     * attachTime} is null for NAT gateway ENIs, which show no attachment.
     */
    record Eni(
            String id,
            EniKind kind,
            String description,
            String vpcId,
            Subnet subnet,
            String privateIp,
            String mac,
            String publicIp,
            String publicIpOwner,
            String allocationId,
            String associationId,
            List<NameValue> groups,
            String requesterId,
            String attachmentId,
            String instanceOwnerId,
            Instant attachTime) {
        Eni {
            groups = List.copyOf(groups);
        }
    }

    record Cluster(String name, String arn, List<NameValue> tags, List<Service> services) {
        Cluster {
            tags = List.copyOf(tags);
            services = List.copyOf(services);
        }

        long runningTasks() {
            return services.stream().mapToLong(Service::runningCount).sum();
        }
    }

    record TaskDefinition(
            String family,
            int revision,
            String arn,
            int cpu,
            int memory,
            String taskRoleArn,
            String executionRoleArn,
            Instant registeredAt,
            String registeredBy,
            List<ContainerDef> containers) {
        TaskDefinition {
            containers = List.copyOf(containers);
        }

        String fileName() {
            return "ecs-describe-task-definition-" + family + "-" + revision + ".json";
        }
    }

    record ContainerDef(
            String name,
            String image,
            String digest,
            int cpu,
            int memory,
            int port,
            List<NameValue> environment,
            List<String> environmentFiles,
            List<NameValue> secrets,
            String user,
            boolean readonlyRootFilesystem,
            List<String> capabilitiesAdd,
            List<String> capabilitiesDrop,
            boolean essential,
            String logGroup,
            boolean healthCheck) {
        ContainerDef {
            environment = List.copyOf(environment);
            environmentFiles = List.copyOf(environmentFiles);
            secrets = List.copyOf(secrets);
            capabilitiesAdd = List.copyOf(capabilitiesAdd);
            capabilitiesDrop = List.copyOf(capabilitiesDrop);
        }
    }

    record Service(
            String name,
            String arn,
            String clusterArn,
            ServiceSpec spec,
            List<TaskDefinition> revisions,
            List<String> subnetIds,
            List<String> securityGroupIds,
            boolean publicIp,
            boolean executeCommand,
            String targetGroupArn,
            String loadBalancerArn,
            Instant createdAt,
            String deploymentId,
            Instant deployedAt,
            String eventId,
            List<NameValue> tags,
            List<Task> tasks) {
        Service {
            revisions = List.copyOf(revisions);
            subnetIds = List.copyOf(subnetIds);
            securityGroupIds = List.copyOf(securityGroupIds);
            tags = List.copyOf(tags);
            tasks = List.copyOf(tasks);
        }

        TaskDefinition current() {
            return revisions.getLast();
        }

        long runningCount() {
            return tasks.stream().filter(Task::running).count();
        }
    }

    /** A container of a task: the definition it runs, its id and the Fargate runtime id suffix. */
    record ContainerRun(ContainerDef definition, String id, String runtimeSuffix) {}

    /**
     * A task. Stopped tasks keep the ENI id, IP and MAC they had; their ENI no longer exists in
     * EC2, and their IP may now belong to a running task.
     */
    record Task(
            String id,
            String arn,
            String clusterArn,
            String serviceName,
            TaskDefinition taskDefinition,
            boolean running,
            Subnet subnet,
            String eniId,
            String mac,
            String privateIp,
            String publicIp,
            String attachmentId,
            String startedBy,
            boolean executeCommand,
            Instant createdAt,
            Instant startedAt,
            Instant stoppedAt,
            ServiceCatalog.Stop stop,
            List<ContainerRun> containers) {
        Task {
            containers = List.copyOf(containers);
        }
    }
}
