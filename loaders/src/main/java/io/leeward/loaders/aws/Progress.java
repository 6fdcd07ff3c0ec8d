package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.ProgressListener;

/** Forwards progress to the listener every {@value #EVERY} records and at the end of each file. */
final class Progress {
    private static final int EVERY = 512;

    private final ProgressListener listener;
    private final long total;
    private long records;
    private long done;

    Progress(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    void record(long fileBytesRead, long fileBytes) {
        records++;
        if (records % EVERY == 0) {
            listener.progress(records, done + Math.min(fileBytesRead, fileBytes), total);
        }
    }

    void fileDone(long fileBytes) {
        done += fileBytes;
        listener.progress(records, done, total);
    }
}
