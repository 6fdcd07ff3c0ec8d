package io.leeward.loaders.ingest;

import io.leeward.graph.store.Check;
import io.leeward.graph.store.SyncSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one load did: per input file and per file kind, the records loaded and rejected; the
 * rejections in the order they were found (the first {@link #MAX_REJECTIONS} of them, the rest only
 * counted in {@code rejectionsOmitted}); the paths skipped as unrecognised and the records skipped by
 * design ({@code file#pointer}), with the reason; and the
 * store's summary of the sync. The CLI exits 1 when {@link #hasRejections()}.
 */
public record IngestReport(
        String source,
        List<FileResult> files,
        Map<String, Counts> kinds,
        List<Rejection> rejections,
        long rejectionsOmitted,
        List<Skipped> skipped,
        SyncSummary summary) {

    /** How many rejections a report keeps in full; more are counted only. */
    public static final int MAX_REJECTIONS = 10_000;

    public IngestReport {
        Check.notBlank(source, "source");
        Check.notNull(summary, "summary");
        files = List.copyOf(files);
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        rejections = List.copyOf(rejections);
        skipped = List.copyOf(skipped);
    }

    /** Whether any record or file part was rejected. */
    public boolean hasRejections() {
        return rejected() > 0;
    }

    public long loaded() {
        return files.stream().mapToLong(FileResult::loaded).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileResult::rejected).sum();
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** One input file: its path relative to the import directory, its kind and size, and its counts. */
    public record FileResult(String file, String kind, long bytes, long loaded, long rejected) {}

    /** Records loaded and rejected of one kind. */
    public record Counts(long loaded, long rejected) {
        Counts plus(FileResult file) {
            return new Counts(loaded + file.loaded(), rejected + file.rejected());
        }
    }

    /** A path that was not read, and why (an unrecognised file name, a directory that is not an account). */
    public record Skipped(String path, String reason) {}

    /** Collects a report while a loader runs; not thread-safe. */
    public static final class Builder {
        private final String source;
        private final List<FileTally> files = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private long omitted;

        private Builder(String source) {
            this.source = Check.notBlank(source, "source");
        }

        /** Starts counting the records of one file. */
        public FileTally file(String file, String kind, long bytes) {
            var tally = new FileTally(file, kind, bytes);
            files.add(tally);
            return tally;
        }

        public Builder skip(String path, String reason) {
            skipped.add(new Skipped(path, reason));
            return this;
        }

        public IngestReport build(SyncSummary summary) {
            var results = files.stream().map(FileTally::result).toList();
            var kinds = new LinkedHashMap<String, Counts>();
            for (FileResult file : results) {
                kinds.merge(file.kind(), new Counts(0, 0).plus(file), (a, b) -> a.plus(file));
            }
            return new IngestReport(source, results, kinds, rejections, omitted, skipped, summary);
        }

        /** The counts of one file; records are counted as the loader finishes each one. */
        public final class FileTally {
            private final String file;
            private final String kind;
            private final long bytes;
            private long loaded;
            private long rejected;
            private long skippedRecords;

            private FileTally(String file, String kind, long bytes) {
                this.file = Check.notBlank(file, "file");
                this.kind = Check.notBlank(kind, "kind");
                this.bytes = bytes;
            }

            public void addLoaded() {
                loaded++;
            }

            public void addRejection(Rejection rejection) {
                rejected++;
                if (rejections.size() < MAX_REJECTIONS) {
                    rejections.add(rejection);
                } else {
                    omitted++;
                }
            }

            /**
             * A record read whole and left out by design (an Organizations tag policy), listed with
             * the path and reason in {@link IngestReport#skipped()}: neither loaded nor rejected.
             */
            public void addSkipped(String where, String reason) {
                skippedRecords++;
                skipped.add(new Skipped(Check.notBlank(where, "where"), Check.notBlank(reason, "reason")));
            }

            public long skippedCount() {
                return skippedRecords;
            }

            public long loadedCount() {
                return loaded;
            }

            public long rejectedCount() {
                return rejected;
            }

            FileResult result() {
                return new FileResult(file, kind, bytes, loaded, rejected);
            }
        }
    }
}
