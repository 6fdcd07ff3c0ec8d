package io.leeward.app.bench;

import io.leeward.app.demo.DemoGenerator;
import io.leeward.graph.neo4j.Neo4jStore;
import io.leeward.graph.neo4j.StoreConfig;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.StoreException;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.aws.live.AwsLiveSync;
import io.leeward.loaders.aws.live.LiveSyncOptions;
import io.leeward.loaders.aws.stub.AwsStub;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The live sync benchmark. In one run and one fresh embedded database: generate the demo account in
 * several regions, serve it from the local {@link AwsStub} with a latency added to every request, and
 * time {@code sync aws} against it (requests/s, the most requests in flight, graph elements/s); then
 * load the very same responses from files with {@code ingest aws}, no network and no latency, as the
 * ceiling. One untimed warm-up round of each runs first.
 */
public final class SyncBenchmark {
    /** The account the demo writes and the stub serves. */
    static final String ACCOUNT = "111122223333";

    private final int scale;
    private final List<String> regions;
    private final Duration latency;
    private final int maxRequests;
    private final int rounds;
    private final Fingerprints fingerprints = Fingerprints.keyed(new byte[32]);

    public SyncBenchmark(int scale, List<String> regions, Duration latency, int maxRequests, int rounds) {
        if (scale < 1 || rounds < 1 || maxRequests < 1 || regions.isEmpty()) {
            throw new IllegalArgumentException("scale, rounds, max requests and regions must be positive");
        }
        this.scale = scale;
        this.regions = List.copyOf(regions);
        this.latency = latency;
        this.maxRequests = maxRequests;
        this.rounds = rounds;
    }

    /** One round: the live sync and its figures, and the offline load of the same responses. */
    public record Round(
            long records,
            long elements,
            long requests,
            int maxInFlight,
            long syncNanos,
            long ceilingElements,
            long ceilingNanos,
            boolean failed) {
        public double requestRate() {
            return requests / (syncNanos / 1e9);
        }

        public double elementRate() {
            return elements / (syncNanos / 1e9);
        }

        public double ceilingRate() {
            return ceilingElements / (ceilingNanos / 1e9);
        }

        public double ratio() {
            return elementRate() / ceilingRate();
        }
    }

    public List<Round> run() {
        Path work = createTempDirectory();
        try {
            Path input = work.resolve("input");
            for (String region : regions) {
                DemoGenerator.builder()
                        .scale(scale)
                        .accountId(ACCOUNT)
                        .region(region)
                        .build()
                        .generate(input);
            }
            try (GraphStore store = Neo4jStore.open(StoreConfig.embedded(work.resolve("store")));
                    AwsStub stub = AwsStub.serve(input).latency(latency).pageSize(100)) {
                round(store, stub, input);
                var results = new ArrayList<Round>();
                for (int i = 0; i < rounds; i++) {
                    results.add(round(store, stub, input));
                }
                return results;
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private Round round(GraphStore store, AwsStub stub, Path input) {
        var options = LiveSyncOptions.defaults()
                .withRegions(regions)
                .withHomeRegion(regions.getFirst())
                .withMaxRequests(maxRequests)
                .withParallelRegions(regions.size())
                .withEndpoint(
                        stub.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID" + ACCOUNT, "bench")));
        long requestsBefore = stub.requests();
        long start = System.nanoTime();
        var report = AwsLiveSync.create(options, fingerprints).sync(store);
        long syncNanos = System.nanoTime() - start;
        long requests = stub.requests() - requestsBefore;
        var summary = report.ingest().summary();
        store.deleteAllData();

        start = System.nanoTime();
        var offline = AwsCliImport.create(fingerprints).load(input, store, ProgressListener.NONE);
        long ceilingNanos = System.nanoTime() - start;
        if (offline.hasRejections()) {
            throw new StoreException(
                    "the benchmark input was rejected: " + offline.rejections().getFirst(), null);
        }
        var ceiling = offline.summary();
        store.deleteAllData();
        return new Round(
                report.records(),
                summary.totalNodes() + summary.totalRelationships(),
                requests,
                stub.maxInFlight(),
                syncNanos,
                ceiling.totalNodes() + ceiling.totalRelationships(),
                ceilingNanos,
                report.failed());
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("leeward-bench-sync-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the benchmark", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark directory " + dir, e);
        }
    }
}
