package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy documents (bucket, key, repository and secret policies) as stored: compact JSON in the
 * order AWS wrote it, so that the same policy always gives the same text. A policy arrives as a JSON
 * string holding the document ({@code "Policy": "{\"Version\":…}"}), URL-encoded as the raw IAM API
 * returns it, or as an object; text that is not a JSON object is a rejection. The text is never
 * echoed in messages.
 */
final class PolicyDocuments {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PolicyDocuments() {}

    /** The policy in {@code field} as compact JSON; null when the field is missing or null. */
    static String optional(JsonFields record, String field) {
        if (!record.has(field)) {
            return null;
        }
        JsonNode value = record.node().get(field);
        if (value.isObject()) {
            return MAPPER.writeValueAsString(value);
        }
        if (!value.isString()) {
            throw record.invalid(field, "a policy document (a JSON object, or a string holding one)");
        }
        String text = value.stringValue().strip();
        if (text.startsWith("%7B") || text.startsWith("%7b")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        try {
            JsonNode document = MAPPER.readTree(text);
            if (document != null && document.isObject()) {
                return MAPPER.writeValueAsString(document);
            }
        } catch (JacksonException e) {
            // reported below, without the text
        }
        throw new InvalidRecordException(
                record.pointer(field), "expected a policy document as a JSON object, got text that is not one");
    }

    /** The policy in {@code field}, which must be present. */
    static String required(JsonFields record, String field) {
        if (!record.has(field)) {
            throw record.invalid(field, "a policy document");
        }
        return optional(record, field);
    }
}
