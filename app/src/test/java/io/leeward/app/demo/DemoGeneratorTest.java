package io.leeward.app.demo;

import static io.leeward.app.demo.GeneratedAccount.detail;
import static io.leeward.app.demo.GeneratedAccount.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.app.demo.DemoManifest.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

@DisplayName("The demo generator")
class DemoGeneratorTest {
    private static final Pattern CLI_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");

    @TempDir
    static Path shared;

    static DemoManifest manifest;
    static GeneratedAccount account;

    @BeforeAll
    static void generateOnce() {
        manifest = DemoGenerator.builder().build().generate(shared.resolve("scale1"));
        account = new GeneratedAccount(manifest);
    }

    @Nested
    @DisplayName("is reproducible")
    class Determinism {
        @Test
        @DisplayName("the same seed, scale and anchor give byte-identical files")
        void sameOptionsSameBytes(@TempDir Path a, @TempDir Path b) throws IOException {
            DemoGenerator generator = DemoGenerator.builder().seed(7).scale(2).build();
            DemoManifest first = generator.generate(a);
            DemoManifest second = generator.generate(b);

            assertThat(second.files()).isEqualTo(first.files());
            for (Path file : first.files()) {
                assertThat(Files.readAllBytes(b.resolve(file)))
                        .as("%s", file)
                        .isEqualTo(Files.readAllBytes(a.resolve(file)));
            }
            assertThat(second.planted()).isEqualTo(first.planted());
            assertThat(second.counts()).isEqualTo(first.counts());
        }

        @Test
        @DisplayName("another seed gives other ids")
        void otherSeedOtherIds(@TempDir Path a, @TempDir Path b) throws IOException {
            DemoManifest first = DemoGenerator.builder().seed(1).build().generate(a);
            DemoManifest second = DemoGenerator.builder().seed(2).build().generate(b);
            Path enis = Path.of("123456789012", "eu-west-1", "ec2-describe-network-interfaces.json");

            assertThat(Files.readString(b.resolve(enis))).isNotEqualTo(Files.readString(a.resolve(enis)));
            assertThat(second.planted().wideOpenSecurityGroupId())
                    .isNotEqualTo(first.planted().wideOpenSecurityGroupId());
        }

        @Test
        @DisplayName("every timestamp lies before the anchor")
        void timesBeforeAnchor() {
            Instant anchor = manifest.options().anchor();
            for (JsonNode task : account.tasks) {
                for (String field : List.of("createdAt", "startedAt", "stoppedAt", "pullStoppedAt")) {
                    if (task.has(field)) {
                        assertThat(Instant.parse(task.get(field).asString())).isBefore(anchor);
                    }
                }
            }
            for (JsonNode service : account.services) {
                assertThat(Instant.parse(service.get("createdAt").asString())).isBefore(anchor);
            }
        }
    }

    @Nested
    @DisplayName("scales")
    class Scale {
        @Test
        @DisplayName("scale 3 triples clusters and services and roughly triples tasks, ENIs and containers")
        void scaleThree(@TempDir Path dir) {
            DemoManifest three = DemoGenerator.builder().scale(3).build().generate(dir);

            assertThat(three.count(Kind.CLUSTER)).isEqualTo(3 * manifest.count(Kind.CLUSTER));
            assertThat(three.count(Kind.SERVICE)).isEqualTo(3 * manifest.count(Kind.SERVICE));
            for (Kind kind : List.of(Kind.RUNNING_TASK, Kind.NETWORK_INTERFACE, Kind.CONTAINER, Kind.SECURITY_GROUP)) {
                double ratio = (double) three.count(kind) / manifest.count(kind);
                assertThat(ratio).as("%s ratio", kind).isBetween(2.2, 3.8);
            }
            assertThat(three.count(Kind.SUBNET)).isGreaterThan(manifest.count(Kind.SUBNET));
            assertThat(new GeneratedAccount(three).services).hasSize(three.count(Kind.SERVICE));
        }

        @Test
        @DisplayName("scale 10 generates in a few seconds")
        void scaleTen(@TempDir Path dir) {
            long start = System.nanoTime();
            DemoManifest ten = DemoGenerator.builder().scale(10).build().generate(dir);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(ten.count(Kind.SERVICE)).isEqualTo(100);
            assertThat(millis).as("milliseconds").isLessThan(15_000);
            var generated = new GeneratedAccount(ten);
            assertThat(generated.tasks).hasSize(ten.count(Kind.TASK));
            assertThat(generated.enis).hasSize(ten.count(Kind.NETWORK_INTERFACE));
            assertUniqueRunningIps(generated);
        }

        @Test
        @DisplayName("the scale is the stack count: each stack is a web and an internal cluster")
        void clusterNames() {
            assertThat(account.clusters)
                    .extracting(c -> c.get("clusterName").asString())
                    .containsExactly("prod-web", "prod-internal");
        }
    }

