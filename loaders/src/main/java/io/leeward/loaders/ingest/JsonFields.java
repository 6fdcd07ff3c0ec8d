package io.leeward.loaders.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validated access to the fields of one JSON object, with messages that say where and what:
 * {@code /services/2/serviceArn: expected an ECS service ARN (arn:aws:ecs:…:service/…), got 42}.
 * Every getter throws {@link InvalidRecordException}; required getters also when the field is
 * missing or null, optional ones return null (or an empty list) then. A value of the wrong type is
 * an error for optional fields too.
 */
public final class JsonFields {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int SHOWN = 60;

    private final JsonNode node;
    private final String pointer;

    private JsonFields(JsonNode node, String pointer) {
        this.node = node;
        this.pointer = pointer;
    }

    /** Fields of an object found at {@code pointer}; fails when the node is not an object. */
    public static JsonFields of(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException(pointer, "expected an object, got " + show(node));
        }
        return new JsonFields(node, pointer);
    }

    public JsonNode node() {
        return node;
    }

    public String pointer() {
        return pointer;
    }

    /** The pointer of a field of this object. */
    public String pointer(String field) {
        return pointer + "/" + escape(field);
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** A non-blank string. */
    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw invalid(field, "a non-empty string", value);
        }
        return value.stringValue();
    }

    public String optionalString(String field) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(field, "a string", value);
        }
        return value.stringValue();
    }

    /**
     * A string that may be a secret: when it has the wrong type the message names the type, never
     * the value.
     */
    public String secretString(String field) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidRecordException(pointer(field), "expected a string, got " + typeOf(value));
        }
        return value.stringValue();
    }

    /** An AWS id with a fixed prefix: {@code id("GroupId", "sg-", "a security group id")}. */
    public String id(String field, String prefix, String what) {
        JsonNode value = node.get(field);
        if (!isId(value, prefix)) {
            throw invalid(field, what + " (" + prefix + "…)", value);
        }
        return value.stringValue();
    }

    public String optionalId(String field, String prefix, String what) {
        return absent(node.get(field)) ? null : id(field, prefix, what);
    }

    public Arn arn(String field, ArnType type) {
        JsonNode value = node.get(field);
        Arn arn = value != null && value.isString() ? Arn.parse(value.stringValue()) : null;
        if (!type.matches(arn)) {
            throw invalid(field, type.expectation(), value);
        }
        return arn;
    }

    public Arn optionalArn(String field, ArnType type) {
        return absent(node.get(field)) ? null : arn(field, type);
    }

    public int integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field, "an integer", value);
        }
        return value.intValue();
    }

    public Integer optionalInt(String field) {
        return absent(node.get(field)) ? null : integer(field);
    }

    public Long optionalLong(String field) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(field, "an integer", value);
        }
        return value.longValue();
    }

    public boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw invalid(field, "true or false", value);
        }
        return value.booleanValue();
    }

    public Boolean optionalBool(String field) {
        return absent(node.get(field)) ? null : bool(field);
    }

    /**
     * A timestamp as the AWS CLI prints it: ISO-8601 with an offset ({@code
     * 2024-05-02T09:14:03.512000+00:00}, the default), the same with a space for the {@code T} as
     * Python's {@code str(datetime)} writes it ({@code 2024-05-02 09:14:03+00:00}, in older CLI and
     * boto3 dumps) or seconds since the epoch ({@code cli_timestamp_format = none}); returned in UTC.
     */
    public ZonedDateTime optionalTime(String field) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            return null;
        }
        try {
            if (value.isString()) {
                return OffsetDateTime.parse(isoTimestamp(value.stringValue())).atZoneSameInstant(ZoneOffset.UTC);
            }
            if (value.isNumber()) {
                BigDecimal seconds = value.decimalValue();
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole))
                        .movePointRight(9)
                        .longValue();
                return ZonedDateTime.ofInstant(Instant.ofEpochSecond(whole, nanos), ZoneOffset.UTC);
            }
        } catch (DateTimeException | ArithmeticException e) {
            // reported below
        }
        throw invalid(field, "an ISO-8601 timestamp with offset or seconds since the epoch", value);
    }

    /** {@code 2024-05-02 09:14:03+00:00} as ISO-8601; anything else unchanged. */
    private static String isoTimestamp(String text) {
        return text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    }

    public JsonFields object(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(field, "an object", value);
        }
        return new JsonFields(value, pointer(field));
    }

    public JsonFields optionalObject(String field) {
        return absent(node.get(field)) ? null : object(field);
    }

    /** The objects of an array field; empty when the field is missing or null. */
    public List<JsonFields> objects(String field) {
        JsonNode array = array(field);
        if (array == null) {
            return List.of();
        }
        String base = pointer(field);
        var result = new ArrayList<JsonFields>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(of(array.get(i), base + "/" + i));
        }
        return result;
    }

    /** The strings of an array field; empty when the field is missing or null. */
    public List<String> strings(String field) {
        JsonNode array = array(field);
        if (array == null) {
            return List.of();
        }
        var result = new ArrayList<String>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isString()) {
                throw new InvalidRecordException(pointer(field) + "/" + i, "expected a string, got " + show(element));
            }
            result.add(element.stringValue());
        }
        return result;
    }

    /** The ids of an array field, each with the given prefix; empty when the field is missing. */
    public List<String> ids(String field, String prefix, String what) {
        JsonNode array = array(field);
        if (array == null) {
            return List.of();
        }
        var result = new ArrayList<String>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!isId(element, prefix)) {
                throw new InvalidRecordException(
                        pointer(field) + "/" + i, "expected " + what + " (" + prefix + "…), got " + show(element));
            }
            result.add(element.stringValue());
        }
        return result;
    }

    /** The value of a field as compact JSON, for structures kept whole; null when missing or null. */
    public String json(String field) {
        JsonNode value = node.get(field);
        return absent(value) ? null : MAPPER.writeValueAsString(value);
    }

    /** A validation failure of one field of this object: {@code expected <expectation>, got <value>}. */
    public InvalidRecordException invalid(String field, String expectation) {
        return invalid(field, expectation, node.get(field));
    }

    private InvalidRecordException invalid(String field, String expectation, JsonNode value) {
        return new InvalidRecordException(pointer(field), "expected " + expectation + ", got " + show(value));
    }

    private JsonNode array(String field) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(field, "an array", value);
        }
        return value;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static boolean isId(JsonNode value, String prefix) {
        return value != null
                && value.isString()
                && value.stringValue().startsWith(prefix)
                && value.stringValue().length() > prefix.length();
    }

    /** How a value appears in messages: scalars as JSON (long strings cut), containers by type. */
    static String show(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        if (value.isObject() || value.isArray()) {
            return typeOf(value);
        }
        String text = MAPPER.writeValueAsString(value);
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…\"" : text;
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "nothing (the field is missing)";
        };
    }

    /** Escapes one JSON pointer segment (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    public static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
