package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Cluster;
import io.leeward.app.demo.AccountPlan.ContainerDef;
import io.leeward.app.demo.AccountPlan.ContainerRun;
import io.leeward.app.demo.AccountPlan.Service;
import io.leeward.app.demo.AccountPlan.Task;
import io.leeward.app.demo.AccountPlan.TaskDefinition;
import io.leeward.app.demo.CliJson.NameValue;
import io.leeward.app.demo.ServiceCatalog.Stop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ECS files, shaped as AWS CLI v2 prints {@code describe-clusters --include
 * SETTINGS,STATISTICS,TAGS}, {@code describe-services --include TAGS}, {@code describe-tasks
 * --include TAGS} and {@code describe-task-definition --include TAGS} for Fargate workloads (member
 * order as the API reference examples and real responses have it).
 */
final class EcsDocuments {
    private final String region;
    private final String account;

    EcsDocuments(String region, String account) {
        this.region = region;
        this.account = account;
    }

    void clusters(Path file, List<Cluster> clusters) {
        try (CliJson json = CliJson.open(file)) {
            json.array("clusters");
            for (Cluster cluster : clusters) {
                cluster(json, cluster);
            }
            json.end().emptyArray("failures");
        }
    }

    private static void cluster(CliJson json, Cluster cluster) {
        long running = cluster.runningTasks();
        int services = cluster.services().size();
        json.object()
                .field("clusterArn", cluster.arn())
                .field("clusterName", cluster.name())
                .field("status", "ACTIVE")
                .field("registeredContainerInstancesCount", 0)
                .field("runningTasksCount", running)
                .field("pendingTasksCount", 0)
                .field("activeServicesCount", services)
                .nameValues(
                        "statistics",
                        List.of(
                                new NameValue("runningEC2TasksCount", "0"),
                                new NameValue("runningFargateTasksCount", Long.toString(running)),
                                new NameValue("pendingEC2TasksCount", "0"),
                                new NameValue("pendingFargateTasksCount", "0"),
                                new NameValue("activeEC2ServiceCount", "0"),
                                new NameValue("activeFargateServiceCount", Integer.toString(services)),
                                new NameValue("drainingEC2ServiceCount", "0"),
                                new NameValue("drainingFargateServiceCount", "0")))
                .pairs("tags", "key", "value", cluster.tags())
                .nameValues("settings", List.of(new NameValue("containerInsights", "enabled")))
                .strings("capacityProviders", List.of("FARGATE", "FARGATE_SPOT"))
                .emptyArray("defaultCapacityProviderStrategy")
                .end();
    }

    void services(Path file, Cluster cluster) {
        try (CliJson json = CliJson.open(file)) {
            json.array("services");
            for (Service service : cluster.services()) {
                service(json, service);
            }
            json.end().emptyArray("failures");
        }
    }

