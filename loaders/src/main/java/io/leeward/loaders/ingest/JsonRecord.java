package io.leeward.loaders.ingest;

import tools.jackson.databind.JsonNode;

/**
 * One record read from a file: its JSON, the JSON pointer it was found at ({@code /tasks/17}, or
 * the empty pointer for a whole document), the line and column where it starts, and the top-level
 * array it is an element of ({@code tasks}; null for a whole document).
 */
public record JsonRecord(String file, String pointer, long line, long column, JsonNode node, String array) {

    /** A record that is not the element of an array. */
    public JsonRecord(String file, String pointer, long line, long column, JsonNode node) {
        this(file, pointer, line, column, node, null);
    }

    /** A field reader over this record, for validated access with exact messages. */
    public JsonFields fields() {
        return JsonFields.of(node, pointer);
    }

    /** A rejection of this record, located at its start line. */
    public Rejection reject(InvalidRecordException problem) {
        return new Rejection(file, line, column, problem.pointer(), problem.problem());
    }
}
