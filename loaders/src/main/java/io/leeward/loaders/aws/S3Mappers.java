package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.S3Bucket;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;

import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The S3 responses of an account, read from its global directory.
 *
 * <p>{@code s3api list-buckets} ({@link #buckets}) gives an S3Bucket per element of {@code Buckets},
 * keyed {@code arn:aws:s3:::<name>}, {@code -IN_ACCOUNT->} AwsAccount. The per-bucket responses do not
 * name their bucket, so their file names do ({@code s3api-get-bucket-policy_<bucket>.json}); each is a
 * {@link Detail} that sets its own properties of the bucket, and must name a listed bucket. A bucket
 * without a file of a detail kind gets that kind's properties as null (unknown, the call failed or was
 * not made), written by the bucket list so that a value from an earlier load does not linger; a file
 * holding an empty response ({@code {}}, which the export writes where the CLI answers "not
 * configured") sets them to their "not configured" values (false, {@code "none"}). {@code
 * detailFiles} lists the detail operations read for the bucket.
 *
 * <p>{@code s3control get-public-access-block} ({@link #accountPublicAccessBlock}) sets the account's
 * public access block on the AwsAccount node ({@code s3BlockPublicAcls}, …), where it applies to every
 * bucket.
 */
final class S3Mappers {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private static final String US_EAST_1 = "us-east-1";

    private S3Mappers() {}

    /** The key of a bucket. */
    static String arn(String name) {
        return "arn:aws:s3:::" + name;
    }

    static void buckets(JsonFields bucket, RegionContext context, Emitter out) {
        String name = bucket.string("Name");
        String id = arn(name);
        var p = Emitter.props();
        p.put("name", name);
        p.put("creationDate", bucket.optionalTime("CreationDate"));
        var read = new ArrayList<String>();
        FileKind location = null;
        for (FileKind kind : FileKind.values()) {
            if (kind.mapper() instanceof Detail detail) {
                location = detail == LOCATION ? kind : location;
                if (context.hasFileFor(kind, name)) {
                    read.add(kind.operation());
                } else {
                    detail.properties.forEach(property -> p.put(property, null));
                }
            }
        }
        String region = bucket.optionalString("BucketRegion");
        if (location == null || !context.hasFileFor(location, name)) {
            p.put("bucketRegion", region);
        }
        p.put("detailFiles", read);
        out.node(S3Bucket, id, p);
        out.rel(IN_ACCOUNT, S3Bucket, id, AwsAccount, context.account());
        context.bucketLoaded(name, region);
    }

    static void accountPublicAccessBlock(JsonFields document, RegionContext context, Emitter out) {
        var p = Emitter.props();
        publicAccessBlock(
                document,
                p,
                "s3BlockPublicAcls",
                "s3IgnorePublicAcls",
                "s3BlockPublicPolicy",
                "s3RestrictPublicBuckets");
        out.node(AwsAccount, context.account(), p);
    }

    /** Reads one per-bucket response into the bucket's properties. */
    @FunctionalInterface
    interface Reader {
        void read(JsonFields response, String bucket, RegionContext context, Emitter out, Map<String, Object> p);
    }

    /** A per-bucket response: the properties it sets, all of them on every record, and how. */
    static final class Detail implements RecordMapper {
        private final List<String> properties;
        private final Reader reader;

        Detail(List<String> properties, Reader reader) {
            this.properties = List.copyOf(properties);
            this.reader = reader;
        }

        @Override
        public void map(JsonFields response, RegionContext context, Emitter out) {
            String bucket = context.fileResource(response, "bucket name");
            if (!context.hasBucket(bucket)) {
                throw new InvalidRecordException(
                        response.pointer(),
                        "expected the file name to name a bucket that s3api list-buckets lists for account "
                                + context.account() + ", got bucket " + bucket);
            }
            var p = Emitter.props();
            reader.read(response, bucket, context, out, p);
            out.node(S3Bucket, arn(bucket), p);
        }
    }

    /** {@code {"LocationConstraint": "eu-west-1"}}; null means us-east-1, {@code EU} eu-west-1. */
    static final Detail LOCATION = new Detail(List.of("bucketRegion"), (response, bucket, context, out, p) -> {
        String constraint = response.optionalString("LocationConstraint");
        String region = constraint == null || constraint.isEmpty()
                ? US_EAST_1
                : constraint.equals("EU") ? "eu-west-1" : constraint;
        p.put("bucketRegion", region);
        context.bucketLoaded(bucket, region);
    });

    /** {@code {"Policy": "<json>"}}, or {@code {}} for a bucket without a policy. */
    static final Detail POLICY = new Detail(List.of("policy", "hasPolicy"), (response, bucket, context, out, p) -> {
        String policy = PolicyDocuments.compact(PolicyDocuments.optional(response, "Policy"));
        p.put("policy", policy);
        p.put("hasPolicy", policy != null);
    });

    /** {@code {"PolicyStatus": {"IsPublic": true}}}, or {@code {}} for a bucket without a policy. */
    static final Detail POLICY_STATUS = new Detail(List.of("policyIsPublic"), (response, bucket, context, out, p) -> {
        JsonFields status = response.optionalObject("PolicyStatus");
        Boolean isPublic = status == null ? null : status.optionalBool("IsPublic");
        p.put("policyIsPublic", isPublic != null && isPublic);
    });

    /** {@code {"PublicAccessBlockConfiguration": {…}}}, or {@code {}} when none is configured. */
    static final Detail PUBLIC_ACCESS_BLOCK = new Detail(
            List.of("blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"),
            (response, bucket, context, out, p) -> publicAccessBlock(
                    response, p, "blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"));

    /** {@code {"Owner": {…}, "Grants": [{"Grantee": {…}, "Permission": "READ"}]}}. */
    static final Detail ACL = new Detail(
            List.of(
                    "aclOwnerId",
                    "grants",
                    "publicRead",
                    "publicWrite",
                    "authenticatedUsersRead",
                    "authenticatedUsersWrite"),
            (response, bucket, context, out, p) -> {
                JsonFields owner = response.optionalObject("Owner");
                var grants = response.objects("Grants");
                p.put("aclOwnerId", owner == null ? null : owner.optionalString("ID"));
                p.put("grants", response.json("Grants"));
                p.put("publicRead", grants(grants, ALL_USERS, "READ"));
                p.put("publicWrite", grants(grants, ALL_USERS, "WRITE", "WRITE_ACP"));
                p.put("authenticatedUsersRead", grants(grants, AUTHENTICATED_USERS, "READ"));
                p.put("authenticatedUsersWrite", grants(grants, AUTHENTICATED_USERS, "WRITE", "WRITE_ACP"));
            });

    /**
     * {@code {"ServerSideEncryptionConfiguration": {"Rules": [{"ApplyServerSideEncryptionByDefault":
     * {"SSEAlgorithm", "KMSMasterKeyID"}, "BucketKeyEnabled"}]}}}, or {@code {}} for none; the first
     * rule counts (S3 allows one).
     */
    static final Detail ENCRYPTION = new Detail(
            List.of("encryptionAlgorithm", "encryptionKmsKeyId", "bucketKeyEnabled"),
            (response, bucket, context, out, p) -> {
                JsonFields configuration = response.optionalObject("ServerSideEncryptionConfiguration");
                var rules = configuration == null ? List.<JsonFields>of() : configuration.objects("Rules");
                JsonFields rule = rules.isEmpty() ? null : rules.getFirst();
                JsonFields defaults = rule == null ? null : rule.optionalObject("ApplyServerSideEncryptionByDefault");
                String key = defaults == null ? null : defaults.optionalString("KMSMasterKeyID");
                p.put("encryptionAlgorithm", defaults == null ? "none" : defaults.string("SSEAlgorithm"));
                p.put("encryptionKmsKeyId", key);
                Boolean bucketKey = rule == null ? null : rule.optionalBool("BucketKeyEnabled");
                p.put("bucketKeyEnabled", bucketKey != null && bucketKey);
                KmsMappers.encryptedWith(
                        out, context, S3Bucket, arn(bucket), context.kmsKey(key, context.bucketRegion(bucket)));
            });

    /** {@code {"Status": "Enabled", "MFADelete": "Disabled"}}, or {@code {}} for a bucket never versioned. */
    static final Detail VERSIONING =
            new Detail(List.of("versioningStatus", "mfaDeleteEnabled"), (response, bucket, context, out, p) -> {
                String status = response.optionalString("Status");
                p.put("versioningStatus", status == null ? "Disabled" : status);
                p.put("mfaDeleteEnabled", "Enabled".equals(response.optionalString("MFADelete")));
            });

    /** {@code {"TagSet": [{"Key", "Value"}]}}, or {@code {}} for a bucket without tags. */
    static final Detail TAGGING = new Detail(
            List.of("tags"),
            (response, bucket, context, out, p) ->
                    p.put("tags", Tags.ec2(response, "TagSet").json()));

    private static void publicAccessBlock(JsonFields response, Map<String, Object> p, String... names) {
        JsonFields block = response.optionalObject("PublicAccessBlockConfiguration");
        String[] fields = {"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"};
        for (int i = 0; i < fields.length; i++) {
            Boolean value = block == null ? null : block.optionalBool(fields[i]);
            p.put(names[i], value != null && value);
        }
    }

    /** Whether a grant gives the group one of the permissions, or FULL_CONTROL. */
    private static boolean grants(List<JsonFields> grants, String group, String... permissions) {
        for (JsonFields grant : grants) {
            JsonFields grantee = grant.optionalObject("Grantee");
            String permission = grant.optionalString("Permission");
            if (grantee == null || !group.equals(grantee.optionalString("URI")) || permission == null) {
                continue;
            }
            if (permission.equals("FULL_CONTROL") || List.of(permissions).contains(permission)) {
                return true;
            }
        }
        return false;
    }
}
