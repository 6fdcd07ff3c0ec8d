package io.leeward.graph.schema;

/**
 * Every node label Leeward writes. Labels reach Cypher only from this enum, never from input.
 *
 * <p>Each label is keyed by {@link #KEY} ({@code id}), which carries a natural, stable key: the ARN
 * where AWS has one, otherwise the AWS id, digest, purl or advisory id. {@link #since()} names the
 * schema migration that created the label's constraint.
 */
public enum NodeLabel {
    AwsAccount(
            Group.INVENTORY,
            "An AWS account, keyed by its 12-digit account id; an organization member also carries its name, email,"
                    + " status, organizationId and ouPath."),
    Vpc(Group.INVENTORY, "A VPC, keyed by its id (vpc-…); carries the CIDR blocks and whether it is the default VPC."),
    Subnet(
            Group.INVENTORY,
            "A VPC subnet, keyed by its id (subnet-…); carries CIDR, availability zone and whether it maps public IPs on launch."),
    RouteTable(Group.INVENTORY, "A VPC route table, keyed by its id (rtb-…)."),
    InternetGateway(Group.INVENTORY, "An internet gateway, keyed by its id (igw-…)."),
    NatGateway(Group.INVENTORY, "A NAT gateway, keyed by its id (nat-…)."),
    NetworkAcl(Group.INVENTORY, "A network ACL, keyed by its id (acl-…)."),
    SecurityGroup(Group.INVENTORY, "A security group, keyed by its id (sg-…)."),
    SecurityGroupRule(
            Group.INVENTORY,
            "One rule of a security group, keyed by the rule id (sgr-…) where AWS gives one, otherwise by group, direction, protocol, ports and peer."),
    NetworkInterface(
            Group.INVENTORY,
            "An elastic network interface, keyed by its id (eni-…); carries private and public addresses and what owns it."),
    LoadBalancer(Group.INVENTORY, "An ELBv2 load balancer (application, network or gateway), keyed by its ARN."),
    Listener(Group.INVENTORY, "A load balancer listener, keyed by its ARN."),
    ListenerRule(
            Group.INVENTORY,
            "A rule of an application load balancer listener, keyed by its ARN; carries priority, conditions and actions.",
            2),
    TargetGroup(Group.INVENTORY, "A load balancer target group, keyed by its ARN."),
    EcsCluster(Group.INVENTORY, "An ECS cluster, keyed by its ARN."),
    EcsService(
            Group.INVENTORY,
            "An ECS service, keyed by its ARN; carries launch type, desired and running counts, public IP assignment and execute-command flag."),
    TaskDefinition(Group.INVENTORY, "An ECS task definition revision, keyed by its ARN (family:revision)."),
    ContainerDefinition(
            Group.INVENTORY,
            "One container of a task definition, keyed by the task definition ARN and the container name (ARN#name)."),
    EcsTask(
            Group.INVENTORY,
            "An ECS task, keyed by its ARN; carries launch type, last and desired status, start and stop times and platform version."),
    Container(Group.INVENTORY, "A container of a running or stopped ECS task, keyed by its container ARN."),
    EcsContainerInstance(
            Group.INVENTORY,
            "An EC2 instance registered to an ECS cluster (EC2 launch type), keyed by its container instance ARN.",
            2),
    Ec2Instance(Group.INVENTORY, "An EC2 instance, keyed by its id (i-…)."),
    EcrRepository(Group.INVENTORY, "An ECR repository, keyed by its ARN."),
    Image(Group.IMAGES, "A container image, keyed by its manifest digest (sha256:…)."),
    IamUser(Group.IAM, "An IAM user, keyed by its ARN."),
    IamGroup(Group.IAM, "An IAM group, keyed by its ARN."),
    IamRole(Group.IAM, "An IAM role, keyed by its ARN."),
    InstanceProfile(Group.IAM, "An IAM instance profile, keyed by its ARN; hands its role to EC2 instances.", 2),
    IamPolicy(
            Group.IAM,
            "An IAM managed or inline policy, or an AWS Organizations service or resource control policy, keyed by its ARN"
                    + " (inline policies: principal ARN#policy name); policyType tells which."),
    S3Bucket(Group.INVENTORY, "An S3 bucket, keyed by its ARN (arn:aws:s3:::name)."),
    Secret(
            Group.INVENTORY,
            "A Secrets Manager secret or SSM parameter, keyed by its ARN; metadata only, never the value."),
    KmsKey(Group.INVENTORY, "A KMS key, keyed by its ARN."),
    Package(Group.IMAGES, "A software package, keyed by its package URL (purl)."),
    Vulnerability(Group.IMAGES, "A vulnerability advisory, keyed by its CVE, GHSA or vendor id."),
    Internet(Group.RUNTIME, "The public internet, a single node keyed 'internet'."),
    ExternalHost(
            Group.RUNTIME,
            "A public address outside the inventory that workloads talk to, keyed by IP address; carries the AWS"
                    + " service name when flow logs give one."),
    TrafficHour(
            Group.RUNTIME,
            "The traffic counters of one COMMUNICATES_WITH relationship in one hour, keyed by the relationship's ends,"
                    + " key and the hour; kept for the retention period to answer what changed.",
            2),
    Process(Group.RUNTIME, "An executable observed at runtime, aggregated per workload and executable."),
    ApiEndpoint(Group.RUNTIME, "An HTTP endpoint discovered from traffic: method, host and templated path."),
    Detection(Group.RUNTIME, "A runtime detection raised by a rule, with its evidence."),
    Finding(Group.ANALYSIS, "A finding produced by analysis or a posture check, with its evidence."),
    SyncRun(Group.META, "One run of a loader: source, start and end, status, loaded and rejected counts."),
    SyncScope(
            Group.META,
            "The last complete sync of one scope, keyed source|account|region|kind; stale data of a scope is removed only after it."),
    SchemaMigration(Group.META, "A schema migration applied to this database, keyed by its version number."),
    Checkpoint(
            Group.META,
            "How far a streamed input object (a flow log file or S3 object) was applied, keyed by source and the"
                    + " object's identity; written in the same transaction as the counters it covers.",
            2);

    /** The key property of every label. */
    public static final String KEY = "id";

    private final Group group;
    private final String description;
    private final int since;

    NodeLabel(Group group, String description) {
        this(group, description, 1);
    }

    NodeLabel(Group group, String description, int since) {
        this.group = group;
        this.description = description;
        this.since = since;
    }

    public Group group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** The migration version that introduced this label's key constraint. */
    public int since() {
        return since;
    }

    /** The label as it appears in Cypher, back-quoted. Safe: enum names are plain identifiers. */
    public String cypher() {
        return "`" + name() + "`";
    }

    /** Whether loaders write this label; meta labels are Leeward's own bookkeeping. */
    public boolean isData() {
        return group != Group.META;
    }

    /** Which part of the model a label belongs to; orders docs/schema.md. */
    public enum Group {
        INVENTORY("Inventory"),
        IAM("IAM"),
        IMAGES("Images"),
        RUNTIME("Runtime"),
        ANALYSIS("Analysis"),
        META("Leeward bookkeeping");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
