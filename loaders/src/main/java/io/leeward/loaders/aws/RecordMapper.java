package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.JsonFields;

/**
 * Maps one record of one file kind to nodes and relationships. Throws {@link
 * io.leeward.loaders.ingest.InvalidRecordException} before anything of the record is committed, so
 * that a record is loaded whole or not at all.
 */
interface RecordMapper {
    void map(JsonFields record, RegionContext context, Emitter out);
}
