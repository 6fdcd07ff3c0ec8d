package io.leeward.app.cli;

import io.leeward.app.bench.BenchResult;
import io.leeward.app.bench.IngestBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks, each reported as rates and as a ratio against a ceiling measured in the same run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure Leeward's paths against a ceiling measured in the same run.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Flows.class})
final class BenchCommand {
    // no action of its own: without a subcommand picocli reports the missing one and exits 2

    /** The inventory load: the demo account through the AWS loader vs bare UNWIND … CREATE. */
    @Command(
            name = "ingest",
            mixinStandardHelpOptions = true,
            description = {
                "Load the demo account at --scale into a fresh temporary embedded Neo4j and report graph elements/s,",
                "then write the same rows with bare UNWIND … CREATE (the ceiling) and report the ratio.",
                "The temporary store is deleted afterwards; the configured graph is not touched."
            })
    static final class Ingest implements Callable<Integer> {
        static final double TARGET_RATE = 50_000;
        static final double TARGET_RATIO = 0.5;

        @Option(names = "--scale", defaultValue = "10", description = "Demo account scale (default ${DEFAULT-VALUE}).")
        int scale;

        @Option(
                names = "--rounds",
                defaultValue = "3",
                description = "Rounds of load and ceiling (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(
                names = "--batch-size",
                defaultValue = "2000",
                description = "Rows per UNWIND batch (default ${DEFAULT-VALUE}).")
        int batchSize;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.println("bench ingest: demo account at scale " + scale + ", " + rounds + " rounds, batches of "
                    + batchSize + " rows, temporary embedded Neo4j …");
            out.flush();
            BenchResult result;
            try (var quiet = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
                // the context only configures logging here: the benchmark opens its own temporary store
                result = new IngestBenchmark(scale, rounds, batchSize).run();
            }
            var rows = new ArrayList<Map<String, Object>>();
            int i = 1;
            for (BenchResult.Round round : result.rounds()) {
                var row = new LinkedHashMap<String, Object>();
                row.put("round", i++);
                row.put("records", round.records());
                row.put("elements", round.elements());
                row.put("load s", fmt("%.2f", round.loadNanos() / 1e9));
                row.put("load elements/s", fmt("%,.0f", round.loadRate()));
                row.put("ceiling s", fmt("%.2f", round.ceilingNanos() / 1e9));
                row.put("ceiling elements/s", fmt("%,.0f", round.ceilingRate()));
                row.put("ratio", fmt("%.2f", round.ratio()));
                rows.add(row);
            }
            Table.print(out, List.copyOf(rows.getFirst().keySet()), rows);
            var best = result.bestLoad();
            boolean met = best.loadRate() >= TARGET_RATE && result.ratio() >= TARGET_RATIO;
            out.println(fmt(
                    "ingest: %,.0f elements/s (%,.0f records/s); ceiling %,.0f elements/s; ratio %.2f — target ≥ %,.0f/s and ≥ %.1f: %s",
                    best.loadRate(),
                    best.recordRate(),
                    result.bestCeilingRate(),
                    result.ratio(),
                    TARGET_RATE,
                    TARGET_RATIO,
                    met ? "met" : "NOT met"));
            out.flush();
            return ExitCodes.OK;
        }

        private static String fmt(String format, Object... args) {
            return String.format(Locale.ROOT, format, args);
        }
    }

    /** The flow log path: gzip flow logs of the demo account through parse, attribute, aggregate, write. */
    @Command(
            name = "flows",
            mixinStandardHelpOptions = true,
            description = {
                "Generate gzip VPC flow logs for the demo account (loaded into a fresh temporary embedded Neo4j) and",
                "time over the same files: zcat FILE > /dev/null, parsing alone, and the whole load with checkpoints.",
                "Run with a 512 MB heap (JAVA_TOOL_OPTIONS=-Xmx512m) to check memory stays flat."
            })
    static final class Flows implements Callable<Integer> {
        static final double TARGET_RATE = 500_000;

        @Option(names = "--files", defaultValue = "4", description = "Flow log files (default ${DEFAULT-VALUE}).")
        int files;

        @Option(
                names = "--records",
                defaultValue = "1000000",
                description = "Records per file (default ${DEFAULT-VALUE}).")
        long records;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.println("bench flows: " + files + " gzip files of " + records
                    + " records for the demo account, temporary embedded Neo4j …");
            out.flush();
            io.leeward.app.bench.FlowBenchmark.Result r;
            try (var quiet = AppContext.start(LeewardCommand.root(spec).options(null), false)) {
                r = new io.leeward.app.bench.FlowBenchmark(files, records).run();
            }
            out.println(fmt(
                    "%,d records (%,d compressed bytes) for %d running tasks; heap max %,d MB",
                    r.records(), r.bytes(), r.tasks(), r.maxHeap() >> 20));
            out.println(fmt(
                    "%-28s %8.2f s %,14.0f records/s",
                    r.ceilingTool() + " > /dev/null", r.ceilingSeconds(), r.ceilingRate()));
            out.println(fmt("%-28s %8.2f s %,14.0f records/s", "parse only", r.parseSeconds(), r.parseRate()));
            out.println(fmt(
                    "%-28s %8.2f s %,14.0f records/s",
                    "parse+attribute+aggregate+write", r.loadSeconds(), r.loadRate()));
            var heap = new StringBuilder();
            r.heapAfterFile()
                    .forEach(h -> heap.append(heap.isEmpty() ? "" : ", ")
                            .append(h >> 20)
                            .append(" MB"));
            out.println("heap live after the last GC, after each file (embedded Neo4j included): " + heap);
            out.println(fmt(
                    "flows: %,.0f records/s end to end, %.2f of %s; %,d attributed, %,d edge writes — target ≥ %,.0f/s: %s",
                    r.loadRate(),
                    r.ratio(),
                    r.ceilingTool(),
                    r.attributed(),
                    r.edges(),
                    TARGET_RATE,
                    r.loadRate() >= TARGET_RATE ? "met" : "NOT met"));
            out.flush();
            return ExitCodes.OK;
        }

        private static String fmt(String format, Object... args) {
            return String.format(Locale.ROOT, format, args);
        }
    }
}
