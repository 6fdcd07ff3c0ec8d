package io.leeward.app.demo;

import static io.leeward.app.demo.GeneratedAccount.detail;
import static io.leeward.app.demo.GeneratedAccount.strings;
import static io.leeward.app.demo.InventoryFiles.allows;
import static io.leeward.app.demo.InventoryFiles.inlineStatements;
import static io.leeward.app.demo.InventoryFiles.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.app.demo.DemoManifest.AccessRisks;
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
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@DisplayName("The demo account's full inventory")
class DemoInventoryTest {
    private static final String ACCOUNT = "123456789012";
    private static final Pattern CLI_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");

    @TempDir
    static Path shared;

    static final Map<Integer, DemoManifest> manifests = new HashMap<>();
    static final Map<Integer, InventoryFiles> files = new HashMap<>();

    @BeforeAll
    static void generate() {
        for (int scale : List.of(1, 5)) {
            DemoManifest manifest = DemoGenerator.builder().scale(scale).build().generate(shared.resolve("s" + scale));
            manifests.put(scale, manifest);
            files.put(scale, new InventoryFiles(new GeneratedAccount(manifest)));
        }
    }

    private static InventoryFiles at(int scale) {
        return files.get(scale);
    }

    private static List<JsonNode> containerDefinitions(GeneratedAccount account) {
        return account.taskDefinitions.values().stream()
                .flatMap(d -> d.get("containerDefinitions").valueStream())
                .toList();
    }

    @Test
    @DisplayName("keeps the plan's counts for seed 42 at scale 1: 22 running of 26 tasks, 36 containers")
    void countsUnchanged() {
        DemoManifest manifest = manifests.get(1);
        assertThat(manifest.count(Kind.RUNNING_TASK)).isEqualTo(22);
        assertThat(manifest.count(Kind.TASK)).isEqualTo(26);
        assertThat(manifest.count(Kind.CONTAINER)).isEqualTo(36);
        assertThat(manifest.count(Kind.IAM_ROLE)).isEqualTo(at(1).roles.size());
        assertThat(manifest.count(Kind.SECRET)).isEqualTo(at(1).secrets.size());
        assertThat(manifest.count(Kind.SSM_PARAMETER))
                .isEqualTo(at(1).parameters.size());
        assertThat(manifest.count(Kind.ECR_REPOSITORY))
                .isEqualTo(at(1).repositories.size());
        assertThat(manifest.count(Kind.S3_BUCKET)).isEqualTo(4);
        assertThat(manifest.count(Kind.KMS_KEY)).isEqualTo(2);
        assertThat(manifest.count(Kind.ROUTE_TABLE)).isEqualTo(3);
        assertThat(manifest.count(Kind.LISTENER_RULE)).isEqualTo(5);
    }