    @Nested
    @DisplayName("writes the AWS CLI shapes")
    class Shapes {
        @Test
        @DisplayName("writes exactly the expected files, lists them in the manifest and marks the directories")
        void fileSet() {
            assertThat(account.dir.resolve(DemoGenerator.MARKER)).exists();
            assertThat(account.globalDir.resolve(DemoGenerator.MARKER)).exists();
            List<String> names = account.files().stream()
                    .map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals(DemoGenerator.MARKER))
                    .toList();
            List<String> expected = new ArrayList<>(List.of(
                    "ec2-describe-internet-gateways.json",
                    "ec2-describe-nat-gateways.json",
                    "ec2-describe-network-acls.json",
                    "ec2-describe-network-interfaces.json",
                    "ec2-describe-route-tables.json",
                    "ec2-describe-security-groups.json",
                    "ec2-describe-subnets.json",
                    "ec2-describe-vpcs.json",
                    "ecr-describe-repositories.json",
                    "ecr-get-repository-policy-api-gateway.json",
                    "ecs-describe-clusters.json",
                    "ecs-describe-services-prod-internal.json",
                    "ecs-describe-services-prod-web.json",
                    "ecs-describe-tasks-prod-internal.json",
                    "ecs-describe-tasks-prod-web.json",
                    "elbv2-describe-listeners.json",
                    "elbv2-describe-load-balancers.json",
                    "elbv2-describe-rules-prod-public.json",
                    "elbv2-describe-target-groups.json",
                    "kms-list-aliases.json",
                    "secretsmanager-get-resource-policy_prod%2Fpayments%2Fpsp.json",
                    "secretsmanager-list-secrets.json",
                    "ssm-describe-parameters.json"));
            for (JsonNode definition : account.taskDefinitions.values()) {
                expected.add("ecs-describe-task-definition-"
                        + definition.get("family").asString() + "-"
                        + definition.get("revision").asInt() + ".json");
            }
            for (JsonNode group :
                    account.read("elbv2-describe-target-groups.json").get("TargetGroups")) {
                String arn = group.get("TargetGroupArn").asString();
                expected.add("elbv2-describe-target-health_"
                        + group.get("TargetGroupName").asString() + "_" + arn.substring(arn.lastIndexOf('/') + 1)
                        + ".json");
            }
            for (JsonNode repository :
                    account.read("ecr-describe-repositories.json").get("repositories")) {
                expected.add("ecr-describe-images-"
                        + repository.get("repositoryName").asString().replace("/", "%2F") + ".json");
            }
            for (String keyArn : List.of(
                    manifest.planted().access().dataKeyArn(),
                    manifest.planted().access().openKeyArn())) {
                String id = keyArn.substring(keyArn.lastIndexOf('/') + 1);
                for (String operation : List.of("describe-key", "get-key-policy", "get-key-rotation-status")) {
                    expected.add("kms-" + operation + "_" + id + ".json");
                }
            }
            assertThat(names).containsExactlyInAnyOrderElementsOf(expected).hasSize(expected.size());

            List<String> global = new ArrayList<>(List.of(
                    "iam-get-account-authorization-details.json",
                    "s3api-list-buckets.json",
                    "s3control-get-public-access-block.json"));
            for (JsonNode bucket : account.readGlobal("s3api-list-buckets.json").get("Buckets")) {
                String name = bucket.get("Name").asString();
                for (String operation : List.of(
                        "get-bucket-acl",
                        "get-bucket-encryption",
                        "get-bucket-location",
                        "get-bucket-tagging",
                        "get-bucket-versioning",
                        "get-public-access-block")) {
                    global.add("s3api-" + operation + "_" + name + ".json");
                }
                if (!name.startsWith("prod-ecs-config-")) {
                    global.add("s3api-get-bucket-policy_" + name + ".json");
                }
            }
            assertThat(account.globalFiles().stream()
                            .map(f -> f.getFileName().toString())
                            .filter(name -> !name.equals(DemoGenerator.MARKER)))
                    .containsExactlyInAnyOrderElementsOf(global);
            List<String> all = new ArrayList<>(expected);
            all.addAll(global);
            assertThat(manifest.files())
                    .extracting(f -> f.getFileName().toString())
                    .containsExactlyInAnyOrderElementsOf(all);
            assertThat(manifest.count(Kind.TASK_DEFINITION)).isEqualTo(account.taskDefinitions.size());
        }

