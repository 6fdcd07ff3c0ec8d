package io.leeward.app.demo;

import static io.leeward.app.demo.Policy.allow;
import static io.leeward.app.demo.Policy.deny;
import static io.leeward.app.demo.Policy.document;

import io.leeward.app.demo.AccountPlan.Cluster;
import io.leeward.app.demo.AccountPlan.ContainerDef;
import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.EniKind;
import io.leeward.app.demo.AccountPlan.Service;
import io.leeward.app.demo.AccountPlan.Subnet;
import io.leeward.app.demo.AccountPlan.Task;
import io.leeward.app.demo.AccountPlan.TaskDefinition;
import io.leeward.app.demo.AccountPlan.Vpc;
import io.leeward.app.demo.CliJson.NameValue;
import io.leeward.app.demo.Inventory.Alias;
import io.leeward.app.demo.Inventory.Bucket;
import io.leeward.app.demo.Inventory.Group;
import io.leeward.app.demo.Inventory.Image;
import io.leeward.app.demo.Inventory.InstanceProfile;
import io.leeward.app.demo.Inventory.Key;
import io.leeward.app.demo.Inventory.ManagedPolicy;
import io.leeward.app.demo.Inventory.NamedPolicy;
import io.leeward.app.demo.Inventory.Network;
import io.leeward.app.demo.Inventory.Parameter;
import io.leeward.app.demo.Inventory.PolicyVersion;
import io.leeward.app.demo.Inventory.Repository;
import io.leeward.app.demo.Inventory.Role;
import io.leeward.app.demo.Inventory.Secret;
import io.leeward.app.demo.Inventory.User;
import io.leeward.app.demo.Policy.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plans the {@link Inventory} from an {@link AccountPlan}: a role for every task and execution role
 * the task definitions name, a secret or parameter for every {@code valueFrom}, a repository and an
 * image for every ECR image and digest, the buckets and keys those point at, and the VPC plumbing.
 * Its random draws come from its own seeded {@link Ids}, so the plan's files stay byte-identical.
 * The risks are planted in the first stack; the other stacks get least-privilege roles.
 */
final class InventoryPlanner {
    /** The auditor's account that may assume {@code vendor-audit} (an AWS documentation example id). */
    static final String AUDITOR_ACCOUNT = "111122223333";
    /** The account that may pull from the shared repository (an AWS documentation example id). */
    static final String PARTNER_ACCOUNT = "444455556666";

    static final String GITHUB = "token.actions.githubusercontent.com";
    static final String GITHUB_SUBJECT = "repo:acme-shop/platform-deploy:ref:refs/heads/main";
    static final String EXTERNAL_ID = "acme-audit-7f3c9e";

    static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String READ_ONLY_ACCESS = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String SECURITY_AUDIT = "arn:aws:iam::aws:policy/SecurityAudit";
    static final String TASK_EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
    static final String EC2_CONTAINER_POLICY =
            "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";

    private final AccountPlan plan;
    private final String account;
    private final String region;
    private final Instant anchor;
    private final Ids ids;

    private final List<Role> roles = new ArrayList<>();
    private final List<Secret> secrets = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final Map<String, Repository> repositories = new LinkedHashMap<>();

    private Key dataKey;
    private Key openKey;
    private String unrotatedSecretArn;

    InventoryPlanner(DemoGenerator.Options options, AccountPlan plan) {
        this.plan = plan;
        this.account = options.accountId();
        this.region = options.region();
        this.anchor = options.anchor();
        // Its own stream: a fixed mix of the seed, so the account plan's draws are untouched.
        this.ids = new Ids(options.seed() * 0x9E3779B97F4A7C15L + 0x1EE3A9DL);
    }

    static String dataBucket(String account) {
        return "prod-customer-data-" + account;
    }

    static String publicBucket(String account) {
        return "prod-public-assets-" + account;
    }

    static String logBucket(String account) {
        return "prod-alb-access-logs-" + account;
    }

    /** A stack: its unit name, whether it carries the plants, and its services by name. */
    private record Stack(String unit, boolean planted, Map<String, Service> services) {}

