package io.leeward.app.cli;

import io.leeward.loaders.aws.live.AwsLiveSync;
import io.leeward.loaders.aws.live.LiveSyncOptions;
import io.leeward.loaders.ingest.Fingerprints;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leeward sync SOURCE}: live inventory reads, one subcommand per source family. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Read live inventory into the graph.",
        subcommands = {SyncCommand.Aws.class})
final class SyncCommand {
    // no action of its own: without a subcommand picocli reports the missing one and exits 2

    /** ECS, EC2 networking and ELBv2 through the AWS SDK, loaded as {@code ingest aws} loads the CLI's output. */
    @Command(
            name = "aws",
            mixinStandardHelpOptions = true,
            description = {
                "Read ECS, EC2 networking, ELBv2, KMS, ECR, Secrets Manager and SSM metadata, S3, IAM and Organizations with",
                "the AWS SDK (read-only calls, never a secret value) and load them as `ingest aws` does.",
                "Credentials: the default chain, or --profile; other accounts through --accounts or --org, and --assume-role.",
                "Exit 1 when any account, region or service could not be read completely; see docs/sync.md."
            })
    static final class Aws implements Callable<Integer> {
        @Option(
                names = "--regions",
                split = ",",
                paramLabel = "REGION",
                description = "Regions to read (default: every region enabled in each account).")
        List<String> regions = new ArrayList<>();

        @Option(names = "--profile", paramLabel = "NAME", description = "Named profile of the caller's credentials.")
        String profile;

        @Option(
                names = "--accounts",
                split = ",",
                paramLabel = "ACCOUNT",
                description = "Accounts to read through --assume-role (default: the caller's own account).")
        List<String> accounts = new ArrayList<>();

        @Option(
                names = "--assume-role",
                paramLabel = "NAME",
                description =
                        "Role name to assume in each of --accounts (or of the organization's accounts with --org).")
        String role;

        @Option(
                names = "--org",
                description =
                        "Read every ACTIVE account of the caller's organization (Organizations ListAccounts, from the"
                                + " management account or a delegated administrator) through --assume-role.")
        boolean organization;

        @Option(
                names = "--external-id",
                paramLabel = "ID",
                description = "External id the role's trust policy requires.")
        String externalId;

        @Option(
                names = "--home-region",
                defaultValue = "us-east-1",
                paramLabel = "REGION",
                description = "Region for STS and DescribeRegions (default ${DEFAULT-VALUE}).")
        String homeRegion;

        @Option(
                names = "--max-requests",
                defaultValue = "16",
                description = "Requests in flight at most (default ${DEFAULT-VALUE}).")
        int maxRequests;

        @Option(
                names = "--parallel-regions",
                defaultValue = "4",
                description = "Account-region pairs fetched at once (default ${DEFAULT-VALUE}).")
        int parallelRegions;

        @Option(
                names = "--endpoint",
                hidden = true,
                paramLabel = "URL",
                description = "Every client's endpoint (a local stand-in for AWS).")
        URI endpoint;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!accounts.isEmpty() && role == null) {
                throw new IllegalArgumentException("--accounts needs --assume-role NAME");
            }
            if (organization && role == null) {
                throw new IllegalArgumentException("--org needs --assume-role NAME");
            }
            if (organization && !accounts.isEmpty()) {
                throw new IllegalArgumentException("--org and --accounts exclude each other");
            }
            var options = LiveSyncOptions.defaults().withRegions(regions);
            options = organization
                    ? options.withOrganization(role, externalId)
                    : options.withAccounts(accounts, role, externalId);
            options = options.withProfile(profile)
                    .withHomeRegion(homeRegion)
                    .withMaxRequests(maxRequests)
                    .withParallelRegions(parallelRegions);
            if (endpoint != null) {
                options = options.withEndpoint(endpoint, null);
            }
            var out = spec.commandLine().getOut();
            try (var app = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
                var report = AwsLiveSync.create(options, app.bean(Fingerprints.class))
                        .sync(app.store());
                IngestSummary.print(out, report.ingest());
                SyncReportPrinter.print(out, report);
                return report.failed() || report.ingest().hasRejections() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
            }
        }
    }
}
