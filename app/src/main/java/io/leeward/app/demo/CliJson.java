package io.leeward.app.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A streaming JSON document laid out as the AWS CLI v2 prints {@code --output json} (Python's {@code
 * json.dumps(indent=4)}: four-space indent, {@code "name": value}, {@code []} and {@code {}} for
 * empties, a final newline), with "\n" line ends on every platform so output is byte-identical.
 *
 * <p>Fields with a {@code null} value are left out, as the CLI leaves out absent members.
 */
final class CliJson implements AutoCloseable {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final ObjectWriter WRITER =
            JsonMapper.builder().build().writer().with(prettyPrinter());

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private final Path file;
    private final OutputStream out;
    private final JsonGenerator json;

    private CliJson(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 13);
        this.json = WRITER.createGenerator(out);
    }

    /** Opens {@code file} for writing, replacing it, with the root object started. */
    static CliJson open(Path file) {
        try {
            CliJson doc = new CliJson(file);
            doc.json.writeStartObject();
            return doc;
        } catch (IOException | JacksonException e) {
            throw new DemoGenerationException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Formats an instant as the AWS CLI prints timestamps: ISO-8601 with offset and, when there is
     * a fraction, microseconds ({@code 2026-11-30T10:15:30.123000+00:00}).
     */
    static String time(Instant instant) {
        String seconds = SECONDS.format(instant);
        int micros = instant.getNano() / 1000;
        return micros == 0 ? seconds + "+00:00" : seconds + String.format(".%06d+00:00", micros);
    }

    CliJson object(String name) {
        json.writeObjectPropertyStart(name);
        return this;
    }

    CliJson object() {
        json.writeStartObject();
        return this;
    }

    CliJson array(String name) {
        json.writeArrayPropertyStart(name);
        return this;
    }

    /** Ends the innermost open object or array. */
    CliJson end() {
        if (json.streamWriteContext().inArray()) {
            json.writeEndArray();
        } else {
            json.writeEndObject();
        }
        return this;
    }

    CliJson field(String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
        return this;
    }

    CliJson field(String name, long value) {
        json.writeNumberProperty(name, value);
        return this;
    }

    CliJson field(String name, boolean value) {
        json.writeBooleanProperty(name, value);
        return this;
    }

    CliJson time(String name, Instant value) {
        return value == null ? this : field(name, time(value));
    }

    /** A JSON value such as a policy document, printed as the CLI prints decoded documents. */
    CliJson tree(String name, JsonNode value) {
        json.writeName(name);
        json.writeTree(value);
        return this;
    }

    /** An explicit {@code null}, where the CLI prints one (e.g. {@code LocationConstraint} in us-east-1). */
    CliJson nullField(String name) {
        json.writeNullProperty(name);
        return this;
    }

    /** A document as AWS returns policy text inside a string: compact JSON. */
    static String compact(JsonNode document) {
        return COMPACT.writeValueAsString(document);
    }

    CliJson value(String value) {
        json.writeString(value);
        return this;
    }

    CliJson strings(String name, List<String> values) {
        array(name);
        values.forEach(json::writeString);
        return end();
    }

    /** An empty array, as the CLI prints lists the API returned empty. */
    CliJson emptyArray(String name) {
        return array(name).end();
    }

    /** ECS-style {@code [{"name": …, "value": …}]} pairs. */
    CliJson nameValues(String name, List<NameValue> pairs) {
        return pairs(name, "name", "value", pairs);
    }

    /** Pairs under the given member names, e.g. EC2 tags {@code [{"Key": …, "Value": …}]}. */
    CliJson pairs(String name, String keyName, String valueName, List<NameValue> pairs) {
        array(name);
        for (NameValue pair : pairs) {
            object().field(keyName, pair.name()).field(valueName, pair.value()).end();
        }
        return end();
    }

    /** Ends the root object, writes the final newline and closes the file. */
    @Override
    public void close() {
        try (out) {
            json.writeEndObject();
            json.writeRaw('\n');
            json.close();
        } catch (IOException | JacksonException e) {
            throw new DemoGenerationException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        var separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayElementSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        var indenter = new DefaultIndenter("    ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** A name and a value, in the order given. */
    record NameValue(String name, String value) {}
}