    @Test
    @DisplayName("every timestamp in the inventory files lies before the anchor, except scheduled next rotations")
    void timesBeforeAnchor() {
        GeneratedAccount account = at(1).account;
        Instant anchor = manifests.get(1).options().anchor();
        List<Path> inventoryFiles = new ArrayList<>(account.globalFiles());
        account.files().stream()
                .filter(f -> !f.getFileName().toString().startsWith("ecs-"))
                .forEach(inventoryFiles::add);
        int checked = 0;
        for (Path file : inventoryFiles) {
            if (file.getFileName().toString().startsWith(".")) {
                continue;
            }
            checked += checkTimes(GeneratedAccount.parse(file), null, anchor, file);
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static int checkTimes(JsonNode node, String name, Instant anchor, Path file) {
        int checked = 0;
        if (node.isObject()) {
            for (var entry : node.properties()) {
                checked += checkTimes(entry.getValue(), entry.getKey(), anchor, file);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                checked += checkTimes(element, name, anchor, file);
            }
        } else if (node.isString() && CLI_TIME.matcher(node.asString()).matches()) {
            assertThat(name).as("%s: %s", file.getFileName(), node).isNotNull();
            if (!name.startsWith("Next")) {
                assertThat(Instant.parse(node.asString()))
                        .as("%s %s", file.getFileName(), name)
                        .isBefore(anchor);
            }
            checked++;
        }
        return checked;
    }

    @Test
    @DisplayName("another seed gives other role, key and image ids")
    void otherSeedOtherIds(@TempDir Path dir) throws IOException {
        DemoManifest other = DemoGenerator.builder().seed(43).build().generate(dir);
        InventoryFiles inventory = new InventoryFiles(new GeneratedAccount(other));
        assertThat(other.planted().access().dataKeyArn())
                .isNotEqualTo(manifests.get(1).planted().access().dataKeyArn());
        assertThat(inventory.role("payments-task").get("RoleId").asString())
                .isNotEqualTo(at(1).role("payments-task").get("RoleId").asString());
        assertThat(other.count(Kind.IAM_ROLE)).isEqualTo(manifests.get(1).count(Kind.IAM_ROLE));
    }

    @Nested
    @DisplayName("holds everything the workloads reference, at every scale")
    class References {
        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName(
                "every task and execution role exists, trusted by ECS tasks of this account, with an inline policy")
        void roles(int scale) {
            InventoryFiles inventory = at(scale);
            for (JsonNode definition : inventory.account.taskDefinitions.values()) {
                for (String field : List.of("taskRoleArn", "executionRoleArn")) {
                    JsonNode role = inventory.roles.get(definition.get(field).asString());
                    assertThat(role)
                            .as("%s of %s", field, definition.get("family"))
                            .isNotNull();
                    JsonNode trust = role.get("AssumeRolePolicyDocument")
                            .get("Statement")
                            .get(0);
                    assertThat(trust.get("Principal").get("Service").asString()).isEqualTo("ecs-tasks.amazonaws.com");
                    assertThat(trust.get("Condition")
                                    .get("StringEquals")
                                    .get("aws:SourceAccount")
                                    .asString())
                            .isEqualTo(ACCOUNT);
                    assertThat(role.get("RolePolicyList")).isNotEmpty();
                }
            }
            assertThat(manifests.get(scale).roleArns())
                    .allSatisfy(arn -> assertThat(inventory.roles).containsKey(arn));
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName("every attached policy and permissions boundary is in Policies, with the right counts")
        void managedPolicies(int scale) {
            InventoryFiles inventory = at(scale);
            Map<String, Integer> attached = new HashMap<>();
            Stream.of(inventory.roles.values(), inventory.users.values(), inventory.groups.values())
                    .flatMap(c -> c.stream())
                    .forEach(p -> {
                        p.get("AttachedManagedPolicies")
                                .forEach(a -> attached.merge(a.get("PolicyArn").asString(), 1, Integer::sum));
                        if (p.has("PermissionsBoundary")) {
                            assertThat(inventory.policies)
                                    .containsKey(p.get("PermissionsBoundary")
                                            .get("PermissionsBoundaryArn")
                                            .asString());
                        }
                    });
            assertThat(inventory.policies.keySet()).containsAll(attached.keySet());
            for (JsonNode policy : inventory.policies.values()) {
                String arn = policy.get("Arn").asString();
                assertThat(policy.get("AttachmentCount").asInt()).as(arn).isEqualTo(attached.getOrDefault(arn, 0));
                List<JsonNode> defaults = policy.get("PolicyVersionList")
                        .valueStream()
                        .filter(v -> v.get("IsDefaultVersion").asBoolean())
                        .toList();
                assertThat(defaults).hasSize(1);
                assertThat(defaults.getFirst().get("VersionId").asString())
                        .isEqualTo(policy.get("DefaultVersionId").asString());
                assertThat(policy.get("PolicyVersionList"))
                        .allSatisfy(v ->
                                assertThat(v.get("Document").get("Statement")).isNotEmpty());
            }
            assertThat(inventory.gaad.get("IsTruncated").asBoolean()).isFalse();
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName("every secret and parameter a task definition references exists, under one ARN per secret")
        void secretsAndParameters(int scale) {
            InventoryFiles inventory = at(scale);
            Map<String, Set<String>> arnsByName = new HashMap<>();
            for (JsonNode container : containerDefinitions(inventory.account)) {
                for (JsonNode secret : container.get("secrets")) {
                    String valueFrom = secret.get("valueFrom").asString();
                    if (valueFrom.contains(":secretsmanager:")) {
                        String arn = InventoryPlanner.baseArn(valueFrom);
                        assertThat(inventory.secrets).as(valueFrom).containsKey(arn);
                        String name = inventory.secrets.get(arn).get("Name").asString();
                        arnsByName.computeIfAbsent(name, n -> new HashSet<>()).add(arn);
                    } else {
                        assertThat(inventory.parameters).as(valueFrom).containsKey(valueFrom);
                    }
                }
            }
            assertThat(arnsByName)
                    .isNotEmpty()
                    .allSatisfy((name, arns) -> assertThat(arns).as(name).hasSize(1));
            assertThat(arnsByName).hasSameSizeAs(inventory.secrets);
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName(
                "every KMS key a secret, parameter or bucket names has its describe-key, policy and rotation files")
        void keys(int scale) {
            InventoryFiles inventory = at(scale);
            Set<String> used = new HashSet<>();
            inventory.secrets.values().stream()
                    .filter(s -> s.has("KmsKeyId"))
                    .forEach(s -> used.add(s.get("KmsKeyId").asString()));
            inventory.parameters.values().stream()
                    .filter(p -> p.has("KeyId"))
                    .forEach(p -> used.add(p.get("KeyId").asString()));
            for (String bucket : inventory.buckets.keySet()) {
                JsonNode sse = inventory
                        .bucketFile("get-bucket-encryption", bucket)
                        .get("ServerSideEncryptionConfiguration")
                        .get("Rules")
                        .get(0)
                        .get("ApplyServerSideEncryptionByDefault");
                if (sse.has("KMSMasterKeyID")) {
                    used.add(sse.get("KMSMasterKeyID").asString());
                }
            }
            assertThat(used).isNotEmpty();
            Set<String> aliased = new HashSet<>();
            inventory
                    .account
                    .read("kms-list-aliases.json")
                    .get("Aliases")
                    .forEach(a -> aliased.add(a.get("TargetKeyId").asString()));
            for (String arn : used) {
                assertThat(inventory.key(arn).get("Arn").asString()).isEqualTo(arn);
                assertThat(aliased).contains(inventory.key(arn).get("KeyId").asString());
                assertThat(inventory
                                .keyFile("get-key-policy", arn)
                                .get("PolicyName")
                                .asString())
                        .isEqualTo("default");
                assertThat(inventory
                                .keyFile("get-key-rotation-status", arn)
                                .get("KeyId")
                                .asString())
                        .isEqualTo(arn);
            }
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName(
                "every ECR image and every digest the containers run is an image of its repository, tagged with the version")
        void images(int scale) {
            InventoryFiles inventory = at(scale);
            Set<String> digests = new HashSet<>();
            for (JsonNode container : containerDefinitions(inventory.account)) {
                String image = container.get("image").asString();
                String repository = InventoryPlanner.repositoryOf(image);
                if (repository == null) {
                    continue;
                }
                assertThat(inventory.repositories).as(image).containsKey(repository);
                String tag = image.substring(image.lastIndexOf(':') + 1);
                assertThat(inventory.images(repository))
                        .as(image)
                        .anyMatch(i -> strings(i.get("imageTags")).contains(tag));
            }
            for (String repository : inventory.repositories.keySet()) {
                inventory
                        .images(repository)
                        .forEach(i -> digests.add(i.get("imageDigest").asString()));
            }
            for (JsonNode task : inventory.account.tasks) {
                for (JsonNode container : task.get("containers")) {
                    if (InventoryPlanner.repositoryOf(container.get("image").asString()) != null) {
                        assertThat(digests)
                                .contains(container.get("imageDigest").asString());
                    }
                }
            }
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName("every environment file lives in a listed bucket")
        void environmentFiles(int scale) {
            InventoryFiles inventory = at(scale);
            List<String> files = containerDefinitions(inventory.account).stream()
                    .filter(c -> c.has("environmentFiles"))
                    .flatMap(c -> c.get("environmentFiles").valueStream())
                    .map(f -> f.get("value").asString())
                    .toList();
            assertThat(files).isNotEmpty();
            for (String file : files) {
                String bucket = file.substring("arn:aws:s3:::".length(), file.indexOf('/', "arn:aws:s3:::".length()));
                assertThat(inventory.buckets).containsKey(bucket);
            }
        }
    }

    @Nested
    @DisplayName("is consistent across files")
    class Consistency {
        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName("target health lists exactly the running tasks' IPs on the container port, in their zones")
        void targetHealth(int scale) {
            InventoryFiles inventory = at(scale);
            GeneratedAccount account = inventory.account;
            int unhealthy = 0;
            for (JsonNode service : account.services) {
                if (service.get("loadBalancers").isEmpty()) {
                    continue;
                }
                JsonNode lb = service.get("loadBalancers").get(0);
                JsonNode health =
                        inventory.targetHealth(lb.get("targetGroupArn").asString());
                Map<String, String> zones = new HashMap<>();
                account.tasksOf(service).stream()
                        .filter(t -> t.get("lastStatus").asString().equals("RUNNING"))
                        .forEach(t -> zones.put(
                                detail(t, "privateIPv4Address"),
                                t.get("availabilityZone").asString()));
                assertThat(health.valueStream()
                                .map(h -> h.get("Target").get("Id").asString()))
                        .containsExactlyInAnyOrderElementsOf(zones.keySet());
                for (JsonNode target : health) {
                    assertThat(target.get("Target").get("Port").asInt())
                            .isEqualTo(lb.get("containerPort").asInt());
                    assertThat(target.get("Target").get("AvailabilityZone").asString())
                            .isEqualTo(zones.get(target.get("Target").get("Id").asString()));
                    if (!target.get("TargetHealth").get("State").asString().equals("healthy")) {
                        unhealthy++;
                    }
                }
            }
            assertThat(unhealthy).isEqualTo(1);
            assertThat(manifests.get(scale).count(Kind.TARGET))
                    .isEqualTo(account.services.stream()
                            .filter(s -> !s.get("loadBalancers").isEmpty())
                            .mapToLong(s -> s.get("runningCount").asLong())
                            .sum());
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName("each HTTPS listener's rules reach every target group of its ALB once, the default rule last")
        void listenerRules(int scale) {
            InventoryFiles inventory = at(scale);
            JsonNode listeners =
                    inventory.account.read("elbv2-describe-listeners.json").get("Listeners");
            for (JsonNode lb :
                    inventory.account.read("elbv2-describe-load-balancers.json").get("LoadBalancers")) {
                String lbArn = lb.get("LoadBalancerArn").asString();
                List<JsonNode> rules = inventory
                        .account
                        .read("elbv2-describe-rules-"
                                + lb.get("LoadBalancerName").asString() + ".json")
                        .get("Rules")
                        .valueStream()
                        .toList();
                assertThat(rules.getLast().get("IsDefault").asBoolean()).isTrue();
                assertThat(rules.getLast().get("Priority").asString()).isEqualTo("default");
                String https = listeners
                        .valueStream()
                        .filter(l -> l.get("LoadBalancerArn").asString().equals(lbArn)
                                && l.get("Port").asInt() == 443)
                        .findFirst()
                        .orElseThrow()
                        .get("ListenerArn")
                        .asString();
                List<String> forwarded = new ArrayList<>();
                for (JsonNode rule : rules) {
                    assertThat(rule.get("RuleArn").asString())
                            .startsWith(https.replace(":listener/", ":listener-rule/") + "/");
                    forwarded.add(
                            rule.get("Actions").get(0).get("TargetGroupArn").asString());
                }
                List<String> groups = inventory.targetGroups.values().stream()
                        .filter(g -> strings(g.get("LoadBalancerArns")).contains(lbArn))
                        .map(g -> g.get("TargetGroupArn").asString())
                        .toList();
                assertThat(forwarded).containsExactlyInAnyOrderElementsOf(groups);
            }
        }

        @ParameterizedTest(name = "scale {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName(
                "route tables and the default NACL cover every subnet; public ones reach the IGW, private ones the NAT")
        void routing(int scale) {
            InventoryFiles inventory = at(scale);
            GeneratedAccount account = inventory.account;
            Map<String, JsonNode> tableOf = new HashMap<>();
            JsonNode tables = account.read("ec2-describe-route-tables.json").get("RouteTables");
            for (JsonNode table : tables) {
                for (JsonNode association : table.get("Associations")) {
                    if (association.has("SubnetId")) {
                        assertThat(tableOf.put(association.get("SubnetId").asString(), table))
                                .isNull();
                    }
                }
            }
            assertThat(tableOf.keySet()).containsExactlyInAnyOrderElementsOf(account.subnets.keySet());
            Set<String> igws = new HashSet<>();
            account.read("ec2-describe-internet-gateways.json")
                    .get("InternetGateways")
                    .forEach(g -> igws.add(g.get("InternetGatewayId").asString()));
            Map<String, JsonNode> nats = new HashMap<>();
            account.read("ec2-describe-nat-gateways.json")
                    .get("NatGateways")
                    .forEach(n -> nats.put(n.get("NatGatewayId").asString(), n));
            for (JsonNode subnet : account.subnets.values()) {
                JsonNode table = tableOf.get(subnet.get("SubnetId").asString());
                assertThat(table.get("VpcId").asString())
                        .isEqualTo(subnet.get("VpcId").asString());
                JsonNode defaultRoute = table.get("Routes")
                        .valueStream()
                        .filter(r -> r.path("DestinationCidrBlock").asString("").equals("0.0.0.0/0"))
                        .findFirst()
                        .orElseThrow();
                if (subnet.get("MapPublicIpOnLaunch").asBoolean()) {
                    assertThat(igws).contains(defaultRoute.get("GatewayId").asString());
                } else {
                    JsonNode nat = nats.get(defaultRoute.get("NatGatewayId").asString());
                    assertThat(nat.get("VpcId").asString())
                            .isEqualTo(subnet.get("VpcId").asString());
                }
            }
            assertThat(tables.valueStream()
                            .filter(t -> t.get("Associations")
                                    .valueStream()
                                    .anyMatch(a -> a.get("Main").asBoolean())))
                    .hasSize(account.vpcs.size());
            for (JsonNode nat : nats.values()) {
                JsonNode address = nat.get("NatGatewayAddresses").get(0);
                JsonNode eni =
                        account.enis.get(address.get("NetworkInterfaceId").asString());
                assertThat(eni.get("InterfaceType").asString()).isEqualTo("nat_gateway");
                assertThat(eni.get("PrivateIpAddress").asString())
                        .isEqualTo(address.get("PrivateIp").asString());
                assertThat(eni.get("Association").get("PublicIp").asString())
                        .isEqualTo(address.get("PublicIp").asString());
                assertThat(eni.get("Association").get("AllocationId").asString())
                        .isEqualTo(address.get("AllocationId").asString());
                assertThat(eni.get("Description").asString())
                        .endsWith(nat.get("NatGatewayId").asString());
            }
            List<String> aclSubnets = account.read("ec2-describe-network-acls.json")
                    .get("NetworkAcls")
                    .valueStream()
                    .flatMap(a -> a.get("Associations").valueStream())
                    .map(a -> a.get("SubnetId").asString())
                    .toList();
            assertThat(aclSubnets).containsExactlyInAnyOrderElementsOf(account.subnets.keySet());
        }

        @Test
        @DisplayName("no new file holds a planted plain-text secret value")
        void noSecretValues() throws IOException {
            GeneratedAccount account = at(1).account;
            List<String> values = new ArrayList<>();
            for (DemoManifest.EnvVarRef ref : manifests.get(1).planted().plaintextSecrets()) {
                account.taskDefinitions
                        .get(ref.taskDefinitionArn())
                        .get("containerDefinitions")
                        .forEach(c -> c.get("environment").forEach(e -> {
                            if (e.get("name").asString().equals(ref.name())) {
                                values.add(e.get("value").asString());
                            }
                        }));
            }
            assertThat(values).hasSize(3);
            List<Path> inventoryFiles = new ArrayList<>(account.globalFiles());
            account.files().stream()
                    .filter(f -> !f.getFileName().toString().startsWith("ecs-"))
                    .forEach(inventoryFiles::add);
            for (Path file : inventoryFiles) {
                assertThat(Files.readString(file)).as("%s", file).doesNotContain(values);
            }
        }
    }

    @Nested
    @DisplayName("plants the access risks the manifest names")
    class Planted {
        private final InventoryFiles inventory = at(1);
        private final AccessRisks planted = manifests.get(1).planted().access();

        @Test
        @DisplayName("orders-worker's task role may pass any role and register and run task definitions")
        void passRoleEscalation() {
            List<JsonNode> statements =
                    inlineStatements(inventory.roles.get(planted.passRoleEscalationRoleArn()), "RolePolicyList");
            assertThat(planted.passRoleEscalationRoleArn()).endsWith(":role/orders-worker-task");
            assertThat(allows(statements, "*", "iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"))
                    .isTrue();
        }

        @Test
        @DisplayName("legacy-reports' task role may rewrite any managed policy and assume any role")
        void policyVersionEscalation() {
            List<JsonNode> statements =
                    inlineStatements(inventory.roles.get(planted.policyVersionEscalationRoleArn()), "RolePolicyList");
            assertThat(allows(
                            statements,
                            "*",
                            "iam:CreatePolicyVersion",
                            "iam:SetDefaultPolicyVersion",
                            "sts:AssumeRole"))
                    .isTrue();
        }

        @Test
        @DisplayName("the internet-facing root container's task role has s3:* on *")
        void s3Wildcard() {
            assertThat(planted.s3WildcardRoleArn()).endsWith(":role/marketing-cms-task");
            assertThat(allows(
                            inlineStatements(inventory.roles.get(planted.s3WildcardRoleArn()), "RolePolicyList"),
                            "*",
                            "s3:*"))
                    .isTrue();
        }

        @Test
        @DisplayName("no task role outside the first stack has a wildcard action or PassRole on *")
        void otherStacksHardened() {
            for (JsonNode role : at(5).roles.values()) {
                String name = role.get("RoleName").asString();
                if (!name.startsWith("shop-") && !name.startsWith("media-") && !name.startsWith("billing-")) {
                    continue;
                }
                for (JsonNode statement : inlineStatements(role, "RolePolicyList")) {
                    assertThat(values(statement.get("Action")))
                            .as(name)
                            .noneMatch(a -> a.endsWith(":*") || a.startsWith("iam:") || a.startsWith("sts:"));
                }
            }
        }

        @Test
        @DisplayName("the planted task roles have no permissions boundary; the other task roles have workload-boundary")
        void boundaries() {
            List<String> plantedRoles = List.of(
                    planted.passRoleEscalationRoleArn(),
                    planted.policyVersionEscalationRoleArn(),
                    planted.s3WildcardRoleArn());
            String boundary = "arn:aws:iam::" + ACCOUNT + ":policy/workload-boundary";
            for (JsonNode definition : inventory.account.taskDefinitions.values()) {
                String arn = definition.get("taskRoleArn").asString();
                JsonNode role = inventory.roles.get(arn);
                if (plantedRoles.contains(arn)) {
                    assertThat(role.has("PermissionsBoundary")).as(arn).isFalse();
                } else {
                    assertThat(role.get("PermissionsBoundary")
                                    .get("PermissionsBoundaryArn")
                                    .asString())
                            .as(arn)
                            .isEqualTo(boundary);
                }
            }
            assertThat(inventory
                            .policies
                            .get(boundary)
                            .get("PermissionsBoundaryUsageCount")
                            .asInt())
                    .isEqualTo(7);
        }

        @Test
        @DisplayName("break-glass-admin has AdministratorAccess and trusts the account root without MFA")
        void breakGlass() {
            JsonNode role = inventory.roles.get(planted.rootTrustedAdminRoleArn());
            JsonNode trust =
                    role.get("AssumeRolePolicyDocument").get("Statement").get(0);
            assertThat(trust.get("Principal").get("AWS").asString()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
            assertThat(trust.has("Condition")).isFalse();
            assertThat(role.get("AttachedManagedPolicies")
                            .get(0)
                            .get("PolicyArn")
                            .asString())
                    .isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        }

        @Test
        @DisplayName("ci-deploy trusts GitHub's OIDC provider for one repository and uses prod-deploy v2 of two")
        void ciDeploy() {
            JsonNode role = inventory.roles.get(planted.oidcDeployRoleArn());
            JsonNode trust =
                    role.get("AssumeRolePolicyDocument").get("Statement").get(0);
            assertThat(trust.get("Principal").get("Federated").asString())
                    .isEqualTo("arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com");
            assertThat(trust.get("Action").asString()).isEqualTo("sts:AssumeRoleWithWebIdentity");
            assertThat(trust.get("Condition")
                            .get("StringLike")
                            .get("token.actions.githubusercontent.com:sub")
                            .asString())
                    .startsWith("repo:");
            JsonNode policy = inventory.policies.get("arn:aws:iam::" + ACCOUNT + ":policy/prod-deploy");
            assertThat(policy.get("DefaultVersionId").asString()).isEqualTo("v2");
            assertThat(policy.get("PolicyVersionList")
                            .valueStream()
                            .map(v -> v.get("VersionId").asString()))
                    .containsExactlyInAnyOrder("v1", "v2");
        }

        @Test
        @DisplayName("vendor-audit trusts another account with an external id and has SecurityAudit")
        void vendorAudit() {
            JsonNode role = inventory.roles.get(planted.externalIdRoleArn());
            JsonNode trust =
                    role.get("AssumeRolePolicyDocument").get("Statement").get(0);
            assertThat(trust.get("Principal").get("AWS").asString()).doesNotContain(ACCOUNT);
            assertThat(trust.get("Condition").get("StringEquals").has("sts:ExternalId"))
                    .isTrue();
            assertThat(role.get("AttachedManagedPolicies")
                            .get(0)
                            .get("PolicyName")
                            .asString())
                    .isEqualTo("SecurityAudit");
        }

        @Test
        @DisplayName("alice is an admin through her group; bob reads only, within a boundary, with an inline policy")
        void users() {
            assertThat(strings(inventory.users.get("alice").get("GroupList"))).containsExactly("admins");
            assertThat(inventory
                            .groups
                            .get("admins")
                            .get("AttachedManagedPolicies")
                            .get(0)
                            .get("PolicyName")
                            .asString())
                    .isEqualTo("AdministratorAccess");
            JsonNode bob = inventory.users.get("bob");
            assertThat(strings(bob.get("GroupList"))).containsExactly("developers");
            assertThat(inventory
                            .groups
                            .get("developers")
                            .get("AttachedManagedPolicies")
                            .get(0)
                            .get("PolicyName")
                            .asString())
                    .isEqualTo("ReadOnlyAccess");
            assertThat(bob.get("PermissionsBoundary")
                            .get("PermissionsBoundaryArn")
                            .asString())
                    .isEqualTo("arn:aws:iam::" + ACCOUNT + ":policy/developer-boundary");
            assertThat(bob.get("UserPolicyList")).hasSize(1);
            for (String name : List.of("AdministratorAccess", "ReadOnlyAccess", "SecurityAudit")) {
                assertThat(inventory.policies).containsKey("arn:aws:iam::aws:policy/" + name);
            }
            assertThat(inventory
                            .policies
                            .get("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
                            .get("Path")
                            .asString())
                    .isEqualTo("/service-role/");
        }

        @Test
        @DisplayName("payments reads the sensitive bucket, its own secrets and decrypts with the data key")
        void paymentsReadsCrownJewels() {
            List<JsonNode> statements =
                    inlineStatements(inventory.roles.get(planted.sensitiveBucketReaderRoleArn()), "RolePolicyList");
            String bucket = "arn:aws:s3:::" + planted.sensitiveBucket();
            assertThat(allows(statements, bucket + "/*", "s3:GetObject")).isTrue();
            assertThat(allows(statements, planted.dataKeyArn(), "kms:Decrypt")).isTrue();
            List<String> paymentsSecrets = inventory.secrets.values().stream()
                    .filter(s -> s.get("Name").asString().startsWith("prod/payments/"))
                    .map(s -> s.get("ARN").asString())
                    .toList();
            assertThat(paymentsSecrets).hasSize(2);
            for (String secret : paymentsSecrets) {
                assertThat(allows(statements, secret, "secretsmanager:GetSecretValue"))
                        .isTrue();
                assertThat(inventory.secrets.get(secret).get("KmsKeyId").asString())
                        .isEqualTo(planted.dataKeyArn());
            }
        }

        @Test
        @DisplayName("the sensitive bucket is restricted, SSE-KMS with the data key, versioned, blocked and TLS-only")
        void sensitiveBucket() {
            String bucket = planted.sensitiveBucket();
            assertThat(inventory
                            .bucketFile("get-bucket-tagging", bucket)
                            .get("TagSet")
                            .valueStream())
                    .anyMatch(t -> t.get("Key").asString().equals("data-classification")
                            && t.get("Value").asString().equals("restricted"));
            JsonNode sse = inventory
                    .bucketFile("get-bucket-encryption", bucket)
                    .get("ServerSideEncryptionConfiguration")
                    .get("Rules")
                    .get(0)
                    .get("ApplyServerSideEncryptionByDefault");
            assertThat(sse.get("SSEAlgorithm").asString()).isEqualTo("aws:kms");
            assertThat(sse.get("KMSMasterKeyID").asString()).isEqualTo(planted.dataKeyArn());
            assertThat(inventory
                            .bucketFile("get-bucket-versioning", bucket)
                            .get("Status")
                            .asString())
                    .isEqualTo("Enabled");
            assertThat(inventory
                            .bucketFile("get-public-access-block", bucket)
                            .get("PublicAccessBlockConfiguration")
                            .properties())
                    .allSatisfy(e -> assertThat(e.getValue().asBoolean()).isTrue());
            JsonNode policy = InventoryFiles.parseString(inventory
                    .bucketFile("get-bucket-policy", bucket)
                    .get("Policy")
                    .asString());
            JsonNode deny = policy.get("Statement").get(0);
            assertThat(deny.get("Effect").asString()).isEqualTo("Deny");
            assertThat(deny.get("Condition")
                            .get("Bool")
                            .get("aws:SecureTransport")
                            .asString())
                    .isEqualTo("false");
        }

        @Test
        @DisplayName("the public bucket allows s3:GetObject to anyone, with no public access block in the way")
        void publicBucket() {
            String bucket = planted.publicBucket();
            JsonNode policy = InventoryFiles.parseString(inventory
                    .bucketFile("get-bucket-policy", bucket)
                    .get("Policy")
                    .asString());
            JsonNode statement = policy.get("Statement").get(0);
            assertThat(statement.get("Principal").asString()).isEqualTo("*");
            assertThat(statement.get("Action").asString()).isEqualTo("s3:GetObject");
            assertThat(inventory
                            .bucketFile("get-public-access-block", bucket)
                            .get("PublicAccessBlockConfiguration")
                            .properties())
                    .allSatisfy(e -> assertThat(e.getValue().asBoolean()).isFalse());
            assertThat(inventory
                            .account
                            .readGlobal("s3control-get-public-access-block.json")
                            .get("PublicAccessBlockConfiguration")
                            .get("BlockPublicPolicy")
                            .asBoolean())
                    .isFalse();
            assertThat(inventory.hasBucketFile("get-bucket-policy", AccountPlanner.configBucket(ACCOUNT)))
                    .as("a bucket without a policy has no get-bucket-policy file (NoSuchBucketPolicy)")
                    .isFalse();
        }

        @Test
        @DisplayName(
                "the open key's policy allows AWS * without a condition and it does not rotate; the data key rotates")
        void keys() {
            JsonNode open = InventoryFiles.parseString(inventory
                    .keyFile("get-key-policy", planted.openKeyArn())
                    .get("Policy")
                    .asString());
            assertThat(open.get("Statement").valueStream())
                    .anyMatch(s -> s.path("Principal").path("AWS").asString("").equals("*") && !s.has("Condition"));
            assertThat(inventory
                            .keyFile("get-key-rotation-status", planted.openKeyArn())
                            .get("KeyRotationEnabled")
                            .asBoolean())
                    .isFalse();
            JsonNode data = InventoryFiles.parseString(inventory
                    .keyFile("get-key-policy", planted.dataKeyArn())
                    .get("Policy")
                    .asString());
            assertThat(data.get("Statement").valueStream())
                    .noneMatch(s -> s.path("Principal").path("AWS").asString("").equals("*") && !s.has("Condition"));
            assertThat(inventory
                            .keyFile("get-key-rotation-status", planted.dataKeyArn())
                            .get("KeyRotationEnabled")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        @DisplayName("exactly one secret does not rotate")
        void unrotatedSecret() {
            assertThat(inventory.secrets.values().stream()
                            .filter(s -> !s.get("RotationEnabled").asBoolean())
                            .map(s -> s.get("ARN").asString()))
                    .containsExactly(planted.unrotatedSecretArn());
            assertThat(inventory
                            .account
                            .read("secretsmanager-get-resource-policy_prod%2Fpayments%2Fpsp.json")
                            .get("Name")
                            .asString())
                    .isEqualTo("prod/payments/psp");
        }

        @Test
        @DisplayName("one repository has mutable tags and no scan on push; another may be pulled by a partner account")
        void repositories() {
            List<JsonNode> mutable = inventory.repositories.values().stream()
                    .filter(r -> r.get("imageTagMutability").asString().equals("MUTABLE")
                            || !r.get("imageScanningConfiguration")
                                    .get("scanOnPush")
                                    .asBoolean())
                    .toList();
            assertThat(mutable)
                    .extracting(r -> r.get("repositoryArn").asString())
                    .containsExactly(planted.unscannedRepositoryArn());
            String name = mutable.getFirst().get("repositoryName").asString();
            assertThat(inventory.images(name))
                    .allSatisfy(i -> assertThat(i.has("imageScanStatus")).isFalse());
            String shared = planted.crossAccountRepositoryArn()
                    .substring(planted.crossAccountRepositoryArn().indexOf('/') + 1);
            JsonNode policy = InventoryFiles.parseString(inventory
                    .account
                    .read("ecr-get-repository-policy-" + shared + ".json")
                    .get("policyText")
                    .asString());
            assertThat(policy.get("Statement")
                            .get(0)
                            .get("Principal")
                            .get("AWS")
                            .asString())
                    .isEqualTo("arn:aws:iam::" + InventoryPlanner.PARTNER_ACCOUNT + ":root");
        }
    }
}
