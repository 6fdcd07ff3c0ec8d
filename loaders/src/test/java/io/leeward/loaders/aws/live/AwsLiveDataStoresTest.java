package io.leeward.loaders.aws.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.aws.InventoryWriter;
import io.leeward.loaders.aws.live.LiveSyncReport.Failure;
import io.leeward.loaders.aws.live.LiveSyncReport.ScopeReport;
import io.leeward.loaders.aws.stub.AwsStub;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data stores (KMS, ECR, Secrets Manager, SSM) and IAM read live from the stub, which serves the
 * offline fixtures of aws/datastores and aws/iam: the same graph as their offline import.
 */
@WithNeo4j
@DisplayName("Syncing AWS data stores and IAM live")
class AwsLiveDataStoresTest {
    private static final String ACCOUNT = "111122223333";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private GraphStore store;
    private Path input;
    private AwsStub stub;

    @BeforeEach
    void setUp(GraphStore store) throws IOException, URISyntaxException {
        this.store = store;
        this.input = temp.resolve("input");
        for (String fixture : List.of("/aws/datastores", "/aws/iam")) {
            AwsLiveSyncTest.copy(
                    Path.of(Objects.requireNonNull(getClass().getResource(fixture))
                            .toURI()),
                    input);
        }
        // no service or task here runs it, so the live sync has no reason to read it
        Files.delete(input.resolve(ACCOUNT + "/eu-west-1/ecs-describe-task-definition-web-42.json"));
        // GetAccountAuthorizationDetails's RoleDetail has no MaxSessionDuration or Description (those
        // come from GetRole): the fixture has them, the API cannot send them
        Path details = input.resolve(ACCOUNT + "/global/iam-get-account-authorization-details.json");
        ObjectNode document = (ObjectNode) MAPPER.readTree(details.toFile());
        document.path("RoleDetailList")
                .forEach(role -> ((ObjectNode) role).remove(List.of("MaxSessionDuration", "Description")));
        MAPPER.writeValue(details.toFile(), document);
        completeBucketFiles();
        this.stub = AwsStub.serve(input);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    /**
     * The export script writes all eight per-bucket files for every bucket ({@code {}} for "not
     * configured"); the fixture leaves some out, which the live sync cannot: it always asks.
     */
    private void completeBucketFiles() throws IOException {
        Path global = input.resolve(ACCOUNT + "/global");
        String acl = Files.readString(global.resolve("s3api-get-bucket-acl_orders-prod.json"));
        for (var bucket : MAPPER.readTree(
                        global.resolve("s3api-list-buckets.json").toFile())
                .path("Buckets")) {
            String name = bucket.path("Name").asString();
            for (String operation : BUCKET_OPERATIONS) {
                Path file = global.resolve("s3api-" + operation + "_" + name + ".json");
                if (!Files.exists(file)) {
                    Files.writeString(
                            file,
                            switch (operation) {
                                case "get-bucket-location" -> "{\"LocationConstraint\": null}";
                                case "get-bucket-acl" -> acl;
                                default -> "{}";
                            });
                }
            }
        }
    }

    private static final List<String> BUCKET_OPERATIONS = List.of(
            "get-bucket-location",
            "get-bucket-policy",
            "get-bucket-policy-status",
            "get-public-access-block",
            "get-bucket-acl",
            "get-bucket-encryption",
            "get-bucket-versioning",
            "get-bucket-tagging");

    private LiveSyncOptions options() {
        return LiveSyncOptions.defaults()
                .withHomeRegion("eu-west-1")
                .withEndpoint(
                        stub.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID" + ACCOUNT, "secret")));
    }

    private LiveSyncReport sync() {
        return AwsLiveSync.create(SyncRequest.of("aws").withBatchSize(7), options(), AwsLiveSyncTest.FINGERPRINTS)
                .sync(store);
    }

    /** The offline import of the same fixtures, less the kinds no fetcher reads; the store is emptied after. */
    private String offlineDump() throws IOException {
        Path offline = temp.resolve("offline");
        var unfetched = new ArrayList<>(InventoryWriter.operations());
        for (Fetcher fetcher : Fetcher.values()) {
            unfetched.remove(fetcher.operation());
        }
        AwsLiveSyncTest.copy(input, offline);
        try (Stream<Path> files = Files.walk(offline)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (unfetched.stream().anyMatch(name::startsWith)) {
                    Files.delete(file);
                }
            }
        }
        var report = AwsCliImport.create(SyncRequest.of("aws").withBatchSize(7), AwsLiveSyncTest.FINGERPRINTS)
                .load(offline, store, ProgressListener.NONE);
        assertThat(report.hasRejections()).isFalse();
        String dump = CanonicalDump.of(store);
        store.deleteAllData();
        return dump;
    }

    private static ScopeReport scope(LiveSyncReport report, String region, String service) {
        return report.scopes().stream()
                .filter(s -> s.region().equals(region) && s.service().equals(service))
                .findFirst()
                .orElseThrow();
    }

    private long count(String cypher) {
        return ((Number) store.query(cypher, Map.of())
                        .rows()
                        .getFirst()
                        .values()
                        .iterator()
                        .next())
                .longValue();
    }

    @Test
    @DisplayName("loads the same graph as the offline import of the same responses")
    void sameGraphAsImport() throws IOException {
        String offline = offlineDump();

        var report = sync();

        assertThat(report.scopes()).flatExtracting(ScopeReport::failures).isEmpty();
        assertThat(report.ingest().rejections()).isEmpty();
        assertThat(report.failed()).isFalse();
        assertThat(scope(report, "global", "iam").records()).isPositive();
        assertThat(scope(report, "eu-west-1", "kms").records()).isPositive();
        assertThat(scope(report, "global", "s3api").records()).isPositive();
        assertThat(report.scopes())
                .extracting(s -> s.region() + "/" + s.service() + ":" + s.status())
                .containsExactly(
                        "eu-west-1/kms:ok",
                        "eu-west-1/ecr:ok",
                        "eu-west-1/secretsmanager:ok",
                        "eu-west-1/ssm:ok",
                        "eu-west-1/ec2:ok",
                        "eu-west-1/elbv2:ok",
                        "eu-west-1/ecs:ok",
                        "global/s3api:ok",
                        "global/iam:ok",
                        "global/organizations:ok");
        assertThat(CanonicalDump.of(store)).isEqualTo(offline);
        assertThat(stub.calls())
                .doesNotContainKeys("secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParameters");
    }

    @Test
    @DisplayName("follows every page: IAM's Marker and IsTruncated, KMS's NextMarker, NextToken elsewhere")
    void pagination() throws IOException {
        String offline = offlineDump();
        stub.pageSize(1);

        var report = sync();

        assertThat(report.failed()).isFalse();
        assertThat(CanonicalDump.of(store)).isEqualTo(offline);
        assertThat(stub.calls().get("iam:GetAccountAuthorizationDetails")).isGreaterThan(5);
        assertThat(stub.calls())
                .containsEntry("kms:ListKeys", 2L)
                .containsEntry("kms:ListAliases", 3L)
                .containsEntry("secretsmanager:ListSecrets", 2L)
                .containsEntry("ssm:DescribeParameters", 3L)
                .containsEntry("ecr:DescribeRepositories", 2L);
        assertThat(scope(report, "global", "iam").pages()).isGreaterThan(5);
    }

    @Test
    @DisplayName("a repository without a policy (RepositoryPolicyNotFoundException) is not configured, not a failure")
    void notConfigured() {
        var report = sync();

        assertThat(stub.calls()).containsEntry("ecr:GetRepositoryPolicy", 2L);
        assertThat(scope(report, "eu-west-1", "ecr").status()).isEqualTo("ok");
        assertThat(count("MATCH (r:EcrRepository {name: 'prod/worker'}) RETURN count(r)"))
                .isEqualTo(1);
        assertThat(count("MATCH (r:EcrRepository) WHERE r.policy IS NOT NULL RETURN count(r)"))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("S3's \"not configured\" errors become {} and each bucket is read in its own region")
    void s3NotConfigured() throws IOException {
        Files.writeString(
                input.resolve(ACCOUNT + "/global/s3api-get-bucket-location_orders-prod.json"),
                "{\"LocationConstraint\": \"eu-west-1\"}");

        var report = sync();

        assertThat(scope(report, "global", "s3api").status()).isEqualTo("ok");
        assertThat(stub.calls())
                .containsEntry("s3:ListBuckets", 1L)
                .containsEntry("s3:GetBucketPolicy", 3L)
                .containsEntry("s3:GetBucketTagging", 3L)
                .containsEntry("s3control:GetPublicAccessBlock", 1L);
        assertThat(count("MATCH (b:S3Bucket {name: 'orders-prod', bucketRegion: 'eu-west-1'}) RETURN count(b)"))
                .isEqualTo(1);
        assertThat(count("MATCH (b:S3Bucket {name: 'public-assets', blockPublicAcls: false}) RETURN count(b)"))
                .isEqualTo(1);
        assertThat(count("MATCH (b:S3Bucket {name: 'legacy-logs'}) WHERE b.policy IS NULL RETURN count(b)"))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("S3 denied keeps the account's buckets incomplete while the regions load")
    void s3Denied() {
        sync();
        long buckets = count("MATCH (b:S3Bucket) RETURN count(b)");
        stub.deny("global", "s3");

        var report = sync();

        assertThat(scope(report, "global", "s3api").failures())
                .extracting(Failure::code)
                .contains("AccessDenied");
        assertThat(scope(report, "global", "iam").status()).isEqualTo("ok");
        assertThat(scope(report, "eu-west-1", "kms").status()).isEqualTo("ok");
        assertThat(count("MATCH (b:S3Bucket) RETURN count(b)"))
                .isEqualTo(buckets)
                .isPositive();
        assertThat(report.ingest().summary().totalDeleted()).isZero();
    }

    @Test
    @DisplayName("KMS denied keeps its scope incomplete with the AWS error code while the others load")
    void kmsDenied() {
        sync();
        long keys = count("MATCH (k:KmsKey) WHERE k.keyManager IS NOT NULL RETURN count(k)");
        stub.deny("eu-west-1", "kms");

        var report = sync();

        assertThat(report.failed()).isTrue();
        assertThat(scope(report, "eu-west-1", "kms").failures())
                .extracting(Failure::code)
                .containsOnly("AccessDeniedException");
        assertThat(scope(report, "eu-west-1", "ecr").status()).isEqualTo("ok");
        assertThat(scope(report, "eu-west-1", "secretsmanager").status()).isEqualTo("ok");
        assertThat(scope(report, "global", "iam").status()).isEqualTo("ok");
        assertThat(count("MATCH (k:KmsKey) WHERE k.keyManager IS NOT NULL RETURN count(k)"))
                .isEqualTo(keys);
        assertThat(report.ingest().summary().scopes())
                .filteredOn(s -> "eu-west-1".equals(s.scope().region())
                        && s.scope().kind().equals("KmsKey"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.complete()).isFalse();
                    assertThat(s.reason()).contains("AccessDeniedException");
                });
        assertThat(report.ingest().summary().totalDeleted()).isZero();
    }

    @Test
    @DisplayName("IAM denied keeps the account's IAM incomplete (AccessDenied, the Query protocol's code)")
    void iamDenied() {
        sync();
        long roles = count("MATCH (r:IamRole) RETURN count(r)");
        stub.deny("global", "iam");

        var report = sync();

        assertThat(scope(report, "global", "iam").failures())
                .extracting(Failure::operation, Failure::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("iam-get-account-authorization-details", "AccessDenied"));
        assertThat(scope(report, "eu-west-1", "kms").status()).isEqualTo("ok");
        assertThat(count("MATCH (r:IamRole) RETURN count(r)")).isEqualTo(roles).isPositive();
        assertThat(report.ingest().summary().totalDeleted()).isZero();
    }
}
