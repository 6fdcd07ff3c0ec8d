/**
 * Machinery every loader shares: a streaming reader over the records of a JSON document
 * ({@link io.leeward.loaders.ingest.JsonArrayReader}), a validated field reader with exact messages
 * ({@link io.leeward.loaders.ingest.JsonFields}), and what a load reports back
 * ({@link io.leeward.loaders.ingest.IngestReport}, {@link io.leeward.loaders.ingest.Rejection},
 * {@link io.leeward.loaders.ingest.ProgressListener}).
 */
package io.leeward.loaders.ingest;
