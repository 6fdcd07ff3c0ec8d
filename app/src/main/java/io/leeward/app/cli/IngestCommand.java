package io.leeward.app.cli;

import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.ingest.Fingerprints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leeward ingest SOURCE PATHS}: offline imports, one subcommand per source family. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Load data from files into the graph.",
        subcommands = {IngestCommand.Aws.class})
final class IngestCommand {
    // no action of its own: without a subcommand picocli reports the missing one and exits 2

    /** AWS CLI JSON output laid out per account and region. */
    @Command(
            name = "aws",
            mixinStandardHelpOptions = true,
            description = {
                "Import ECS, EC2 networking and ELBv2 responses as the AWS CLI prints them.",
                "Layout: DIR/<account-id>/<region>/<service>-<operation>[-suffix].json[.gz]; see docs/formats.md."
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
}
