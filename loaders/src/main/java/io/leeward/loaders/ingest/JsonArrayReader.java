package io.leeward.loaders.ingest;

import io.leeward.graph.store.Check;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the records of one JSON file ({@code .json}, or gzip-compressed when the name ends in
 * {@code .gz}) without loading the file: either the elements of one or several named top-level
 * arrays, one at a time and in one pass ({@link #elements}), or the whole document as one record
 * ({@link #document}).
 *
 * <p>A syntax error, a truncated file, a top-level value of the wrong type or an unreadable file ends
 * the iteration and becomes {@link #failure()}: a {@link Rejection} naming the file, the line and
 * column and the pointer reached. Records already returned stay valid. Members of the top-level
 * object other than the named ones are skipped.
 */
public final class JsonArrayReader implements Iterator<JsonRecord>, AutoCloseable {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int BUFFER = 1 << 16;

    private final String file;
    private final List<String> fields;
    private final Map<String, JsonNode> scalars = new LinkedHashMap<>();
    private String array;
    private String arrayPointer;
    private boolean anyArray;
    private CountingStream counter;
    private JsonParser parser;
    private State state = State.START;
    private int index;
    private JsonRecord next;
    private Rejection failure;

    private enum State {
        START,
        IN_ARRAY,
        AFTER_ARRAY,
        DONE
    }

    private JsonArrayReader(Path path, String file, List<String> fields) {
        this.file = Check.notBlank(file, "file");
        this.fields = fields;
        this.arrayPointer = "";
        try {
            this.counter = new CountingStream(Files.newInputStream(path));
            InputStream in = path.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(counter, BUFFER)
                    : new BufferedInputStream(counter, BUFFER);
            this.parser = MAPPER.createParser(in);
        } catch (IOException | JacksonException e) {
            fail(0, 0, "", "cannot read the file: " + describe(e));
        }
    }

    /**
     * Iterates the elements of the array in the top-level member {@code field}: {@code
     * elements(path, "a/b/ecs-describe-tasks.json", "tasks")} yields {@code /tasks/0},
     * {@code /tasks/1}, …
     *
     * @param file how to name the file in rejections (a path relative to the import directory)
     */
    public static JsonArrayReader elements(Path path, String file, String field) {
        return new JsonArrayReader(path, file, List.of(Check.notBlank(field, "field")));
    }

    /**
     * Iterates, in one pass and in document order, the elements of every top-level member named in
     * {@code fields} that holds an array: {@code elements(path, "gaad.json", List.of("UserDetailList",
     * "RoleDetailList"))} yields {@code /UserDetailList/0}, …, {@code /RoleDetailList/0}, …, each
     * record naming its {@link JsonRecord#array()}. A named member may be missing, but not all of
     * them; one that is present must be an array. Scalar top-level members (a {@code Marker}, {@code
     * IsTruncated}) are kept for {@link #member}; other members are skipped.
     */
    public static JsonArrayReader elements(Path path, String file, List<String> fields) {
        Check.that(fields != null && !fields.isEmpty(), "at least one array field is needed");
        fields.forEach(field -> Check.notBlank(field, "field"));
        return new JsonArrayReader(path, file, List.copyOf(fields));
    }

    /** Reads the whole document, which must be a JSON object, as one record at the empty pointer. */
    public static JsonArrayReader document(Path path, String file) {
        return new JsonArrayReader(path, file, null);
    }

    /**
     * A scalar (string, number, boolean or null) top-level member read so far outside the arrays,
     * such as a paginated response's {@code IsTruncated}; empty when there was none. Complete once the
     * iteration ended without {@link #failure()}.
     */
    public Optional<JsonNode> member(String name) {
        return Optional.ofNullable(scalars.get(name));
    }

    @Override
    public boolean hasNext() {
        if (next == null && state != State.DONE) {
            advance();
        }
        return next != null;
    }

    @Override
    public JsonRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + file);
        }
        var record = next;
        next = null;
        return record;
    }

    /** Why reading stopped early, if it did; check after iterating. */
    public Optional<Rejection> failure() {
        return Optional.ofNullable(failure);
    }

    /** Bytes read from the file so far (compressed bytes for gzip files); read-ahead included. */
    public long bytesRead() {
        return counter == null ? 0 : counter.count;
    }

    @Override
    public void close() {
        state = State.DONE;
        try {
            if (parser != null) {
                parser.close();
            }
            if (counter != null) {
                counter.close();
            }
        } catch (IOException | JacksonException e) {
            // closing a file we only read: nothing was lost
        }
    }

    private void advance() {
        try {
            switch (state) {
                case START -> start();
                case IN_ARRAY -> nextElement();
                case AFTER_ARRAY -> finish();
                case DONE -> {}
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            fail(
                    Math.max(0, at.getLineNr()),
                    Math.max(0, at.getColumnNr()),
                    parser.streamReadContext().pathAsPointer().toString(),
                    "malformed JSON, records from here on were not read: " + describe(e));
        }
    }

    private void start() {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            fail(location(), "", "expected a JSON object at the top level, got " + tokenName(first));
            return;
        }
        if (fields == null) {
            documentRecord();
            return;
        }
        scan();
    }

    /** Reads top-level members up to the next named array, or to the end of the top-level object. */
    private void scan() {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (fields.contains(name)) {
                String pointer = "/" + JsonFields.escape(name);
                if (value != JsonToken.START_ARRAY) {
                    fail(location(), pointer, "expected an array, got " + tokenName(value));
                    return;
                }
                array = name;
                arrayPointer = pointer;
                anyArray = true;
                index = 0;
                state = State.IN_ARRAY;
                nextElement();
                return;
            }
            if (value != null && value.isScalarValue()) {
                scalars.put(name, parser.readValueAsTree());
            } else {
                parser.skipChildren();
            }
        }
        if (!anyArray) {
            fail(location(), "", "expected " + expectedArrays() + ", found none");
            return;
        }
        finish();
    }

    private String expectedArrays() {
        if (fields.size() == 1) {
            return "a top-level \"" + fields.getFirst() + "\" array";
        }
        return "at least one of the top-level arrays \"" + String.join("\", \"", fields) + "\"";
    }

    private void documentRecord() {
        var start = parser.currentTokenLocation();
        JsonNode node = parser.readValueAsTree();
        next = new JsonRecord(file, "", start.getLineNr(), start.getColumnNr(), node, null);
        state = State.AFTER_ARRAY;
    }

    private void nextElement() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            scan();
            return;
        }
        if (token == null) {
            fail(
                    location(),
                    arrayPointer,
                    "malformed JSON, records from here on were not read: unexpected end of input");
            return;
        }
        var start = parser.currentTokenLocation();
        String pointer = arrayPointer + "/" + index++;
        JsonNode node = parser.readValueAsTree();
        next = new JsonRecord(file, pointer, start.getLineNr(), start.getColumnNr(), node, array);
    }

    /** Reads to the end so that a truncated tail or trailing garbage is still reported. */
    private void finish() {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            fail(location(), "", "expected the end of the file after the top-level object, got " + tokenName(trailing));
            return;
        }
        state = State.DONE;
    }

    private long[] location() {
        var at = parser.currentLocation();
        return new long[] {Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr())};
    }

    private void fail(long[] at, String pointer, String message) {
        fail(at[0], at[1], pointer, message);
    }

    private void fail(long line, long column, String pointer, String message) {
        failure = new Rejection(file, line, column, pointer, message);
        next = null;
        state = State.DONE;
    }

    private static String tokenName(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** The first line of an exception's own message, without Jackson's source excerpt. */
    private static String describe(Exception e) {
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        if (e.getCause() != null && (message == null || message.isBlank())) {
            message = e.getCause().toString();
        }
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
