package io.leeward.loaders.aws.stub;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders SDK response objects on the wire the way the service does, driven only by the SDK's model
 * metadata ({@link SdkField#unmarshallLocationName()}, list and map traits): AWS JSON 1.1 bodies
 * (timestamps as epoch seconds) and the XML of the EC2 and AWS Query protocols (ISO-8601
 * timestamps; EC2 lists of {@code <item>}, Query lists of {@code <member>}, both read from the
 * model). What the SDK's own unmarshallers read back is then exactly what the model describes.
 */
final class Wire {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Wire() {}

    /** An AWS JSON 1.1 response body. */
    static JsonNode json(SdkPojo pojo) {
        ObjectNode object = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (present(value)) {
                object.set(field.unmarshallLocationName(), jsonValue(value));
            }
        }
        return object;
    }

    /** The members of a response as XML elements, for the EC2 and the Query protocols alike. */
    static String xml(SdkPojo pojo) {
        var out = new StringBuilder();
        members(pojo, out);
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    private static JsonNode jsonValue(Object value) {
        return switch (value) {
            case SdkPojo pojo -> json(pojo);
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(element -> array.add(jsonValue(element)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, element) -> object.set(String.valueOf(key), jsonValue(element)));
                yield object;
            }
            case Instant instant ->
                NODES.numberNode(
                        BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)));
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case SdkBytes bytes -> NODES.stringNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
            default -> NODES.stringNode(String.valueOf(value));
        };
    }

    private static void members(SdkPojo pojo, StringBuilder out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (present(value)) {
                element(field, field.unmarshallLocationName(), value, out);
            }
        }
    }

    private static void element(SdkField<?> field, String name, Object value, StringBuilder out) {
        if (value instanceof List<?> list) {
            list(field, name, list, out);
        } else if (value instanceof Map<?, ?> map) {
            MapTrait trait = field.getRequiredTrait(MapTrait.class);
            out.append('<').append(name).append('>');
            map.forEach((key, element) -> {
                out.append("<entry><").append(trait.keyLocationName()).append('>');
                out.append(escape(String.valueOf(key)))
                        .append("</")
                        .append(trait.keyLocationName())
                        .append('>');
                element(trait.valueFieldInfo(), trait.valueLocationName(), element, out);
                out.append("</entry>");
            });
            out.append("</").append(name).append('>');
        } else if (value instanceof SdkPojo pojo) {
            out.append('<').append(name).append('>');
            members(pojo, out);
            out.append("</").append(name).append('>');
        } else {
            out.append('<')
                    .append(name)
                    .append('>')
                    .append(escape(scalar(value)))
                    .append("</")
                    .append(name)
                    .append('>');
        }
    }

    private static void list(SdkField<?> field, String name, List<?> list, StringBuilder out) {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        SdkField<?> member = trait.memberFieldInfo();
        if (trait.isFlattened()) {
            String each = trait.memberLocationName() == null ? name : trait.memberLocationName();
            list.forEach(element -> element(member, each, element, out));
            return;
        }
        String each = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
        out.append('<').append(name).append('>');
        list.forEach(element -> element(member, each, element, out));
        out.append("</").append(name).append('>');
    }

    private static String scalar(Object value) {
        return switch (value) {
            case Instant instant -> instant.toString();
            case SdkBytes bytes -> Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
            default -> String.valueOf(value);
        };
    }
}
