package io.leeward.loaders.flows;

import io.leeward.loaders.ingest.Rejection;
import java.util.List;

/**
 * What {@code leeward ingest flows} did: per file, and the rejections in order (the first
 * {@link io.leeward.loaders.ingest.IngestReport#MAX_REJECTIONS}; the rest are counted).
 */
public record FlowIngestReport(List<FileResult> files, List<Rejection> rejections, long prunedHours) {
    public FlowIngestReport {
        files = List.copyOf(files);
        rejections = List.copyOf(rejections);
    }

    public boolean hasRejections() {
        return files.stream().anyMatch(f -> f.rejected() > 0);
    }

    /** Sum of a counter over the files. */
    public long total(java.util.function.ToLongFunction<FileResult> counter) {
        return files.stream().mapToLong(counter).sum();
    }

    /** How a file was read. */
    public enum Status {
        /** Read from its start. */
        LOADED,
        /** An earlier load stopped midway; read on from its checkpoint. */
        RESUMED,
        /** Its checkpoint says it was applied completely before: nothing was read. */
        ALREADY_LOADED
    }

    /**
     * One file. {@code skipped} records were applied by an earlier, interrupted load; the counts
     * are of this run. {@code attributed} records gave an edge; {@code unattributed} are the other
     * records with traffic; {@code noData}/{@code skipData} the records without.
     */
    public record FileResult(
            String file,
            Status status,
            String delivery,
            long skipped,
            long records,
            long rejected,
            long noData,
            long skipData,
            long attributed,
            long unattributed,
            long edges,
            long unresolved) {}
}