        @ParameterizedTest(name = "{0} has top-level members {1}")
        @CsvSource({
            "ecs-describe-clusters, clusters failures",
            "ecs-describe-services-, services failures",
            "ecs-describe-tasks-, tasks failures",
            "ecs-describe-task-definition-, taskDefinition tags",
            "ec2-describe-vpcs, Vpcs",
            "ec2-describe-subnets, Subnets",
            "ec2-describe-security-groups, SecurityGroups",
            "ec2-describe-network-interfaces, NetworkInterfaces",
            "elbv2-describe-load-balancers, LoadBalancers",
            "elbv2-describe-listeners, Listeners",
            "elbv2-describe-target-groups, TargetGroups",
            "elbv2-describe-rules-, Rules",
            "elbv2-describe-target-health_, TargetHealthDescriptions",
            "ec2-describe-route-tables, RouteTables",
            "ec2-describe-internet-gateways, InternetGateways",
            "ec2-describe-nat-gateways, NatGateways",
            "ec2-describe-network-acls, NetworkAcls",
            "ecr-describe-repositories, repositories",
            "ecr-describe-images-, imageDetails",
            "ecr-get-repository-policy-, registryId repositoryName policyText",
            "secretsmanager-list-secrets, SecretList",
            "secretsmanager-get-resource-policy_, ARN Name ResourcePolicy",
            "ssm-describe-parameters, Parameters",
            "kms-list-aliases, Aliases",
            "kms-describe-key_, KeyMetadata",
            "kms-get-key-policy_, Policy PolicyName",
            "iam-get-account-authorization-details, UserDetailList GroupDetailList RoleDetailList Policies IsTruncated",
            "s3api-list-buckets, Buckets Owner",
            "s3api-get-bucket-policy_, Policy",
            "s3api-get-public-access-block_, PublicAccessBlockConfiguration",
            "s3api-get-bucket-encryption_, ServerSideEncryptionConfiguration",
            "s3api-get-bucket-versioning_, Status",
            "s3api-get-bucket-tagging_, TagSet",
            "s3api-get-bucket-acl_, Owner Grants",
            "s3api-get-bucket-location_, LocationConstraint",
            "s3control-get-public-access-block, PublicAccessBlockConfiguration"
        })
        @DisplayName("every file parses and has the exact top-level shape")
        void topLevelShape(String prefix, String members) throws IOException {
            List<Path> files = Stream.concat(account.files().stream(), account.globalFiles().stream())
                    .filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                JsonNode root = GeneratedAccount.parse(file);
                assertThat(root.propertyNames()).as("%s", file).containsExactly(members.split(" "));
                String text = Files.readString(file);
                assertThat(text)
                        .as("%s is printed as the CLI prints", file)
                        .startsWith("{\n    \"")
                        .endsWith("}\n");
                assertThat(text).doesNotContain("\r", "[ ]", "{ }", "\" : ");
            }
        }

        @Test
        @DisplayName("ARNs and ids have the real long forms")
        void arnsAndIds() {
            String prefix = "arn:aws:ecs:eu-west-1:123456789012:";
            for (JsonNode service : account.services) {
                assertThat(service.get("serviceArn").asString())
                        .matches(Pattern.quote(prefix) + "service/prod-(web|internal)/[a-z-]+");
            }
            for (JsonNode task : account.tasks) {
                String arn = task.get("taskArn").asString();
                assertThat(arn).matches(Pattern.quote(prefix) + "task/prod-(web|internal)/[0-9a-f]{32}");
                String taskId = arn.substring(arn.lastIndexOf('/') + 1);
                assertThat(task.get("startedBy").asString()).matches("ecs-svc/\\d{19}");
                for (JsonNode container : task.get("containers")) {
                    assertThat(container.get("containerArn").asString())
                            .matches(Pattern.quote(prefix) + "container/prod-(web|internal)/" + taskId
                                    + "/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
                    assertThat(container.get("runtimeId").asString()).matches(taskId + "-\\d{10}");
                    assertThat(container.get("imageDigest").asString()).matches("sha256:[0-9a-f]{64}");
                }
            }
            assertThat(account.enis.keySet()).allMatch(id -> id.matches("eni-0[0-9a-f]{16}"));
            assertThat(account.groups.keySet()).allMatch(id -> id.matches("sg-0[0-9a-f]{16}"));
            assertThat(account.subnets.keySet()).allMatch(id -> id.matches("subnet-0[0-9a-f]{16}"));
        }

        @Test
        @DisplayName("tasks carry the fields of real Fargate responses")
        void fargateTasks() {
            for (JsonNode task : account.tasks) {
                assertThat(task.get("launchType").asString()).isEqualTo("FARGATE");
                assertThat(task.get("platformVersion").asString()).isEqualTo("1.4.0");
                assertThat(task.get("platformFamily").asString()).isEqualTo("Linux");
                assertThat(task.get("group").asString()).startsWith("service:");
                assertThat(task.get("attachments").get(0).get("type").asString())
                        .isEqualTo("ElasticNetworkInterface");
                assertThat(task.get("createdAt").asString()).matches(CLI_TIME);
                assertThat(task.get("availabilityZone").asString()).matches("eu-west-1[abc]");
                assertThat(task.get("connectivity").asString()).isEqualTo("CONNECTED");
            }
            for (JsonNode task : account.stopped()) {
                assertThat(task.get("stoppedAt").asString()).matches(CLI_TIME);
                assertThat(task.get("stoppedReason").asString()).isNotBlank();
                assertThat(task.get("desiredStatus").asString()).isEqualTo("STOPPED");
            }
        }

        @Test
        @DisplayName("Fargate ENIs, ALB ENIs and a NAT gateway ENI are described as EC2 does")
        void networkInterfaces() {
            Map<String, Integer> kinds = new HashMap<>();
            for (JsonNode eni : account.enis.values()) {
                String description = eni.get("Description").asString();
                assertThat(eni.get("RequesterManaged").asBoolean()).isTrue();
                assertThat(eni.get("Status").asString()).isEqualTo("in-use");
                if (description.startsWith("arn:aws:ecs:eu-west-1:123456789012:attachment/")) {
                    assertThat(eni.get("InterfaceType").asString()).isEqualTo("interface");
                    kinds.merge("task", 1, Integer::sum);
                } else if (description.startsWith("ELB app/")) {
                    assertThat(eni.get("RequesterId").asString()).isEqualTo("amazon-elb");
                    assertThat(eni.path("Association").path("PublicIp").isMissingNode())
                            .isFalse();
                    kinds.merge("alb", 1, Integer::sum);
                } else {
                    assertThat(eni.get("InterfaceType").asString()).isEqualTo("nat_gateway");
                    kinds.merge("nat", 1, Integer::sum);
                }
            }
            assertThat(kinds).containsEntry("task", manifest.count(Kind.RUNNING_TASK));
            assertThat(kinds).containsEntry("alb", 3).containsEntry("nat", 1);
        }
    }

    @Nested
    @DisplayName("keeps references whole")
    class Integrity {
        @Test
        @DisplayName(
                "every service behind the ALB has its target group, on an ALB in public subnets with an HTTPS listener")
        void loadBalancing() {
            var loadBalancers = new java.util.HashMap<String, JsonNode>();
            account.read("elbv2-describe-load-balancers.json")
                    .get("LoadBalancers")
                    .forEach(lb -> loadBalancers.put(lb.get("LoadBalancerArn").asString(), lb));
            var targetGroups = new java.util.HashMap<String, JsonNode>();
            account.read("elbv2-describe-target-groups.json")
                    .get("TargetGroups")
                    .forEach(tg -> targetGroups.put(tg.get("TargetGroupArn").asString(), tg));
            var listeners = account.read("elbv2-describe-listeners.json").get("Listeners");

            assertThat(loadBalancers).hasSize(manifest.count(Kind.LOAD_BALANCER));
            for (JsonNode service : account.services) {
                for (JsonNode binding : service.get("loadBalancers")) {
                    JsonNode group =
                            targetGroups.get(binding.get("targetGroupArn").asString());
                    assertThat(group)
                            .as("target group of %s", service.get("serviceName"))
                            .isNotNull();
                    assertThat(group.get("Port").asInt())
                            .isEqualTo(binding.get("containerPort").asInt());
                    assertThat(group.get("TargetType").asString()).isEqualTo("ip");
                    JsonNode lb = loadBalancers.get(
                            group.get("LoadBalancerArns").get(0).asString());
                    assertThat(lb.get("Scheme").asString()).isEqualTo("internet-facing");
                    assertThat(lb.get("VpcId").asString())
                            .isEqualTo(group.get("VpcId").asString());
                }
            }
            for (JsonNode lb : loadBalancers.values()) {
                for (JsonNode zone : lb.get("AvailabilityZones")) {
                    JsonNode subnet = account.subnets.get(zone.get("SubnetId").asString());
                    assertThat(subnet.get("MapPublicIpOnLaunch").asBoolean()).isTrue();
                    assertThat(subnet.get("AvailabilityZone").asString())
                            .isEqualTo(zone.get("ZoneName").asString());
                }
                assertThat(listeners
                                .valueStream()
                                .filter(l -> l.get("LoadBalancerArn")
                                        .asString()
                                        .equals(lb.get("LoadBalancerArn").asString()))
                                .map(l -> l.get("Protocol").asString() + ":"
                                        + l.get("Port").asInt()))
                        .containsExactlyInAnyOrder("HTTPS:443", "HTTP:80");
            }
            for (JsonNode listener : listeners) {
                for (JsonNode action : listener.get("DefaultActions")) {
                    if (action.has("TargetGroupArn")) {
                        assertThat(targetGroups)
                                .containsKey(action.get("TargetGroupArn").asString());
                    }
                }
            }
        }

        @Test
        @DisplayName("every running task's ENI exists with the task's IP, MAC, subnet and the service's groups")
        void runningTaskEnis() {
            for (JsonNode task : account.running()) {
                JsonNode eni = account.enis.get(detail(task, "networkInterfaceId"));
                assertThat(eni).as("ENI of %s", task.get("taskArn")).isNotNull();
                assertThat(eni.get("PrivateIpAddress").asString()).isEqualTo(detail(task, "privateIPv4Address"));
                assertThat(eni.get("MacAddress").asString()).isEqualTo(detail(task, "macAddress"));
                assertThat(eni.get("SubnetId").asString()).isEqualTo(detail(task, "subnetId"));
                assertThat(eni.get("Description").asString())
                        .endsWith(task.get("attachments").get(0).get("id").asString());
                JsonNode service = serviceOf(task);
                List<String> groups = eni.get("Groups")
                        .valueStream()
                        .map(g -> g.get("GroupId").asString())
                        .toList();
                assertThat(groups)
                        .containsExactlyElementsOf(strings(service.get("networkConfiguration")
                                .get("awsvpcConfiguration")
                                .get("securityGroups")));
            }
        }

        @Test
        @DisplayName("every task's subnet exists, its IP lies in the subnet's CIDR and its zone is the subnet's")
        void taskSubnets() {
            for (JsonNode task : account.tasks) {
                JsonNode subnet = account.subnets.get(detail(task, "subnetId"));
                assertThat(subnet).isNotNull();
                String ip = detail(task, "privateIPv4Address");
                assertThat(Ipv4.contains(subnet.get("CidrBlock").asString(), ip))
                        .as("%s in %s", ip, subnet.get("CidrBlock"))
                        .isTrue();
                assertThat(task.get("availabilityZone").asString())
                        .isEqualTo(subnet.get("AvailabilityZone").asString());
                assertThat(account.vpcs).containsKey(subnet.get("VpcId").asString());
            }
        }

        @Test
        @DisplayName("every ENI's subnet and groups exist and its IP lies in the subnet")
        void eniReferences() {
            for (JsonNode eni : account.enis.values()) {
                JsonNode subnet = account.subnets.get(eni.get("SubnetId").asString());
                assertThat(subnet).isNotNull();
                assertThat(Ipv4.contains(
                                subnet.get("CidrBlock").asString(),
                                eni.get("PrivateIpAddress").asString()))
                        .isTrue();
                for (JsonNode group : eni.get("Groups")) {
                    assertThat(account.groups).containsKey(group.get("GroupId").asString());
                }
            }
        }

        @Test
        @DisplayName("every service's subnets, groups and task definition exist")
        void serviceReferences() {
            for (JsonNode service : account.services) {
                JsonNode vpcConfig = service.get("networkConfiguration").get("awsvpcConfiguration");
                assertThat(account.subnets.keySet()).containsAll(strings(vpcConfig.get("subnets")));
                assertThat(account.groups.keySet()).containsAll(strings(vpcConfig.get("securityGroups")));
                String definition = service.get("taskDefinition").asString();
                assertThat(account.taskDefinitions).containsKey(definition);
                String family =
                        definition.substring(definition.lastIndexOf('/') + 1).replace(':', '-');
                assertThat(account.dir.resolve("ecs-describe-task-definition-" + family + ".json"))
                        .exists();
            }
        }

        @Test
        @DisplayName("every task names an existing service of its cluster and an existing task definition")
        void taskReferences() {
            for (JsonNode task : account.tasks) {
                assertThat(serviceOf(task)).isNotNull();
                assertThat(account.taskDefinitions)
                        .containsKey(task.get("taskDefinitionArn").asString());
            }
        }

        @Test
        @DisplayName("security group rules reference existing groups")
        void groupPairs() {
            for (JsonNode group : account.groups.values()) {
                for (JsonNode rule : group.get("IpPermissions")) {
                    for (JsonNode pair : rule.get("UserIdGroupPairs")) {
                        assertThat(account.groups)
                                .containsKey(pair.get("GroupId").asString());
                        assertThat(pair.get("UserId").asString()).isEqualTo("123456789012");
                    }
                }
            }
        }

        @Test
        @DisplayName("no two running tasks or ENIs share a private IP")
        void uniqueIps() {
            assertUniqueRunningIps(account);
        }

        @Test
        @DisplayName("a stopped task's IP is reused by a running task that started after it stopped")
        void reusedIp() {
            assertThat(manifest.planted().reusedIps()).isNotEmpty();
            for (DemoManifest.ReusedIp reused : manifest.planted().reusedIps()) {
                JsonNode stopped = account.task(reused.stoppedTaskArn());
                JsonNode running = account.task(reused.runningTaskArn());
                assertThat(detail(stopped, "privateIPv4Address")).isEqualTo(reused.privateIp());
                assertThat(detail(running, "privateIPv4Address")).isEqualTo(reused.privateIp());
                assertThat(detail(stopped, "networkInterfaceId")).isNotEqualTo(detail(running, "networkInterfaceId"));
                assertThat(Instant.parse(running.get("startedAt").asString()))
                        .isAfter(Instant.parse(stopped.get("stoppedAt").asString()));
            }
            Set<String> runningIps = new HashSet<>();
            account.running().forEach(t -> runningIps.add(detail(t, "privateIPv4Address")));
            assertThat(account.stopped())
                    .anySatisfy(t -> assertThat(runningIps).contains(detail(t, "privateIPv4Address")));
        }

        @Test
        @DisplayName("stopped tasks' ENIs are gone from EC2, as Fargate deletes them")
        void stoppedEnisDeleted() {
            assertThat(account.stopped()).isNotEmpty();
            for (JsonNode task : account.stopped()) {
                assertThat(account.enis).doesNotContainKey(detail(task, "networkInterfaceId"));
            }
        }

        @Test
        @DisplayName("cluster and service counters agree with the tasks")
        void counters() {
            for (JsonNode cluster : account.clusters) {
                long running = account.running().stream()
                        .filter(t -> t.get("clusterArn")
                                .asString()
                                .equals(cluster.get("clusterArn").asString()))
                        .count();
                assertThat(cluster.get("runningTasksCount").asLong()).isEqualTo(running);
            }
            for (JsonNode service : account.services) {
                long running = account.tasksOf(service).stream()
                        .filter(t -> t.get("lastStatus").asString().equals("RUNNING"))
                        .count();
                assertThat(service.get("runningCount").asLong()).isEqualTo(running);
                assertThat(running).isBetween(1L, 4L);
            }
            assertThat(account.services).hasSizeBetween(8, 12);
        }
    }

    @Nested
    @DisplayName("plants the risks the manifest names")
    class Planted {
        private final DemoManifest.Planted planted = manifest.planted();

        @Test
        @DisplayName("a security group open to 0.0.0.0/0 on 22 and 5432, attached to a service")
        void wideOpenGroup() {
            JsonNode group = account.groups.get(planted.wideOpenSecurityGroupId());
            List<Integer> openPorts = new ArrayList<>();
            for (JsonNode rule : group.get("IpPermissions")) {
                if (rule.get("IpRanges")
                        .valueStream()
                        .anyMatch(r -> r.get("CidrIp").asString().equals("0.0.0.0/0"))) {
                    openPorts.add(rule.get("FromPort").asInt());
                }
            }
            assertThat(openPorts).contains(22, 5432);
            JsonNode service = account.service(planted.wideOpenServiceArn());
            assertThat(strings(service.get("networkConfiguration")
                            .get("awsvpcConfiguration")
                            .get("securityGroups")))
                    .contains(planted.wideOpenSecurityGroupId());
        }

        @Test
        @DisplayName("the ALB group is open to the internet on 443 and 80 and web services admit only the ALB")
        void albAndServiceGroups() {
            JsonNode alb = account.groups.values().stream()
                    .filter(g -> g.get("GroupName").asString().equals("prod-alb"))
                    .findFirst()
                    .orElseThrow();
            assertThat(alb.get("IpPermissions")
                            .valueStream()
                            .map(r -> r.get("FromPort").asInt()))
                    .containsExactly(443, 80);
            String albId = alb.get("GroupId").asString();
            assertThat(planted.internetFacingServiceArns()).hasSize(5);
            for (String arn : planted.internetFacingServiceArns()) {
                JsonNode service = account.service(arn);
                assertThat(service.get("loadBalancers")
                                .get(0)
                                .get("targetGroupArn")
                                .asString())
                        .startsWith("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/");
                String own = service.get("networkConfiguration")
                        .get("awsvpcConfiguration")
                        .get("securityGroups")
                        .get(0)
                        .asString();
                for (JsonNode rule : account.groups.get(own).get("IpPermissions")) {
                    assertThat(rule.get("IpRanges")).isEmpty();
                    assertThat(rule.get("UserIdGroupPairs")
                                    .valueStream()
                                    .map(p -> p.get("GroupId").asString()))
                            .containsExactly(albId);
                }
            }
        }

        @Test
        @DisplayName("public-IP tasks hold a public IP on their ENI and only they do among tasks")
        void publicIps() {
            assertThat(planted.publicIpTaskArns()).isNotEmpty();
            for (String arn : planted.publicIpServiceArns()) {
                assertThat(account.service(arn)
                                .get("networkConfiguration")
                                .get("awsvpcConfiguration")
                                .get("assignPublicIp")
                                .asString())
                        .isEqualTo("ENABLED");
            }
            for (JsonNode task : account.running()) {
                JsonNode eni = account.enis.get(detail(task, "networkInterfaceId"));
                boolean planted = this.planted
                        .publicIpTaskArns()
                        .contains(task.get("taskArn").asString());
                assertThat(eni.path("Association").has("PublicIp"))
                        .as("%s", task.get("taskArn"))
                        .isEqualTo(planted);
            }
        }

        @Test
        @DisplayName("exactly one service enables execute command, and its tasks run the agent")
        void executeCommand() {
            assertThat(account.services.stream()
                            .filter(s -> s.get("enableExecuteCommand").asBoolean()))
                    .extracting(s -> s.get("serviceArn").asString())
                    .containsExactly(planted.executeCommandServiceArn());
            for (JsonNode task : account.tasksOf(account.service(planted.executeCommandServiceArn()))) {
                assertThat(task.get("enableExecuteCommand").asBoolean()).isTrue();
                assertThat(task.get("containers")
                                .get(0)
                                .get("managedAgents")
                                .get(0)
                                .get("name")
                                .asString())
                        .isEqualTo("ExecuteCommandAgent");
            }
        }

        @Test
        @DisplayName("one container runs as root with a writable root filesystem and SYS_PTRACE")
        void privilegedContainer() {
            JsonNode container = container(
                    planted.privilegedContainer().taskDefinitionArn(),
                    planted.privilegedContainer().containerName());
            assertThat(container.get("user").asString()).isEqualTo("0");
            assertThat(container.get("readonlyRootFilesystem").asBoolean()).isFalse();
            assertThat(strings(
                            container.get("linuxParameters").get("capabilities").get("add")))
                    .containsExactly("SYS_PTRACE");
            long rootContainers = account.taskDefinitions.values().stream()
                    .flatMap(d -> d.get("containerDefinitions").valueStream())
                    .filter(c -> c.get("user").asString().equals("0"))
                    .count();
            assertThat(rootContainers).isEqualTo(1);
        }

        @Test
        @DisplayName("plain-text secrets sit in environment variables; the manifest keeps their names only")
        void plaintextSecrets() {
            assertThat(planted.plaintextSecretNames())
                    .containsExactly("WORDPRESS_DB_PASSWORD", "DB_PASSWORD", "REPORTS_API_TOKEN");
            for (DemoManifest.EnvVarRef ref : planted.plaintextSecrets()) {
                JsonNode container = container(ref.taskDefinitionArn(), ref.containerName());
                String value = container
                        .get("environment")
                        .valueStream()
                        .filter(e -> e.get("name").asString().equals(ref.name()))
                        .map(e -> e.get("value").asString())
                        .findFirst()
                        .orElseThrow();
                assertThat(value).hasSizeGreaterThanOrEqualTo(16);
                assertThat(manifest.toString()).doesNotContain(value);
            }
        }

        @Test
        @DisplayName("other secrets are referenced the right way, through secrets[].valueFrom ARNs")
        void secretsByReference() {
            List<String> valueFroms = account.taskDefinitions.values().stream()
                    .flatMap(d -> d.get("containerDefinitions").valueStream())
                    .flatMap(c -> c.get("secrets").valueStream())
                    .map(s -> s.get("valueFrom").asString())
                    .toList();
            assertThat(valueFroms)
                    .isNotEmpty()
                    .allMatch(v -> v.startsWith("arn:aws:secretsmanager:eu-west-1:123456789012:secret:")
                            || v.startsWith("arn:aws:ssm:eu-west-1:123456789012:parameter/"));
            assertThat(valueFroms).anyMatch(v -> v.contains(":secretsmanager:")).anyMatch(v -> v.contains(":ssm:"));
        }

        @Test
        @DisplayName("task and execution roles are referenced by ARN and listed in the manifest")
        void roles() {
            for (JsonNode definition : account.taskDefinitions.values()) {
                assertThat(manifest.roleArns())
                        .contains(
                                definition.get("taskRoleArn").asString(),
                                definition.get("executionRoleArn").asString());
            }
            assertThat(manifest.roleArns()).allMatch(arn -> arn.startsWith("arn:aws:iam::123456789012:role/"));
        }

        private JsonNode container(String taskDefinitionArn, String name) {
            return account.taskDefinitions
                    .get(taskDefinitionArn)
                    .get("containerDefinitions")
                    .valueStream()
                    .filter(c -> c.get("name").asString().equals(name))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Nested
    @DisplayName("guards its inputs and output directory")
    class Boundaries {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "scale 0 | 0 | 123456789012 | eu-west-1 | scale must be 1..1000, was 0",
                    "short account | 1 | 12345 | eu-west-1 | accountId must be 12 digits, was 12345",
                    "bad region | 1 | 123456789012 | Europe | region must look like eu-west-1, was Europe"
                })
        @DisplayName("rejects bad options with a message naming the option")
        void badOptions(String label, int scale, String accountId, String region, String message) {
            assertThatThrownBy(() -> new DemoGenerator.Options(1, scale, accountId, region, Instant.EPOCH))
                    .as(label)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }

        @Test
        @DisplayName("a rerun at a smaller scale removes its own stale files and keeps others")
        void rerunCleansUp(@TempDir Path dir) throws IOException {
            DemoGenerator.builder().scale(2).build().generate(dir);
            Path regionDir = dir.resolve("123456789012").resolve("eu-west-1");
            Path globalDir = dir.resolve("123456789012").resolve("global");
            Path other = Files.writeString(regionDir.resolve("notes.txt"), "keep me");
            Path otherGlobal = Files.writeString(globalDir.resolve("notes.json"), "{}");
            Path staleGlobal = Files.writeString(globalDir.resolve("s3api-get-bucket-policy_old-bucket.json"), "{}");

            DemoManifest small = DemoGenerator.builder().scale(1).build().generate(dir);

            try (var files = Stream.concat(Files.list(regionDir), Files.list(globalDir))) {
                assertThat(files.map(f -> dir.relativize(f))
                                .filter(f -> !f.equals(dir.relativize(other)) && !f.equals(dir.relativize(otherGlobal)))
                                .filter(f -> !f.getFileName().toString().equals(DemoGenerator.MARKER)))
                        .containsExactlyInAnyOrderElementsOf(small.files());
            }
            assertThat(other).hasContent("keep me");
            assertThat(otherGlobal).hasContent("{}");
            assertThat(staleGlobal).doesNotExist();
        }

        @Test
        @DisplayName("never deletes CLI files it did not write")
        void keepsForeignFiles(@TempDir Path dir) throws IOException {
            Path regionDir = Files.createDirectories(dir.resolve("123456789012").resolve("eu-west-1"));
            Path real = Files.writeString(regionDir.resolve("ecs-describe-clusters.json"), "{\"clusters\": []}\n");

            assertThatThrownBy(() -> DemoGenerator.builder().build().generate(dir))
                    .isInstanceOf(DemoGenerationException.class)
                    .hasMessageContaining("not written by the demo generator");
            assertThat(real).hasContent("{\"clusters\": []}\n");
        }

        @Test
        @DisplayName("never deletes global CLI files it did not write, nor anything in the region directory then")
        void keepsForeignGlobalFiles(@TempDir Path dir) throws IOException {
            DemoGenerator.builder().build().generate(dir);
            Path globalDir = dir.resolve("123456789012").resolve("global");
            Files.delete(globalDir.resolve(DemoGenerator.MARKER));
            Path real = globalDir.resolve("iam-get-account-authorization-details.json");
            String before = Files.readString(real);
            Path regional = dir.resolve("123456789012").resolve("eu-west-1").resolve("ecs-describe-clusters.json");

            assertThatThrownBy(() -> DemoGenerator.builder().build().generate(dir))
                    .isInstanceOf(DemoGenerationException.class)
                    .hasMessageContaining("global holds AWS CLI files not written by the demo generator");
            assertThat(real).hasContent(before);
            assertThat(regional).exists();
        }

        @Test
        @DisplayName("writes under <dir>/<account>/<region> for other accounts and regions")
        void otherAccountAndRegion(@TempDir Path dir) {
            DemoManifest other = DemoGenerator.builder()
                    .accountId("210987654321")
                    .region("us-east-1")
                    .build()
                    .generate(dir);
            assertThat(other.regionDirectory())
                    .isEqualTo(dir.resolve("210987654321").resolve("us-east-1"));
            var generated = new GeneratedAccount(other);
            assertThat(generated.subnets.values())
                    .extracting(s -> s.get("AvailabilityZoneId").asString())
                    .contains("use1-az1");
            assertThat(generated.tasks)
                    .allMatch(t -> t.get("taskArn").asString().startsWith("arn:aws:ecs:us-east-1:210987654321:task/"));
        }
    }

    private static JsonNode serviceOf(JsonNode task) {
        String name = task.get("group").asString().substring("service:".length());
        String cluster = task.get("clusterArn").asString();
        return account.services.stream()
                .filter(s -> s.get("serviceName").asString().equals(name)
                        && s.get("clusterArn").asString().equals(cluster))
                .findFirst()
                .orElseThrow(() -> new AssertionError("task " + task.get("taskArn") + " names no service"));
    }

    private static void assertUniqueRunningIps(GeneratedAccount generated) {
        Set<String> seen = new HashSet<>();
        for (JsonNode task : generated.running()) {
            assertThat(seen.add(detail(task, "privateIPv4Address")))
                    .as("IP %s of %s", detail(task, "privateIPv4Address"), task.get("taskArn"))
                    .isTrue();
        }
        Set<String> eniIps = new HashSet<>();
        for (JsonNode eni : generated.enis.values()) {
            assertThat(eniIps.add(eni.get("PrivateIpAddress").asString())).isTrue();
        }
    }
}
