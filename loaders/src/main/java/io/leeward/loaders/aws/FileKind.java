package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.*;
import static io.leeward.graph.schema.RelType.*;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.loaders.ingest.JsonArrayReader;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AWS CLI outputs the import reads, in the order it reads them: every node is written before the
 * relationships that point at it. Each kind names the node labels and relationship types it
 * produces, which decides the scopes a region covers; Organizations kinds are scoped by {@link
 * Organization} instead.
 */
enum FileKind {
    KMS_ALIASES("kms-list-aliases", "Aliases", KmsMappers::aliases),
    KMS_KEY_LIST("kms-list-keys", "Keys", KmsMappers::keys),
    KMS_KEYS("kms-describe-key", null, KmsMappers::describe, EnumSet.of(KmsKey), EnumSet.of(IN_ACCOUNT)),
    KMS_KEY_POLICIES("kms-get-key-policy", null, KmsMappers::policy),
    KMS_KEY_ROTATION("kms-get-key-rotation-status", null, KmsMappers::rotation),
    ECR_REPOSITORIES(
            "ecr-describe-repositories",
            "repositories",
            EcrMappers::repositories,
            EnumSet.of(EcrRepository),
            EnumSet.of(IN_ACCOUNT, ENCRYPTED_WITH)),
    ECR_IMAGES("ecr-describe-images", "imageDetails", EcrMappers::images, EnumSet.of(Image), EnumSet.of(HAS_IMAGE)),
    ECR_POLICIES("ecr-get-repository-policy", null, EcrMappers::policy),
    SECRETS(
            "secretsmanager-list-secrets",
            "SecretList",
            SecretMappers::secrets,
            EnumSet.of(Secret),
            EnumSet.of(IN_ACCOUNT, ENCRYPTED_WITH)),
    SECRET_POLICIES("secretsmanager-get-resource-policy", null, SecretMappers::policy),
    SSM_PARAMETERS(
            "ssm-describe-parameters",
            "Parameters",
            SecretMappers::parameters,
            EnumSet.of(Secret),
            EnumSet.of(IN_ACCOUNT, ENCRYPTED_WITH)),
    S3_BUCKETS("s3api-list-buckets", "Buckets", S3Mappers::buckets, EnumSet.of(S3Bucket), EnumSet.of(IN_ACCOUNT)) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_BUCKET_LOCATIONS("s3api-get-bucket-location", null, S3Mappers.LOCATION) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_BUCKET_POLICIES("s3api-get-bucket-policy", null, S3Mappers.POLICY) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_BUCKET_POLICY_STATUS("s3api-get-bucket-policy-status", null, S3Mappers.POLICY_STATUS) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_PUBLIC_ACCESS_BLOCKS("s3api-get-public-access-block", null, S3Mappers.PUBLIC_ACCESS_BLOCK) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_BUCKET_ACLS("s3api-get-bucket-acl", null, S3Mappers.ACL) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_BUCKET_ENCRYPTION(
            "s3api-get-bucket-encryption",
            null,
            S3Mappers.ENCRYPTION,
            EnumSet.noneOf(NodeLabel.class),
            EnumSet.of(ENCRYPTED_WITH)) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_BUCKET_VERSIONING("s3api-get-bucket-versioning", null, S3Mappers.VERSIONING) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_BUCKET_TAGGING("s3api-get-bucket-tagging", null, S3Mappers.TAGGING) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    S3_ACCOUNT_PUBLIC_ACCESS_BLOCK("s3control-get-public-access-block", null, S3Mappers::accountPublicAccessBlock) {
        @Override
        boolean isGlobal() {
            return true;
        }
    },
    VPCS("ec2-describe-vpcs", "Vpcs", new VpcMapper(), EnumSet.of(Vpc), EnumSet.of(IN_ACCOUNT)),
    SUBNETS("ec2-describe-subnets", "Subnets", new SubnetMapper(), EnumSet.of(Subnet), EnumSet.of(IN_VPC)),
    SECURITY_GROUPS(
            "ec2-describe-security-groups",
            "SecurityGroups",
            new SecurityGroupMapper(),
            EnumSet.of(SecurityGroup, SecurityGroupRule),
            EnumSet.of(IN_VPC, HAS_RULE, ALLOWS_FROM)),
    NETWORK_ACLS(
            "ec2-describe-network-acls",
            "NetworkAcls",
            new NetworkAclMapper(),
            EnumSet.of(NetworkAcl),
            EnumSet.of(IN_VPC, ASSOCIATED_WITH)),
    INTERNET_GATEWAYS(
            "ec2-describe-internet-gateways",
            "InternetGateways",
            new InternetGatewayMapper(),
            EnumSet.of(InternetGateway),
            EnumSet.of(IN_VPC)),
    NETWORK_INTERFACES(
            "ec2-describe-network-interfaces",
            "NetworkInterfaces",
            new NetworkInterfaceMapper(),
            EnumSet.of(NetworkInterface),
            EnumSet.of(IN_SUBNET, PROTECTED_BY)),
    NAT_GATEWAYS(
            "ec2-describe-nat-gateways",
            "NatGateways",
            new NatGatewayMapper(),
            EnumSet.of(NatGateway),
            EnumSet.of(IN_SUBNET, IN_VPC, USES_ENI)),
    INSTANCES(
            "ec2-describe-instances",
            "Reservations",
            new InstanceMapper(),
            EnumSet.of(Ec2Instance),
            EnumSet.of(IN_SUBNET, IN_VPC, PROTECTED_BY, USES_ENI, USES_PROFILE)),
    ROUTE_TABLES(
            "ec2-describe-route-tables",
            "RouteTables",
            new RouteTableMapper(),
            EnumSet.of(RouteTable),
            EnumSet.of(IN_VPC, ASSOCIATED_WITH, ROUTES_TO)),
    LOAD_BALANCERS(
            "elbv2-describe-load-balancers",
            "LoadBalancers",
            new LoadBalancerMapper(),
            EnumSet.of(LoadBalancer),
            EnumSet.of(IN_VPC, IN_SUBNET, PROTECTED_BY, USES_ENI)),
    TARGET_GROUPS(
            "elbv2-describe-target-groups",
            "TargetGroups",
            new TargetGroupMapper(),
            EnumSet.of(TargetGroup),
            EnumSet.of(IN_VPC)),
    LISTENERS(
            "elbv2-describe-listeners",
            "Listeners",
            new ListenerMapper(),
            EnumSet.of(Listener),
            EnumSet.of(HAS_LISTENER, FORWARDS_TO)),
    LISTENER_RULES(
            "elbv2-describe-rules",
            "Rules",
            new ListenerRuleMapper(),
            EnumSet.of(ListenerRule),
            EnumSet.of(HAS_RULE, FORWARDS_TO)),
    CLUSTERS("ecs-describe-clusters", "clusters", new ClusterMapper(), EnumSet.of(EcsCluster), EnumSet.of(IN_ACCOUNT)),
    CONTAINER_INSTANCES(
            "ecs-describe-container-instances",
            "containerInstances",
            new ContainerInstanceMapper(),
            EnumSet.of(EcsContainerInstance),
            EnumSet.of(IN_CLUSTER, RUNS_ON)),
    TASK_DEFINITIONS(
            "ecs-describe-task-definition",
            null,
            new TaskDefinitionMapper(),
            EnumSet.of(TaskDefinition, ContainerDefinition, Finding),
            EnumSet.of(HAS_CONTAINER, TASK_ROLE, EXECUTION_ROLE, READS_SECRET, RUNS_IMAGE, ON)),
    SERVICES(
            "ecs-describe-services",
            "services",
            new ServiceMapper(),
            EnumSet.of(EcsService),
            EnumSet.of(IN_CLUSTER, RUNS, IN_SUBNET, PROTECTED_BY, TARGETS)),
    TASKS(
            "ecs-describe-tasks",
            "tasks",
            new TaskMapper(),
            EnumSet.of(EcsTask, Container),
            EnumSet.of(IN_CLUSTER, INSTANCE_OF, MEMBER_OF, USES_ENI, IN_SUBNET, HAS_CONTAINER, RUNS_IMAGE, PLACED_ON)),
    TARGET_HEALTH(
            "elbv2-describe-target-health",
            "TargetHealthDescriptions",
            new TargetHealthMapper(),
            EnumSet.noneOf(NodeLabel.class),
            EnumSet.of(TARGETS)),
    /** One document with four arrays, streamed in one pass; a raw paginated dump is several files. */
    IAM_AUTHORIZATION_DETAILS(
            "iam-get-account-authorization-details",
            null,
            new AuthorizationDetailsMapper(),
            EnumSet.of(IamUser, IamGroup, IamRole, IamPolicy, InstanceProfile),
            EnumSet.of(IN_ACCOUNT, MEMBER_OF, HAS_POLICY, PERMISSIONS_BOUNDARY, TRUSTS, HAS_ROLE)) {
        @Override
        boolean isGlobal() {
            return true;
        }

        @Override
        JsonArrayReader open(Path path, String name) {
            return JsonArrayReader.elements(path, name, AuthorizationDetailsMapper.ARRAYS);
        }

        @Override
        JsonArrayReader open(JsonNode document, String name) {
            return JsonArrayReader.elements(document, name, AuthorizationDetailsMapper.ARRAYS);
        }
    },
    /*
     * AWS Organizations, from the management (or delegated administrator) account: the organization
     * first, since its id scopes the rest; then the tree top down, so that an account's path is known
     * when it is read; then the policies and what they are attached to. Organization kinds declare
     * their own scopes under the organization id (see Organization).
     */
    ORGANIZATION(
            "organizations-describe-organization",
            null,
            OrganizationMapper.ORGANIZATION,
            EnumSet.noneOf(NodeLabel.class),
            EnumSet.noneOf(RelType.class)) {
        @Override
        boolean isOrganization() {
            return true;
        }

        @Override
        boolean names(String fileName) {
            // describe-organizational-unit starts with the same words and is not read
            return super.names(fileName) && !fileName.startsWith("organizations-describe-organizational-unit");
        }
    },
    ROOTS(
            "organizations-list-roots",
            "Roots",
            OrganizationMapper.ROOTS,
            EnumSet.noneOf(NodeLabel.class),
            EnumSet.of(HAS_POLICY)) {
        @Override
        boolean isOrganization() {
            return true;
        }
    },
    ORGANIZATIONAL_UNITS(
            "organizations-list-organizational-units-for-parent",
            "OrganizationalUnits",
            OrganizationMapper.ORGANIZATIONAL_UNITS,
            EnumSet.noneOf(NodeLabel.class),
            EnumSet.of(HAS_POLICY)) {
        @Override
        boolean isOrganization() {
            return true;
        }
    },
    ACCOUNTS(
            "organizations-list-accounts-for-parent",
            "Accounts",
            OrganizationMapper.ACCOUNTS,
            EnumSet.of(AwsAccount),
            EnumSet.of(HAS_POLICY)) {
        @Override
        boolean isOrganization() {
            return true;
        }
    },
    POLICY_LIST(
            "organizations-list-policies",
            "Policies",
            OrganizationMapper.POLICY_LIST,
            EnumSet.of(IamPolicy),
            EnumSet.noneOf(RelType.class)) {
        @Override
        boolean isOrganization() {
            return true;
        }
    },
    POLICIES(
            "organizations-describe-policy",
            null,
            OrganizationMapper.POLICY,
            EnumSet.of(IamPolicy),
            EnumSet.of(HAS_POLICY)) {
        @Override
        boolean isOrganization() {
            return true;
        }
    },
    POLICY_TARGETS(
            "organizations-list-targets-for-policy",
            "Targets",
            OrganizationMapper.TARGETS,
            EnumSet.noneOf(NodeLabel.class),
            EnumSet.of(HAS_POLICY)) {
        @Override
        boolean isOrganization() {
            return true;
        }
    };

