package io.leeward.app.cli;

import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.IngestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leeward ingest SOURCE PATHS}: offline imports, one subcommand per source family. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Load data from files into the graph.",
        subcommands = {IngestCommand.Aws.class, IngestCommand.Iam.class, FlowsCommand.class})
final class IngestCommand {
    // no action of its own: without a subcommand picocli reports the missing one and exits 2

    /** AWS CLI JSON output laid out per account and region. */
    @Command(
            name = "aws",
            mixinStandardHelpOptions = true,
            description = {
                "Import ECS, EC2 networking, ELBv2, IAM, KMS, ECR, S3, Secrets Manager and SSM responses as the"
                        + " AWS CLI prints them (metadata only, never secret values).",
                "Layout: DIR/<account-id>/<region or global>/<service>-<operation>[-suffix].json[.gz];"
                        + " see docs/formats.md."
            })
    static final class Aws implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The directory holding one folder per account.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("not a directory: " + dir);
            }
            var out = spec.commandLine().getOut();
            try (var app = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
                var progress = new ProgressBar(spec.commandLine().getErr(), "aws");
                var report = AwsCliImport.create(app.bean(Fingerprints.class)).load(dir, app.store(), progress::update);
                progress.done();
                IngestSummary.print(out, report);
                return report.hasRejections() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
            }
        }
    }

    /** IAM GetAccountAuthorizationDetails output of one account, without the directory layout. */
    @Command(
            name = "iam",
            mixinStandardHelpOptions = true,
            description = {
                "Import the output of aws iam get-account-authorization-details (one file, or the pages of a raw dump).",
                "Loads the same graph as ingest aws with the files in DIR/<account-id>/global/; see docs/formats.md."
            })
    static final class Iam implements Callable<Integer> {
        @Parameters(
                paramLabel = "FILE",
                arity = "1..*",
                description = "GAAD JSON files (.json or .json.gz) of one account.")
        List<Path> files;

        @Option(
                names = "--account",
                paramLabel = "ID",
                description = "The 12-digit account id; by default taken from the ARNs in the files, which must agree.")
        String account;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("not a file: " + file);
                }
            }
            String owner = account == null ? accountOf(files) : account;
            if (!owner.matches("[0-9]{12}")) {
                throw new IllegalArgumentException("--account must be a 12-digit account id, was " + owner);
            }
            var out = spec.commandLine().getOut();
            try (var app = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
                var progress = new ProgressBar(spec.commandLine().getErr(), "iam");
                var report = AwsCliImport.create(app.bean(Fingerprints.class))
                        .loadAuthorizationDetails(files, owner, app.store(), progress::update);
                progress.done();
                IngestSummary.print(out, report);
                return report.hasRejections() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
            }
        }

        /** The account the files' ARNs name; a usage error (exit 2) when they name none or several. */
        private static String accountOf(List<Path> files) {
            try {
                return AwsCliImport.accountOf(files);
            } catch (IngestException e) {
                // a usage error, not a failure: without the cause, which the handler would take for one
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }
}
