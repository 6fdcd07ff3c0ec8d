package io.leeward.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated files of one account and region, read back as JSON trees and indexed for tests. */
final class GeneratedAccount {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path dir;
    final Path globalDir;
    final List<JsonNode> clusters = new ArrayList<>();
    final List<JsonNode> services = new ArrayList<>();
    final List<JsonNode> tasks = new ArrayList<>();
    final Map<String, JsonNode> taskDefinitions = new LinkedHashMap<>();
    final Map<String, JsonNode> vpcs = new LinkedHashMap<>();
    final Map<String, JsonNode> subnets = new LinkedHashMap<>();
    final Map<String, JsonNode> groups = new LinkedHashMap<>();
    final Map<String, JsonNode> enis = new LinkedHashMap<>();

    GeneratedAccount(DemoManifest manifest) {
        this.dir = manifest.regionDirectory();
        this.globalDir = manifest.globalDirectory();
        read("ecs-describe-clusters.json").get("clusters").forEach(clusters::add);
        for (JsonNode cluster : clusters) {
            String name = cluster.get("clusterName").asString();
            read("ecs-describe-services-" + name + ".json").get("services").forEach(services::add);
            read("ecs-describe-tasks-" + name + ".json").get("tasks").forEach(tasks::add);
        }
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.startsWith("ecs-describe-task-definition-")) {
                JsonNode definition = read(name).get("taskDefinition");
                taskDefinitions.put(definition.get("taskDefinitionArn").asString(), definition);
            }
        }
        index(read("ec2-describe-vpcs.json").get("Vpcs"), "VpcId", vpcs);
        index(read("ec2-describe-subnets.json").get("Subnets"), "SubnetId", subnets);
        index(read("ec2-describe-security-groups.json").get("SecurityGroups"), "GroupId", groups);
        index(read("ec2-describe-network-interfaces.json").get("NetworkInterfaces"), "NetworkInterfaceId", enis);
    }

    static JsonNode parse(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new AssertionError(file + " does not parse: " + e.getMessage(), e);
        }
    }

    JsonNode read(String name) {
        return parse(dir.resolve(name));
    }

    JsonNode readGlobal(String name) {
        return parse(globalDir.resolve(name));
    }

    List<Path> globalFiles() {
        return list(globalDir);
    }

    List<Path> files() {
        return list(dir);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> running() {
        return tasks.stream()
                .filter(t -> t.get("lastStatus").asString().equals("RUNNING"))
                .toList();
    }

    List<JsonNode> stopped() {
        return tasks.stream()
                .filter(t -> t.get("lastStatus").asString().equals("STOPPED"))
                .toList();
    }

    JsonNode service(String arn) {
        return services.stream()
                .filter(s -> s.get("serviceArn").asString().equals(arn))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service " + arn));
    }

    JsonNode task(String arn) {
        return tasks.stream()
                .filter(t -> t.get("taskArn").asString().equals(arn))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task " + arn));
    }

    List<JsonNode> tasksOf(JsonNode service) {
        String group = "service:" + service.get("serviceName").asString();
        String cluster = service.get("clusterArn").asString();
        return tasks.stream()
                .filter(t -> t.get("group").asString().equals(group)
                        && t.get("clusterArn").asString().equals(cluster))
                .toList();
    }

    /** The value of an ENI attachment detail of a task ({@code subnetId}, {@code privateIPv4Address} …). */
    static String detail(JsonNode task, String name) {
        for (JsonNode detail : task.get("attachments").get(0).get("details")) {
            if (detail.get("name").asString().equals(name)) {
                return detail.get("value").asString();
            }
        }
        throw new AssertionError("task " + task.get("taskArn") + " has no attachment detail " + name);
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static void index(JsonNode array, String key, Map<String, JsonNode> into) {
        for (JsonNode node : array) {
            JsonNode previous = into.put(node.get(key).asString(), node);
            if (previous != null) {
                throw new AssertionError("duplicate " + key + " " + node.get(key));
            }
        }
    }
}
