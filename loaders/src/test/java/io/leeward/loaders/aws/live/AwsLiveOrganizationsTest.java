package io.leeward.loaders.aws.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.aws.live.LiveSyncReport.ScopeReport;
import io.leeward.loaders.aws.stub.AwsStub;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS Organizations read live through signed AWS JSON 1.1 calls (no SDK client), from the stub
 * serving the aws/orgs fixtures: the same graph as their offline import; {@code --org}.
 */
@WithNeo4j
@DisplayName("Syncing AWS Organizations live")
class AwsLiveOrganizationsTest {
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
        AwsLiveSyncTest.copy(
                Path.of(Objects.requireNonNull(getClass().getResource("/aws/orgs"))
                        .toURI()),
                input);
        // the live sync lists the two policy types the graph reads, as the export script does
        Files.delete(input.resolve(ACCOUNT + "/global/organizations-list-policies-tag.json"));
        // what the export script writes for an account without a public access block, as the live sync reads it
        Files.writeString(input.resolve(ACCOUNT + "/global/s3control-get-public-access-block.json"), "{}");
        this.stub = AwsStub.serve(input);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    private LiveSyncOptions options() {
        return LiveSyncOptions.defaults()
                .withHomeRegion("eu-west-1")
                .withEndpoint(
                        stub.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID" + ACCOUNT, "secret")));
    }

    private LiveSyncReport sync(LiveSyncOptions options) {
        return AwsLiveSync.create(SyncRequest.of("aws").withBatchSize(7), options, AwsLiveSyncTest.FINGERPRINTS)
                .sync(store);
    }

    private String offlineDump() {
        var report = AwsCliImport.create(SyncRequest.of("aws").withBatchSize(7), AwsLiveSyncTest.FINGERPRINTS)
                .load(input, store, ProgressListener.NONE);
        assertThat(report.hasRejections()).isFalse();
        String dump = CanonicalDump.of(store);
        store.deleteAllData();
        return dump;
    }

    @Test
    @DisplayName("loads the same graph as the offline import, through SigV4-signed JSON 1.1 calls")
    void sameGraphAsImport() {
        String offline = offlineDump();

        var report = sync(options());

        assertThat(report.scopes()).flatExtracting(ScopeReport::failures).isEmpty();
        assertThat(report.failed()).isFalse();
        assertThat(CanonicalDump.of(store)).isEqualTo(offline);
        assertThat(report.scopes())
                .filteredOn(s -> s.service().equals("organizations"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.region()).isEqualTo("global");
                    assertThat(s.records()).isPositive();
                    assertThat(s.requests()).isPositive();
                });
        assertThat(stub.lastSignature("organizations:ListRoots"))
                .startsWith("X-Amz-Target: AWSOrganizationsV20161128.ListRoots\nAuthorization: AWS4-HMAC-SHA256 ")
                .contains("Credential=AKID" + ACCOUNT + "/")
                .contains("/us-east-1/organizations/aws4_request")
                .contains("SignedHeaders=")
                .contains("x-amz-target")
                .containsPattern("Signature=[0-9a-f]{64}");
    }

    @Test
    @DisplayName("follows NextToken through every listing, one element per page")
    void pagination() {
        String offline = offlineDump();
        stub.pageSize(1);

        var report = sync(options());

        assertThat(report.failed()).isFalse();
        assertThat(CanonicalDump.of(store)).isEqualTo(offline);
        assertThat(stub.calls().get("organizations:ListAccountsForParent")).isGreaterThan(3);
        assertThat(stub.calls().get("organizations:ListPolicies")).isGreaterThan(2);
    }

    @Test
    @DisplayName("a denied call keeps the organization's scopes incomplete with the AWS error code")
    void denied() {
        sync(options());
        stub.deny("global", "organizations");

        var report = sync(options());

        assertThat(report.scopes())
                .filteredOn(s -> s.service().equals("organizations"))
                .singleElement()
                .satisfies(s -> assertThat(s.failures())
                        .extracting(LiveSyncReport.Failure::code)
                        .contains("AccessDeniedException"));
        assertThat(report.ingest().summary().totalDeleted()).isZero();
    }

    @Test
    @DisplayName("--org reads every ACTIVE account that ListAccounts names, through the role")
    void organization() throws IOException {
        var expected = new TreeSet<String>();
        try (Stream<Path> files = Files.list(input.resolve(ACCOUNT + "/global"))) {
            for (Path file : files.filter(
                            f -> f.getFileName().toString().startsWith("organizations-list-accounts-for-parent"))
                    .toList()) {
                MAPPER.readTree(file.toFile()).path("Accounts").forEach(account -> {
                    if (account.path("Status").asString().equals("ACTIVE")) {
                        expected.add(account.path("Id").asString());
                    }
                });
            }
        }

        var report = sync(options().withOrganization("LeewardReadOnly", "leeward-external-id"));

        assertThat(report.accountFailures()).isEmpty();
        assertThat(report.scopes().stream().map(ScopeReport::account).distinct().toList())
                .containsExactlyElementsOf(List.copyOf(expected));
        assertThat(stub.calls()).containsEntry("organizations:ListAccounts", 1L).containsKey("sts:AssumeRole");
        assertThat(expected).hasSizeGreaterThan(1);
    }
}
