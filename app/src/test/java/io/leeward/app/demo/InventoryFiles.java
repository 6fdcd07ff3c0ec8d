package io.leeward.app.demo;

import static io.leeward.app.demo.GeneratedAccount.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The IAM, S3, KMS, Secrets Manager, SSM, ECR, routing and ELBv2 rule files of an account, indexed for tests. */
final class InventoryFiles {
    final GeneratedAccount account;
    final JsonNode gaad;
    final Map<String, JsonNode> roles = new LinkedHashMap<>();
    final Map<String, JsonNode> users = new LinkedHashMap<>();
    final Map<String, JsonNode> groups = new LinkedHashMap<>();
    final Map<String, JsonNode> policies = new LinkedHashMap<>();
    final Map<String, JsonNode> secrets = new LinkedHashMap<>();
    final Map<String, JsonNode> parameters = new LinkedHashMap<>();
    final Map<String, JsonNode> repositories = new LinkedHashMap<>();
    final Map<String, JsonNode> buckets = new LinkedHashMap<>();
    final Map<String, JsonNode> targetGroups = new LinkedHashMap<>();

    InventoryFiles(GeneratedAccount account) {
        this.account = account;
        this.gaad = account.readGlobal("iam-get-account-authorization-details.json");
        gaad.get("RoleDetailList").forEach(r -> roles.put(r.get("Arn").asString(), r));
        gaad.get("UserDetailList").forEach(u -> users.put(u.get("UserName").asString(), u));
        gaad.get("GroupDetailList").forEach(g -> groups.put(g.get("GroupName").asString(), g));
        gaad.get("Policies").forEach(p -> policies.put(p.get("Arn").asString(), p));
        account.read("secretsmanager-list-secrets.json")
                .get("SecretList")
                .forEach(s -> secrets.put(s.get("ARN").asString(), s));
        account.read("ssm-describe-parameters.json")
                .get("Parameters")
                .forEach(p -> parameters.put(p.get("ARN").asString(), p));
        account.read("ecr-describe-repositories.json")
                .get("repositories")
                .forEach(r -> repositories.put(r.get("repositoryName").asString(), r));
        account.readGlobal("s3api-list-buckets.json")
                .get("Buckets")
                .forEach(b -> buckets.put(b.get("Name").asString(), b));
        account.read("elbv2-describe-target-groups.json")
                .get("TargetGroups")
                .forEach(g -> targetGroups.put(g.get("TargetGroupArn").asString(), g));
    }

    JsonNode role(String name) {
        return roles.values().stream()
                .filter(r -> r.get("RoleName").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no role " + name));
    }

    /** The key's describe-key metadata, by key ARN. */
    JsonNode key(String arn) {
        Path file = account.dir.resolve("kms-describe-key_" + arn.substring(arn.lastIndexOf('/') + 1) + ".json");
        if (!Files.exists(file)) {
            throw new AssertionError("no describe-key file for " + arn);
        }
        return GeneratedAccount.parse(file).get("KeyMetadata");
    }

    JsonNode keyFile(String operation, String arn) {
        return account.read("kms-" + operation + "_" + arn.substring(arn.lastIndexOf('/') + 1) + ".json");
    }

    List<JsonNode> images(String repository) {
        return account.read("ecr-describe-images-" + repository.replace("/", "%2F") + ".json")
                .get("imageDetails")
                .valueStream()
                .toList();
    }

    JsonNode bucketFile(String operation, String bucket) {
        return account.readGlobal("s3api-" + operation + "_" + bucket + ".json");
    }

    boolean hasBucketFile(String operation, String bucket) {
        return Files.exists(account.globalDir.resolve("s3api-" + operation + "_" + bucket + ".json"));
    }

    JsonNode targetHealth(String targetGroupArn) {
        String name = targetGroups.get(targetGroupArn).get("TargetGroupName").asString();
        return account.read("elbv2-describe-target-health_" + name + "_"
                        + targetGroupArn.substring(targetGroupArn.lastIndexOf('/') + 1) + ".json")
                .get("TargetHealthDescriptions");
    }

    /** Every statement of a role's inline policies. */
    static List<JsonNode> inlineStatements(JsonNode principal, String listName) {
        return principal
                .get(listName)
                .valueStream()
                .flatMap(p -> p.get("PolicyDocument").get("Statement").valueStream())
                .toList();
    }

    /** A string-or-array member as a list. */
    static List<String> values(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? strings(node) : List.of(node.asString());
    }

    /** Statements allowing all of {@code actions} on {@code resource}. */
    static boolean allows(List<JsonNode> statements, String resource, String... actions) {
        for (String action : actions) {
            boolean found = statements.stream()
                    .anyMatch(s -> s.get("Effect").asString().equals("Allow")
                            && values(s.get("Action")).contains(action)
                            && values(s.get("Resource")).contains(resource));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static JsonNode parseString(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    }
}
