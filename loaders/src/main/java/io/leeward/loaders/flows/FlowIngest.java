package io.leeward.loaders.flows;

import io.leeward.graph.store.Check;
import io.leeward.graph.store.Checkpoint;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.TrafficBatch;
import io.leeward.loaders.ingest.IngestException;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.ProgressListener;
import io.leeward.loaders.ingest.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code leeward ingest flows}: reads VPC flow log files, attributes each record to the workloads at
 * its ends at its time, sums the records per chunk and applies each chunk's counters to the graph
 * together with the file's checkpoint in one transaction. A file whose checkpoint is done is not
 * read again; a load stopped midway resumes after the last applied chunk; nothing counts twice.
 */
public final class FlowIngest {
    /** The source stamped on traffic and checkpoints. */
    public static final String SOURCE = "flows";

    /** Records (with rejections) per chunk: one transaction and one checkpoint each. */
    public static final int DEFAULT_CHUNK = 1_000_000;

    /** Distinct (client, server, port, hour) sums held before a chunk is applied early: bounds memory. */
    private static final int MAX_KEYS = 100_000;

    private static final int IDENTITY_BYTES = 64 * 1024;

    private final Options options;

    private FlowIngest(Options options) {
        this.options = options;
    }

    /**
     * How to load: the format of files without a header (null: the default version 2 format), records
     * per chunk, how long hourly history is kept (null: forever) and the clock it is measured by.
     */
    public record Options(FlowLogFormat format, int chunk, Duration retention, Clock clock) {
        public Options {
            Check.positive(chunk, "chunk");
            Check.notNull(clock, "clock");
        }

        public static Options defaults() {
            return new Options(null, DEFAULT_CHUNK, Duration.ofDays(30), Clock.systemUTC());
        }

        public Options withFormat(FlowLogFormat newFormat) {
            return new Options(newFormat, chunk, retention, clock);
        }

        public Options withChunk(int records) {
            return new Options(format, records, retention, clock);
        }

        public Options withRetention(Duration newRetention) {
            return new Options(format, chunk, newRetention, clock);
        }
    }

    public static FlowIngest create(Options options) {
        return new FlowIngest(Check.notNull(options, "options"));
    }

