package io.leeward.loaders.ingest;

/**
 * Told how far a load has come: records read so far and bytes read of the total bytes of all input
 * files (compressed bytes for {@code .gz} files). Called from the loading thread, at most every few
 * hundred records and at the end of each file; keep it cheap.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (records, bytesDone, bytesTotal) -> {};

    void progress(long records, long bytesDone, long bytesTotal);
}