    Inventory plan() {
        List<Network> networks = networks();
        String canonicalUserId = ids.hex(64);
        keys();
        List<Stack> stacks = stacks();
        for (Stack stack : stacks) {
            secretsAndParameters(stack);
        }
        for (Stack stack : stacks) {
            images(stack);
        }
        List<Bucket> buckets = buckets();
        for (Stack stack : stacks) {
            workloadRoles(stack);
        }
        Role breakGlass = breakGlass();
        Role ciDeploy = ciDeploy();
        Role vendorAudit = vendorAudit();
        roles.add(ecsInstanceRole());
        List<Group> groups = List.of(
                new Group("admins", ids.iamId("AGPA"), days(900), List.of(), List.of(ADMINISTRATOR_ACCESS)),
                new Group("developers", ids.iamId("AGPA"), days(880), List.of(), List.of(READ_ONLY_ACCESS)));
        List<User> users = users();
        List<ManagedPolicy> policies = managedPolicies();
        String unhealthy = unhealthyTask(stacks.getFirst());

        Stack first = stacks.getFirst();
        Repository unscanned = repositories.get(repositoryName(first, "legacy-reports"));
        Repository shared = repositories.get(repositoryName(first, "api-gateway"));
        var planted = new DemoManifest.AccessRisks(
                first.services().get("orders-worker").current().taskRoleArn(),
                first.services().get("legacy-reports").current().taskRoleArn(),
                first.services().get("marketing-cms").current().taskRoleArn(),
                roleArn(breakGlass.name()),
                roleArn(ciDeploy.name()),
                roleArn(vendorAudit.name()),
                dataBucket(account),
                first.services().get("payments").current().taskRoleArn(),
                publicBucket(account),
                dataKey.arn(),
                openKey.arn(),
                unrotatedSecretArn,
                unscanned.arn(),
                shared.arn());
        return new Inventory(
                roles,
                users,
                groups,
                policies,
                canonicalUserId,
                buckets,
                List.of(dataKey, openKey),
                aliases(),
                secrets,
                parameters,
                List.copyOf(repositories.values()),
                networks,
                unhealthy,
                planted);
    }

    // ---- network ------------------------------------------------------------------------------

    private List<Network> networks() {
        List<Network> networks = new ArrayList<>();
        for (Vpc vpc : plan.vpcs()) {
            List<Subnet> publicSubnets = plan.subnets().stream()
                    .filter(s -> s.vpcId().equals(vpc.id()) && s.isPublic())
                    .toList();
            List<Subnet> privateSubnets = plan.subnets().stream()
                    .filter(s -> s.vpcId().equals(vpc.id()) && !s.isPublic())
                    .toList();
            Eni nat = plan.networkInterfaces().stream()
                    .filter(e -> e.kind() == EniKind.NAT_GATEWAY && e.vpcId().equals(vpc.id()))
                    .findFirst()
                    .orElseThrow();
            String natId = nat.description().substring(nat.description().lastIndexOf(' ') + 1);
            String igw = ids.resource("igw");
            String endpoint = ids.resource("vpce");
            String main = ids.resource("rtb");
            String mainAssociation = ids.resource("rtbassoc");
            String publicTable = ids.resource("rtb");
            String privateTable = ids.resource("rtb");
            Map<String, String> associations = new LinkedHashMap<>();
            String acl = ids.resource("acl");
            Map<String, String> aclAssociations = new LinkedHashMap<>();
            for (Subnet subnet : plan.subnets()) {
                if (subnet.vpcId().equals(vpc.id())) {
                    associations.put(subnet.id(), ids.resource("rtbassoc"));
                    aclAssociations.put(subnet.id(), ids.resource("aclassoc"));
                }
            }
            networks.add(new Network(
                    vpc,
                    publicSubnets,
                    privateSubnets,
                    igw,
                    natId,
                    nat,
                    days(ids.between(300, 900)),
                    endpoint,
                    main,
                    mainAssociation,
                    publicTable,
                    privateTable,
                    associations,
                    acl,
                    aclAssociations));
        }
        return networks;
    }

    // ---- KMS ----------------------------------------------------------------------------------

    private void keys() {
        String dataId = ids.uuid();
        String dataArn = keyArn(dataId);
        ObjectNode dataPolicy = document(
                allow("kms:*")
                        .sid("Enable IAM User Permissions")
                        .principal("AWS", "arn:aws:iam::" + account + ":root")
                        .on("*"),
                allow("kms:Decrypt", "kms:GenerateDataKey")
                        .sid("Allow use by S3 and Secrets Manager in this account")
                        .principal("AWS", "*")
                        .on("*")
                        .when("StringEquals", "kms:CallerAccount", account)
                        .when(
                                "StringLike",
                                "kms:ViaService",
                                "s3." + region + ".amazonaws.com",
                                "secretsmanager." + region + ".amazonaws.com",
                                "ssm." + region + ".amazonaws.com"));
        Instant dataCreated = days(ids.between(500, 800));
        dataKey = new Key(
                dataId,
                dataArn,
                "Customer data (S3, Secrets Manager, SSM)",
                dataCreated,
                dataPolicy,
                true,
                anchor.plus(Duration.ofDays(ids.between(10, 300))));
        String openId = ids.uuid();
        ObjectNode openPolicy = document(
                allow("kms:*")
                        .sid("Enable IAM User Permissions")
                        .principal("AWS", "arn:aws:iam::" + account + ":root")
                        .on("*"),
                allow("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey")
                        .sid("Allow partners to use the key")
                        .principal("AWS", "*")
                        .on("*"));
        openKey = new Key(
                openId,
                keyArn(openId),
                "legacy report exports",
                days(ids.between(1500, 2000)),
                openPolicy,
                false,
                null);
    }

