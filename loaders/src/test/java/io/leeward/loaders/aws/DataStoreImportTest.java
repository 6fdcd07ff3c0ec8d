package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.ingest.IngestReport.Counts;
import io.leeward.loaders.ingest.IngestReport.Skipped;
import io.leeward.loaders.ingest.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithNeo4j
@DisplayName("Importing the data stores of AWS CLI output (KMS, ECR, S3, Secrets Manager, SSM)")
class DataStoreImportTest extends CliImportTestSupport {
    private static final String EU = "111122223333/eu-west-1/";
    private static final String GLOBAL = "111122223333/global/";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRETS_KEY =
            "arn:aws:kms:eu-west-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
    private static final String DB_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/web/db-AbCdEf";
    private static final String API_SECRET =
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/web/api-key-Xy12Zw";
    private static final String WEB_REPOSITORY = "arn:aws:ecr:eu-west-1:111122223333:repository/prod/web";
    private static final String SCANNED = "sha256:5a7c1f0e9d8b6a4c2e0f1d3b5a7c9e1f2d4b6a8c0e2f4d6b8a0c2e4f6d8b0a2c";

    @Override
    String fixture() {
        return "/aws/datastores";
    }

    @Override
    int batchSize() {
        return 5;
    }

    private Map<String, Object> row(String cypher) {
        return rows(cypher).getFirst();
    }

    private void write(String file, String json) throws IOException {
        Files.writeString(input.resolve(file), json);
    }

    @Nested
    @DisplayName("the fixture")
    class Fixture {
        @Test
        @DisplayName("loads every record and skips the files that hold secret values, unread")
        void loads() {
            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.kinds())
                    .containsEntry("kms-list-aliases", new Counts(3, 0))
                    .containsEntry("kms-describe-key", new Counts(2, 0))
                    .containsEntry("ecr-describe-repositories", new Counts(2, 0))
                    .containsEntry("ecr-describe-images", new Counts(2, 0))
                    .containsEntry("secretsmanager-list-secrets", new Counts(2, 0))
                    .containsEntry("ssm-describe-parameters", new Counts(3, 0))
                    .containsEntry("s3api-list-buckets", new Counts(3, 0))
                    .containsEntry("s3api-get-bucket-acl", new Counts(2, 0))
                    .containsEntry("s3control-get-public-access-block", new Counts(1, 0));
            String reason = "holds secret values, which Leeward never reads; export metadata instead"
                    + " (secretsmanager list-secrets, ssm describe-parameters)";
            assertThat(report.skipped())
                    .containsExactly(
                            new Skipped(EU + "secretsmanager-get-secret-value-db.json", reason),
                            new Skipped(EU + "ssm-get-parameter-stripe.json", reason));
            assertThat(report.summary().unresolved()).isEmpty();
        }

