package io.leeward.graphql;

import io.leeward.graphql.Nodes.AwsAccount;
import io.leeward.graphql.Nodes.Container;
import io.leeward.graphql.Nodes.ContainerDefinition;
import io.leeward.graphql.Nodes.EcsCluster;
import io.leeward.graphql.Nodes.EcsService;
import io.leeward.graphql.Nodes.EcsTask;
import io.leeward.graphql.Nodes.IamRole;
import io.leeward.graphql.Nodes.Image;
import io.leeward.graphql.Nodes.NetworkInterface;
import io.leeward.graphql.Nodes.SecurityGroup;
import io.leeward.graphql.Nodes.Subnet;
import io.leeward.graphql.Nodes.TaskDefinition;
import io.leeward.graphql.Nodes.Vpc;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Relationship fields of accounts, clusters, services, tasks, task and container definitions and containers.
 *
 * <p>Each field is one batch mapping (a DataLoader) running one link query for all parents of a
 * response level, so a page costs the same number of round-trips whatever its size.
 */
@Controller
final class WorkloadRelationships {
    private final Links links;

    WorkloadRelationships(Links links) {
        this.links = links;
    }

    @BatchMapping(typeName = "AwsAccount", field = "clusters")
    Map<AwsAccount, List<EcsCluster>> awsAccountClusters(List<AwsAccount> awsAccounts) {
        return links.many("links.account.clusters", awsAccounts, EcsCluster.class);
    }

    @BatchMapping(typeName = "AwsAccount", field = "vpcs")
    Map<AwsAccount, List<Vpc>> awsAccountVpcs(List<AwsAccount> awsAccounts) {
        return links.many("links.account.vpcs", awsAccounts, Vpc.class);
    }

    @BatchMapping(typeName = "EcsCluster", field = "awsAccount")
    Map<EcsCluster, AwsAccount> ecsClusterAwsAccount(List<EcsCluster> ecsClusters) {
        return links.one("links.cluster.account", ecsClusters, AwsAccount.class);
    }

    @BatchMapping(typeName = "EcsCluster", field = "services")
    Map<EcsCluster, List<EcsService>> ecsClusterServices(List<EcsCluster> ecsClusters) {
        return links.many("links.cluster.services", ecsClusters, EcsService.class);
    }

    @BatchMapping(typeName = "EcsService", field = "cluster")
    Map<EcsService, EcsCluster> ecsServiceCluster(List<EcsService> ecsServices) {
        return links.one("links.service.cluster", ecsServices, EcsCluster.class);
    }

    @BatchMapping(typeName = "EcsService", field = "tasks")
    Map<EcsService, List<EcsTask>> ecsServiceTasks(List<EcsService> ecsServices) {
        return links.many("links.service.tasks", ecsServices, EcsTask.class);
    }

    @BatchMapping(typeName = "EcsService", field = "taskDefinition")
    Map<EcsService, TaskDefinition> ecsServiceTaskDefinition(List<EcsService> ecsServices) {
        return links.one("links.service.task-definition", ecsServices, TaskDefinition.class);
    }

    @BatchMapping(typeName = "EcsService", field = "subnets")
    Map<EcsService, List<Subnet>> ecsServiceSubnets(List<EcsService> ecsServices) {
        return links.many("links.service.subnets", ecsServices, Subnet.class);
    }

    @BatchMapping(typeName = "EcsService", field = "securityGroups")
    Map<EcsService, List<SecurityGroup>> ecsServiceSecurityGroups(List<EcsService> ecsServices) {
        return links.many("links.service.security-groups", ecsServices, SecurityGroup.class);
    }

    @BatchMapping(typeName = "EcsTask", field = "service")
    Map<EcsTask, EcsService> ecsTaskService(List<EcsTask> ecsTasks) {
        return links.one("links.task.service", ecsTasks, EcsService.class);
    }

    @BatchMapping(typeName = "EcsTask", field = "cluster")
    Map<EcsTask, EcsCluster> ecsTaskCluster(List<EcsTask> ecsTasks) {
        return links.one("links.task.cluster", ecsTasks, EcsCluster.class);
    }

    @BatchMapping(typeName = "EcsTask", field = "taskDefinition")
    Map<EcsTask, TaskDefinition> ecsTaskTaskDefinition(List<EcsTask> ecsTasks) {
        return links.one("links.task.task-definition", ecsTasks, TaskDefinition.class);
    }

    @BatchMapping(typeName = "EcsTask", field = "networkInterfaces")
    Map<EcsTask, List<NetworkInterface>> ecsTaskNetworkInterfaces(List<EcsTask> ecsTasks) {
        return links.many("links.task.network-interfaces", ecsTasks, NetworkInterface.class);
    }

    @BatchMapping(typeName = "EcsTask", field = "subnet")
    Map<EcsTask, Subnet> ecsTaskSubnet(List<EcsTask> ecsTasks) {
        return links.one("links.task.subnets", ecsTasks, Subnet.class);
    }

    @BatchMapping(typeName = "EcsTask", field = "containers")
    Map<EcsTask, List<Container>> ecsTaskContainers(List<EcsTask> ecsTasks) {
        return links.many("links.task.containers", ecsTasks, Container.class);
    }

    @BatchMapping(typeName = "EcsTask", field = "securityGroups")
    Map<EcsTask, List<SecurityGroup>> ecsTaskSecurityGroups(List<EcsTask> ecsTasks) {
        return links.many("links.task.security-groups", ecsTasks, SecurityGroup.class);
    }

    @BatchMapping(typeName = "TaskDefinition", field = "containerDefinitions")
    Map<TaskDefinition, List<ContainerDefinition>> taskDefinitionContainerDefinitions(
            List<TaskDefinition> taskDefinitions) {
        return links.many("links.task-definition.container-definitions", taskDefinitions, ContainerDefinition.class);
    }

    @BatchMapping(typeName = "TaskDefinition", field = "taskRole")
    Map<TaskDefinition, IamRole> taskDefinitionTaskRole(List<TaskDefinition> taskDefinitions) {
        return links.one("links.task-definition.task-role", taskDefinitions, IamRole.class);
    }

    @BatchMapping(typeName = "TaskDefinition", field = "executionRole")
    Map<TaskDefinition, IamRole> taskDefinitionExecutionRole(List<TaskDefinition> taskDefinitions) {
        return links.one("links.task-definition.execution-role", taskDefinitions, IamRole.class);
    }

    @BatchMapping(typeName = "ContainerDefinition", field = "taskDefinition")
    Map<ContainerDefinition, TaskDefinition> containerDefinitionTaskDefinition(
            List<ContainerDefinition> containerDefinitions) {
        return links.one("links.container-definition.task-definition", containerDefinitions, TaskDefinition.class);
    }

    @BatchMapping(typeName = "ContainerDefinition", field = "image")
    Map<ContainerDefinition, Image> containerDefinitionImage(List<ContainerDefinition> containerDefinitions) {
        return links.one("links.container-definition.image", containerDefinitions, Image.class);
    }

    @BatchMapping(typeName = "Container", field = "task")
    Map<Container, EcsTask> containerTask(List<Container> containers) {
        return links.one("links.container.task", containers, EcsTask.class);
    }

    @BatchMapping(typeName = "Container", field = "definition")
    Map<Container, ContainerDefinition> containerDefinition(List<Container> containers) {
        return links.one("links.container.definition", containers, ContainerDefinition.class);
    }

    @BatchMapping(typeName = "Container", field = "image")
    Map<Container, Image> containerImage(List<Container> containers) {
        return links.one("links.container.image", containers, Image.class);
    }
}
