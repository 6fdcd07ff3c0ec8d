package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.JsonArrayReader;
import tools.jackson.databind.JsonNode;

/** One response page of the live sync, as the AWS CLI would print it, held in memory. */
record PageSource(String name, FileKind kind, String resource, JsonNode document) implements RecordSource {
    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public JsonArrayReader open() {
        return kind.open(document, name);
    }
}
