package io.leeward.loaders.aws.live;

import io.leeward.graph.store.Check;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between AWS SDK v2 objects and the JSON the AWS CLI v2 prints for them. The CLI names
 * members as the service model does, and so does {@link SdkField#memberName()}, whatever the wire
 * protocol (camelCase for ECS, PascalCase for EC2, ELBv2 and IAM): walking {@link
 * SdkPojo#sdkFields()} gives the CLI's document for every service with no per-service code.
 *
 * <p>As the CLI does, members that are absent stay absent (the SDK's auto-constructed empty lists
 * and maps included), timestamps are ISO-8601 in UTC ({@code 2026-11-30T08:14:02.511000+00:00}),
 * enums are their string values, blobs are base64 and documents plain JSON.
 */
public final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private SdkJson() {}

    /** The CLI's document for a response (or any model object). */
    public static ObjectNode toTree(SdkPojo pojo) {
        Check.notNull(pojo, "pojo");
        ObjectNode object = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isPresent(value)) {
                object.set(field.memberName(), value(value));
            }
        }
        return object;
    }

    /** An instant as the CLI prints it. */
    public static String time(Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        return (instant.getNano() == 0 ? SECONDS : MICROS).format(utc);
    }

    /**
     * Fills an SDK builder ({@code DescribeVpcsResponse.builder()}) from the CLI's document and builds
     * it; members the model does not know are ignored. The inverse of {@link #toTree}, for tests and
     * the stub that serves CLI documents on the wire.
     *
     * @throws IllegalArgumentException when a value does not have the type the model expects
     */
    public static <T> T fromTree(JsonNode document, SdkBuilder<?, T> builder) {
        Check.notNull(document, "document");
        populate((SdkPojo) builder, document, "");
        return builder.build();
    }

    private static boolean isPresent(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    private static JsonNode value(Object value) {
        return switch (value) {
            case SdkPojo pojo -> toTree(pojo);
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(element -> array.add(element == null ? NODES.nullNode() : value(element)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, element) ->
                        object.set(String.valueOf(key), element == null ? NODES.nullNode() : value(element)));
                yield object;
            }
            case String text -> NODES.stringNode(text);
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Short number -> NODES.numberNode(number);
            case Byte number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case Instant instant -> NODES.stringNode(time(instant));
            case SdkBytes bytes -> NODES.stringNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
            case Document document -> document(document);
            default -> NODES.stringNode(value.toString());
        };
    }

    private static JsonNode document(Document document) {
        if (document.isNull()) {
            return NODES.nullNode();
        }
        if (document.isBoolean()) {
            return NODES.booleanNode(document.asBoolean());
        }
        if (document.isString()) {
            return NODES.stringNode(document.asString());
        }
        if (document.isNumber()) {
            return NODES.numberNode(document.asNumber().bigDecimalValue());
        }
        if (document.isList()) {
            ArrayNode array = NODES.arrayNode();
            document.asList().forEach(element -> array.add(document(element)));
            return array;
        }
        ObjectNode object = NODES.objectNode();
        document.asMap().forEach((key, element) -> object.set(key, document(element)));
        return object;
    }

    private static void populate(SdkPojo builder, JsonNode object, String pointer) {
        if (!object.isObject()) {
            throw new IllegalArgumentException(pointer + ": expected an object");
        }
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode node = object.get(field.memberName());
            if (node != null && !node.isNull()) {
                field.set(builder, read(field, node, pointer + "/" + field.memberName()));
            }
        }
    }

    private static Object read(SdkField<?> field, JsonNode node, String pointer) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            Object builder = field.constructor().get();
            populate((SdkPojo) builder, node, pointer);
            return ((SdkBuilder<?, ?>) builder).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(read(member, node.get(i), pointer + "/" + i));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            for (var entry : node.properties()) {
                map.put(entry.getKey(), read(member, entry.getValue(), pointer + "/" + entry.getKey()));
            }
            return map;
        }
        return scalar(type, node, pointer);
    }

    private static Object scalar(MarshallingType<?> type, JsonNode node, String pointer) {
        if (type == MarshallingType.STRING) {
            return node.asString();
        } else if (type == MarshallingType.INTEGER) {
            return node.asInt();
        } else if (type == MarshallingType.LONG) {
            return node.asLong();
        } else if (type == MarshallingType.SHORT) {
            return (short) node.asInt();
        } else if (type == MarshallingType.BYTE) {
            return (byte) node.asInt();
        } else if (type == MarshallingType.FLOAT) {
            return (float) node.asDouble();
        } else if (type == MarshallingType.DOUBLE) {
            return node.asDouble();
        } else if (type == MarshallingType.BIG_DECIMAL) {
            return node.decimalValue();
        } else if (type == MarshallingType.BOOLEAN) {
            return node.asBoolean();
        } else if (type == MarshallingType.INSTANT) {
            return instant(node, pointer);
        } else if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.asString()));
        } else if (type == MarshallingType.DOCUMENT) {
            return toDocument(node);
        }
        throw new IllegalArgumentException(pointer + ": a member of type " + type + " cannot be read");
    }

    private static Instant instant(JsonNode node, String pointer) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole))
                    .movePointRight(9)
                    .longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        String text = node.asString();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(pointer + ": expected an ISO-8601 timestamp, got " + text, e);
        }
    }

    private static Document toDocument(JsonNode node) {
        if (node.isNull()) {
            return Document.fromNull();
        } else if (node.isBoolean()) {
            return Document.fromBoolean(node.asBoolean());
        } else if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
        } else if (node.isArray()) {
            List<Document> list = new ArrayList<>();
            node.forEach(element -> list.add(toDocument(element)));
            return Document.fromList(list);
        } else if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), toDocument(entry.getValue())));
            return Document.fromMap(map);
        }
        return Document.fromString(node.asString());
    }
}
