package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource tags, stored as one {@code tags} property: a compact JSON object sorted by key (so that
 * the order the CLI printed them in does not matter), null when there are none. EC2 resources also
 * get {@code name} from their {@code Name} tag.
 */
record Tags(Map<String, String> values) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** EC2 style: {@code [{"Key": "Name", "Value": "prod"}]}. */
    static Tags ec2(JsonFields record, String field) {
        return read(record.objects(field), "Key", "Value");
    }

    /** ECS style: {@code [{"key": "team", "value": "payments"}]}. */
    static Tags ecs(JsonFields record, String field) {
        return read(record.objects(field), "key", "value");
    }

    private static Tags read(List<JsonFields> tags, String keyField, String valueField) {
        var values = new TreeMap<String, String>();
        for (JsonFields tag : tags) {
            String value = tag.optionalString(valueField);
            values.put(tag.string(keyField), value == null ? "" : value);
        }
        return new Tags(values);
    }

    String name() {
        return values.get("Name");
    }

    String json() {
        return values.isEmpty() ? null : MAPPER.writeValueAsString(values);
    }
}