    /**
     * Files whose operations return secret values; the layout skips them unread. Leeward keeps
     * secret metadata only ({@link #SECRETS}, {@link #SSM_PARAMETERS}).
     */
    static final List<String> VALUE_OPERATIONS = List.of(
            "secretsmanager-get-secret-value",
            "secretsmanager-batch-get-secret-value",
            "ssm-get-parameter",
            "kms-decrypt",
            "kms-generate-data-key");

    /** Longest operation first, so that a name matches the most specific kind. */
    private static final List<FileKind> BY_SPECIFICITY = List.of(values()).stream()
            .sorted(Comparator.comparingInt((FileKind kind) -> kind.operation.length())
                    .reversed())
            .toList();

    private final String operation;
    private final String arrayField;
    private final RecordMapper mapper;
    private final Set<NodeLabel> labels;
    private final Set<RelType> types;

    /**
     * A kind that only adds properties to nodes other kinds write (a policy, a rotation status), or
     * only notes keys for later ones (aliases): it declares no scope of its own, so its absence leaves
     * the scopes of the nodes it describes alone.
     */
    FileKind(String operation, String arrayField, RecordMapper mapper) {
        this(operation, arrayField, mapper, EnumSet.noneOf(NodeLabel.class), EnumSet.noneOf(RelType.class));
    }

