package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Cluster;
import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.EniKind;
import io.leeward.app.demo.AccountPlan.LoadBalancer;
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

    private final Path globalDir;
    private final Inventory inventory;

    AccountWriter(
            DemoGenerator.Options options,
            AccountPlan plan,
            List<String> roleArns,
            Path root,
            Path regionDir,
            Path globalDir) {
        this.options = options;
        this.plan = plan;
        this.roleArns = roleArns;
        this.root = root;
        this.regionDir = regionDir;
        this.globalDir = globalDir;
        this.ecs = new EcsDocuments(options.region(), options.accountId());
        this.ec2 = new Ec2Documents(options.region(), options.accountId());
        this.elb = new ElbDocuments(options.region(), options.accountId());
        this.inventory = new InventoryPlanner(options, plan).plan();
    }

    DemoManifest write() {
        writeEcs();
        writeEc2();
        writeElb();
        writeNetwork();
        writeRulesAndHealth();
        writeData();
        writeEcr();
        writeIam();
        writeS3();
        return new DemoManifest(
                root,
                regionDir,
                globalDir,
                options,
                files,
                counts,
                roleArns,
                plan.planted().withAccess(inventory.planted()));
    }

    private void writeNetwork() {
        ec2.internetGateways(file("ec2-describe-internet-gateways.json"), inventory.networks());
        ec2.natGateways(file("ec2-describe-nat-gateways.json"), inventory.networks());
        ec2.routeTables(file("ec2-describe-route-tables.json"), inventory.networks(), AccountPlanner.S3_PREFIX_LIST);
        ec2.networkAcls(file("ec2-describe-network-acls.json"), inventory.networks());
        count(Kind.INTERNET_GATEWAY, inventory.networks().size());
        count(Kind.ROUTE_TABLE, 3 * inventory.networks().size());
        count(Kind.NETWORK_ACL, inventory.networks().size());
    }

    private void writeRulesAndHealth() {
        var targets = ElbDocuments.targets(plan.loadBalancers(), plan.clusters());
        for (LoadBalancer lb : plan.loadBalancers()) {
            count(Kind.LISTENER_RULE, elb.rules(file("elbv2-describe-rules-" + lb.name() + ".json"), lb, targets));
        }
        for (ElbDocuments.Target target : targets) {
            String arn = target.service().targetGroupArn();
            String name = "elbv2-describe-target-health_" + ElbDocuments.targetGroupName(arn) + "_"
                    + ElbDocuments.targetGroupId(arn) + ".json";
            count(Kind.TARGET, elb.targetHealth(file(name), target, inventory.unhealthyTaskArn()));
        }
    }

    private void writeData() {
        var data = new DataDocuments(options.accountId(), options.region());
        data.listSecrets(file("secretsmanager-list-secrets.json"), inventory.secrets());
        count(Kind.SECRET, inventory.secrets().size());
        for (Inventory.Secret secret : inventory.secrets()) {
            if (secret.resourcePolicy() != null) {
                data.resourcePolicy(
                        file("secretsmanager-get-resource-policy_" + DataDocuments.fileSuffix(secret.name()) + ".json"),
                        secret);
            }
        }
        data.describeParameters(file("ssm-describe-parameters.json"), inventory.parameters());
        count(Kind.SSM_PARAMETER, inventory.parameters().size());
        data.listAliases(file("kms-list-aliases.json"), inventory.aliases());
        for (Inventory.Key key : inventory.keys()) {
            data.describeKey(file("kms-describe-key_" + key.id() + ".json"), key);
            data.keyPolicy(file("kms-get-key-policy_" + key.id() + ".json"), key);
            data.keyRotationStatus(file("kms-get-key-rotation-status_" + key.id() + ".json"), key);
        }
        count(Kind.KMS_KEY, inventory.keys().size());
    }

    private void writeEcr() {
        var ecr = new EcrDocuments(options.accountId(), options.region());
        ecr.repositories(file("ecr-describe-repositories.json"), inventory.repositories());
        count(Kind.ECR_REPOSITORY, inventory.repositories().size());
        for (Inventory.Repository repository : inventory.repositories()) {
            ecr.images(file("ecr-describe-images-" + repository.fileSuffix() + ".json"), repository);
            count(Kind.IMAGE, repository.images().size());
            if (repository.policy() != null) {
                ecr.policy(file("ecr-get-repository-policy-" + repository.fileSuffix() + ".json"), repository);
            }
        }
    }

    private void writeIam() {
        new IamDocuments(options.accountId(), options.region())
                .authorizationDetails(globalFile("iam-get-account-authorization-details.json"), inventory);
        count(Kind.IAM_USER, inventory.users().size());
        count(Kind.IAM_GROUP, inventory.groups().size());
        count(Kind.IAM_ROLE, inventory.roles().size());
        count(Kind.IAM_POLICY, inventory.policies().size());
    }

    private void writeS3() {
        var s3 = new S3Documents(options.region());
        s3.listBuckets(globalFile("s3api-list-buckets.json"), inventory.buckets(), inventory.canonicalUserId());
        for (Inventory.Bucket bucket : inventory.buckets()) {
            s3.bucket(this::globalFile, bucket, inventory.canonicalUserId());
        }
        s3.accountPublicAccessBlock(globalFile("s3control-get-public-access-block.json"));
        count(Kind.S3_BUCKET, inventory.buckets().size());
    }

    private Path globalFile(String name) {
        Path file = globalDir.resolve(name);
        files.add(root.relativize(file));
        return file;
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
