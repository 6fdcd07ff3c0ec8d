package io.leeward.app.bench;

import io.leeward.app.demo.DemoGenerator;
import io.leeward.graph.neo4j.Neo4jStore;
import io.leeward.graph.neo4j.StoreConfig;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.StoreException;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.flows.FlowIngest;
import io.leeward.loaders.flows.FlowLogReader;
import io.leeward.loaders.flows.FlowRecord;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.ProgressListener;
import io.leeward.loaders.ingest.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The flow log benchmark. In one run: generate the demo account and load it into a temporary
 * embedded Neo4j, write gzip flow logs for its interfaces, then time over the same files (1) the
 * decompression ceiling, {@code zcat FILE > /dev/null} (a Java gzip drain where there is no zcat),
 * (2) parsing alone, (3) the whole path: parse, attribute, aggregate and write with checkpoints.
 * A small untimed warm-up load runs first. The heap in use is sampled after every file, to show that
 * memory stays flat as files grow.
 */
public final class FlowBenchmark {
    private final int files;
    private final long recordsPerFile;

    public FlowBenchmark(int files, long recordsPerFile) {
        if (files < 1 || recordsPerFile < 1) {
            throw new IllegalArgumentException("files and records per file must be positive");
        }
        this.files = files;
        this.recordsPerFile = recordsPerFile;
    }

    /** The figures of one run; rates in records per second. */
    public record Result(
            int tasks,
            long records,
            long bytes,
            String ceilingTool,
            double ceilingSeconds,
            double parseSeconds,
            double loadSeconds,
            long attributed,
            long edges,
            long maxHeap,
            List<Long> heapAfterFile) {
        public double ceilingRate() {
            return records / ceilingSeconds;
        }

        public double parseRate() {
            return records / parseSeconds;
        }

        public double loadRate() {
            return records / loadSeconds;
        }

        /** The whole path's rate over zcat's. */
        public double ratio() {
            return ceilingSeconds / loadSeconds;
        }
    }

    public Result run() {
        Path work = createTempDirectory();
        try {
            Path input = work.resolve("inventory");
            DemoGenerator.builder().build().generate(input);
            try (GraphStore store = Neo4jStore.open(StoreConfig.embedded(work.resolve("store")))) {
                var report =
                        AwsCliImport.create(Fingerprints.keyed(new byte[32])).load(input, store, ProgressListener.NONE);
                if (report.hasRejections()) {
                    throw new StoreException(
                            "the demo account was rejected: "
                                    + report.rejections().getFirst(),
                            null);
                }
                var generator = new FlowLogGenerator(store, 42);
                Path logs = Files.createDirectories(work.resolve("flows"));
                Path warmup = logs.resolve("warmup.log.gz");
                generator.write(warmup, Math.min(recordsPerFile, 300_000), 0);
                var paths = new ArrayList<Path>();
                long bytes = 0;
                for (int i = 0; i < files; i++) {
                    Path file = logs.resolve("flows-" + i + ".log.gz");
                    generator.write(file, recordsPerFile, i + 1);
                    paths.add(file);
                    bytes += Files.size(file);
                }
                var ingest = FlowIngest.create(FlowIngest.Options.defaults().withRetention(null));
                ingest.load(List.of(warmup), store, ProgressListener.NONE);
                parse(List.of(warmup));

                boolean zcat = zcatAvailable();
                String tool = zcat ? "zcat" : "java gzip";
                long start = System.nanoTime();
                for (Path file : paths) {
                    drain(file, zcat);
                }
                double ceiling = seconds(start);

                start = System.nanoTime();
                long parsed = parse(paths);
                double parseSeconds = seconds(start);

                var heap = new ArrayList<Long>();
                var memory = ManagementFactory.getMemoryMXBean();
                start = System.nanoTime();
                var loaded = ingest.load(
                        paths,
                        store,
                        (records, done, total) ->
                                heap.add(memory.getHeapMemoryUsage().getUsed()));
                double loadSeconds = seconds(start);
                long attributed = loaded.total(f -> f.attributed());
                long edges = loaded.total(f -> f.edges());
                return new Result(
                        generator.tasks(),
                        parsed,
                        bytes,
                        tool,
                        ceiling,
                        parseSeconds,
                        loadSeconds,
                        attributed,
                        edges,
                        Runtime.getRuntime().maxMemory(),
                        heap);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            IngestBenchmark.deleteRecursively(work);
        }
    }

    /**
     * The heap in use after the last collection of each heap pool: what survived, without forcing a
     * collection inside the timed load (the embedded Neo4j shares the heap, so this includes it).
     */
    private static long liveHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    private static long parse(List<Path> paths) {
        var reader = FlowLogReader.standard();
        long records = 0;
        for (Path file : paths) {
            records += reader.read(file, file.toString(), new FlowLogReader.Sink() {
                        @Override
                        public void record(FlowRecord record, long line) {}

                        @Override
                        public void reject(Rejection rejection) {}
                    })
                    .records();
        }
        return records;
    }

    private static boolean zcatAvailable() {
        try {
            return new ProcessBuilder("zcat", "--version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code zcat FILE > /dev/null}, or a Java gzip drain without zcat. */
    private static void drain(Path file, boolean zcat) throws IOException {
        if (zcat) {
            try {
                int exit = new ProcessBuilder("zcat", file.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start()
                        .waitFor();
                if (exit != 0) {
                    throw new IOException("zcat " + file + " exited with " + exit);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // drain
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("leeward-bench-flows-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the benchmark", e);
        }
    }
}