    FileKind(String operation, String arrayField, RecordMapper mapper, Set<NodeLabel> labels, Set<RelType> types) {
        this.operation = operation;
        this.arrayField = arrayField;
        this.mapper = mapper;
        this.labels = labels;
        this.types = types;
    }

    /**
     * Whether the kind describes a global service (IAM, Organizations, the S3 bucket list), read from
     * {@code DIR/<account>/global/}, rather than one region.
     */
    boolean isGlobal() {
        return isOrganization();
    }

    /**
     * Whether the kind describes AWS Organizations: its data belongs to the organization, not to the
     * account whose directory holds it, and {@link Organization} declares its scopes.
     */
    boolean isOrganization() {
        return false;
    }

    /** Whether a file name ({@code <operation>[anything].json[.gz]}) is one of this kind's. */
    boolean names(String fileName) {
        return fileName.startsWith(operation);
    }

    /** The file name prefix: the CLI service and operation, e.g. {@code ecs-describe-tasks}. */
    String operation() {
        return operation;
    }

    RecordMapper mapper() {
        return mapper;
    }

    boolean produces(NodeLabel label) {
        return labels.contains(label);
    }

    boolean produces(RelType type) {
        return types.contains(type);
    }

    /**
     * The resource a file name carries for responses that do not name it themselves (a bucket policy,
     * a key's rotation status): the text between an underscore right after the operation and {@code
     * .json}; {@code s3api-get-bucket-policy_orders-prod.json} carries {@code orders-prod}. Null when
     * the name has none. The resource runs from the first underscore after the operation, so it may
     * hold further underscores: a target group's {@code <name>_<id>}.
     */
    String resourceOf(String fileName) {
        if (!fileName.startsWith(operation + "_")) {
            return null;
        }
        String rest = fileName.substring(operation.length() + 1);
        int end = rest.endsWith(".json.gz") ? rest.length() - ".json.gz".length() : rest.length() - ".json".length();
        return end <= 0 ? null : rest.substring(0, end);
    }

