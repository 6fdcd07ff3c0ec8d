package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.JsonFields;
import io.leeward.loaders.ingest.JsonRecord;

/**
 * Maps one record of one file kind to nodes and relationships. Throws {@link
 * io.leeward.loaders.ingest.InvalidRecordException} before anything of the record is committed, so
 * that a record is loaded whole or not at all.
 */
interface RecordMapper {
    void map(JsonFields record, RegionContext context, Emitter out);

    /**
     * Maps a record knowing where it was read: mappers of files with several arrays (IAM's
     * GetAccountAuthorizationDetails) tell the records apart by {@link JsonRecord#array()}.
     */
    default void map(JsonRecord record, RegionContext context, Emitter out) {
        map(record.fields(), context, out);
    }
}
