package io.leeward.app.bench;

import io.leeward.app.demo.DemoGenerator;
import io.leeward.graph.neo4j.Neo4jStore;
import io.leeward.graph.neo4j.StoreConfig;
import io.leeward.graph.store.CeilingWriter;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.StoreException;
import io.leeward.graph.store.SyncRequest;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inventory load benchmark. In one run and one fresh embedded database: generate the demo
 * account at a scale, load it through the real loader (parse, validate, MERGE, stamp, clean up) and
 * time it; then write the very same rows with bare {@code UNWIND … CREATE} and time that as the
 * ceiling. Each round starts from an empty graph. Untimed warm-up rounds of the same input run
 * first, so that the JIT and Neo4j's plan cache are warm for both paths: the benchmark reports the
 * steady state, not the cost of a cold JVM (which a one-off CLI load does pay).
 */
public final class IngestBenchmark {
    private static final int WARMUP_ROUNDS = 2;

    private final int scale;
    private final int rounds;
    private final int batchSize;
    private final Fingerprints fingerprints = Fingerprints.keyed(randomKey());

    public IngestBenchmark(int scale, int rounds, int batchSize) {
        if (scale < 1 || rounds < 1 || batchSize < 1) {
            throw new IllegalArgumentException("scale, rounds and batch size must be positive");
        }
        this.scale = scale;
        this.rounds = rounds;
        this.batchSize = batchSize;
    }

    /** Runs the benchmark in a temporary directory that is deleted afterwards. */
    public BenchResult run() {
        Path work = createTempDirectory();
        try {
            Path input = work.resolve("input");
            DemoGenerator.builder().scale(scale).build().generate(input);
            try (GraphStore store = Neo4jStore.open(StoreConfig.embedded(work.resolve("store")))) {
                for (int i = 0; i < WARMUP_ROUNDS; i++) {
                    round(store, input);
                }
                var results = new ArrayList<BenchResult.Round>();
                for (int i = 0; i < rounds; i++) {
                    results.add(round(store, input));
                }
                return new BenchResult(scale, batchSize, results);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private BenchResult.Round round(GraphStore store, Path input) {
        var recording = new RecordingStore(store);
        long start = System.nanoTime();
        var report = load(recording, input);
        long loadNanos = System.nanoTime() - start;
        if (report.hasRejections()) {
            throw new StoreException(
                    "the benchmark input was rejected: " + report.rejections().getFirst(), null);
        }
        long elements = recording.nodes().size() + recording.relationships().size();
        long records = report.loaded();
        store.deleteAllData();

        var ceiling = (CeilingWriter) store;
        start = System.nanoTime();
        long created = ceiling.createForCeiling(
                recording.nodes(),
                recording.relationships(),
                batchSize,
                SyncRequest.of(AwsCliImport.SOURCE).nodeWriters());
        long ceilingNanos = System.nanoTime() - start;
        store.deleteAllData();
        return new BenchResult.Round(records, elements, loadNanos, created, ceilingNanos);
    }

    private io.leeward.loaders.ingest.IngestReport load(GraphStore store, Path input) {
        return AwsCliImport.create(SyncRequest.of(AwsCliImport.SOURCE).withBatchSize(batchSize), fingerprints)
                .load(input, store, ProgressListener.NONE);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("leeward-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the benchmark", e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark directory " + dir, e);
        }
    }
}
