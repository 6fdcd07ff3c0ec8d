package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.JsonArrayReader;

/**
 * Where the records of one file kind come from: a file of the offline import, or a response page of
 * the live sync held in memory. Both read the same document, the AWS CLI's JSON output.
 */
interface RecordSource {
    /** How reports and rejections name it: a path relative to the import directory, or {@code live:…#page}. */
    String name();

    FileKind kind();

    /** Its size in bytes for progress, or 0 when unknown. */
    long bytes();

    /** The resource the name carries after {@code _} ({@link FileKind#resourceOf}), or null. */
    String resource();

    /** Opens a reader over its records. */
    JsonArrayReader open();
}