        @Test
        @DisplayName("a KMS key carries its metadata, aliases, policy and rotation, and what it encrypts")
        void kmsKey() {
            load();

            var key = row("MATCH (k:KmsKey {id: '" + KEY + "'})-[:IN_ACCOUNT]->(:AwsAccount {id: '111122223333'}) "
                    + "RETURN k.keyId AS keyId, k.keyManager AS manager, k.keySpec AS spec, k.keyState AS state, "
                    + "k.enabled AS enabled, k.multiRegion AS multiRegion, k.aliases AS aliases, k.policy AS policy, "
                    + "k.rotationEnabled AS rotation, k.rotationPeriodInDays AS period, k.placeholder AS placeholder");
            assertThat(key)
                    .containsEntry("keyId", "1234abcd-12ab-34cd-56ef-1234567890ab")
                    .containsEntry("manager", "CUSTOMER")
                    .containsEntry("spec", "SYMMETRIC_DEFAULT")
                    .containsEntry("state", "Enabled")
                    .containsEntry("enabled", true)
                    .containsEntry("multiRegion", false)
                    .containsEntry("aliases", List.of("alias/prod-data"))
                    .containsEntry("rotation", true)
                    .containsEntry("period", 365L)
                    .containsEntry("placeholder", null);
            assertThat(key.get("policy"))
                    .isEqualTo("{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":"
                            + "\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                            + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
            assertThat(rows("MATCH (n)-[:ENCRYPTED_WITH]->(k:KmsKey) RETURN n.id AS id, k.id AS key ORDER BY id"))
                    .containsExactly(
                            Map.of("id", "arn:aws:ecr:eu-west-1:111122223333:repository/prod/web", "key", KEY),
                            Map.of("id", "arn:aws:s3:::orders-prod", "key", KEY),
                            Map.of("id", API_SECRET, "key", SECRETS_KEY),
                            Map.of("id", DB_SECRET, "key", KEY),
                            Map.of(
                                    "id",
                                    "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/web/stripe-key",
                                    "key",
                                    KEY));
            assertThat(row("MATCH (k:KmsKey {id: '" + SECRETS_KEY + "'}) RETURN k.keyManager AS m, k.aliases AS a"))
                    .containsEntry("m", "AWS")
                    .containsEntry("a", List.of("alias/aws/secretsmanager"));
        }

        @Test
        @DisplayName("an ECR repository holds its images; ECR facts on the shared Image label are ecr-prefixed")
        void ecr() {
            load();

            var repository = row(
                    "MATCH (r:EcrRepository {id: '" + WEB_REPOSITORY + "'}) RETURN r.name AS name, "
                            + "r.uri AS uri, r.scanOnPush AS scanOnPush, r.imageTagMutability AS mutability, "
                            + "r.encryptionType AS encryption, r.kmsKeyId AS kmsKeyId, r.policy AS policy, r.registryId AS registry");
            assertThat(repository)
                    .containsEntry("name", "prod/web")
                    .containsEntry("uri", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/prod/web")
                    .containsEntry("scanOnPush", true)
                    .containsEntry("mutability", "IMMUTABLE")
                    .containsEntry("encryption", "KMS")
                    .containsEntry("kmsKeyId", KEY)
                    .containsEntry("registry", "111122223333")
                    .containsEntry(
                            "policy",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowPull\",\"Effect\":\"Allow\","
                                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":"
                                    + "[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}]}");
            var image = row("MATCH (:EcrRepository {id: '" + WEB_REPOSITORY + "'})-[h:HAS_IMAGE]->(i:Image {id: '"
                    + SCANNED + "'}) RETURN h.tags AS relTags, h.pushedAt IS NOT NULL AS pushed, i.ecrTags AS tags, "
                    + "i.ecrSizeBytes AS size, i.ecrScanStatus AS scan, i.ecrFindingCounts AS findings, "
                    + "i.ecrManifestMediaType AS media, i.ecrLastRecordedPullTime IS NOT NULL AS pulled, "
                    + "[k IN keys(i) WHERE NOT k STARTS WITH 'ecr'] AS others");
            assertThat(image)
                    .containsEntry("relTags", List.of("1.14.2", "latest"))
                    .containsEntry("pushed", true)
                    .containsEntry("tags", List.of("1.14.2", "latest"))
                    .containsEntry("size", 48318255L)
                    .containsEntry("scan", "COMPLETE")
                    .containsEntry("findings", "{\"HIGH\":1,\"MEDIUM\":3}")
                    .containsEntry("media", "application/vnd.docker.distribution.manifest.v2+json")
                    .containsEntry("pulled", true);
            assertThat(image.get("others"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                    .containsExactlyInAnyOrder("id", "account", "region", "firstSeen", "lastSeen", "source", "syncId");
            assertThat(row("MATCH (:ContainerDefinition {name: 'web'})-[:RUNS_IMAGE]->(i:Image) "
                            + "RETURN i.id AS id, i.placeholder AS placeholder"))
                    .containsEntry("id", SCANNED)
                    .containsEntry("placeholder", null);
        }

        @Test
        @DisplayName("S3 buckets: settings read are values, settings not read stay null, 'not configured' is false")
        void s3() {
            load();

            var buckets =
                    rows("MATCH (b:S3Bucket)-[:IN_ACCOUNT]->(:AwsAccount) RETURN b.id AS id, b.bucketRegion AS region, "
                            + "b.blockPublicAcls AS blockAcls, b.restrictPublicBuckets AS restrict, b.publicRead AS publicRead, "
                            + "b.hasPolicy AS hasPolicy, b.policyIsPublic AS policyPublic, b.encryptionAlgorithm AS algorithm, "
                            + "b.bucketKeyEnabled AS bucketKey, b.versioningStatus AS versioning, b.mfaDeleteEnabled AS mfa, "
                            + "b.tags AS tags, b.region AS scopeRegion, size(b.detailFiles) AS details ORDER BY id");
            assertThat(buckets).hasSize(3);
            assertThat(buckets.get(0))
                    .containsEntry("id", "arn:aws:s3:::legacy-logs")
                    .containsEntry("region", null)
                    .containsEntry("blockAcls", null)
                    .containsEntry("publicRead", null)
                    .containsEntry("hasPolicy", null)
                    .containsEntry("algorithm", null)
                    .containsEntry("versioning", null)
                    .containsEntry("details", 0L);
            assertThat(buckets.get(1))
                    .containsEntry("id", "arn:aws:s3:::orders-prod")
                    .containsEntry("region", "eu-west-1")
                    .containsEntry("blockAcls", true)
                    .containsEntry("restrict", true)
                    .containsEntry("publicRead", false)
                    .containsEntry("hasPolicy", true)
                    .containsEntry("policyPublic", false)
                    .containsEntry("algorithm", "aws:kms")
                    .containsEntry("bucketKey", true)
                    .containsEntry("versioning", "Enabled")
                    .containsEntry("mfa", false)
                    .containsEntry("tags", "{\"data-classification\":\"confidential\",\"team\":\"payments\"}")
                    .containsEntry("scopeRegion", null)
                    .containsEntry("details", 7L);
            assertThat(buckets.get(2))
                    .containsEntry("id", "arn:aws:s3:::public-assets")
                    .containsEntry("region", "us-east-1")
                    .containsEntry("blockAcls", false)
                    .containsEntry("restrict", false)
                    .containsEntry("publicRead", true)
                    .containsEntry("hasPolicy", true)
                    .containsEntry("policyPublic", true)
                    .containsEntry("algorithm", "AES256")
                    .containsEntry("versioning", "Disabled")
                    .containsEntry("tags", null);
            assertThat(row("MATCH (b:S3Bucket {name: 'orders-prod'}) RETURN b.policy AS policy")
                            .get("policy"))
                    .asString()
                    .startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\"");
            assertThat(row("MATCH (a:AwsAccount {id: '111122223333'}) RETURN a.s3BlockPublicAcls AS acls, "
                            + "a.s3BlockPublicPolicy AS policy"))
                    .containsEntry("acls", true)
                    .containsEntry("policy", false);
        }

        @Test
        @DisplayName("secrets and parameters carry metadata; task definitions read the real Secret nodes")
        void secrets() {
            load();

            var db = row("MATCH (s:Secret {id: '" + DB_SECRET + "'}) RETURN s.name AS name, s.service AS service, "
                    + "s.kmsKeyId AS kmsKeyId, s.rotationEnabled AS rotation, s.rotationRules AS rules, "
                    + "s.versionStages AS stages, s.tags AS tags, s.resourcePolicy AS policy, "
                    + "s.lastRotatedDate IS NOT NULL AS rotated");
            assertThat(db)
                    .containsEntry("name", "prod/web/db")
                    .containsEntry("service", "secretsmanager")
                    .containsEntry("kmsKeyId", "alias/prod-data")
                    .containsEntry("rotation", true)
                    .containsEntry("rules", "{\"AutomaticallyAfterDays\":30}")
                    .containsEntry("stages", List.of("AWSCURRENT", "AWSPREVIOUS"))
                    .containsEntry("tags", "{\"team\":\"payments\"}")
                    .containsEntry("rotated", true)
                    .containsEntry(
                            "policy",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                                    + "\"arn:aws:iam::111122223333:role/web-task\"},\"Action\":"
                                    + "\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}");
            assertThat(row(
                            "MATCH (s:Secret {name: '/prod/web/feature-flags'}) RETURN s.id AS id, s.service AS service, "
                                    + "s.type AS type, s.tier AS tier, s.version AS version"))
                    .containsEntry("id", "arn:aws:ssm:eu-west-1:111122223333:parameter/prod/web/feature-flags")
                    .containsEntry("service", "ssm")
                    .containsEntry("type", "String")
                    .containsEntry("tier", "Advanced")
                    .containsEntry("version", 7L);
            assertThat(rows("MATCH (:ContainerDefinition {name: 'web'})-[:READS_SECRET]->(s:Secret) "
                            + "RETURN s.id AS id, s.placeholder AS placeholder ORDER BY id"))
                    .containsExactly(
                            loaded(API_SECRET),
                            loaded(DB_SECRET),
                            loaded("arn:aws:ssm:eu-west-1:111122223333:parameter/prod-web-session-secret"),
                            loaded("arn:aws:ssm:eu-west-1:111122223333:parameter/prod/web/stripe-key"));
        }

        private static Map<String, Object> loaded(String id) {
            var row = new java.util.HashMap<String, Object>();
            row.put("id", id);
            row.put("placeholder", null);
            return row;
        }

        @Test
        @DisplayName("no secret value planted in the input appears anywhere in the graph")
        void noSecretValues() {
            load();
            String dump = CanonicalDump.of(store);

            assertThat(dump)
                    .contains("prod/web/db")
                    .doesNotContain("planted-Secr3t-value-9f8e")
                    .doesNotContain("cGxhbnRlZC1iaW5hcnktc2VjcmV0")
                    .doesNotContain("planted-ssm-Value-7c6d")
                    .doesNotContain("get-secret-value-S3cr3t")
                    .doesNotContain("get-parameter-Str1pe-value")
                    .doesNotContain("SecretString")
                    .doesNotContain("SecretBinary");
        }

        @Test
        @DisplayName("loading the same input twice gives an identical graph")
        void idempotent() {
            assertLoadsIdempotently();
        }
    }

    @Nested
    @DisplayName("a later load")
    class LaterLoad {
        @Test
        @DisplayName("without a per-bucket file makes its settings unknown (null) again, and removes a deleted bucket")
        void clearsMissingDetails() throws IOException {
            load();
            Files.delete(input.resolve(GLOBAL + "s3api-get-bucket-policy_orders-prod.json"));
            Files.delete(input.resolve(GLOBAL + "s3api-get-public-access-block_public-assets.json"));
            write(GLOBAL + "s3api-list-buckets.json", """
                    {"Buckets": [{"Name": "orders-prod", "CreationDate": "2023-11-07T12:31:18+00:00"},
                                 {"Name": "public-assets", "CreationDate": "2022-05-03T08:14:55+00:00"}]}
                    """);

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(row("MATCH (b:S3Bucket {name: 'orders-prod'}) RETURN b.policy AS policy, b.hasPolicy AS has, "
                            + "b.blockPublicAcls AS acls, b.bucketRegion AS region"))
                    .containsEntry("policy", null)
                    .containsEntry("has", null)
                    .containsEntry("acls", true)
                    .containsEntry("region", null);
            assertThat(row("MATCH (b:S3Bucket {name: 'public-assets'}) RETURN b.blockPublicAcls AS acls"))
                    .containsEntry("acls", null);
            assertThat(rows("MATCH (b:S3Bucket {name: 'legacy-logs'}) RETURN b"))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        @Test
        @DisplayName("a per-bucket file for a bucket not listed, or without a bucket in its name, is rejected")
        void unknownBucket() throws IOException {
            write(GLOBAL + "s3api-get-bucket-policy_other-bucket.json", "{\"Policy\": \"{}\"}\n");
            write(GLOBAL + "s3api-get-bucket-tagging.json", "{\"TagSet\": []}\n");

            var report = load();

            assertThat(report.rejections())
                    .containsExactly(
                            new Rejection(
                                    GLOBAL + "s3api-get-bucket-policy_other-bucket.json",
                                    1,
                                    1,
                                    "",
                                    "expected the file name to name a bucket that s3api list-buckets lists for"
                                            + " account 111122223333, got bucket other-bucket"),
                            new Rejection(
                                    GLOBAL + "s3api-get-bucket-tagging.json",
                                    1,
                                    1,
                                    "",
                                    "expected the file name to name bucket name after an underscore"
                                            + " (s3api-get-bucket-tagging_<bucket name>.json), since the response"
                                            + " does not"));
            assertThat(rows("MATCH (b:S3Bucket {name: 'other-bucket'}) RETURN b"))
                    .isEmpty();
        }

        @Test
        @DisplayName("a policy that is not JSON, and policies of keys or repositories not described, are rejected")
        void badPolicies() throws IOException {
            write(GLOBAL + "s3api-get-bucket-policy_orders-prod.json", "{\"Policy\": \"Version: 2012-10-17\"}\n");
            write(EU + "kms-get-key-policy_mrk-1234abcd12ab34cd56ef1234567890ab.json", "{\"Policy\": \"{}\"}\n");
            write(EU + "ecr-get-repository-policy-other.json", """
                    {"registryId": "111122223333", "repositoryName": "other/app", "policyText": "{}"}
                    """);

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::describe)
                    .containsExactlyInAnyOrder(
                            GLOBAL + "s3api-get-bucket-policy_orders-prod.json:1:1: /Policy: expected a policy"
                                    + " document (a JSON object, or its text, URL-encoded or not), got a string that"
                                    + " is not a JSON object",
                            EU + "kms-get-key-policy_mrk-1234abcd12ab34cd56ef1234567890ab.json:1:1: expected a key"
                                    + " that kms describe-key describes in 111122223333/eu-west-1, got key"
                                    + " mrk-1234abcd12ab34cd56ef1234567890ab",
                            EU + "ecr-get-repository-policy-other.json:1:1: /repositoryName: expected a repository"
                                    + " that ecr describe-repositories lists in 111122223333/eu-west-1, got"
                                    + " \"other/app\"");
            assertThat(row("MATCH (b:S3Bucket {name: 'orders-prod'}) RETURN b.hasPolicy AS has"))
                    .containsEntry("has", null);
        }

        @Test
        @DisplayName("a rotation status without a KeyId names its key by the file name")
        void rotationByFileName() throws IOException {
            write(
                    EU + "kms-get-key-rotation-status_0987dcba-09fe-87dc-65ba-ab0987654321.json",
                    "{\"KeyRotationEnabled\": false}\n");

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(row("MATCH (k:KmsKey {id: '" + SECRETS_KEY + "'}) RETURN k.rotationEnabled AS rotation"))
                    .containsEntry("rotation", false);
        }

        @Test
        @DisplayName("a secret of another account is rejected, with its policy, and the rest of the file loads")
        void otherAccountSecret() throws IOException {
            String file = EU + "secretsmanager-list-secrets.json";
            write(
                    file,
                    Files.readString(input.resolve(file))
                            .replace(DB_SECRET, DB_SECRET.replace("111122223333", "999999999999")));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::describe)
                    .containsExactly(
                            EU + "secretsmanager-list-secrets.json:3:9: /SecretList/0/ARN: expected a Secrets Manager"
                                    + " secret ARN (arn:aws:secretsmanager:…:secret:…) in account 111122223333 and"
                                    + " region eu-west-1 (the directory it was read from), got"
                                    + " \"arn:aws:secretsmanager:eu-west-1:999999999999:secret:prod/w…\"",
                            EU + "secretsmanager-get-resource-policy-db.json:1:1: /ARN: expected a secret that"
                                    + " secretsmanager list-secrets lists in 111122223333/eu-west-1, got"
                                    + " \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/w…\"");
            assertThat(rows("MATCH (s:Secret {id: '" + API_SECRET + "'}) RETURN s"))
                    .hasSize(1);
        }
    }
}
