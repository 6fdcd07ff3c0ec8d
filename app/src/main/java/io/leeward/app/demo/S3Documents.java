package io.leeward.app.demo;

import io.leeward.app.demo.Inventory.Bucket;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The S3 files of the account's {@code global} directory, as AWS CLI v2 prints {@code s3api
 * list-buckets}, the per-bucket {@code s3api get-bucket-*} calls (named {@code <operation>_<bucket>.json},
 * since their responses do not name the bucket) and {@code s3control get-public-access-block}. A call
 * that fails in AWS (get-bucket-policy on a bucket without a policy: NoSuchBucketPolicy) has no file.
 */
final class S3Documents {
    private final String region;

    S3Documents(String region) {
        this.region = region;
    }

    void listBuckets(Path file, List<Bucket> buckets, String canonicalUserId) {
        try (CliJson json = CliJson.open(file)) {
            json.array("Buckets");
            for (Bucket bucket : buckets) {
                json.object()
                        .field("Name", bucket.name())
                        .time("CreationDate", bucket.createdAt())
                        .field("BucketRegion", region)
                        .end();
            }
            json.end().object("Owner").field("ID", canonicalUserId).end();
        }
    }

    /** Writes the bucket's files through {@code file} (a file name to its path). */
    void bucket(Function<String, Path> file, Bucket bucket, String canonicalUserId) {
        String b = "_" + bucket.name() + ".json";
        if (bucket.policy() != null) {
            try (CliJson json = CliJson.open(file.apply("s3api-get-bucket-policy" + b))) {
                json.field("Policy", CliJson.compact(bucket.policy()));
            }
        }
        if (bucket.blockPublicAccess() != null) {
            try (CliJson json = CliJson.open(file.apply("s3api-get-public-access-block" + b))) {
                publicAccessBlock(json, bucket.blockPublicAccess());
            }
        }
        try (CliJson json = CliJson.open(file.apply("s3api-get-bucket-encryption" + b))) {
            json.object("ServerSideEncryptionConfiguration")
                    .array("Rules")
                    .object()
                    .object("ApplyServerSideEncryptionByDefault")
                    .field("SSEAlgorithm", bucket.kmsKeyArn() == null ? "AES256" : "aws:kms")
                    .field("KMSMasterKeyID", bucket.kmsKeyArn())
                    .end()
                    .field("BucketKeyEnabled", bucket.kmsKeyArn() != null)
                    .end()
                    .end()
                    .end();
        }
        try (CliJson json = CliJson.open(file.apply("s3api-get-bucket-versioning" + b))) {
            json.field("Status", bucket.versioning());
        }
        try (CliJson json = CliJson.open(file.apply("s3api-get-bucket-tagging" + b))) {
            json.pairs("TagSet", "Key", "Value", bucket.tags());
        }
        try (CliJson json = CliJson.open(file.apply("s3api-get-bucket-acl" + b))) {
            json.object("Owner")
                    .field("ID", canonicalUserId)
                    .end()
                    .array("Grants")
                    .object()
                    .object("Grantee")
                    .field("ID", canonicalUserId)
                    .field("Type", "CanonicalUser")
                    .end()
                    .field("Permission", "FULL_CONTROL")
                    .end()
                    .end();
        }
        try (CliJson json = CliJson.open(file.apply("s3api-get-bucket-location" + b))) {
            if (region.equals("us-east-1")) {
                json.nullField("LocationConstraint");
            } else {
                json.field("LocationConstraint", region);
            }
        }
    }

    /**
     * The account-wide block, all off: the account allows public buckets, which is how the public
     * assets bucket can be public at all.
     */
    void accountPublicAccessBlock(Path file) {
        try (CliJson json = CliJson.open(file)) {
            publicAccessBlock(json, false);
        }
    }

    private static void publicAccessBlock(CliJson json, boolean block) {
        json.object("PublicAccessBlockConfiguration")
                .field("BlockPublicAcls", block)
                .field("IgnorePublicAcls", block)
                .field("BlockPublicPolicy", block)
                .field("RestrictPublicBuckets", block)
                .end();
    }
}