    private List<Alias> aliases() {
        return List.of(
                new Alias("alias/aws/secretsmanager", ids.uuid(), days(1200)),
                new Alias("alias/aws/ssm", ids.uuid(), days(1190)),
                new Alias("alias/legacy-exports", openKey.id(), openKey.createdAt()),
                new Alias("alias/prod-data", dataKey.id(), dataKey.createdAt()));
    }

    private String keyArn(String id) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + id;
    }

    // ---- Secrets Manager and SSM ---------------------------------------------------------------

    private List<Stack> stacks() {
        List<Stack> stacks = new ArrayList<>();
        for (int i = 0; i + 1 < plan.clusters().size(); i += 2) {
            Cluster web = plan.clusters().get(i);
            Cluster internal = plan.clusters().get(i + 1);
            Map<String, Service> services = new LinkedHashMap<>();
            web.services().forEach(s -> services.put(s.name(), s));
            internal.services().forEach(s -> services.put(s.name(), s));
            String unit = web.name().substring(0, web.name().length() - "-web".length());
            stacks.add(new Stack(unit, i == 0, services));
        }
        return stacks;
    }

    private void secretsAndParameters(Stack stack) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Service service : stack.services().values()) {
            for (TaskDefinition definition : service.revisions()) {
                for (ContainerDef container : definition.containers()) {
                    for (NameValue secret : container.secrets()) {
                        if (seen.putIfAbsent(baseArn(secret.value()), service.name()) == null) {
                            reference(stack, service, baseArn(secret.value()));
                        }
                    }
                }
            }
        }
    }

    /** A {@code valueFrom} without a JSON key suffix ({@code …:password::}). */
    static String baseArn(String valueFrom) {
        String[] parts = valueFrom.split(":", -1);
        return parts[2].equals("secretsmanager")
                ? String.join(":", List.of(parts).subList(0, 7))
                : valueFrom;
    }

    private void reference(Stack stack, Service service, String arn) {
        if (arn.startsWith("arn:aws:ssm:")) {
            String name = "/" + arn.substring(arn.indexOf(":parameter/") + ":parameter/".length());
            boolean secure = name.endsWith("-key");
            parameters.add(new Parameter(
                    name,
                    arn,
                    secure ? "SecureString" : "String",
                    secure ? dataKey.arn() : null,
                    days(ids.between(5, 200)),
                    ids.between(1, 9)));
            return;
        }
        String suffixed = arn.substring(arn.indexOf(":secret:") + ":secret:".length());
        String name = suffixed.substring(0, suffixed.length() - 7);
        boolean unrotated = stack.planted() && service.name().equals("api-gateway");
        boolean database = name.endsWith("-db");
        Instant created = days(ids.between(200, 900));
        Instant lastRotated = unrotated ? null : days(ids.between(1, 29));
        String lambda = unrotated
                ? null
                : "arn:aws:lambda:" + region + ":" + account + ":function:"
                        + (database
                                ? "SecretsManagerRDSPostgreSQLRotationSingleUser"
                                : stack.unit() + "-rotate-api-keys");
        ObjectNode resourcePolicy = null;
        if (stack.planted() && name.endsWith("/psp")) {
            resourcePolicy = document(deny("secretsmanager:GetSecretValue")
                    .sid("OnlyPaymentsReadsThePspKey")
                    .principal("AWS", "*")
                    .on("*")
                    .when(
                            "StringNotEquals",
                            "aws:PrincipalArn",
                            service.current().taskRoleArn(),
                            service.current().executionRoleArn()));
        }
        Secret secret = new Secret(
                arn,
                name,
                service.name() + " " + name.substring(name.lastIndexOf('/') + 1),
                service.name().equals("payments") ? dataKey.arn() : null,
                created,
                unrotated ? created.plusSeconds(ids.between(60, 3600)) : lastRotated,
                days(ids.between(0, 1)),
                lastRotated,
                unrotated ? null : lastRotated.plus(Duration.ofDays(30)),
                lambda,
                ids.uuid(),
                List.of(new NameValue("app", service.name()), new NameValue("unit", stack.unit())),
                resourcePolicy);
        secrets.add(secret);
        if (unrotated) {
            unrotatedSecretArn = arn;
        }
    }

    // ---- ECR ----------------------------------------------------------------------------------

    private static String repositoryName(Stack stack, String service) {
        ContainerDef main = stack.services().get(service).current().containers().getFirst();
        return repositoryOf(main.image());
    }

    /** The repository of an ECR image URI, or null for images elsewhere. */
    static String repositoryOf(String image) {
        int host = image.indexOf(".amazonaws.com/");
        if (!image.contains(".dkr.ecr.") || host < 0) {
            return null;
        }
        return image.substring(host + ".amazonaws.com/".length(), image.lastIndexOf(':'));
    }

    private void images(Stack stack) {
        for (Service service : stack.services().values()) {
            for (TaskDefinition definition : service.revisions()) {
                for (ContainerDef container : definition.containers()) {
                    String name = repositoryOf(container.image());
                    if (name == null) {
                        continue;
                    }
                    boolean planted = stack.planted() && service.name().equals("legacy-reports");
                    Repository repository = repositories.computeIfAbsent(name, n -> repository(stack, service, n));
                    if (repository.images().stream().noneMatch(i -> i.digest().equals(container.digest()))) {
                        var images = new ArrayList<>(repository.images());
                        images.add(image(container, definition, planted));
                        repositories.put(name, withImages(repository, images));
                    }
                }
            }
        }
    }

    private Repository repository(Stack stack, Service service, String name) {
        boolean planted = stack.planted() && service.name().equals("legacy-reports");
        ObjectNode policy = null;
        if (stack.planted() && service.name().equals("api-gateway")) {
            policy =
                    document(allow("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability")
                            .sid("AllowPartnerPull")
                            .principal("AWS", "arn:aws:iam::" + PARTNER_ACCOUNT + ":root"));
        }
        return new Repository(
                name,
                "arn:aws:ecr:" + region + ":" + account + ":repository/" + name,
                days(ids.between(400, 1500)),
                planted,
                !planted,
                policy,
                List.of());
    }

    private static Repository withImages(Repository r, List<Image> images) {
        return new Repository(r.name(), r.arn(), r.createdAt(), r.mutable(), r.scanOnPush(), r.policy(), images);
    }

    private Image image(ContainerDef container, TaskDefinition definition, boolean unscanned) {
        String tag = container.image().substring(container.image().lastIndexOf(':') + 1);
        Instant pushed = definition.registeredAt().minusSeconds(ids.between(300, 7200));
        Map<String, Integer> findings = null;
        Instant scanned = null;
        if (!unscanned) {
            findings = new LinkedHashMap<>();
            findings.put("CRITICAL", ids.between(0, 1));
            findings.put("HIGH", ids.between(0, 6));
            findings.put("MEDIUM", ids.between(2, 20));
            findings.put("LOW", ids.between(3, 30));
            scanned = pushed.plusSeconds(ids.between(20, 120));
        }
        return new Image(
                container.digest(),
                tag,
                ids.between(40_000_000, 400_000_000),
                pushed,
                days(ids.between(0, 1)),
                scanned,
                findings);
    }

    // ---- S3 -----------------------------------------------------------------------------------

    private List<Bucket> buckets() {
        String data = dataBucket(account);
        String assets = publicBucket(account);
        String config = AccountPlanner.configBucket(account);
        String logs = logBucket(account);
        ObjectNode dataPolicy = document(deny("s3:*")
                .sid("DenyInsecureTransport")
                .anyone()
                .on("arn:aws:s3:::" + data, "arn:aws:s3:::" + data + "/*")
                .when("Bool", "aws:SecureTransport", "false"));
        ObjectNode assetsPolicy = document(
                allow("s3:GetObject").sid("PublicReadGetObject").anyone().on("arn:aws:s3:::" + assets + "/*"));
        ObjectNode logsPolicy = document(allow("s3:PutObject")
                .sid("AllowAlbAccessLogs")
                .principal("Service", "logdelivery.elasticloadbalancing.amazonaws.com")
                .on("arn:aws:s3:::" + logs + "/AWSLogs/" + account + "/*"));
        return List.of(
                new Bucket(
                        logs,
                        days(ids.between(400, 900)),
                        List.of(new NameValue("purpose", "alb-access-logs")),
                        logsPolicy,
                        true,
                        null,
                        "Suspended"),
                new Bucket(
                        config,
                        days(ids.between(400, 900)),
                        List.of(new NameValue("purpose", "ecs-environment-files")),
                        null,
                        true,
                        null,
                        "Enabled"),
                new Bucket(
                        data,
                        days(ids.between(400, 900)),
                        List.of(new NameValue("data-classification", "restricted"), new NameValue("owner", "payments")),
                        dataPolicy,
                        true,
                        dataKey.arn(),
                        "Enabled"),
                new Bucket(
                        assets,
                        days(ids.between(400, 900)),
                        List.of(new NameValue("data-classification", "public"), new NameValue("owner", "marketing")),
                        assetsPolicy,
                        false,
                        null,
                        "Suspended"));
    }

    // ---- IAM ----------------------------------------------------------------------------------

    private String roleArn(String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    private static String roleName(String arn) {
        return arn.substring(arn.indexOf(":role/") + ":role/".length());
    }

    private ObjectNode ecsTasksTrust() {
        return document(allow("sts:AssumeRole")
                .principal("Service", "ecs-tasks.amazonaws.com")
                .when("StringEquals", "aws:SourceAccount", account)
                .when("ArnLike", "aws:SourceArn", "arn:aws:ecs:" + region + ":" + account + ":*"));
    }

    private void workloadRoles(Stack stack) {
        Instant created = days(ids.between(300, 700));
        String executionArn =
                stack.services().values().iterator().next().current().executionRoleArn();
        roles.add(new Role(
                roleName(executionArn),
                "/",
                ids.iamId("AROA"),
                created,
                ecsTasksTrust(),
                List.of(new NamedPolicy("read-" + stack.unit() + "-secrets", executionPolicy(stack))),
                List.of(TASK_EXECUTION_POLICY),
                null,
                List.of(new NameValue("unit", stack.unit())),
                days(0).minusSeconds(ids.between(60, 3600)),
                null));
        for (Service service : stack.services().values()) {
            String arn = service.current().taskRoleArn();
            roles.add(new Role(
                    roleName(arn),
                    "/",
                    ids.iamId("AROA"),
                    created.plus(Duration.ofDays(ids.between(0, 30))),
                    ecsTasksTrust(),
                    List.of(new NamedPolicy(service.name() + "-access", taskPolicy(stack, service))),
                    List.of(),
                    planted(stack, service) ? null : customerPolicyArn("workload-boundary"),
                    List.of(
                            new NameValue("app", service.name()),
                            new NameValue("team", service.spec().team())),
                    days(0).minusSeconds(ids.between(60, 3600)),
                    null));
        }
    }

    /** Whether the service's task role carries a planted risk (and so, no permissions boundary). */
    private static boolean planted(Stack stack, Service service) {
        return stack.planted()
                && List.of("orders-worker", "legacy-reports", "marketing-cms").contains(service.name());
    }

    private ObjectNode executionPolicy(Stack stack) {
        String config = AccountPlanner.configBucket(account);
        return document(
                allow("secretsmanager:GetSecretValue")
                        .sid("ReadSecrets")
                        .on("arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + stack.unit() + "/*"),
                allow("ssm:GetParameters")
                        .sid("ReadParameters")
                        .on("arn:aws:ssm:" + region + ":" + account + ":parameter/" + stack.unit() + "/*"),
                allow("kms:Decrypt")
                        .sid("DecryptSecrets")
                        .on(dataKey.arn())
                        .when(
                                "StringEquals",
                                "kms:ViaService",
                                "secretsmanager." + region + ".amazonaws.com",
                                "ssm." + region + ".amazonaws.com"),
                allow("s3:GetObject").sid("EnvironmentFiles").on("arn:aws:s3:::" + config + "/" + stack.unit() + "/*"),
                allow("s3:GetBucketLocation").sid("EnvironmentFilesBucket").on("arn:aws:s3:::" + config));
    }

    private ObjectNode taskPolicy(Stack stack, Service service) {
        String unit = stack.unit();
        String queue = "arn:aws:sqs:" + region + ":" + account + ":" + unit + "-orders";
        String data = "arn:aws:s3:::" + dataBucket(account);
        String assets = "arn:aws:s3:::" + publicBucket(account);
        String prefix = stack.planted() ? "" : unit + "/";
        List<Statement> statements = new ArrayList<>();
        if (service.spec().otelSidecar()) {
            statements.add(allow(
                            "xray:PutTraceSegments",
                            "xray:PutTelemetryRecords",
                            "cloudwatch:PutMetricData",
                            "logs:PutLogEvents")
                    .sid("Telemetry")
                    .on("*"));
        }
        switch (service.name()) {
            case "storefront" ->
                statements.add(allow("s3:GetObject").sid("ReadAssets").on(assets + "/" + prefix + "*"));
            case "api-gateway" ->
                statements.add(allow("sqs:SendMessage").sid("EnqueueOrders").on(queue));
            case "checkout" ->
                statements.add(allow("sqs:SendMessage", "sqs:GetQueueUrl")
                        .sid("EnqueueOrders")
                        .on(queue));
            case "search" ->
                statements.add(allow("es:ESHttpGet", "es:ESHttpPost")
                        .sid("QueryProducts")
                        .on("arn:aws:es:" + region + ":" + account + ":domain/" + unit + "-products/*"));
            case "marketing-cms" ->
                statements.add(
                        stack.planted()
                                ? allow("s3:*").sid("MediaLibrary").on("*")
                                : allow("s3:GetObject", "s3:PutObject")
                                        .sid("MediaLibrary")
                                        .on(assets + "/" + prefix + "*"));
            case "payments" -> statements.addAll(paymentsStatements(stack, service, data, prefix));
            case "orders-worker" -> statements.addAll(ordersStatements(stack, queue));
            case "inventory" ->
                statements.add(allow("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem")
                        .sid("InventoryTable")
                        .on("arn:aws:dynamodb:" + region + ":" + account + ":table/" + unit + "-inventory"));
            case "notifications" ->
                statements.add(allow("ses:SendEmail", "ses:SendRawEmail")
                        .sid("SendMail")
                        .on("arn:aws:ses:" + region + ":" + account + ":identity/" + unit + ".example.com"));
            case "legacy-reports" -> {
                statements.add(allow("s3:GetObject").sid("ReadExports").on(data + "/" + prefix + "exports/*"));
                if (stack.planted()) {
                    statements.add(allow("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion")
                            .sid("ManageReportPolicies")
                            .on("*"));
                    statements.add(
                            allow("sts:AssumeRole").sid("AssumeReportRoles").on("*"));
                }
            }
            default ->
                statements.add(allow("cloudwatch:PutMetricData").sid("Metrics").on("*"));
        }
        return document(statements);
    }

    private List<Statement> paymentsStatements(Stack stack, Service service, String data, String prefix) {
        List<String> own = secrets.stream()
                .filter(s -> s.name().startsWith(stack.unit() + "/" + service.name() + "/"))
                .map(Secret::arn)
                .toList();
        return List.of(
                allow("s3:GetObject").sid("ReadCustomerData").on(data + "/" + prefix + "*"),
                allow("s3:ListBucket").sid("ListCustomerData").on(data),
                allow("secretsmanager:GetSecretValue").sid("ReadOwnSecrets").on(own),
                allow("kms:Decrypt", "kms:GenerateDataKey").sid("UseDataKey").on(dataKey.arn()));
    }

    private List<Statement> ordersStatements(Stack stack, String queue) {
        List<Statement> statements = new ArrayList<>();
        statements.add(allow("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")
                .sid("ConsumeOrders")
                .on(queue));
        if (stack.planted()) {
            statements.add(allow(
                            "ssmmessages:CreateControlChannel",
                            "ssmmessages:CreateDataChannel",
                            "ssmmessages:OpenControlChannel",
                            "ssmmessages:OpenDataChannel")
                    .sid("EcsExec")
                    .on("*"));
            statements.add(allow("ecs:RegisterTaskDefinition", "ecs:RunTask")
                    .sid("SpawnFulfilmentJobs")
                    .on("*"));
            statements.add(allow("iam:PassRole").sid("PassJobRoles").on("*"));
        }
        return statements;
    }

    private Role breakGlass() {
        Role role = new Role(
                "break-glass-admin",
                "/",
                ids.iamId("AROA"),
                days(ids.between(900, 1400)),
                document(allow("sts:AssumeRole").principal("AWS", "arn:aws:iam::" + account + ":root")),
                List.of(),
                List.of(ADMINISTRATOR_ACCESS),
                null,
                List.of(new NameValue("purpose", "emergency access")),
                days(ids.between(40, 200)),
                null);
        roles.add(role);
        return role;
    }

    private Role ciDeploy() {
        Role role = new Role(
                "ci-deploy",
                "/",
                ids.iamId("AROA"),
                days(ids.between(600, 800)),
                document(allow("sts:AssumeRoleWithWebIdentity")
                        .principal("Federated", "arn:aws:iam::" + account + ":oidc-provider/" + GITHUB)
                        .when("StringEquals", GITHUB + ":aud", "sts.amazonaws.com")
                        .when("StringLike", GITHUB + ":sub", GITHUB_SUBJECT)),
                List.of(),
                List.of(customerPolicyArn("prod-deploy")),
                null,
                List.of(new NameValue("purpose", "github-actions-deploy")),
                days(0).minusSeconds(ids.between(3600, 7200)),
                null);
        roles.add(role);
        return role;
    }

    private Role vendorAudit() {
        Role role = new Role(
                "vendor-audit",
                "/",
                ids.iamId("AROA"),
                days(ids.between(300, 600)),
                document(allow("sts:AssumeRole")
                        .principal("AWS", "arn:aws:iam::" + AUDITOR_ACCOUNT + ":root")
                        .when("StringEquals", "sts:ExternalId", EXTERNAL_ID)),
                List.of(),
                List.of(SECURITY_AUDIT),
                null,
                List.of(new NameValue("vendor", "acme-audit")),
                days(ids.between(1, 20)),
                null);
        roles.add(role);
        return role;
    }

    private Role ecsInstanceRole() {
        Instant created = days(ids.between(1000, 1500));
        return new Role(
                "ecsInstanceRole",
                "/",
                ids.iamId("AROA"),
                created,
                document(allow("sts:AssumeRole").sid("").principal("Service", "ec2.amazonaws.com")),
                List.of(),
                List.of(EC2_CONTAINER_POLICY),
                null,
                List.of(),
                null,
                new InstanceProfile("ecsInstanceRole", ids.iamId("AIPA"), created));
    }

    private List<User> users() {
        return List.of(
                new User(
                        "alice",
                        ids.iamId("AIDA"),
                        days(ids.between(800, 900)),
                        List.of("admins"),
                        List.of(),
                        List.of(),
                        null,
                        List.of(new NameValue("team", "platform"))),
                new User(
                        "bob",
                        ids.iamId("AIDA"),
                        days(ids.between(300, 400)),
                        List.of("developers"),
                        List.of(new NamedPolicy(
                                "ecs-exec-prod-internal",
                                document(allow("ecs:ExecuteCommand", "ecs:DescribeTasks")
                                        .on(
                                                "arn:aws:ecs:" + region + ":" + account + ":cluster/prod-internal",
                                                "arn:aws:ecs:" + region + ":" + account + ":task/prod-internal/*")))),
                        List.of(),
                        customerPolicyArn("developer-boundary"),
                        List.of(new NameValue("team", "shop"))));
    }

    private String customerPolicyArn(String name) {
        return "arn:aws:iam::" + account + ":policy/" + name;
    }

    private List<ManagedPolicy> managedPolicies() {
        List<ManagedPolicy> policies = new ArrayList<>();
        Instant deployV1 = days(ids.between(500, 600));
        Instant deployV2 = days(ids.between(30, 90));
        String taskRoles = "arn:aws:iam::" + account + ":role/*-task";
        ObjectNode v1 = document(
                allow("ecs:RegisterTaskDefinition", "ecs:UpdateService", "ecs:DescribeServices")
                        .on("*"),
                allow("iam:PassRole").on("*"));
        ObjectNode v2 = document(
                allow(
                                "ecs:RegisterTaskDefinition",
                                "ecs:DescribeTaskDefinition",
                                "ecs:UpdateService",
                                "ecs:DescribeServices")
                        .sid("Deploy")
                        .on("*"),
                allow(
                                "ecr:GetAuthorizationToken",
                                "ecr:BatchCheckLayerAvailability",
                                "ecr:InitiateLayerUpload",
                                "ecr:UploadLayerPart",
                                "ecr:CompleteLayerUpload",
                                "ecr:PutImage")
                        .sid("PushImages")
                        .on("*"),
                allow("iam:PassRole")
                        .sid("PassTaskRoles")
                        .on(
                                taskRoles,
                                "arn:aws:iam::" + account + ":role/ecsTaskExecutionRole",
                                "arn:aws:iam::" + account + ":role/*-ecs-task-execution")
                        .when("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com"));
        policies.add(new ManagedPolicy(
                "prod-deploy",
                ids.iamId("ANPA"),
                customerPolicyArn("prod-deploy"),
                "/",
                deployV1,
                List.of(new PolicyVersion("v1", v1, deployV1), new PolicyVersion("v2", v2, deployV2))));
        Instant boundaryAt = days(ids.between(300, 400));
        policies.add(new ManagedPolicy(
                "developer-boundary",
                ids.iamId("ANPA"),
                customerPolicyArn("developer-boundary"),
                "/",
                boundaryAt,
                List.of(new PolicyVersion(
                        "v1",
                        document(
                                allow(
                                                "ec2:Describe*",
                                                "ecs:Describe*",
                                                "ecs:List*",
                                                "ecs:ExecuteCommand",
                                                "logs:Get*",
                                                "logs:Describe*",
                                                "cloudwatch:Get*")
                                        .sid("DeveloperCeiling")
                                        .on("*"),
                                deny("iam:*", "organizations:*", "kms:Decrypt", "secretsmanager:GetSecretValue")
                                        .sid("NeverThese")
                                        .on("*")),
                        boundaryAt))));
        Instant workloadAt = days(ids.between(200, 300));
        policies.add(new ManagedPolicy(
                "workload-boundary",
                ids.iamId("ANPA"),
                customerPolicyArn("workload-boundary"),
                "/",
                workloadAt,
                List.of(new PolicyVersion(
                        "v1",
                        document(
                                allow(
                                                "s3:GetObject",
                                                "s3:PutObject",
                                                "s3:ListBucket",
                                                "sqs:*",
                                                "dynamodb:*",
                                                "es:ESHttp*",
                                                "ses:Send*",
                                                "secretsmanager:GetSecretValue",
                                                "kms:Decrypt",
                                                "kms:GenerateDataKey",
                                                "xray:Put*",
                                                "cloudwatch:PutMetricData",
                                                "logs:PutLogEvents")
                                        .sid("WorkloadCeiling")
                                        .on("*"),
                                deny("iam:*", "sts:*", "organizations:*", "ecs:RunTask", "ecs:RegisterTaskDefinition")
                                        .sid("NoControlPlane")
                                        .on("*")),
                        workloadAt))));
        policies.add(aws(
                "AdministratorAccess",
                "ANPAIWMBCKSKIEE64ZLYK",
                ADMINISTRATOR_ACCESS,
                "/",
                "v1",
                "2015-02-06T18:39:46Z",
                document(allow("*").on("*"))));
        policies.add(aws(
                "ReadOnlyAccess",
                "ANPAILL3HVNFSB6DCOWYQ",
                READ_ONLY_ACCESS,
                "/",
                "v118",
                "2015-02-06T18:39:48Z",
                document(allow(
                                "ec2:Describe*",
                                "ecr:Describe*",
                                "ecr:Get*",
                                "ecr:List*",
                                "ecs:Describe*",
                                "ecs:List*",
                                "elasticloadbalancing:Describe*",
                                "iam:Get*",
                                "iam:List*",
                                "kms:Describe*",
                                "kms:List*",
                                "s3:Get*",
                                "s3:List*",
                                "secretsmanager:Describe*",
                                "secretsmanager:List*",
                                "ssm:Describe*",
                                "ssm:Get*",
                                "ssm:List*")
                        .sid("ReadOnlyActions")
                        .on("*"))));
        policies.add(aws(
                "SecurityAudit",
                "ANPAIX2T3QCXHR2OGGCTO",
                SECURITY_AUDIT,
                "/",
                "v38",
                "2015-02-06T18:41:01Z",
                document(allow(
                                "ec2:Describe*",
                                "ecr:DescribeRepositories",
                                "ecr:GetRepositoryPolicy",
                                "ecs:Describe*",
                                "ecs:List*",
                                "elasticloadbalancing:Describe*",
                                "iam:GenerateCredentialReport",
                                "iam:Get*",
                                "iam:List*",
                                "kms:Describe*",
                                "kms:Get*",
                                "kms:List*",
                                "s3:GetBucketPolicy",
                                "s3:GetEncryptionConfiguration",
                                "s3:ListAllMyBuckets",
                                "secretsmanager:GetResourcePolicy",
                                "secretsmanager:ListSecrets")
                        .sid("BaseSecurityAuditStatement")
                        .on("*"))));
        policies.add(aws(
                "AmazonECSTaskExecutionRolePolicy",
                "ANPAJG4T4G4PV56DE72PY",
                TASK_EXECUTION_POLICY,
                "/service-role/",
                "v1",
                "2017-11-16T18:48:22Z",
                document(allow(
                                "ecr:GetAuthorizationToken",
                                "ecr:BatchCheckLayerAvailability",
                                "ecr:GetDownloadUrlForLayer",
                                "ecr:BatchGetImage",
                                "logs:CreateLogStream",
                                "logs:PutLogEvents")
                        .on("*"))));
        policies.add(aws(
                "AmazonEC2ContainerServiceforEC2Role",
                "ANPAJLYJCVHC7TQHCSQDS",
                EC2_CONTAINER_POLICY,
                "/service-role/",
                "v7",
                "2015-03-19T18:45:18Z",
                document(allow(
                                "ec2:DescribeTags",
                                "ecs:CreateCluster",
                                "ecs:DeregisterContainerInstance",
                                "ecs:DiscoverPollEndpoint",
                                "ecs:Poll",
                                "ecs:RegisterContainerInstance",
                                "ecs:StartTelemetrySession",
                                "ecs:UpdateContainerInstancesState",
                                "ecs:Submit*",
                                "ecr:GetAuthorizationToken",
                                "ecr:BatchCheckLayerAvailability",
                                "ecr:GetDownloadUrlForLayer",
                                "ecr:BatchGetImage",
                                "logs:CreateLogStream",
                                "logs:PutLogEvents")
                        .on("*"))));
        return policies;
    }

    /** An AWS managed policy: only its default version is listed (its history is AWS's, not the account's). */
    private static ManagedPolicy aws(
            String name, String id, String arn, String path, String version, String created, ObjectNode doc) {
        Instant createdAt = Instant.parse(created);
        return new ManagedPolicy(
                name,
                id,
                arn,
                path,
                createdAt,
                List.of(new PolicyVersion(version, doc, createdAt.plus(Duration.ofDays(900)))));
    }

    // ---- target health ------------------------------------------------------------------------

    /** A running task of the first stack's {@code search}, failing its ALB health check. */
    private static String unhealthyTask(Stack first) {
        Service search = first.services().get("search");
        return search.tasks().stream()
                .filter(Task::running)
                .reduce((a, b) -> b)
                .map(Task::arn)
                .orElseThrow();
    }

    private Instant days(int days) {
        return Instant.ofEpochSecond(anchor.minus(Duration.ofDays(days)).getEpochSecond() - ids.between(0, 86_399));
    }
}
