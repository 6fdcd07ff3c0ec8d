package io.leeward.app.demo;

import io.leeward.graph.store.Check;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DemoGenerator#generate(Path)} wrote and planted: counts per kind, the files (relative
 * to the output directory, in the order written) and the planted risks, so that tests and the CLI
 * summary need not re-read the files. Never holds a secret value, only names and ARNs.
 *
 * @param directory the directory passed to {@code generate}
 * @param regionDirectory {@code directory/<account>/<region>}, where the regional files are
 * @param globalDirectory {@code directory/<account>/global}, where the IAM and S3 files are
 * @param options the options the account was generated with
 * @param files every file written, relative to {@code directory}, in writing order
 * @param counts how many of each kind were written (every kind present, zero when none)
 * @param roleArns the IAM roles referenced as task or execution roles, sorted (each exists in the
 *     generated authorization details)
 * @param planted the planted risks
 */
public record DemoManifest(
        Path directory,
        Path regionDirectory,
        Path globalDirectory,
        DemoGenerator.Options options,
        List<Path> files,
        Map<Kind, Integer> counts,
        List<String> roleArns,
        Planted planted) {

    public DemoManifest {
        Check.notNull(directory, "directory");
        Check.notNull(regionDirectory, "regionDirectory");
        Check.notNull(options, "options");
        Check.notNull(globalDirectory, "globalDirectory");
        Check.notNull(planted, "planted");
        Check.notNull(planted.access(), "planted.access");
        files = List.copyOf(files);
        var copy = new EnumMap<Kind, Integer>(Kind.class);
        for (Kind kind : Kind.values()) {
            copy.put(kind, counts.getOrDefault(kind, 0));
        }
        counts = Collections.unmodifiableMap(copy);
        roleArns = List.copyOf(roleArns);
    }

    /** How many of {@code kind} were written. */
    public int count(Kind kind) {
        return counts.get(kind);
    }

    /** The kinds of things counted. */
    public enum Kind {
        VPC,
        SUBNET,
        SECURITY_GROUP,
        /** All ENIs in describe-network-interfaces: task, load balancer and NAT gateway ENIs. */
        NETWORK_INTERFACE,
        LOAD_BALANCER,
        NAT_GATEWAY,
        CLUSTER,
        SERVICE,
        /** Task definition revisions written, one file each. */
        TASK_DEFINITION,
        /** All tasks, running and stopped. */
        TASK,
        RUNNING_TASK,
        STOPPED_TASK,
        /** Containers of all tasks. */
        CONTAINER,
        INTERNET_GATEWAY,
        /** Main, public and private tables of every VPC. */
        ROUTE_TABLE,
        NETWORK_ACL,
        /** Listener rules of the HTTPS listeners, the default rules included. */
        LISTENER_RULE,
        /** Targets in describe-target-health, over all target groups. */
        TARGET,
        IAM_USER,
        IAM_GROUP,
        IAM_ROLE,
        /** Managed policies in the authorization details: the account's and the attached AWS ones. */
        IAM_POLICY,
        S3_BUCKET,
        /** Customer managed KMS keys (with describe-key, policy and rotation files). */
        KMS_KEY,
        SECRET,
        SSM_PARAMETER,
        ECR_REPOSITORY,
        /** Images in ECR repositories (one per digest the task definitions name). */
        IMAGE
    }

    /**
     * The risks planted in the account, for tests and the demo's walkthrough.
     *
     * @param wideOpenSecurityGroupId the group open to 0.0.0.0/0 (and ::/0) on 22 and 5432
     * @param wideOpenServiceArn the service that group is attached to
     * @param internetFacingServiceArns services registered with an internet-facing ALB
     * @param publicIpServiceArns services with {@code assignPublicIp} ENABLED
     * @param publicIpTaskArns running tasks that hold a public IP
     * @param executeCommandServiceArn the service with {@code enableExecuteCommand} true
     * @param privilegedContainer the container definition running as root with a writable root
     *     filesystem and an added capability ({@code SYS_PTRACE}); Fargate refuses {@code privileged:
     *     true}, so this is the most privileged form a Fargate container can take
     * @param plaintextSecrets environment variables holding secret-looking values in plain text
     * @param reusedIps private IPs of stopped tasks now held by running tasks (Fargate reuses IPs)
     * @param access the IAM, data store and registry risks (null only while the account is planned)
     */
    public record Planted(
            String wideOpenSecurityGroupId,
            String wideOpenServiceArn,
            List<String> internetFacingServiceArns,
            List<String> publicIpServiceArns,
            List<String> publicIpTaskArns,
            String executeCommandServiceArn,
            ContainerRef privilegedContainer,
            List<EnvVarRef> plaintextSecrets,
            List<ReusedIp> reusedIps,
            AccessRisks access) {

        public Planted {
            Check.notBlank(wideOpenSecurityGroupId, "wideOpenSecurityGroupId");
            Check.notBlank(wideOpenServiceArn, "wideOpenServiceArn");
            Check.notBlank(executeCommandServiceArn, "executeCommandServiceArn");
            Check.notNull(privilegedContainer, "privilegedContainer");
            internetFacingServiceArns = List.copyOf(internetFacingServiceArns);
            publicIpServiceArns = List.copyOf(publicIpServiceArns);
            publicIpTaskArns = List.copyOf(publicIpTaskArns);
            plaintextSecrets = List.copyOf(plaintextSecrets);
            reusedIps = List.copyOf(reusedIps);
        }

        /** These risks with the access risks set. */
        Planted withAccess(AccessRisks risks) {
            return new Planted(
                    wideOpenSecurityGroupId,
                    wideOpenServiceArn,
                    internetFacingServiceArns,
                    publicIpServiceArns,
                    publicIpTaskArns,
                    executeCommandServiceArn,
                    privilegedContainer,
                    plaintextSecrets,
                    reusedIps,
                    Check.notNull(risks, "access"));
        }

        /** The names of the planted plain-text secret variables, in order. */
        public List<String> plaintextSecretNames() {
            return plaintextSecrets.stream().map(EnvVarRef::name).toList();
        }
    }

    /**
     * The IAM, data and registry risks planted in the first stack, and the crown jewels they lead
     * to, by ARN or name only.
     *
     * @param passRoleEscalationRoleArn task role allowed {@code iam:PassRole} on {@code *} with
     *     {@code ecs:RegisterTaskDefinition} and {@code ecs:RunTask}: it can run a task under any
     *     role that trusts ECS tasks
     * @param policyVersionEscalationRoleArn task role allowed {@code iam:CreatePolicyVersion} and
     *     {@code iam:SetDefaultPolicyVersion} on {@code *}, and {@code sts:AssumeRole} on {@code *}
     * @param s3WildcardRoleArn the internet-facing, root container's task role, allowed {@code s3:*}
     *     on {@code *}
     * @param rootTrustedAdminRoleArn a role with AdministratorAccess that trusts the account root
     *     (any principal of the account allowed sts:AssumeRole), without an MFA condition
     * @param oidcDeployRoleArn the deploy role trusted by GitHub's OIDC provider for one repository
     * @param externalIdRoleArn the auditor role trusted by another account with an external id
     * @param sensitiveBucket the bucket holding restricted customer data (SSE-KMS, versioned,
     *     public access blocked)
     * @param sensitiveBucketReaderRoleArn the task role that legitimately reads it
     * @param publicBucket the bucket whose policy allows {@code s3:GetObject} to {@code *}, with
     *     public access blocks off
     * @param dataKeyArn the customer managed key for the customer data (rotation on)
     * @param openKeyArn a key whose policy allows {@code "AWS": "*"} without a condition, rotation off
     * @param unrotatedSecretArn the Secrets Manager secret without rotation
     * @param unscannedRepositoryArn the ECR repository with mutable tags and no scan on push
     * @param crossAccountRepositoryArn the ECR repository another account may pull from
     */
    public record AccessRisks(
            String passRoleEscalationRoleArn,
            String policyVersionEscalationRoleArn,
            String s3WildcardRoleArn,
            String rootTrustedAdminRoleArn,
            String oidcDeployRoleArn,
            String externalIdRoleArn,
            String sensitiveBucket,
            String sensitiveBucketReaderRoleArn,
            String publicBucket,
            String dataKeyArn,
            String openKeyArn,
            String unrotatedSecretArn,
            String unscannedRepositoryArn,
            String crossAccountRepositoryArn) {

        public AccessRisks {
            Check.notBlank(passRoleEscalationRoleArn, "passRoleEscalationRoleArn");
            Check.notBlank(policyVersionEscalationRoleArn, "policyVersionEscalationRoleArn");
            Check.notBlank(s3WildcardRoleArn, "s3WildcardRoleArn");
            Check.notBlank(rootTrustedAdminRoleArn, "rootTrustedAdminRoleArn");
            Check.notBlank(oidcDeployRoleArn, "oidcDeployRoleArn");
            Check.notBlank(externalIdRoleArn, "externalIdRoleArn");
            Check.notBlank(sensitiveBucket, "sensitiveBucket");
            Check.notBlank(sensitiveBucketReaderRoleArn, "sensitiveBucketReaderRoleArn");
            Check.notBlank(publicBucket, "publicBucket");
            Check.notBlank(dataKeyArn, "dataKeyArn");
            Check.notBlank(openKeyArn, "openKeyArn");
            Check.notBlank(unrotatedSecretArn, "unrotatedSecretArn");
            Check.notBlank(unscannedRepositoryArn, "unscannedRepositoryArn");
            Check.notBlank(crossAccountRepositoryArn, "crossAccountRepositoryArn");
        }
    }

    /** A container definition in a task definition revision. */
    public record ContainerRef(String taskDefinitionArn, String containerName) {
        public ContainerRef {
            Check.notBlank(taskDefinitionArn, "taskDefinitionArn");
            Check.notBlank(containerName, "containerName");
        }
    }

    /** An environment variable (by name only) of a container definition. */
    public record EnvVarRef(String taskDefinitionArn, String containerName, String name) {
        public EnvVarRef {
            Check.notBlank(taskDefinitionArn, "taskDefinitionArn");
            Check.notBlank(containerName, "containerName");
            Check.notBlank(name, "name");
        }
    }

    /** A private IP held by a stopped task and, after it stopped, by a running one. */
    public record ReusedIp(String privateIp, String stoppedTaskArn, String runningTaskArn) {
        public ReusedIp {
            Check.notBlank(privateIp, "privateIp");
            Check.notBlank(stoppedTaskArn, "stoppedTaskArn");
            Check.notBlank(runningTaskArn, "runningTaskArn");
        }
    }
}
