package io.leeward.loaders.aws;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.ArnType;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the mappers of one account and region share: where they are, which labels this region's
 * input loads (a relationship to a label it does not load points at a placeholder instead), and the
 * few keys later files need from earlier ones (task definitions loaded, service ARNs by cluster and
 * name, target groups by name and id, interface ids by private address, task ARNs by interface).
 * Keys only, never records: memory stays small however large the account.
 */
final class RegionContext {
    private final String account;
    private final String region;
    private final Fingerprints fingerprints;
    private final Set<NodeLabel> loaded = EnumSet.noneOf(NodeLabel.class);
    private final Set<String> taskDefinitions = new HashSet<>();
    private final Map<String, String> services = new HashMap<>();
    private final Set<String> targetGroups = new HashSet<>();
    private final Map<String, List<String>> balancerInterfaces = new HashMap<>();
    private final Map<String, String> targetGroupsByNameAndId = new HashMap<>();
    private final Map<String, String> interfacesByAddress = new HashMap<>();
    private final Map<String, String> tasksByInterface = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, List<String>> groupMembers = new HashMap<>();
    private final Organization organization = new Organization();
    private RecordSource file;
    private final Set<FileKind> present;
    private final Set<String> namedFiles = new HashSet<>();
    private KmsKeys kmsKeys = new KmsKeys();
    private final Map<String, String> buckets = new HashMap<>();
    private final Map<String, String> repositories = new HashMap<>();
    private final Set<String> secrets = new HashSet<>();
    private final Map<String, String> secretsByName = new HashMap<>();

    RegionContext(String account, String region, Set<FileKind> present, Fingerprints fingerprints) {
        this.account = account;
        this.region = region;
        this.fingerprints = fingerprints;
        this.present = Set.copyOf(present);
        for (FileKind kind : present) {
            for (NodeLabel label : NodeLabel.values()) {
                if (kind.produces(label)) {
                    loaded.add(label);
                }
            }
        }
        loaded.add(NodeLabel.AwsAccount);
    }

    String account() {
        return account;
    }

    String region() {
        return region;
    }

    /** Notes the file or page being read, for mappers whose records do not name their resource. */
    void reading(RecordSource file) {
        this.file = file;
    }

    /**
     * The resource the file being read names after {@code _} ({@code s3api-get-bucket-policy_orders.json}
     * → {@code orders}), for responses that do not carry it; the record is rejected when the name has
     * none.
     */
    String fileResource(JsonFields record, String what) {
        if (file == null || file.resource() == null) {
            String operation = file == null ? "<operation>" : file.kind().operation();
            throw new InvalidRecordException(
                    record.pointer(),
                    "expected the file name to name " + what + " after an underscore (" + operation + "_<" + what
                            + ">.json), since the response does not");
        }
        return file.resource();
    }

    /** What the Organizations files of this directory say, kept until the last of them is read. */
    Organization organization() {
        return organization;
    }

    /** Fingerprints of values that must not enter the graph, under this installation's key. */
    Fingerprints fingerprints() {
        return fingerprints;
    }

    /** Whether this region's input has a file kind that writes nodes of this label. */
    boolean loads(NodeLabel label) {
        return loaded.contains(label);
    }

    /**
     * Reads an ARN that must belong to this directory's account and region: a cluster, service, task
     * or task definition filed under another account is rejected rather than scoped wrongly.
     */
    Arn own(JsonFields record, String field, ArnType type) {
        Arn arn = record.arn(field, type);
        String arnRegion = arn.region().isEmpty() ? null : arn.region();
        if (!arn.account().equals(account) || !Objects.equals(arnRegion, region)) {
            throw record.invalid(
                    field,
                    type.expectation() + " in account " + account
                            + (region == null ? " without a region" : " and region " + region)
                            + " (the directory it was read from)");
        }
        return arn;
    }

    void taskDefinitionLoaded(String arn) {
        taskDefinitions.add(arn);
    }

    boolean hasTaskDefinition(String arn) {
        return taskDefinitions.contains(arn);
    }

    void serviceLoaded(String clusterArn, String serviceName, String serviceArn) {
        services.put(clusterArn + "|" + serviceName, serviceArn);
    }

    /** The ARN of a service loaded in this region, or null. */
    String service(String clusterArn, String serviceName) {
        return services.get(clusterArn + "|" + serviceName);
    }

    void targetGroupLoaded(String arn) {
        targetGroups.add(arn);
    }

    boolean hasTargetGroup(String arn) {
        return targetGroups.contains(arn);
    }

    /**
     * Notes a network interface that ELB made for a load balancer, by its description ({@code ELB
     * app/<name>/<id>}), so that the load balancer can link to it: ids only.
     */
    void balancerInterface(String description, String interfaceId) {
        balancerInterfaces.computeIfAbsent(description, k -> new ArrayList<>()).add(interfaceId);
    }