    /** Files under the given paths: files as given, directories walked recursively in name order. */
    public static List<Path> files(List<Path> paths) {
        var files = new ArrayList<Path>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new IngestException("Cannot list " + path + ": " + e.getMessage(), e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Loads every file under {@code paths} into {@code store}, then prunes history past retention. */
    public FlowIngestReport load(List<Path> paths, GraphStore store, ProgressListener progress) {
        var index = OwnershipIndex.load(store);
        var files = files(paths);
        long total = 0;
        for (Path file : files) {
            total += size(file);
        }
        var results = new ArrayList<FlowIngestReport.FileResult>();
        var rejections = new ArrayList<Rejection>();
        long done = 0;
        long records = 0;
        for (Path file : files) {
            var result = loadFile(file, file.toString(), index, store, rejections);
            results.add(result);
            done += size(file);
            records += result.records() + result.rejected();
            progress.progress(records, done, total);
        }
        long pruned = options.retention() == null
                ? 0
                : store.pruneTrafficHours(options.clock().instant().minus(options.retention()));
        return new FlowIngestReport(results, rejections, pruned);
    }

    FlowIngestReport.FileResult loadFile(
            Path file, String name, OwnershipIndex index, GraphStore store, List<Rejection> rejections) {
        var checkpoint = new Checkpoint(SOURCE, identity(file), name);
        var state = store.checkpoint(checkpoint);
        if (state.done()) {
            return new FlowIngestReport.FileResult(
                    name, FlowIngestReport.Status.ALREADY_LOADED, null, state.offset(), 0, 0, 0, 0, 0, 0, 0, 0);
        }
        var reader = options.format() == null ? FlowLogReader.standard() : FlowLogReader.withFormat(options.format());
        try (var sink = new ChunkSink(index, store, checkpoint, state.offset(), rejections)) {
            var read = reader.read(file, name, sink);
            sink.finish();
            return result(name, state, read, sink);
        }
    }

    private static FlowIngestReport.FileResult result(
            String name, Checkpoint.State state, FlowLogReader.Result read, ChunkSink sink) {
        return new FlowIngestReport.FileResult(
                name,
                state.offset() > 0 ? FlowIngestReport.Status.RESUMED : FlowIngestReport.Status.LOADED,
                read.delivery().name().toLowerCase(java.util.Locale.ROOT),
                state.offset(),
                sink.records,
                sink.rejected,
                sink.noData,
                sink.skipData,
                sink.attributed,
                sink.unattributed,
                sink.edges,
                sink.unresolved);
    }

    /**
     * An object's identity: its size and a SHA-256 of its first 64 KiB. Not its path, so that a copy
     * of a file (downloaded again, moved) is the same object and is not counted twice.
     */
    static String identity(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(IDENTITY_BYTES);
            var digest = MessageDigest.getInstance("SHA-256").digest(head);
            return "sha256-64k:" + HexFormat.of().formatHex(digest) + ":" + Files.size(file);
        } catch (IOException e) {
            throw new IngestException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IngestException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Counts, attributes and sums records; applies a chunk at every {@code chunk} records. */
    private final class ChunkSink implements FlowLogReader.Sink, AutoCloseable {
        private final ExecutorService writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("leeward-flows-writer").daemon().factory());
        private Future<TrafficBatch.Result> pending;
        private final Attribution attribution;
        private final TrafficAggregator aggregator;
        private final GraphStore store;
        private final Checkpoint checkpoint;
        private final List<Rejection> rejections;
        private final long resumeAt;
        private long position;
        private long applied;
        long records;
        long rejected;
        long noData;
        long skipData;
        long attributed;
        long unattributed;
        long edges;
        long unresolved;

        ChunkSink(
                OwnershipIndex index,
                GraphStore store,
                Checkpoint checkpoint,
                long resumeAt,
                List<Rejection> rejections) {
            this.attribution = new Attribution(index);
            this.aggregator = new TrafficAggregator(index.owners());
            this.store = store;
            this.checkpoint = checkpoint;
            this.resumeAt = resumeAt;
            this.applied = resumeAt;
            this.rejections = rejections;
        }

        @Override
        public void record(FlowRecord record, long line) {
            if (position++ < resumeAt) {
                return;
            }
            records++;
            if (!record.hasTraffic()) {
                if (record.logStatus() == FlowRecord.LogStatus.NODATA) {
                    noData++;
                } else {
                    skipData++;
                }
            } else if (attribution.resolve(record) == Attribution.Outcome.ATTRIBUTED) {
                attributed++;
                aggregator.add(attribution, record);
            } else {
                unattributed++;
            }
            if (position - applied >= options.chunk() || aggregator.size() >= MAX_KEYS) {
                apply(false);
            }
        }

        @Override
        public void reject(Rejection rejection) {
            if (position++ < resumeAt) {
                return;
            }
            rejected++;
            if (rejections.size() < IngestReport.MAX_REJECTIONS) {
                rejections.add(rejection);
            }
            if (position - applied >= options.chunk()) {
                apply(false);
            }
        }

        void finish() {
            apply(true);
            awaitPending();
        }

        @Override
        public void close() {
            writer.shutdownNow();
        }

        /**
         * Hands the chunk to the writer thread, which applies chunks in order while the next one is
         * read; at most one chunk is in flight, so memory stays at two chunks' sums.
         */
        private void apply(boolean done) {
            var drained = aggregator.drain();
            var batch = new TrafficBatch(
                    checkpoint, applied, position, done, drained.endpoints(), drained.links(), drained.edges());
            awaitPending();
            pending = writer.submit(() -> store.applyTraffic(batch));
            applied = position;
        }

        private void awaitPending() {
            if (pending == null) {
                return;
            }
            TrafficBatch.Result result;
            try {
                result = pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestException("Interrupted while writing traffic of " + checkpoint.location(), e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IngestException("Could not write traffic of " + checkpoint.location(), e.getCause());
            } finally {
                pending = null;
            }
            if (!result.applied()) {
                throw new IngestException("Another load of " + checkpoint.location()
                        + " is ahead of this one (its checkpoint stands at record "
                        + result.state().offset()
                        + "); stopped without counting twice");
            }
            edges += result.edges();
            unresolved += result.unresolved();
        }
    }
}
