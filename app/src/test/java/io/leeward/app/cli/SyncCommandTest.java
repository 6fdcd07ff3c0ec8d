package io.leeward.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.app.demo.DemoGenerator;
import io.leeward.loaders.aws.stub.AwsStub;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync aws} as a user runs it, against the local AWS stand-in serving the demo account; the
 * credentials come from the default chain (its system properties).
 */
@DisplayName("leeward sync aws")
class SyncCommandTest {
    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path home;

    @TempDir
    Path input;

    private AwsStub stub;

    @BeforeEach
    void setUp() {
        DemoGenerator.builder()
                .scale(1)
                .accountId(ACCOUNT)
                .region("eu-west-1")
                .build()
                .generate(input);
        stub = AwsStub.serve(input);
        System.setProperty("aws.accessKeyId", "AKID" + ACCOUNT);
        System.setProperty("aws.secretAccessKey", "stub-secret");
    }

    @AfterEach
    void tearDown() {
        stub.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private Cli sync(String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of(
                "--home",
                home.toString(),
                "sync",
                "aws",
                "--home-region",
                "eu-west-1",
                "--endpoint",
                stub.endpoint().toString()));
        args.addAll(java.util.List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("reads every enabled region, prints the report and exits 0; a denied service exits 1 naming the code")
    void syncs() {
        var cli = sync();

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Synced 10 scopes (0 incomplete)")
                .containsPattern("111122223333 +eu-west-1 +ecs +ok");

        stub.deny("eu-west-1", "elasticloadbalancing");
        var denied = sync();

        assertThat(denied.exitCode()).as(denied.err()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(denied.out())
                .containsPattern("111122223333 +eu-west-1 +elbv2 +failed .*AccessDenied")
                .contains("Failed 111122223333/eu-west-1 elbv2-describe-load-balancers: AccessDenied: ")
                .contains("Kept stale LoadBalancer of 111122223333/eu-west-1");
    }

    @Test
    @DisplayName("exits 2 when other accounts are named without a role to assume")
    void accountsNeedARole() {
        var cli = Cli.run("--home", home.toString(), "sync", "aws", "--accounts", "444455556666");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--accounts needs --assume-role NAME");
    }

    @Test
    @DisplayName("exits 2 on a region name that is not one")
    void badRegion() {
        var cli = Cli.run("--home", home.toString(), "sync", "aws", "--regions", "Europe");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("not an AWS region name: Europe");
    }
}