    /** Opens a reader over the records of one file of this kind. */
    JsonArrayReader open(Path path, String name) {
        return arrayField == null
                ? JsonArrayReader.document(path, name)
                : JsonArrayReader.elements(path, name, arrayField);
    }

    /**
     * Opens a reader over the records of one response document held in memory. An API response with
     * nothing to list may leave its array out, where the CLI prints {@code []}: it has no records.
     */
    JsonArrayReader open(JsonNode document, String name) {
        if (arrayField == null) {
            return JsonArrayReader.document(document, name);
        }
        if (document.isObject() && !document.has(arrayField)) {
            ObjectNode empty = JsonNodeFactory.instance.objectNode();
            empty.putArray(arrayField);
            return JsonArrayReader.elements(empty, name, arrayField);
        }
        return JsonArrayReader.elements(document, name, arrayField);
    }

    /** The kind of an operation name ({@code ecs-describe-tasks}), or null when it is none. */
    static FileKind ofOperation(String operation) {
        for (FileKind kind : values()) {
            if (kind.operation.equals(operation)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Whether a file read to its end is one page of a listing with more pages to come: its response
     * says {@code "IsTruncated": true} (IAM's pagination), or, for Organizations, carries a {@code
     * NextToken} (the CLI prints one only under {@code --no-paginate} or {@code --max-items}). A kind
     * whose files are all such pages is missing its last page.
     */
    boolean isTruncated(JsonArrayReader reader) {
        if (isOrganization()) {
            return reader.member("NextToken").map(token -> !token.isNull()).orElse(false);
        }
        return reader.member("IsTruncated").map(JsonNode::asBoolean).orElse(false);
    }

    /** The kind of a file name ({@code <operation>[anything].json[.gz]}), or null when it is none. */
    static FileKind of(String fileName) {
        if (!fileName.endsWith(".json") && !fileName.endsWith(".json.gz")) {
            return null;
        }
        for (FileKind kind : BY_SPECIFICITY) {
            if (kind.names(fileName)) {
                return kind;
            }
        }
        return null;
    }

    /** The accepted names, for messages. */
    static String expectedNames() {
        var names = new StringBuilder();
        for (FileKind kind : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(kind.operation).append("*.json");
        }
        return names.append(" (or .json.gz)").toString();
    }
}
