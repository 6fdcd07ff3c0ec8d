package io.leeward.loaders.flows;

import io.leeward.graph.store.Check;
import io.leeward.loaders.ingest.IngestException;
import io.leeward.loaders.ingest.Rejection;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads VPC flow log records from a file in any of the forms AWS delivers them, recognised by
 * content rather than name:
 *
 * <ul>
 *   <li>text as delivered to S3, plain or gzip: an optional header line naming the fields, then one
 *       record per line;
 *   <li>CloudWatch Logs subscription envelopes ({@code {"messageType": "DATA_MESSAGE", …,
 *       "logEvents": [{"message": "2 123456789012 eni-… …"}]}}), gzip-compressed as Firehose
 *       writes them to S3 (gzip members back to back) or decompressed, one after another;
 *   <li>the same envelopes base64-encoded, one per line, as Kinesis Data Streams records carry them.
 * </ul>
 *
 * <p>Streams the file once with a fixed buffer; memory does not grow with the file. A line that
 * cannot be read is handed to the sink as a {@link Rejection} naming the file, line, column and
 * field, and reading goes on. Envelope messages carry no header: they are read in the format given
 * (the default version 2 format unless the flow log has a custom one).
 */
public final class FlowLogReader {
    /** Envelopes follow one another: the tree of one is not the end of the input. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int BUFFER = 1 << 16;
    private static final byte[] BASE64_GZIP = "H4sI".getBytes(StandardCharsets.US_ASCII);

    /** Receives what a reader finds, in file order. */
    public interface Sink {
        /** A record; {@code line} is its line in the file (for envelopes, the envelope's). */
        void record(FlowRecord record, long line);

        void reject(Rejection rejection);
    }

    /** How a file was delivered. */
    public enum Delivery {
        TEXT,
        CLOUDWATCH_ENVELOPES,
        KINESIS_BASE64
    }

    /** What one file held: its delivery, its format (as the header or caller gave it), and counts. */
    public record Result(Delivery delivery, FlowLogFormat format, long records, long rejected) {}

    private final FlowLogFormat format;

    private FlowLogReader(FlowLogFormat format) {
        this.format = format;
    }

    /**
     * A reader for flow logs of this format where the input does not name its own: text files
     * without a header and CloudWatch envelopes. A text file's header always wins.
     */
    public static FlowLogReader withFormat(FlowLogFormat format) {
        return new FlowLogReader(Check.notNull(format, "format"));
    }

    /** A reader for the default version 2 format where the input does not name its own. */
    public static FlowLogReader standard() {
        return withFormat(FlowLogFormat.DEFAULT);
    }