    /** The ids of the interfaces read so far whose description is this one; empty when none. */
    List<String> balancerInterfaces(String description) {
        return balancerInterfaces.getOrDefault(description, List.of());
    }

    /** Whether this directory has a file of this kind. */
    boolean has(FileKind kind) {
        return present.contains(kind);
    }

    /** Notes an input file of this directory whose name carries a resource ({@link FileKind#resourceOf}). */
    void named(Layout.InputFile input) {
        if (input.resource() != null) {
            named(input.kind(), input.resource());
        }
    }

    /** Notes that a source of this kind naming this resource is part of the input (a live page to come). */
    void named(FileKind kind, String resource) {
        namedFiles.add(kind.operation() + "|" + resource);
    }

    /** Whether this directory has a file of this kind naming this resource ({@code <operation>_<resource>.json}). */
    boolean hasFileFor(FileKind kind, String resource) {
        return namedFiles.contains(kind.operation() + "|" + resource);
    }

    /** Shares the KMS keys and aliases of the account with its other directories. */
    void useKmsKeys(KmsKeys keys) {
        this.kmsKeys = Objects.requireNonNull(keys);
    }

    KmsKeys kmsKeys() {
        return kmsKeys;
    }

    /** The ARN of the KMS key a reference names, in this account and {@code region}; null when unresolved. */
    String kmsKey(String reference, String region) {
        return kmsKeys.resolve(reference, account, region);
    }

    /** Notes a bucket read from the bucket list, with its region when known (null otherwise). */
    void bucketLoaded(String name, String bucketRegion) {
        buckets.put(name, bucketRegion);
    }

    boolean hasBucket(String name) {
        return buckets.containsKey(name);
    }

    /** The region of a bucket read so far, or null. */
    String bucketRegion(String name) {
        return buckets.get(name);
    }

    void repositoryLoaded(String name, String arn) {
        repositories.put(name, arn);
    }

    /** The ARN of a repository of this region read so far, or null. */
    String repository(String name) {
        return repositories.get(name);
    }

    void secretLoaded(String name, String arn) {
        secrets.add(arn);
        secretsByName.put(name, arn);
    }

    boolean hasSecret(String arn) {
        return secrets.contains(arn);
    }

    /**
     * The Secrets Manager secret a reference means, when read from this region's secret list: the
     * full ARN as is, or a partial ARN without the random 6-character suffix ({@code
     * secret:prod/db} for {@code secret:prod/db-AbCdEf}) by the secret's name; otherwise the
     * reference unchanged.
     */
    Arn secret(Arn reference) {
        if (secrets.contains(reference.toString())
                || !reference.account().equals(account)
                || !reference.region().equals(region)) {
            return reference;
        }
        String full = secretsByName.get(reference.resource().substring("secret:".length()));
        return full == null ? reference : Arn.parse(full);
    }

    /** Notes a target group by the {@code <name>/<id>} of its ARN, for files that name it that way. */
    void targetGroupNamed(String nameAndId, String arn) {
        targetGroupsByNameAndId.put(nameAndId, arn);
    }

    /** The ARN of the target group read earlier in this region whose ARN ends {@code <name>/<id>}, or null. */
    String targetGroupNamed(String nameAndId) {
        return targetGroupsByNameAndId.get(nameAndId);
    }

    /** Notes a private address of a network interface of this region: ids only. */
    void interfaceAddress(String address, String interfaceId) {
        interfacesByAddress.put(address, interfaceId);
    }

    /** The id of the network interface read so far that owns this private address, or null. */
    String interfaceWithAddress(String address) {
        return interfacesByAddress.get(address);
    }

    /** Notes the task that uses a network interface (its attachment is not deleted): ids only. */
    void taskInterface(String interfaceId, String taskArn) {
        tasksByInterface.put(interfaceId, taskArn);
    }

    /** The ARN of the task read so far that uses this network interface, or null. */
    String taskUsing(String interfaceId) {
        return tasksByInterface.get(interfaceId);
    }

    /**
     * Notes an IAM group by name and returns the ARNs of the users read before it that are its
     * members; they are forgotten then. GAAD names a user's groups by name only, and a group's ARN
     * holds its path, so a user read before its group waits for it.
     */
    List<String> groupLoaded(String name, String arn) {
        groups.put(name, arn);
        List<String> members = groupMembers.remove(name);
        return members == null ? List.of() : members;
    }

    /** The ARN of an IAM group read so far, by name; null when not read yet. */
    String group(String name) {
        return groups.get(name);
    }

    /** Notes that a user is a member of a group not read yet. */
    void awaitGroup(String name, String userArn) {
        groupMembers.computeIfAbsent(name, k -> new ArrayList<>()).add(userArn);
    }
}
