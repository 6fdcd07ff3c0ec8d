package io.leeward.graphql;

import static io.leeward.graphql.LinkField.many;
import static io.leeward.graphql.LinkField.one;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.leeward.graphql.LinkField.Cardinality;
import io.leeward.graphql.Nodes.AwsAccount;
import io.leeward.graphql.Nodes.Container;
import io.leeward.graphql.Nodes.ContainerDefinition;
import io.leeward.graphql.Nodes.EcsCluster;
import io.leeward.graphql.Nodes.EcsService;
import io.leeward.graphql.Nodes.EcsTask;
import io.leeward.graphql.Nodes.IamRole;
import io.leeward.graphql.Nodes.Image;
import io.leeward.graphql.Nodes.NetworkInterface;
import io.leeward.graphql.Nodes.Node;
import io.leeward.graphql.Nodes.SecurityGroup;
import io.leeward.graphql.Nodes.SecurityGroupRule;
import io.leeward.graphql.Nodes.Subnet;
import io.leeward.graphql.Nodes.TaskDefinition;
import io.leeward.graphql.Nodes.Vpc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.dataloader.DataLoader;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.scheduling.SchedulingTaskExecutor;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The relationship fields of the schema, one row each, and their wiring: each field loads through a
 * DataLoader of its own that runs the field's link query once for all parents of a response level,
 * so a page costs the same number of round-trips whatever its size. This is what a
 * {@code @BatchMapping} method per field would register, from a table instead.
 */
final class RelationshipFields implements RuntimeWiringConfigurer {
    static final List<LinkField> FIELDS = List.of(
            many("AwsAccount", "clusters", "links.account.clusters", EcsCluster.class),
            many("AwsAccount", "vpcs", "links.account.vpcs", Vpc.class),
            one("EcsCluster", "awsAccount", "links.cluster.account", AwsAccount.class),
            many("EcsCluster", "services", "links.cluster.services", EcsService.class),
            one("EcsService", "cluster", "links.service.cluster", EcsCluster.class),
            many("EcsService", "tasks", "links.service.tasks", EcsTask.class),
            one("EcsService", "taskDefinition", "links.service.task-definition", TaskDefinition.class),
            many("EcsService", "subnets", "links.service.subnets", Subnet.class),
            many("EcsService", "securityGroups", "links.service.security-groups", SecurityGroup.class),
            one("EcsTask", "service", "links.task.service", EcsService.class),
            one("EcsTask", "cluster", "links.task.cluster", EcsCluster.class),
            one("EcsTask", "taskDefinition", "links.task.task-definition", TaskDefinition.class),
            many("EcsTask", "networkInterfaces", "links.task.network-interfaces", NetworkInterface.class),
            one("EcsTask", "subnet", "links.task.subnets", Subnet.class),
            many("EcsTask", "containers", "links.task.containers", Container.class),
            many("EcsTask", "securityGroups", "links.task.security-groups", SecurityGroup.class),
            many(
                    "TaskDefinition",
                    "containerDefinitions",
                    "links.task-definition.container-definitions",
                    ContainerDefinition.class),
            one("TaskDefinition", "taskRole", "links.task-definition.task-role", IamRole.class),
            one("TaskDefinition", "executionRole", "links.task-definition.execution-role", IamRole.class),
            one(
                    "ContainerDefinition",
                    "taskDefinition",
                    "links.container-definition.task-definition",
                    TaskDefinition.class),
            one("ContainerDefinition", "image", "links.container-definition.image", Image.class),
            one("Container", "task", "links.container.task", EcsTask.class),
            one("Container", "definition", "links.container.definition", ContainerDefinition.class),
            one("Container", "image", "links.container.image", Image.class),
            many("Vpc", "subnets", "links.vpc.subnets", Subnet.class),
            many("Vpc", "securityGroups", "links.vpc.security-groups", SecurityGroup.class),
            one("Subnet", "vpc", "links.subnet.vpc", Vpc.class),
            one("SecurityGroup", "vpc", "links.security-group.vpc", Vpc.class),
            many("SecurityGroup", "rules", "links.security-group.rules", SecurityGroupRule.class),
            one("SecurityGroupRule", "securityGroup", "links.rule.security-group", SecurityGroup.class),
            many("SecurityGroupRule", "allowedFrom", "links.rule.allowed-from", SecurityGroup.class),
            one("NetworkInterface", "subnet", "links.eni.subnet", Subnet.class),
            many("NetworkInterface", "securityGroups", "links.eni.security-groups", SecurityGroup.class),
            one("NetworkInterface", "task", "links.eni.task", EcsTask.class));

    private final GraphReader reader;
    private final BatchLoaderRegistry batchLoaders;
    private final Scheduler scheduler;

    /**
     * {@code executor} is the application task executor, if any: link queries block, so they run on
     * it where Spring would run a blocking {@code @BatchMapping} method, that is unless it prefers
     * short-lived tasks (a thread pool rather than virtual threads).
     */
    RelationshipFields(GraphReader reader, BatchLoaderRegistry batchLoaders, Executor executor) {
        this.reader = reader;
        this.batchLoaders = batchLoaders;
        this.scheduler =
                executor == null || executor instanceof SchedulingTaskExecutor pool && pool.prefersShortLivedTasks()
                        ? Schedulers.immediate()
                        : Schedulers.fromExecutor(executor);
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        for (LinkField field : FIELDS) {
            batchLoaders
                    .<Node, Object>forName(field.key())
                    .registerMappedBatchLoader((parents, environment) -> load(field, parents));
            wiring.type(field.typeName(), type -> type.dataFetcher(field.field(), new LinkFetcher(field)));
        }
    }

    private Mono<Map<Node, Object>> load(LinkField field, Set<Node> parents) {
        return Mono.fromCallable(() -> values(field, parents)).subscribeOn(scheduler);
    }

    /** One link query for all parents; a parent without a value (a to-one field with no neighbour) has no entry. */
    private Map<Node, Object> values(LinkField field, Set<Node> parents) {
        var found = reader.links(field.query(), parents);
        var values = new LinkedHashMap<Node, Object>();
        for (Node parent : parents) {
            field.value(found.getOrDefault(parent.id(), List.of())).ifPresent(value -> values.put(parent, value));
        }
        return values;
    }

    /** Loads the field through its DataLoader and tells Spring's schema inspection what it returns. */
    private record LinkFetcher(LinkField field) implements SelfDescribingDataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment environment) {
            DataLoader<Node, Object> loader = environment.getDataLoader(field.key());
            if (loader == null) {
                throw new IllegalStateException("no DataLoader registered under " + field.key());
            }
            return loader.load(environment.getSource());
        }

        @Override
        public String getDescription() {
            return field.key() + " via " + field.query();
        }

        @Override
        public ResolvableType getReturnType() {
            return field.cardinality() == Cardinality.MANY
                    ? ResolvableType.forClassWithGenerics(List.class, field.target())
                    : ResolvableType.forClass(field.target());
        }

        @Override
        public boolean usesDataLoader() {
            return true;
        }
    }
}
