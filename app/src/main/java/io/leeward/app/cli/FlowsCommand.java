package io.leeward.app.cli;

import io.leeward.loaders.flows.FlowIngest;
import io.leeward.loaders.flows.FlowIngestReport;
import io.leeward.loaders.flows.FlowLogFormat;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leeward ingest flows PATHS}: VPC flow logs into traffic between workloads. */
@Command(
        name = "flows",
        mixinStandardHelpOptions = true,
        description = {
            "Load VPC flow logs (text, plain or gzip, or CloudWatch Logs envelopes) as traffic between workloads.",
            "Directories are read recursively. A file already loaded is skipped; one stopped midway resumes.",
            "See docs/formats.md."
        })
final class FlowsCommand implements Callable<Integer> {
    static final String RETENTION_PROPERTY = "leeward.flows.retention-days";
    private static final int SHOWN_REJECTIONS = 20;

    @Parameters(paramLabel = "PATHS", arity = "1..*", description = "Flow log files or directories.")
    List<Path> paths;

    @Option(
            names = "--format",
            paramLabel = "FIELDS",
            description = "The flow log's custom format, as its header line or the ${field} format string, for"
                    + " files without a header and CloudWatch envelopes (default: the version 2 default format).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
        }
        FlowLogFormat fields = format == null ? null : parseFormat(format);
        var out = spec.commandLine().getOut();
        try (var app = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
            int days = app.spring().getEnvironment().getProperty(RETENTION_PROPERTY, Integer.class, 30);
            var options = FlowIngest.Options.defaults()
                    .withFormat(fields)
                    .withRetention(days <= 0 ? null : Duration.ofDays(days));
            var progress = new ProgressBar(spec.commandLine().getErr(), "flows");
            long started = System.nanoTime();
            var report = FlowIngest.create(options).load(paths, app.store(), progressOf(progress));
            progress.done();
            print(out, report, (System.nanoTime() - started) / 1e9);
            return report.hasRejections() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
        }
    }

    private static ProgressListener progressOf(ProgressBar bar) {
        return bar::update;
    }

    private static FlowLogFormat parseFormat(String text) {
        try {
            return FlowLogFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: " + e.getMessage());
        }
    }

    static void print(PrintWriter out, FlowIngestReport report, double seconds) {
        long records = report.total(FlowIngestReport.FileResult::records);
        out.println(String.format(
                Locale.ROOT,
                "Read %,d flow records from %,d files in %.1f s (%,.0f records/s); rejected %,d.",
                records,
                report.files().size(),
                seconds,
                records / Math.max(seconds, 0.001),
                report.total(FlowIngestReport.FileResult::rejected)));
        var rows = new ArrayList<Map<String, Object>>();
        for (var file : report.files()) {
            var row = new LinkedHashMap<String, Object>();
            row.put("file", file.file());
            row.put("status", file.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            row.put("records", file.records());
            row.put("rejected", file.rejected());
            row.put("nodata/skipdata", file.noData() + "/" + file.skipData());
            row.put("attributed", file.attributed());
            row.put("unattributed", file.unattributed());
            row.put("edges written", file.edges());
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            Table.print(out, List.copyOf(rows.getFirst().keySet()), rows);
        }
        long unresolved = report.total(FlowIngestReport.FileResult::unresolved);
        if (unresolved > 0) {
            out.println(String.format(
                    Locale.ROOT,
                    "%,d traffic relationships were not written: an end was not in the graph.",
                    unresolved));
        }
        if (report.prunedHours() > 0) {
            out.println(String.format(
                    Locale.ROOT, "Pruned %,d hours of traffic history past retention.", report.prunedHours()));
        }
        if (!report.rejections().isEmpty()) {
            out.println("Rejected:");
            report.rejections().stream().limit(SHOWN_REJECTIONS).forEach(r -> out.println("  " + r.describe()));
            long more = report.total(FlowIngestReport.FileResult::rejected)
                    - Math.min(SHOWN_REJECTIONS, report.rejections().size());
            if (more > 0) {
                out.println(String.format(Locale.ROOT, "  … and %,d more", more));
            }
        }
        out.flush();
    }
}
