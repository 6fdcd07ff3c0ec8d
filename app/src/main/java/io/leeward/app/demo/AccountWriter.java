package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Cluster;
import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.EniKind;
import io.leeward.app.demo.AccountPlan.Service;
import io.leeward.app.demo.AccountPlan.Task;
import io.leeward.app.demo.AccountPlan.TaskDefinition;
import io.leeward.app.demo.DemoManifest.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a plan's files, one document at a time, and counts what it wrote. */
final class AccountWriter {
    private final DemoGenerator.Options options;
    private final AccountPlan plan;
    private final List<String> roleArns;
    private final Path root;
    private final Path regionDir;
    private final EcsDocuments ecs;
    private final Ec2Documents ec2;
    private final ElbDocuments elb;
    private final List<Path> files = new ArrayList<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

    AccountWriter(DemoGenerator.Options options, AccountPlan plan, List<String> roleArns, Path root, Path regionDir) {
        this.options = options;
        this.plan = plan;
        this.roleArns = roleArns;
        this.root = root;
        this.regionDir = regionDir;
        this.ecs = new EcsDocuments(options.region(), options.accountId());
        this.ec2 = new Ec2Documents(options.region(), options.accountId());
        this.elb = new ElbDocuments(options.region(), options.accountId());
    }

    DemoManifest write() {
        writeEcs();
        writeEc2();
        writeElb();
        return new DemoManifest(root, regionDir, options, files, counts, roleArns, plan.planted());
    }

    private void writeEcs() {
        ecs.clusters(file("ecs-describe-clusters.json"), plan.clusters());
        count(Kind.CLUSTER, plan.clusters().size());
        for (Cluster cluster : plan.clusters()) {
            ecs.services(file("ecs-describe-services-" + cluster.name() + ".json"), cluster);
            ecs.tasks(file("ecs-describe-tasks-" + cluster.name() + ".json"), cluster);
            count(Kind.SERVICE, cluster.services().size());
            for (Service service : cluster.services()) {
                countTasks(service);
            }
        }
        for (Cluster cluster : plan.clusters()) {
            for (Service service : cluster.services()) {
                for (TaskDefinition definition : service.revisions()) {
                    ecs.taskDefinition(file(definition.fileName()), definition);
                    count(Kind.TASK_DEFINITION, 1);
                }
            }
        }
    }

    private void countTasks(Service service) {
        for (Task task : service.tasks()) {
            count(Kind.TASK, 1);
            count(task.running() ? Kind.RUNNING_TASK : Kind.STOPPED_TASK, 1);
            count(Kind.CONTAINER, task.containers().size());
        }
    }

    private void writeEc2() {
        ec2.vpcs(file("ec2-describe-vpcs.json"), plan.vpcs());
        count(Kind.VPC, plan.vpcs().size());
        Map<String, Integer> used = new HashMap<>();
        for (Eni eni : plan.networkInterfaces()) {
            used.merge(eni.subnet().id(), 1, Integer::sum);
        }
        ec2.subnets(file("ec2-describe-subnets.json"), plan.subnets(), used);
        count(Kind.SUBNET, plan.subnets().size());
        ec2.securityGroups(file("ec2-describe-security-groups.json"), plan.securityGroups());
        count(Kind.SECURITY_GROUP, plan.securityGroups().size());
        ec2.networkInterfaces(file("ec2-describe-network-interfaces.json"), plan.networkInterfaces());
        count(Kind.NETWORK_INTERFACE, plan.networkInterfaces().size());
        count(Kind.LOAD_BALANCER, plan.loadBalancers().size());
        count(Kind.NAT_GATEWAY, (int) plan.networkInterfaces().stream()
                .filter(eni -> eni.kind() == EniKind.NAT_GATEWAY)
                .count());
    }

    private void writeElb() {
        var targets = ElbDocuments.targets(plan.loadBalancers(), plan.clusters());
        elb.loadBalancers(file("elbv2-describe-load-balancers.json"), plan.loadBalancers(), plan.networkInterfaces());
        elb.listeners(file("elbv2-describe-listeners.json"), plan.loadBalancers(), targets);
        elb.targetGroups(file("elbv2-describe-target-groups.json"), targets);
    }

    private Path file(String name) {
        Path file = regionDir.resolve(name);
        files.add(root.relativize(file));
        return file;
    }

    private void count(Kind kind, int n) {
        counts.merge(kind, n, Integer::sum);
    }
}