    private void service(CliJson json, Service service) {
        long running = service.runningCount();
        json.object()
                .field("serviceArn", service.arn())
                .field("serviceName", service.name())
                .field("clusterArn", service.clusterArn())
                .array("loadBalancers");
        if (service.targetGroupArn() != null) {
            json.object()
                    .field("targetGroupArn", service.targetGroupArn())
                    .field("containerName", service.spec().name())
                    .field("containerPort", service.spec().port())
                    .end();
        }
        json.end()
                .emptyArray("serviceRegistries")
                .field("status", "ACTIVE")
                .field("desiredCount", running)
                .field("runningCount", running)
                .field("pendingCount", 0)
                .field("launchType", "FARGATE")
                .field("platformVersion", "LATEST")
                .field("platformFamily", "Linux")
                .field("taskDefinition", service.current().arn())
                .object("deploymentConfiguration")
                .object("deploymentCircuitBreaker")
                .field("enable", true)
                .field("rollback", true)
                .end()
                .field("maximumPercent", 200)
                .field("minimumHealthyPercent", 100)
                .end()
                .array("deployments");
        deployment(json, service, running);
        json.end()
                .field(
                        "roleArn",
                        "arn:aws:iam::" + account + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS")
                .array("events")
                .object()
                .field("id", service.eventId())
                .time("createdAt", service.deployedAt().plusSeconds(600))
                .field("message", "(service " + service.name() + ") has reached a steady state.")
                .end()
                .end()
                .time("createdAt", service.createdAt())
                .emptyArray("placementConstraints")
                .emptyArray("placementStrategy");
        networkConfiguration(json, service);
        if (service.targetGroupArn() != null) {
            json.field("healthCheckGracePeriodSeconds", 60);
        }
        json.field("schedulingStrategy", "REPLICA")
                .object("deploymentController")
                .field("type", "ECS")
                .end()
                .pairs("tags", "key", "value", service.tags())
                .field("createdBy", "arn:aws:iam::" + account + ":role/ci-deploy")
                .field("enableECSManagedTags", true)
                .field("propagateTags", "SERVICE")
                .field("enableExecuteCommand", service.executeCommand())
                .field("availabilityZoneRebalancing", "ENABLED")
                .end();
    }

    private void deployment(CliJson json, Service service, long running) {
        json.object()
                .field("id", service.deploymentId())
                .field("status", "PRIMARY")
                .field("taskDefinition", service.current().arn())
                .field("desiredCount", running)
                .field("pendingCount", 0)
                .field("runningCount", running)
                .field("failedTasks", 0)
                .time("createdAt", service.deployedAt())
                .time("updatedAt", service.deployedAt().plusSeconds(540))
                .field("launchType", "FARGATE")
                .field("platformVersion", "1.4.0")
                .field("platformFamily", "Linux");
        networkConfiguration(json, service);
        json.field("rolloutState", "COMPLETED")
                .field("rolloutStateReason", "ECS deployment " + service.deploymentId() + " completed.")
                .end();
    }

    private static void networkConfiguration(CliJson json, Service service) {
        json.object("networkConfiguration")
                .object("awsvpcConfiguration")
                .strings("subnets", service.subnetIds())
                .strings("securityGroups", service.securityGroupIds())
                .field("assignPublicIp", service.publicIp() ? "ENABLED" : "DISABLED")
                .end()
                .end();
    }

    void tasks(Path file, Cluster cluster) {
        try (CliJson json = CliJson.open(file)) {
            json.array("tasks");
            for (Service service : cluster.services()) {
                for (Task task : service.tasks()) {
                    task(json, task, service.deploymentId());
                }
            }
            json.end().emptyArray("failures");
        }
    }

    private void task(CliJson json, Task task, String deploymentId) {
        String status = task.running() ? "RUNNING" : "STOPPED";
        TaskDefinition definition = task.taskDefinition();
        json.object()
                .array("attachments")
                .object()
                .field("id", task.attachmentId())
                .field("type", "ElasticNetworkInterface")
                .field("status", task.running() ? "ATTACHED" : "DELETED")
                .nameValues(
                        "details",
                        List.of(
                                new NameValue("subnetId", task.subnet().id()),
                                new NameValue("networkInterfaceId", task.eniId()),
                                new NameValue("macAddress", task.mac()),
                                new NameValue("privateDnsName", Ec2Documents.privateDnsName(task.privateIp(), region)),
                                new NameValue("privateIPv4Address", task.privateIp())))
                .end()
                .end()
                .nameValues("attributes", List.of(new NameValue("ecs.cpu-architecture", "x86_64")))
                .field("availabilityZone", task.subnet().az())
                .field("clusterArn", task.clusterArn())
                .field("connectivity", "CONNECTED")
                .time("connectivityAt", task.createdAt().plusMillis(3_117))
                .array("containers");
        for (ContainerRun container : task.containers()) {
            container(json, task, container);
        }
        json.end()
                .field("cpu", Integer.toString(definition.cpu()))
                .time("createdAt", task.createdAt())
                .field("desiredStatus", status)
                .field("enableExecuteCommand", task.executeCommand());
        if (!task.running()) {
            // A stop ordered by the scheduler is "stopping" before execution stops; an exited
            // essential container stops execution first.
            boolean exited = task.stop() == Stop.CONTAINER_EXITED;
            json.time("executionStoppedAt", task.stoppedAt().minusMillis(exited ? 32_735 : 1_204));
        }
        json.field("group", "service:" + task.serviceName())
                .field("healthStatus", healthStatus(task))
                .field("lastStatus", status)
                .field("launchType", "FARGATE")
                .field("memory", Integer.toString(definition.memory()))
                .object("overrides")
                .array("containerOverrides");
        for (ContainerRun container : task.containers()) {
            json.object().field("name", container.definition().name()).end();
        }
        json.end()
                .emptyArray("inferenceAcceleratorOverrides")
                .end()
                .field("platformVersion", "1.4.0")
                .field("platformFamily", "Linux")
                .time("pullStartedAt", task.createdAt().plusMillis(5_246))
                .time("pullStoppedAt", task.startedAt().minusMillis(3_411))
                .time("startedAt", task.startedAt())
                .field("startedBy", task.startedBy());
        if (!task.running()) {
            stopped(json, task, deploymentId);
        }
        json.pairs("tags", "key", "value", List.of(new NameValue("aws:ecs:serviceName", task.serviceName())))
                .field("taskArn", task.arn())
                .field("taskDefinitionArn", definition.arn())
                .field("version", task.running() ? 4 : 6)
                .object("ephemeralStorage")
                .field("sizeInGiB", 20)
                .end()
                .object("fargateEphemeralStorage")
                .field("sizeInGiB", 20)
                .end()
                .end();
    }

    private static void stopped(CliJson json, Task task, String deploymentId) {
        boolean exited = task.stop() == Stop.CONTAINER_EXITED;
        json.field("stopCode", exited ? "EssentialContainerExited" : "ServiceSchedulerInitiated")
                .time("stoppedAt", task.stoppedAt())
                .field(
                        "stoppedReason",
                        exited
                                ? "Essential container in task exited"
                                : "Scaling activity initiated by (deployment " + deploymentId + ")")
                .time("stoppingAt", task.stoppedAt().minusMillis(31_522));
    }

    private void container(CliJson json, Task task, ContainerRun run) {
        ContainerDef def = run.definition();
        String clusterName = task.clusterArn().substring(task.clusterArn().indexOf('/') + 1);
        json.object()
                .field(
                        "containerArn",
                        "arn:aws:ecs:" + region + ":" + account + ":container/" + clusterName + "/" + task.id() + "/"
                                + run.id())
                .field("taskArn", task.arn())
                .field("name", def.name())
                .field("image", def.image())
                .field("imageDigest", def.digest())
                .field("runtimeId", task.id() + "-" + run.runtimeSuffix())
                .field("lastStatus", task.running() ? "RUNNING" : "STOPPED");
        if (!task.running()) {
            json.field("exitCode", task.stop() == Stop.CONTAINER_EXITED && def.essential() ? 1 : 143);
        }
        json.emptyArray("networkBindings")
                .array("networkInterfaces")
                .object()
                .field("attachmentId", task.attachmentId())
                .field("privateIpv4Address", task.privateIp())
                .end()
                .end()
                .field("healthStatus", def.healthCheck() ? (task.running() ? "HEALTHY" : "UNHEALTHY") : "UNKNOWN");
        if (task.executeCommand()) {
            json.array("managedAgents")
                    .object()
                    .time("lastStartedAt", task.startedAt().plusMillis(2_873))
                    .field("name", "ExecuteCommandAgent")
                    .field("lastStatus", task.running() ? "RUNNING" : "STOPPED")
                    .end()
                    .end();
        }
        json.field("cpu", Integer.toString(def.cpu()));
        if (def.memory() > 0) {
            json.field("memory", Integer.toString(def.memory()));
        }
        json.end();
    }

    private static String healthStatus(Task task) {
        boolean checked =
                task.containers().stream().anyMatch(c -> c.definition().healthCheck());
        if (!checked) {
            return "UNKNOWN";
        }
        return task.running() ? "HEALTHY" : "UNHEALTHY";
    }

    void taskDefinition(Path file, TaskDefinition definition) {
        try (CliJson json = CliJson.open(file)) {
            json.object("taskDefinition")
                    .field("taskDefinitionArn", definition.arn())
                    .array("containerDefinitions");
            for (ContainerDef container : definition.containers()) {
                containerDefinition(json, container);
            }
            json.end()
                    .field("family", definition.family())
                    .field("taskRoleArn", definition.taskRoleArn())
                    .field("executionRoleArn", definition.executionRoleArn())
                    .field("networkMode", "awsvpc")
                    .field("revision", definition.revision())
                    .emptyArray("volumes")
                    .field("status", "ACTIVE")
                    .array("requiresAttributes");
            for (String attribute : requiredAttributes(definition)) {
                json.object().field("name", attribute).end();
            }
            json.end()
                    .emptyArray("placementConstraints")
                    .strings("compatibilities", List.of("EC2", "FARGATE"))
                    .object("runtimePlatform")
                    .field("cpuArchitecture", "X86_64")
                    .field("operatingSystemFamily", "LINUX")
                    .end()
                    .strings("requiresCompatibilities", List.of("FARGATE"))
                    .field("cpu", Integer.toString(definition.cpu()))
                    .field("memory", Integer.toString(definition.memory()))
                    .time("registeredAt", definition.registeredAt())
                    .field("registeredBy", definition.registeredBy())
                    .end()
                    .emptyArray("tags");
        }
    }

    private static List<String> requiredAttributes(TaskDefinition definition) {
        boolean secrets =
                definition.containers().stream().anyMatch(c -> !c.secrets().isEmpty());
        boolean ecr = definition.containers().stream().anyMatch(c -> c.image().contains(".dkr.ecr."));
        var attributes = new ArrayList<String>();
        attributes.add("com.amazonaws.ecs.capability.logging-driver.awslogs");
        attributes.add("ecs.capability.execution-role-awslogs");
        attributes.add("com.amazonaws.ecs.capability.docker-remote-api.1.19");
        attributes.add("com.amazonaws.ecs.capability.task-iam-role");
        if (ecr) {
            attributes.add("com.amazonaws.ecs.capability.ecr-auth");
            attributes.add("ecs.capability.execution-role-ecr-pull");
        }
        if (definition.containers().stream().anyMatch(c -> !c.environmentFiles().isEmpty())) {
            attributes.add("ecs.capability.env-files.s3");
        }
        if (secrets) {
            attributes.add("ecs.capability.secrets.asm.environment-variables");
            attributes.add("ecs.capability.secrets.ssm.environment-variables");
        }
        attributes.add("ecs.capability.task-eni");
        return attributes;
    }

    private void containerDefinition(CliJson json, ContainerDef container) {
        json.object()
                .field("name", container.name())
                .field("image", container.image())
                .field("cpu", container.cpu());
        if (container.memory() > 0) {
            json.field("memory", container.memory());
        }
        json.array("portMappings");
        if (container.port() > 0) {
            json.object()
                    .field("name", container.name() + "-" + container.port() + "-tcp")
                    .field("containerPort", container.port())
                    .field("hostPort", container.port())
                    .field("protocol", "tcp")
                    .field("appProtocol", "http")
                    .end();
        }
        json.end().field("essential", container.essential()).nameValues("environment", container.environment());
        if (!container.environmentFiles().isEmpty()) {
            json.array("environmentFiles");
            for (String file : container.environmentFiles()) {
                json.object().field("value", file).field("type", "s3").end();
            }
            json.end();
        }
        json.emptyArray("mountPoints")
                .emptyArray("volumesFrom")
                .pairs("secrets", "name", "valueFrom", container.secrets())
                .field("user", container.user())
                .field("privileged", false)
                .field("readonlyRootFilesystem", container.readonlyRootFilesystem())
                .object("linuxParameters")
                .object("capabilities")
                .strings("add", container.capabilitiesAdd())
                .strings("drop", container.capabilitiesDrop())
                .end()
                .field("initProcessEnabled", true)
                .end()
                .object("logConfiguration")
                .field("logDriver", "awslogs")
                .object("options")
                .field("awslogs-group", container.logGroup())
                .field("awslogs-region", region)
                .field("awslogs-stream-prefix", "ecs")
                .end()
                .emptyArray("secretOptions")
                .end();
        if (container.healthCheck()) {
            json.object("healthCheck")
                    .strings(
                            "command",
                            List.of(
                                    "CMD-SHELL",
                                    "curl -fsS http://localhost:" + container.port() + "/health || exit 1"))
                    .field("interval", 30)
                    .field("timeout", 5)
                    .field("retries", 3)
                    .field("startPeriod", 60)
                    .end();
        }
        json.emptyArray("systemControls").end();
    }
}