    /**
     * Reads {@code file}, named {@code name} in rejections.
     *
     * @throws IngestException when the file cannot be opened or read at all
     */
    public Result read(Path file, String name, Sink sink) {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, name, sink);
        } catch (IOException e) {
            throw new IngestException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads a stream (plain or gzip), named {@code name} in rejections; does not close it. */
    public Result read(InputStream raw, String name, Sink sink) {
        var counting = new CountingSink(sink);
        try {
            InputStream in = decompressed(new BufferedInputStream(raw, BUFFER));
            byte[] head = peek(in, 4);
            if (startsWithBrace(head)) {
                readEnvelopes(in, name, 0, counting, 0);
                return counting.result(Delivery.CLOUDWATCH_ENVELOPES, format);
            }
            if (Arrays.equals(head, BASE64_GZIP)) {
                readBase64Lines(in, name, counting);
                return counting.result(Delivery.KINESIS_BASE64, format);
            }
            FlowLogFormat used = readText(in, name, counting);
            return counting.result(Delivery.TEXT, used);
        } catch (EOFException e) {
            counting.reject(new Rejection(
                    name,
                    0,
                    0,
                    "",
                    "the file ends early (a truncated gzip file?); the records before the break were read"));
            return counting.result(Delivery.TEXT, format);
        } catch (ZipException e) {
            counting.reject(new Rejection(name, 0, 0, "", "not a readable gzip file: " + e.getMessage()));
            return counting.result(Delivery.TEXT, format);
        } catch (IOException e) {
            throw new IngestException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private FlowLogFormat readText(InputStream in, String name, CountingSink sink) throws IOException {
        var lines = new LineReader(in);
        var parser = new FlowLineParser(format);
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            if (lines.mayBeHeader() && FlowLogFormat.isHeader(lines.firstToken())) {
                // S3 objects start with one; files joined with cat carry one per part
                parser = new FlowLineParser(FlowLogFormat.parse(new String(
                        lines.bytes(), lines.start(), lines.end() - lines.start(), StandardCharsets.ISO_8859_1)));
                continue;
            }
            parseLine(parser, lines.bytes(), lines.start(), lines.end(), name, lines.number(), sink);
        }
        return parser.format();
    }

    private static void parseLine(
            FlowLineParser parser, byte[] bytes, int from, int to, String name, long line, CountingSink sink) {
        try {
            sink.record(parser.parse(bytes, from, to), line);
        } catch (FlowLineException e) {
            sink.reject(new Rejection(name, line, e.column(), e.field(), e.problem()));
        }
    }

    private void readBase64Lines(InputStream in, String name, CountingSink sink) throws IOException {
        var lines = new LineReader(in);
        var decoder = Base64.getMimeDecoder();
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            byte[] line = Arrays.copyOfRange(lines.bytes(), lines.start(), lines.end());
            try (InputStream envelope = new GZIPInputStream(new ByteArrayInputStream(decoder.decode(line)))) {
                readEnvelopes(envelope, name, lines.number(), sink, 0);
            } catch (IllegalArgumentException | IOException e) {
                sink.reject(new Rejection(
                        name,
                        lines.number(),
                        1,
                        "",
                        "expected a base64-encoded gzip CloudWatch Logs envelope: " + e.getMessage()));
            }
        }
    }

    /** Reads envelopes back to back; {@code first} numbers them in pointers ({@code /0/logEvents/3/message}). */
    private void readEnvelopes(InputStream in, String name, long line, CountingSink sink, int first) {
        var parser = new FlowLineParser(format);
        int index = first;
        try (JsonParser json = MAPPER.createParser(in)) {
            JsonToken token;
            while ((token = json.nextToken()) != null) {
                long at = line > 0 ? line : json.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    sink.reject(new Rejection(name, at, 0, "/" + index, "expected a CloudWatch Logs envelope object"));
                    json.skipChildren();
                } else {
                    envelope(MAPPER.readTree(json), parser, name, at, "/" + index, sink);
                }
                index++;
            }
        } catch (JacksonException e) {
            sink.reject(new Rejection(
                    name,
                    line,
                    0,
                    "/" + index,
                    "expected CloudWatch Logs envelopes as JSON: " + e.getOriginalMessage()));
        }
    }

    private static void envelope(
            JsonNode envelope, FlowLineParser parser, String name, long line, String pointer, CountingSink sink) {
        String type = envelope.path("messageType").asString("");
        if (type.equals("CONTROL_MESSAGE")) {
            return; // CloudWatch's reachability check of the destination: no records
        }
        if (!type.equals("DATA_MESSAGE")) {
            sink.reject(new Rejection(
                    name,
                    line,
                    0,
                    pointer + "/messageType",
                    "expected DATA_MESSAGE or CONTROL_MESSAGE, got \"" + type + "\""));
            return;
        }
        JsonNode events = envelope.path("logEvents");
        if (!events.isArray()) {
            sink.reject(new Rejection(name, line, 0, pointer + "/logEvents", "expected an array of log events"));
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            JsonNode message = events.get(i).path("message");
            String at = pointer + "/logEvents/" + i + "/message";
            if (!message.isString()) {
                sink.reject(new Rejection(name, line, 0, at, "expected the flow log record as a string"));
                continue;
            }
            byte[] bytes = message.stringValue().getBytes(StandardCharsets.ISO_8859_1);
            try {
                sink.record(parser.parse(bytes, 0, bytes.length), line);
            } catch (FlowLineException e) {
                sink.reject(new Rejection(
                        name, line, 0, at + (e.field().isEmpty() ? "" : " (" + e.field() + ")"), e.problem()));
            }
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        byte[] head = peek(in, 2);
        if (head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        return in;
    }

    private static byte[] peek(InputStream in, int count) throws IOException {
        in.mark(count);
        byte[] head = in.readNBytes(count);
        in.reset();
        return head;
    }

    private static boolean startsWithBrace(byte[] head) {
        for (byte b : head) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }

    /** Counts what passes to the caller's sink. */
    private static final class CountingSink implements Sink {
        private final Sink sink;
        private long records;
        private long rejected;

        CountingSink(Sink sink) {
            this.sink = Check.notNull(sink, "sink");
        }

        @Override
        public void record(FlowRecord record, long line) {
            records++;
            sink.record(record, line);
        }

        @Override
        public void reject(Rejection rejection) {
            rejected++;
            sink.reject(rejection);
        }

        Result result(Delivery delivery, FlowLogFormat format) {
            return new Result(delivery, format, records, rejected);
        }
    }

    /** Lines of a byte stream without copying: each line is a range of one growing buffer. */
    private static final class LineReader {
        private final InputStream in;
        private byte[] buffer = new byte[BUFFER];
        private int filled;
        private int position;
        private int start;
        private int end;
        private long number;
        private boolean eof;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            while (true) {
                for (int i = position; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        setLine(position, i);
                        position = i + 1;
                        return true;
                    }
                }
                if (eof) {
                    if (position < filled) {
                        setLine(position, filled);
                        position = filled;
                        return true;
                    }
                    return false;
                }
                fill();
            }
        }

        private void setLine(int from, int to) {
            start = from;
            end = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
            number++;
        }

        private void fill() throws IOException {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, filled - position);
                filled -= position;
                position = 0;
            }
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                eof = true;
            } else {
                filled += read;
            }
        }

        boolean isBlank() {
            for (int i = start; i < end; i++) {
                if (buffer[i] != ' ' && buffer[i] != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** Whether the first token could be a field name: lower-case letters and hyphens, no digit. */
        boolean mayBeHeader() {
            int i = start;
            while (i < end && buffer[i] == ' ') {
                i++;
            }
            if (i == end || buffer[i] < 'a' || buffer[i] > 'z') {
                return false;
            }
            for (; i < end && buffer[i] != ' '; i++) {
                byte b = buffer[i];
                if ((b < 'a' || b > 'z') && b != '-') {
                    return false;
                }
            }
            return true;
        }

        String firstToken() {
            int i = start;
            while (i < end && buffer[i] == ' ') {
                i++;
            }
            int from = i;
            while (i < end && buffer[i] != ' ') {
                i++;
            }
            return new String(buffer, from, i - from, StandardCharsets.ISO_8859_1);
        }

        byte[] bytes() {
            return buffer;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        long number() {
            return number;
        }
    }
}
