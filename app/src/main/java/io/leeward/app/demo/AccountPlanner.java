package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Cluster;
import io.leeward.app.demo.AccountPlan.ContainerDef;
import io.leeward.app.demo.AccountPlan.ContainerRun;
import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.EniKind;
import io.leeward.app.demo.AccountPlan.LoadBalancer;
import io.leeward.app.demo.AccountPlan.Rule;
import io.leeward.app.demo.AccountPlan.SecurityGroup;
import io.leeward.app.demo.AccountPlan.Service;
import io.leeward.app.demo.AccountPlan.Subnet;
import io.leeward.app.demo.AccountPlan.Task;
import io.leeward.app.demo.AccountPlan.TaskDefinition;
import io.leeward.app.demo.AccountPlan.Vpc;
import io.leeward.app.demo.CliJson.NameValue;
import io.leeward.app.demo.DemoManifest.ContainerRef;
import io.leeward.app.demo.DemoManifest.EnvVarRef;
import io.leeward.app.demo.DemoManifest.ReusedIp;
import io.leeward.app.demo.ServiceCatalog.Plants;
import io.leeward.app.demo.ServiceCatalog.SecretSpec;
import io.leeward.app.demo.ServiceCatalog.ServiceSpec;
import io.leeward.app.demo.ServiceCatalog.Stop;
import io.leeward.app.demo.ServiceCatalog.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lays out the account. One VPC holds up to {@value #STACKS_PER_VPC} stacks; a stack is a web
 * cluster behind its own internet-facing ALB and an internal cluster, with the services of {@link
 * ServiceCatalog}, in three private subnets of its own. Every VPC has three public subnets (ALB and
 * NAT gateway ENIs, public-IP tasks). The first stack carries the planted risks.
 *
 * <p>All randomness is drawn here, in a fixed order, so the writers are pure functions of the plan.
 */
final class AccountPlanner {
    static final int STACKS_PER_VPC = 4;
    static final int AZS = 3;

    /**
     * The AWS-owned account that requests Fargate task ENIs. It differs between regions and is not
     * documented; loaders must recognise task ENIs by {@code RequesterManaged} and the ECS
     * attachment description, not by this number.
     */
    static final String FARGATE_REQUESTER_ID = "578734482556";

    private static final String OTEL_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1";
    static final String S3_PREFIX_LIST = "pl-6da54004";
    private static final List<String> PUBLIC_PREFIXES = List.of(
            "34.240", "34.241", "34.242", "34.243", "34.244", "34.245", "34.246", "34.247", "52.16", "52.17", "54.72",
            "54.73", "54.74", "54.75", "54.76", "54.77", "54.78", "54.154", "54.155", "54.170", "63.32", "63.33",
            "63.34", "63.35");

    private final DemoGenerator.Options options;
    private final String account;
    private final String region;
    private final Ids ids;
    private final String otelDigest;

    private final List<Vpc> vpcs = new ArrayList<>();
    private final List<Subnet> subnets = new ArrayList<>();
    private final List<SecurityGroup> groups = new ArrayList<>();
    private final Map<String, String> groupNames = new HashMap<>();
    private final List<LoadBalancer> loadBalancers = new ArrayList<>();
    private final List<Eni> enis = new ArrayList<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<String, Integer> nextHost = new HashMap<>();
    private final Set<String> roles = new TreeSet<>();
    private final Map<String, String> secretArns = new HashMap<>();

    private String wideOpenGroupId;
    private String wideOpenServiceArn;
    private String executeCommandServiceArn;
    private ContainerRef privilegedContainer;
    private final List<String> internetFacing = new ArrayList<>();
    private final List<String> publicIpServices = new ArrayList<>();
    private final List<String> publicIpTasks = new ArrayList<>();
    private final List<EnvVarRef> plaintextSecrets = new ArrayList<>();
    private final List<ReusedIp> reusedIps = new ArrayList<>();

    AccountPlanner(DemoGenerator.Options options) {
        this.options = options;
        this.account = options.accountId();
        this.region = options.region();
        this.ids = new Ids(options.seed());
        this.otelDigest = ids.digest();
    }

    AccountPlan plan() {
        Network network = null;
        for (int stack = 0; stack < options.scale(); stack++) {
            if (stack % STACKS_PER_VPC == 0) {
                network = network(stack / STACKS_PER_VPC);
            }
            stack(stack, network);
        }
        var planted = new DemoManifest.Planted(
                wideOpenGroupId,
                wideOpenServiceArn,
                internetFacing,
                publicIpServices,
                publicIpTasks,
                executeCommandServiceArn,
                privilegedContainer,
                plaintextSecrets,
                reusedIps,
                null);
        return new AccountPlan(vpcs, subnets, groups, loadBalancers, enis, clusters, planted);
    }

    List<String> roleArns() {
        return List.copyOf(roles);
    }

    /** A VPC with its public subnets, default group and NAT gateway. */
    private record Network(Vpc vpc, int index, List<Subnet> publicSubnets) {}

    private Network network(int index) {
        String name = index == 0 ? "prod" : "prod-" + (index + 1);
        var vpc = new Vpc(
                ids.resource("vpc"),
                name,
                "10." + index + ".0.0/16",
                ids.resource("dopt"),
                ids.resource("vpc-cidr-assoc"));
        vpcs.add(vpc);
        List<Subnet> publicSubnets = new ArrayList<>();
        for (int az = 0; az < AZS; az++) {
            publicSubnets.add(
                    subnet(vpc, name + "-public-" + azLetter(az), "10." + index + "." + az + ".0/24", az, true));
        }
        String defaultId = ids.resource("sg");
        group(new SecurityGroup(
                defaultId,
                "default",
                "default VPC security group",
                vpc.id(),
                List.of(Rule.all().fromGroup(defaultId, null)),
                List.of(Rule.all().fromCidr("0.0.0.0/0", null))));
        natGateway(vpc, publicSubnets.getFirst());
        return new Network(vpc, index, publicSubnets);
    }

    private void natGateway(Vpc vpc, Subnet subnet) {
        String natId = ids.resource("nat");
        enis.add(new Eni(
                ids.resource("eni"),
                EniKind.NAT_GATEWAY,
                "Interface for NAT Gateway " + natId,
                vpc.id(),
                subnet,
                allocate(subnet),
                ids.mac(),
                publicIp(),
                account,
                ids.resource("eipalloc"),
                ids.resource("eipassoc"),
                List.of(),
                FARGATE_REQUESTER_ID,
                null,
                null,
                null));
    }

    private void stack(int stack, Network network) {
        String unit = ServiceCatalog.unit(stack);
        boolean planted = stack == 0;
        int slot = stack % STACKS_PER_VPC;
        List<Subnet> privateSubnets = new ArrayList<>();
        for (int az = 0; az < AZS; az++) {
            int third = 16 + 16 * slot + 4 * az;
            privateSubnets.add(subnet(
                    network.vpc(),
                    unit + "-private-" + azLetter(az),
                    "10." + network.index() + "." + third + ".0/22",
                    az,
                    false));
        }
        LoadBalancer alb = loadBalancer(unit, network);

        Map<String, String> serviceGroups = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceCatalog.SERVICES) {
            serviceGroups.put(spec.name(), ids.resource("sg"));
        }
        for (ServiceSpec spec : ServiceCatalog.SERVICES) {
            serviceGroup(unit, spec, serviceGroups, alb, network.vpc());
        }
        String wideOpen = planted ? wideOpenGroup(unit, network.vpc()) : null;

        var context = new StackContext(unit, planted, network, privateSubnets, alb, serviceGroups, wideOpen);
        clusters.add(cluster(context, Tier.WEB, unit + "-web"));
        clusters.add(cluster(context, Tier.INTERNAL, unit + "-internal"));
    }

    private record StackContext(
            String unit,
            boolean planted,
            Network network,
            List<Subnet> privateSubnets,
            LoadBalancer alb,
            Map<String, String> serviceGroups,
            String wideOpenGroup) {}

    private LoadBalancer loadBalancer(String unit, Network network) {
        String groupId = ids.resource("sg");
        group(new SecurityGroup(
                groupId,
                unit + "-alb",
                "Internet-facing ALB for " + unit,
                network.vpc().id(),
                List.of(
                        Rule.tcp(443, 443)
                                .fromCidr("0.0.0.0/0", "HTTPS from anywhere")
                                .fromIpv6("::/0", "HTTPS from anywhere"),
                        Rule.tcp(80, 80).fromCidr("0.0.0.0/0", "HTTP redirect").fromIpv6("::/0", "HTTP redirect")),
                List.of(Rule.all().fromCidr("0.0.0.0/0", null))));
        String name = unit + "-public";
        var alb = new LoadBalancer(
                name,
                "arn:aws:elasticloadbalancing:" + region + ":" + account + ":loadbalancer/app/" + name + "/"
                        + ids.hex(16),
                network.vpc().id(),
                groupId,
                true);
        loadBalancers.add(alb);
        Instant created = anchor().minus(Duration.ofDays(ids.between(200, 900)));
        for (Subnet subnet : network.publicSubnets()) {
            enis.add(new Eni(
                    ids.resource("eni"),
                    EniKind.LOAD_BALANCER,
                    "ELB " + alb.resourceId(),
                    network.vpc().id(),
                    subnet,
                    allocate(subnet),
                    ids.mac(),
                    publicIp(),
                    "amazon",
                    null,
                    null,
                    List.of(new NameValue(groupId, groupNames.get(groupId))),
                    "amazon-elb",
                    ids.resource("ela-attach"),
                    "amazon-elb",
                    wholeSeconds(created.plusSeconds(ids.between(1, 30)))));
        }
        return alb;
    }

    private void serviceGroup(
            String unit, ServiceSpec spec, Map<String, String> serviceGroups, LoadBalancer alb, Vpc vpc) {
        List<Rule> ingress = new ArrayList<>();
        if (spec.behindAlb()) {
            ingress.add(Rule.tcp(spec.port(), spec.port()).fromGroup(alb.securityGroupId(), "from " + unit + "-alb"));
        } else if (spec.port() > 0 && !spec.allowFrom().isEmpty()) {
            Rule rule = Rule.tcp(spec.port(), spec.port());
            for (String from : spec.allowFrom()) {
                rule = rule.fromGroup(serviceGroups.get(from), "from " + from);
            }
            ingress.add(rule);
        }
        List<Rule> egress = spec.name().equals("payments")
                ? List.of(
                        Rule.tcp(443, 443)
                                .fromCidr("0.0.0.0/0", "payment service provider")
                                .toPrefixList(S3_PREFIX_LIST, "S3 gateway endpoint"),
                        Rule.tcp(5432, 5432).fromCidr(vpc.cidr(), "databases"))
                : List.of(Rule.all().fromCidr("0.0.0.0/0", null));
        group(new SecurityGroup(
                serviceGroups.get(spec.name()),
                unit + "-" + spec.name(),
                "ECS service " + spec.name() + " (" + unit + ")",
                vpc.id(),
                ingress,
                egress));
    }

    private String wideOpenGroup(String unit, Vpc vpc) {
        String id = ids.resource("sg");
        group(new SecurityGroup(
                id,
                unit + "-legacy-reports-debug",
                "temporary debug access - remove after incident",
                vpc.id(),
                List.of(
                        Rule.tcp(22, 22).fromCidr("0.0.0.0/0", "ssh debug").fromIpv6("::/0", "ssh debug"),
                        Rule.tcp(5432, 5432).fromCidr("0.0.0.0/0", "postgres from anywhere")),
                List.of(Rule.all().fromCidr("0.0.0.0/0", null))));
        wideOpenGroupId = id;
        return id;
    }

    private Cluster cluster(StackContext context, Tier tier, String name) {
        String arn = "arn:aws:ecs:" + region + ":" + account + ":cluster/" + name;
        List<Service> services = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalog.SERVICES) {
            if (spec.tier() == tier) {
                services.add(service(context, spec, name, arn));
            }
        }
        var tags = List.of(new NameValue("env", "prod"), new NameValue("unit", context.unit()));
        return new Cluster(name, arn, tags, services);
    }

    private Service service(StackContext context, ServiceSpec spec, String clusterName, String clusterArn) {
        Plants plants = context.planted() ? spec.plants() : Plants.NONE;
        String family = context.planted() ? spec.name() : context.unit() + "-" + spec.name();
        String arn = "arn:aws:ecs:" + region + ":" + account + ":service/" + clusterName + "/" + spec.name();
        Instant createdAt =
                anchor().minus(Duration.ofDays(ids.between(30, 400))).minusMillis(ids.between(0, 86_399_999));
        Instant deployedAt =
                anchor().minus(Duration.ofHours(ids.between(2, 72))).minusMillis(ids.between(0, 3_599_999));
        String deploymentId = "ecs-svc/" + ids.digits(19);

        int revision = ids.between(3, 60);
        Instant registeredAt = deployedAt.minusMillis(ids.between(60_000, 600_000));
        List<TaskDefinition> revisions = new ArrayList<>();
        boolean replaced = spec.stop() == Stop.REPLACED || spec.stop() == Stop.REPLACED_IP_REUSED;
        if (replaced) {
            Instant previousAt =
                    registeredAt.minus(Duration.ofDays(ids.between(3, 30))).minusMillis(ids.between(0, 86_399_999));
            revisions.add(taskDefinition(
                    context, spec, plants, family, revision - 1, previousVersion(spec.version()), previousAt));
        }
        TaskDefinition current = taskDefinition(context, spec, plants, family, revision, spec.version(), registeredAt);
        revisions.add(current);

        List<Subnet> taskSubnets = plants.publicIp() ? context.network().publicSubnets() : context.privateSubnets();
        List<String> groupIds = new ArrayList<>();
        groupIds.add(context.serviceGroups().get(spec.name()));
        if (plants.wideOpenGroup()) {
            groupIds.add(context.wideOpenGroup());
        }
        var shape = new ServiceShape(clusterArn, spec.name(), taskSubnets, groupIds, plants, deploymentId, deployedAt);
        List<Task> tasks = tasks(shape, spec, revisions, ids.between(spec.minTasks(), spec.maxTasks()));

        String targetGroup = spec.behindAlb()
                ? "arn:aws:elasticloadbalancing:" + region + ":" + account + ":targetgroup/" + truncate(family, 32)
                        + "/" + ids.hex(16)
                : null;
        var tags = List.of(
                new NameValue("team", spec.team()), new NameValue("app", spec.name()), new NameValue("env", "prod"));
        var service = new Service(
                spec.name(),
                arn,
                clusterArn,
                spec,
                revisions,
                taskSubnets.stream().map(Subnet::id).toList(),
                groupIds,
                plants.publicIp(),
                plants.executeCommand(),
                targetGroup,
                targetGroup == null ? null : context.alb().arn(),
                createdAt,
                deploymentId,
                deployedAt,
                ids.uuid(),
                tags,
                tasks);
        recordPlants(service, plants, current);
        return service;
    }

    private void recordPlants(Service service, Plants plants, TaskDefinition current) {
        if (service.spec().behindAlb()) {
            internetFacing.add(service.arn());
        }
        if (plants.publicIp()) {
            publicIpServices.add(service.arn());
            service.tasks().stream().filter(Task::running).map(Task::arn).forEach(publicIpTasks::add);
        }
        if (plants.executeCommand()) {
            executeCommandServiceArn = service.arn();
        }
        if (plants.wideOpenGroup()) {
            wideOpenServiceArn = service.arn();
        }
        String container = service.spec().name();
        if (plants.rootWritable()) {
            privilegedContainer = new ContainerRef(current.arn(), container);
        }
        for (String name : plants.plaintextSecrets()) {
            plaintextSecrets.add(new EnvVarRef(current.arn(), container, name));
        }
    }

    private TaskDefinition taskDefinition(
            StackContext context,
            ServiceSpec spec,
            Plants plants,
            String family,
            int revision,
            String version,
            Instant registeredAt) {
        String image = spec.ecr()
                ? account + ".dkr.ecr." + region + ".amazonaws.com/" + (context.planted() ? "" : context.unit() + "/")
                        + spec.image() + ":" + version
                : spec.image() + ":" + version;
        List<NameValue> environment = new ArrayList<>(spec.environment());
        for (String name : plants.plaintextSecrets()) {
            environment.add(new NameValue(name, plaintextSecretValue(name)));
        }
        List<NameValue> secrets = spec.secrets().stream()
                .map(secret -> new NameValue(secret.name(), secretArn(context.unit(), spec.name(), secret)))
                .toList();
        boolean root = plants.rootWritable();
        int sidecarCpu = spec.otelSidecar() ? 128 : 0;
        int sidecarMemory = spec.otelSidecar() ? 256 : 0;
        String logGroup = "/ecs/" + family;
        List<ContainerDef> containers = new ArrayList<>();
        containers.add(new ContainerDef(
                spec.name(),
                image,
                ids.digest(),
                spec.otelSidecar() ? spec.cpu() - sidecarCpu : 0,
                spec.otelSidecar() ? spec.memory() - sidecarMemory : 0,
                spec.port(),
                environment,
                List.of("arn:aws:s3:::" + configBucket(account) + "/" + context.unit() + "/" + spec.name() + ".env"),
                secrets,
                root ? "0" : "1000",
                !root,
                root ? List.of("SYS_PTRACE") : List.of(),
                root ? List.of() : List.of("ALL"),
                true,
                logGroup,
                spec.healthCheck()));
        if (spec.otelSidecar()) {
            containers.add(new ContainerDef(
                    "aws-otel-collector",
                    OTEL_IMAGE,
                    otelDigest,
                    sidecarCpu,
                    sidecarMemory,
                    0,
                    List.of(new NameValue("AWS_REGION", region)),
                    List.of(),
                    List.of(),
                    "10001",
                    true,
                    List.of(),
                    List.of("ALL"),
                    false,
                    logGroup,
                    false));
        }
        String taskRole = "arn:aws:iam::" + account + ":role/" + family + "-task";
        String executionRole = "arn:aws:iam::" + account + ":role/"
                + (context.planted() ? "ecsTaskExecutionRole" : context.unit() + "-ecs-task-execution");
        roles.add(taskRole);
        roles.add(executionRole);
        return new TaskDefinition(
                family,
                revision,
                "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + family + ":" + revision,
                spec.cpu(),
                spec.memory(),
                taskRole,
                executionRole,
                registeredAt,
                "arn:aws:sts::" + account + ":assumed-role/ci-deploy/" + truncate(family + "-deploy", 64),
                containers);
    }

    private String plaintextSecretValue(String name) {
        return name.endsWith("TOKEN") ? "rpt_" + ids.alnum(32) : ids.alnum(20);
    }

    /**
     * The ARN a {@code valueFrom} names. A Secrets Manager secret keeps the random suffix it got
     * when first referenced, so every revision and every JSON key names the same secret; the six
     * characters are still drawn on every call, so the account's other random draws are unchanged.
     */
    private String secretArn(String unit, String service, SecretSpec secret) {
        String path = unit + "/" + service + "/" + secret.path();
        return switch (secret.store()) {
            case SECRETS_MANAGER -> {
                String drawn =
                        "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + path + "-" + ids.alnum(6);
                yield secretArns.computeIfAbsent(path, p -> drawn)
                        + (secret.jsonKey() == null ? "" : ":" + secret.jsonKey() + "::");
            }
            case SSM -> "arn:aws:ssm:" + region + ":" + account + ":parameter/" + path;
        };
    }

    /** The bucket the task definitions' {@code environmentFiles} live in. */
    static String configBucket(String account) {
        return "prod-ecs-config-" + account;
    }

    private record ServiceShape(
            String clusterArn,
            String serviceName,
            List<Subnet> subnets,
            List<String> groupIds,
            Plants plants,
            String deploymentId,
            Instant deployedAt) {}

    /**
     * The running tasks and, for services that have one, a recently stopped task. A task that
     * replaced a stopped one may have been given the stopped task's private IP, as Fargate does.
     */
    private List<Task> tasks(ServiceShape shape, ServiceSpec spec, List<TaskDefinition> revisions, int count) {
        TaskDefinition current = revisions.getLast();
        Stop stop = spec.stop();
        Instant stoppedAt = null;
        Instant stoppedCreatedAt = null;
        if (stop == Stop.CONTAINER_EXITED) {
            stoppedCreatedAt = shape.deployedAt().plusMillis(ids.between(30_000, 120_000));
            stoppedAt = stoppedCreatedAt.plusMillis(ids.between(20 * 60_000, 60 * 60_000));
        } else if (stop != Stop.NONE) {
            stoppedCreatedAt = revisions.getFirst().registeredAt().plusMillis(ids.between(60_000, 3_600_000));
            stoppedAt = shape.deployedAt().plusMillis(ids.between(120_000, 300_000));
        }
        int reuseIndex = stop == Stop.REPLACED_IP_REUSED ? ids.between(0, count - 1) : -1;

        int azOffset = ids.between(0, AZS - 1);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Subnet subnet = shape.subnets().get((azOffset + i) % shape.subnets().size());
            Instant createdAt = i == reuseIndex
                    ? stoppedAt.plusMillis(ids.between(20_000, 300_000))
                    : shape.deployedAt().plusMillis(ids.between(5_000, 90_000));
            tasks.add(task(
                    shape, current, true, subnet, allocate(subnet), createdAt, null, Stop.NONE, shape.deploymentId()));
        }
        if (stop == Stop.NONE) {
            return tasks;
        }
        TaskDefinition stoppedDefinition = stop == Stop.CONTAINER_EXITED ? current : revisions.getFirst();
        String startedBy = stop == Stop.CONTAINER_EXITED ? shape.deploymentId() : "ecs-svc/" + ids.digits(19);
        Subnet subnet;
        String ip;
        if (reuseIndex >= 0) {
            subnet = tasks.get(reuseIndex).subnet();
            ip = tasks.get(reuseIndex).privateIp();
        } else {
            subnet = shape.subnets().get(ids.between(0, shape.subnets().size() - 1));
            ip = allocate(subnet);
        }
        Task stopped = task(shape, stoppedDefinition, false, subnet, ip, stoppedCreatedAt, stoppedAt, stop, startedBy);
        if (reuseIndex >= 0) {
            reusedIps.add(new ReusedIp(ip, stopped.arn(), tasks.get(reuseIndex).arn()));
        }
        tasks.add(stopped);
        return tasks;
    }

    private Task task(
            ServiceShape shape,
            TaskDefinition definition,
            boolean running,
            Subnet subnet,
            String privateIp,
            Instant createdAt,
            Instant stoppedAt,
            Stop stop,
            String startedBy) {
        String id = ids.taskId();
        String clusterName = shape.clusterArn().substring(shape.clusterArn().indexOf('/') + 1);
        String arn = "arn:aws:ecs:" + region + ":" + account + ":task/" + clusterName + "/" + id;
        String eniId = ids.resource("eni");
        String mac = ids.mac();
        String publicIp = shape.plants().publicIp() ? publicIp() : null;
        String attachmentId = ids.uuid();
        Instant startedAt = createdAt.plusMillis(ids.between(25_000, 70_000));
        List<ContainerRun> containers = definition.containers().stream()
                .map(def -> new ContainerRun(def, ids.uuid(), ids.digits(10)))
                .toList();
        var task = new Task(
                id,
                arn,
                shape.clusterArn(),
                shape.serviceName(),
                definition,
                running,
                subnet,
                eniId,
                mac,
                privateIp,
                publicIp,
                attachmentId,
                startedBy,
                shape.plants().executeCommand(),
                createdAt,
                startedAt,
                stoppedAt,
                stop,
                containers);
        if (running) {
            enis.add(taskEni(task, shape.groupIds()));
        }
        return task;
    }

    private Eni taskEni(Task task, List<String> groupIds) {
        return new Eni(
                task.eniId(),
                EniKind.TASK,
                "arn:aws:ecs:" + region + ":" + account + ":attachment/" + task.attachmentId(),
                task.subnet().vpcId(),
                task.subnet(),
                task.privateIp(),
                task.mac(),
                task.publicIp(),
                "amazon",
                null,
                null,
                groupIds.stream()
                        .map(id -> new NameValue(id, groupNames.get(id)))
                        .toList(),
                FARGATE_REQUESTER_ID,
                ids.resource("ela-attach"),
                FARGATE_REQUESTER_ID,
                wholeSeconds(task.createdAt().plusSeconds(2)));
    }

    private Subnet subnet(Vpc vpc, String name, String cidr, int az, boolean isPublic) {
        var subnet =
                new Subnet(ids.resource("subnet"), vpc.id(), name, cidr, region + azLetter(az), azId(az), isPublic);
        subnets.add(subnet);
        nextHost.put(subnet.id(), 3 + ids.between(0, 15));
        return subnet;
    }

    private void group(SecurityGroup group) {
        groups.add(group);
        groupNames.put(group.id(), group.name());
    }

    /** The next free private IP of the subnet, skipping the four addresses AWS reserves at the start. */
    private String allocate(Subnet subnet) {
        int host = nextHost.get(subnet.id()) + ids.between(1, 3);
        int size = 1 << (32 - Ipv4.prefixLength(subnet.cidr()));
        if (host >= size - 1) {
            throw new IllegalStateException("subnet " + subnet.name() + " " + subnet.cidr() + " is full");
        }
        nextHost.put(subnet.id(), host);
        return Ipv4.format(Ipv4.network(subnet.cidr()) + host);
    }

    private String publicIp() {
        String ip;
        do {
            ip = ids.pick(PUBLIC_PREFIXES) + "." + ids.between(0, 255) + "." + ids.between(1, 254);
        } while (!ids.claim("ip:" + ip));
        return ip;
    }

    private Instant anchor() {
        return options.anchor();
    }

    private static Instant wholeSeconds(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond());
    }

    private static char azLetter(int az) {
        return (char) ('a' + az);
    }

    /** The zone id, e.g. {@code euw1-az1} for eu-west-1a: region parts abbreviated as AWS does. */
    private String azId(int az) {
        String[] parts = region.split("-");
        var sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            sb.append(parts[i].replace("north", "n")
                    .replace("south", "s")
                    .replace("east", "e")
                    .replace("west", "w")
                    .replace("central", "c"));
        }
        return sb.append(parts[parts.length - 1]).append("-az").append(az + 1).toString();
    }

    private static String previousVersion(String version) {
        int dot = version.lastIndexOf('.');
        String head = version.substring(0, dot + 1);
        String last = version.substring(dot + 1);
        int digits = 0;
        while (digits < last.length() && Character.isDigit(last.charAt(digits))) {
            digits++;
        }
        int number = Integer.parseInt(last.substring(0, digits));
        return number == 0 ? version + "-rc1" : head + (number - 1) + last.substring(digits);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
