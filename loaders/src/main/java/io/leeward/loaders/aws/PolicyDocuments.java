package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy documents as the graph keeps them: one compact JSON string, members in the order AWS
 * wrote them. Accepts the three forms they arrive in: a JSON object (the AWS CLI decodes IAM
 * documents), URL-encoded JSON text (the raw IAM API, RFC 3986) and plain JSON text (Organizations
 * policy {@code Content}, bucket and key policies). Text that is not a JSON object is a rejection.
 */
final class PolicyDocuments {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PolicyDocuments() {}

    /** The document in {@code field}, parsed; null when the field is missing or null. */
    static JsonNode optional(JsonFields record, String field) {
        return record.has(field) ? read(record, field) : null;
    }

    /** The document in {@code field}, parsed; the field is required. */
    static JsonNode read(JsonFields record, String field) {
        JsonNode value = record.node().get(field);
        if (value != null && value.isObject()) {
            return value;
        }
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw record.invalid(field, "a policy document (a JSON object, or its text, URL-encoded or not)");
        }
        JsonNode parsed = parse(decode(value.stringValue()));
        if (parsed == null || !parsed.isObject()) {
            throw new InvalidRecordException(
                    record.pointer(field),
                    "expected a policy document (a JSON object, or its text, URL-encoded or not), got a string"
                            + " that is not a JSON object");
        }
        return parsed;
    }

    /** Compact JSON, members in their original order: equal documents give equal text. */
    static String compact(JsonNode document) {
        return document == null ? null : MAPPER.writeValueAsString(document);
    }

    /**
     * Plain JSON text is kept as it is; anything else is taken as URL-encoded (RFC 3986, so a {@code
     * +} stands for itself, not for a space). Text that cannot be decoded is returned unchanged and
     * then fails to parse.
     */
    private static String decode(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return trimmed;
        }
        try {
            return URLDecoder.decode(trimmed.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}
