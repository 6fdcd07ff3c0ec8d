package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.EcrRepository;
import static io.leeward.graph.schema.NodeLabel.Image;
import static io.leeward.graph.schema.RelType.HAS_IMAGE;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ECR responses of one region:
 *
 * <ul>
 *   <li>{@code ecr describe-repositories} ({@link #repositories}): an EcrRepository per element of
 *       {@code repositories}, {@code -IN_ACCOUNT->} AwsAccount, {@code -ENCRYPTED_WITH->} its KMS
 *       key.
 *   <li>{@code ecr describe-images} ({@link #images}): an Image per element of {@code
 *       imageDetails}, keyed by {@code imageDigest}, and {@code EcrRepository -HAS_IMAGE-> Image}
 *       carrying the repository's tags and push time of the image. The Image label is shared with
 *       the image scanners: the node gets only {@code ecr}-prefixed properties.
 *   <li>{@code ecr get-repository-policy} ({@link #policy}): {@code {"registryId",
 *       "repositoryName", "policyText"}} → the repository's {@code policy}.
 * </ul>
 *
 * Responses name their repository, so file names need not (repository names contain {@code /}).
 */
final class EcrMappers {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EcrMappers() {}

    static void repositories(JsonFields repository, RegionContext context, Emitter out) {
        Arn arn = context.own(repository, "repositoryArn", AwsArns.ECR_REPOSITORY);
        String id = arn.toString();
        String name = repository.string("repositoryName");
        JsonFields scanning = repository.optionalObject("imageScanningConfiguration");
        JsonFields encryption = repository.optionalObject("encryptionConfiguration");
        String kmsKey = encryption == null ? null : encryption.optionalString("kmsKey");
        var p = Emitter.props();
        p.put("name", name);
        p.put("uri", repository.optionalString("repositoryUri"));
        p.put("registryId", repository.optionalString("registryId"));
        p.put("createdAt", repository.optionalTime("createdAt"));
        p.put("imageTagMutability", repository.optionalString("imageTagMutability"));
        p.put("scanOnPush", scanning == null ? null : scanning.optionalBool("scanOnPush"));
        p.put("encryptionType", encryption == null ? null : encryption.optionalString("encryptionType"));
        p.put("kmsKeyId", kmsKey);
        p.put("tags", Tags.ec2(repository, "tags").json());
        out.node(EcrRepository, id, p);
        out.rel(IN_ACCOUNT, EcrRepository, id, AwsAccount, context.account());
        KmsMappers.encryptedWith(out, context, EcrRepository, id, context.kmsKey(kmsKey, context.region()));
        context.repositoryLoaded(name, id);
    }

    static void images(JsonFields image, RegionContext context, Emitter out) {
        String repository = repositoryArn(image, context, out);
        String digest = image.id("imageDigest", "sha256:", "an image digest");
        JsonFields scan = image.optionalObject("imageScanStatus");
        JsonFields findings = image.optionalObject("imageScanFindingsSummary");
        var tags = image.strings("imageTags");
        var pushedAt = image.optionalTime("imagePushedAt");
        var p = Emitter.props();
        p.put("ecrTags", tags);
        p.put("ecrPushedAt", pushedAt);
        p.put("ecrSizeBytes", image.optionalLong("imageSizeInBytes"));
        p.put("ecrManifestMediaType", image.optionalString("imageManifestMediaType"));
        p.put("ecrArtifactMediaType", image.optionalString("artifactMediaType"));
        p.put("ecrLastRecordedPullTime", image.optionalTime("lastRecordedPullTime"));
        p.put("ecrScanStatus", scan == null ? null : scan.optionalString("status"));
        p.put("ecrScanCompletedAt", findings == null ? null : findings.optionalTime("imageScanCompletedAt"));
        p.put("ecrFindingCounts", findings == null ? null : severityCounts(findings));
        out.node(Image, digest, p);
        var r = Emitter.props();
        r.put("tags", tags);
        r.put("pushedAt", pushedAt);
        out.rel(HAS_IMAGE, EcrRepository, repository, Image, digest, r);
    }

    static void policy(JsonFields document, RegionContext context, Emitter out) {
        String name = document.string("repositoryName");
        String arn = context.repository(name);
        if (arn == null) {
            throw document.invalid(
                    "repositoryName",
                    "a repository that ecr describe-repositories lists in " + context.account() + "/"
                            + context.region());
        }
        var p = Emitter.props();
        p.put("policy", PolicyDocuments.compact(PolicyDocuments.read(document, "policyText")));
        out.node(EcrRepository, arn, p);
    }

    /**
     * The repository an image belongs to: the one of that name read from describe-repositories, or
     * a placeholder named from {@code registryId} and {@code repositoryName}, which must be this
     * directory's account.
     */
    private static String repositoryArn(JsonFields image, RegionContext context, Emitter out) {
        String name = image.string("repositoryName");
        String loaded = context.repository(name);
        if (loaded != null) {
            return loaded;
        }
        String registry = image.string("registryId");
        if (!registry.equals(context.account())) {
            throw image.invalid(
                    "registryId", "the registry of account " + context.account() + " (the directory it was read from)");
        }
        String arn = "arn:" + AwsArns.partition(context.region()) + ":ecr:" + context.region() + ":" + registry
                + ":repository/" + name;
        out.reference(EcrRepository, arn, registry, context.region(), Map.of("name", name));
        return arn;
    }

    private static String severityCounts(JsonFields findings) {
        JsonFields counts = findings.optionalObject("findingSeverityCounts");
        if (counts == null) {
            return null;
        }
        var sorted = new TreeMap<String, Integer>();
        for (var entry : counts.node().properties()) {
            sorted.put(entry.getKey(), counts.integer(entry.getKey()));
        }
        return MAPPER.writeValueAsString(sorted);
    }
}
