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
 * @param regionDirectory {@code directory/<account>/<region>}, where the files are
 * @param options the options the account was generated with
 * @param files every file written, relative to {@code directory}, in writing order
 * @param counts how many of each kind were written (every kind present, zero when none)
 * @param roleArns the IAM roles referenced as task or execution roles, sorted (IAM itself is not
 *     generated)
 * @param planted the planted risks
 */
public record DemoManifest(
        Path directory,
        Path regionDirectory,
        DemoGenerator.Options options,
        List<Path> files,
        Map<Kind, Integer> counts,
        List<String> roleArns,
        Planted planted) {

    public DemoManifest {
        Check.notNull(directory, "directory");
        Check.notNull(regionDirectory, "regionDirectory");
        Check.notNull(options, "options");
        Check.notNull(planted, "planted");
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
        CONTAINER
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
            List<ReusedIp> reusedIps) {

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

        /** The names of the planted plain-text secret variables, in order. */
        public List<String> plaintextSecretNames() {
            return plaintextSecrets.stream().map(EnvVarRef::name).toList();
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
