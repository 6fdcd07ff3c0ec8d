package io.leeward.loaders.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.loaders.flows.FlowLogReader.Delivery;
import io.leeward.loaders.flows.FlowRecord.Action;
import io.leeward.loaders.flows.FlowRecord.LogStatus;
import io.leeward.loaders.ingest.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading VPC flow logs")
class FlowLogReaderTest {
    private static final String V2_ECS_LINE =
            "2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 5432 6 12 2210 1764580800 1764580860 ACCEPT OK";

    /** Collects what a reader hands out. */
    static final class Collected implements FlowLogReader.Sink {
        final List<FlowRecord> records = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void record(FlowRecord record, long line) {
            records.add(record);
            lines.add(line);
        }

        @Override
        public void reject(Rejection rejection) {
            rejections.add(rejection);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(FlowLogReaderTest.class.getResource("/flows/" + name))
                .toURI());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static FlowLogReader.Result read(FlowLogReader reader, byte[] bytes, Collected into) {
        InputStream in = new ByteArrayInputStream(bytes);
        return reader.read(in, "input.log", into);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("text as delivered to S3")
    class Text {
        @Test
        @DisplayName("reads the default format after its header, with NODATA and SKIPDATA records and IPv6")
        void defaultFormat() throws Exception {
            var got = new Collected();
            var result = FlowLogReader.standard().read(fixture("s3-default-v2.log"), "s3-default-v2.log", got);

            assertThat(result.delivery()).isEqualTo(Delivery.TEXT);
            assertThat(result.format()).isEqualTo(FlowLogFormat.DEFAULT);
            assertThat(result.records()).isEqualTo(5);
            assertThat(got.rejections).isEmpty();
            assertThat(got.lines).containsExactly(2L, 3L, 4L, 5L, 6L);
            FlowRecord first = got.records.getFirst();
            assertThat(first.version()).isEqualTo(2);
            assertThat(first.accountId()).isEqualTo("123456789010");
            assertThat(first.interfaceId()).isEqualTo("eni-1235b8ca123456789");
            assertThat(first.srcAddr()).isEqualTo("172.31.16.139");
            assertThat(first.dstAddr()).isEqualTo("172.31.16.21");
            assertThat(first.srcPort()).isEqualTo(20641);
            assertThat(first.dstPort()).isEqualTo(22);
            assertThat(first.protocol()).isEqualTo(6);
            assertThat(first.packets()).isEqualTo(20);
            assertThat(first.bytes()).isEqualTo(4249);
            assertThat(first.start()).isEqualTo(1418530010L);
            assertThat(first.end()).isEqualTo(1418530070L);
            assertThat(first.action()).isEqualTo(Action.ACCEPT);
            assertThat(first.logStatus()).isEqualTo(LogStatus.OK);
            assertThat(first.hasTraffic()).isTrue();
            assertThat(first.vpcId()).isNull();
            assertThat(first.tcpFlags()).isEqualTo(FlowRecord.ABSENT);
            assertThat(got.records.get(1).action()).isEqualTo(Action.REJECT);
            FlowRecord nodata = got.records.get(2);
            assertThat(nodata.logStatus()).isEqualTo(LogStatus.NODATA);
            assertThat(nodata.hasTraffic()).isFalse();
            assertThat(nodata.srcAddr()).isNull();
            assertThat(nodata.packets()).isEqualTo(FlowRecord.ABSENT);
            assertThat(nodata.action()).isNull();
            assertThat(got.records.get(3).logStatus()).isEqualTo(LogStatus.SKIPDATA);
            assertThat(got.records.get(4).srcAddr()).isEqualTo("2001:db8:1234:a100:8d6e:3477:df66:f105");
        }

        @Test
        @DisplayName("reads a custom format in the header's order, with the version 3 to 5 fields")
        void customFormat() throws Exception {
            var got = new Collected();
            var result = FlowLogReader.standard().read(fixture("s3-custom-v5.log"), "s3-custom-v5.log", got);

            assertThat(got.rejections).isEmpty();
            assertThat(result.format().version()).isEqualTo(5);
            assertThat(result.format().size()).isEqualTo(25);
            FlowRecord egress = got.records.getFirst();
            assertThat(egress.interfaceId()).isEqualTo("eni-0f1e2d3c4b5a69788");
            assertThat(egress.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60718");
            assertThat(egress.subnetId()).isEqualTo("subnet-0a11b22c33d44e551");
            assertThat(egress.instanceId()).isNull();
            assertThat(egress.tcpFlags()).isEqualTo(19);
            assertThat(egress.type()).isEqualTo("IPv4");
            assertThat(egress.pktDstAddr()).isEqualTo("52.95.128.10");
            assertThat(egress.region()).isEqualTo("eu-west-1");
            assertThat(egress.azId()).isEqualTo("euw1-az1");
            assertThat(egress.pktDstAwsService()).isEqualTo("S3");
            assertThat(egress.flowDirection()).isEqualTo("egress");
            assertThat(egress.trafficPath()).isEqualTo(8);
            assertThat(egress.packets()).isEqualTo(FlowRecord.ABSENT);
            FlowRecord ingress = got.records.get(1);
            assertThat(ingress.flowDirection()).isEqualTo("ingress");
            assertThat(ingress.trafficPath()).isEqualTo(FlowRecord.ABSENT);
            assertThat(ingress.action()).isEqualTo(Action.REJECT);
        }

        @Test
        @DisplayName("reads the version 7 ECS fields and the version 8 reject reason")
        void ecsFields() throws Exception {
            var got = new Collected();
            FlowLogReader.standard().read(fixture("s3-ecs-v8.log"), "s3-ecs-v8.log", got);

            assertThat(got.rejections).isEmpty();
            FlowRecord record = got.records.getFirst();
            assertThat(record.version()).isEqualTo(8);
            assertThat(record.ecsClusterName()).isEqualTo("prod");
            assertThat(record.ecsClusterArn()).isEqualTo("arn:aws:ecs:eu-west-1:111122223333:cluster/prod");
            assertThat(record.ecsServiceName()).isEqualTo("web");
            assertThat(record.ecsTaskArn())
                    .isEqualTo("arn:aws:ecs:eu-west-1:111122223333:task/prod/0f3c8e7a9b2d4c6e8f0a1b3c5d7e9f1a");
            assertThat(record.ecsTaskId()).isEqualTo("0f3c8e7a9b2d4c6e8f0a1b3c5d7e9f1a");
            assertThat(record.ecsContainerId()).isEqualTo("0f3c8e7a9b2d4c6e8f0a1b3c5d7e9f1a-2531612879");
            assertThat(record.ecsSecondContainerId()).isNull();
            assertThat(record.ecsTaskDefinitionArn())
                    .isEqualTo("arn:aws:ecs:eu-west-1:111122223333:task-definition/web:42");
            assertThat(record.ecsContainerInstanceArn()).isNull();
            assertThat(record.rejectReason()).isNull();
        }

        @Test
        @DisplayName("reads gzip as delivered to S3, and the same records as plain text")
        void gzipped() throws Exception {
            byte[] plain = Files.readAllBytes(fixture("s3-default-v2.log"));
            var fromPlain = new Collected();
            var fromGzip = new Collected();

            read(FlowLogReader.standard(), plain, fromPlain);
            var result = read(FlowLogReader.standard(), gzip(plain), fromGzip);

            assertThat(result.delivery()).isEqualTo(Delivery.TEXT);
            assertThat(fromGzip.records).isEqualTo(fromPlain.records).hasSize(5);
        }

        @Test
        @DisplayName("reads a file without header in the format it is given, and files joined with their headers")
        void headers() {
            var got = new Collected();
            read(FlowLogReader.standard(), utf8(V2_ECS_LINE + "\n"), got);
            assertThat(got.records)
                    .singleElement()
                    .satisfies(r -> assertThat(r.dstPort()).isEqualTo(5432));

            var joined = new Collected();
            String text = FlowLogFormat.DEFAULT + "\n" + V2_ECS_LINE + "\n"
                    + "version srcaddr dstaddr action\n"
                    + "3 10.0.0.1 10.0.0.2 REJECT\r\n"
                    + "\n";
            var result = read(FlowLogReader.standard(), utf8(text), joined);
            assertThat(joined.rejections).isEmpty();
            assertThat(joined.records).hasSize(2);
            assertThat(joined.records.get(1).srcAddr()).isEqualTo("10.0.0.1");
            assertThat(joined.records.get(1).action()).isEqualTo(Action.REJECT);
            assertThat(joined.lines).containsExactly(2L, 4L);
            assertThat(result.format().names()).containsExactly("version", "srcaddr", "dstaddr", "action");
        }

        @Test
        @DisplayName(
                "accepts fields added after version 8 by name, and a later version only when the header names them")
        void newerFields() {
            var got = new Collected();
            String text = "version srcaddr dstaddr encryption-status action\n9 10.0.0.1 10.0.0.2 1 ACCEPT\n";
            read(FlowLogReader.standard(), utf8(text), got);
            assertThat(got.rejections).isEmpty();
            assertThat(got.records)
                    .singleElement()
                    .satisfies(r -> assertThat(r.version()).isEqualTo(9));

            var unknown = new Collected();
            read(FlowLogReader.standard(), utf8(V2_ECS_LINE.replaceFirst("^2", "9") + "\n"), unknown);
            assertThat(unknown.records).isEmpty();
            assertThat(unknown.rejections)
                    .singleElement()
                    .satisfies(r -> assertThat(r.describe())
                            .isEqualTo(
                                    "input.log:1:1: version: expected a flow log version from 2 to 8 (a later version"
                                            + " needs a header naming its fields), got \"9\""));
        }
    }

    @Nested
    @DisplayName("bad lines")
    class BadLines {
        @ParameterizedTest(name = "{0}")
        @DisplayName("are rejected one by one with file, line, column, field and what was expected")
        @CsvSource(delimiter = '|', textBlock = """
                too few fields   | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 5432 6 12 2210 1764580800 1764580860 ACCEPT | input.log:2:1: expected 14 fields (version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status), got 13
                too many fields  | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 5432 6 12 2210 1764580800 1764580860 ACCEPT OK extra | input.log:2:1: expected 14 fields (version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status), got 15
                bad address      | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1 10.0.2.40 43512 5432 6 12 2210 1764580800 1764580860 ACCEPT OK | input.log:2:38: srcaddr: expected an IPv4 or IPv6 address, got "10.0.1"
                octet over 255   | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.400 43512 5432 6 12 2210 1764580800 1764580860 ACCEPT OK | input.log:2:48: dstaddr: expected an IPv4 or IPv6 address, got "10.0.2.400"
                port over 65535  | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 70000 5432 6 12 2210 1764580800 1764580860 ACCEPT OK | input.log:2:58: srcport: expected a port number 0-65535, got "70000"
                port not number  | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 http 6 12 2210 1764580800 1764580860 ACCEPT OK | input.log:2:64: dstport: expected a port number 0-65535, got "http"
                negative bytes   | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 5432 6 12 -2210 1764580800 1764580860 ACCEPT OK | input.log:2:74: bytes: expected a whole number, got "-2210"
                bad action       | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 5432 6 12 2210 1764580800 1764580860 ALLOW OK | input.log:2:101: action: expected ACCEPT or REJECT, got "ALLOW"
                bad log status   | 2 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 5432 6 12 2210 1764580800 1764580860 ACCEPT FINE | input.log:2:108: log-status: expected OK, NODATA or SKIPDATA, got "FINE"
                version 1        | 1 111122223333 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 43512 5432 6 12 2210 1764580800 1764580860 ACCEPT OK | input.log:2:1: version: expected a flow log version from 2 to 8 (a later version needs a header naming its fields), got "1"
                """)
        void rejected(String what, String line, String message) {
            var got = new Collected();
            String text = V2_ECS_LINE + "\n" + line + "\n" + V2_ECS_LINE + "\n";

            var result = read(FlowLogReader.standard(), utf8(text), got);

            assertThat(got.rejections)
                    .singleElement()
                    .satisfies(r -> assertThat(r.describe()).isEqualTo(message));
            assertThat(got.lines).containsExactly(1L, 3L);
            assertThat(result.records()).isEqualTo(2);
            assertThat(result.rejected()).isEqualTo(1);
        }

        @Test
        @DisplayName("a truncated gzip file keeps the records before the break and reports the rest")
        void truncatedGzip() throws Exception {
            byte[] gz = gzip(Files.readAllBytes(fixture("s3-default-v2.log")));
            byte[] cut = java.util.Arrays.copyOf(gz, gz.length - 12);
            var got = new Collected();

            var result = read(FlowLogReader.standard(), cut, got);

            assertThat(got.records).hasSizeLessThan(5);
            assertThat(result.rejected()).isEqualTo(1);
            assertThat(got.rejections)
                    .singleElement()
                    .satisfies(r -> assertThat(r.describe())
                            .isEqualTo("input.log: the file ends early (a truncated gzip file?); the records before"
                                    + " the break were read"));
        }
    }

    @Nested
    @DisplayName("CloudWatch Logs subscription envelopes")
    class Envelopes {
        private static final String ENVELOPE = """
                {"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/vpc/flow-logs",
                 "logStream":"eni-0f1e2d3c4b5a69788-all","subscriptionFilters":["to-firehose"],
                 "logEvents":[{"id":"38000000000000000000000000000000000000000000000000000000","timestamp":1764580860000,
                   "message":"%s"},
                  {"id":"38000000000000000000000000000000000000000000000000000001","timestamp":1764580860000,
                   "message":"%s"}]}""";
        private static final String CONTROL = """
                {"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"",
                 "subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1764580800000,
                 "message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}""";

        private String envelope(String first, String second) {
            return ENVELOPE.formatted(first, second);
        }

        @Test
        @DisplayName("reads gzip members back to back as Firehose writes them to S3, skipping control messages")
        void firehose() throws Exception {
            var out = new ByteArrayOutputStream();
            out.write(gzip(utf8(CONTROL)));
            out.write(gzip(utf8(envelope(V2_ECS_LINE, V2_ECS_LINE.replace("5432", "6379")))));
            out.write(gzip(utf8(envelope(V2_ECS_LINE, V2_ECS_LINE.replace("ACCEPT", "REJECT")))));
            var got = new Collected();

            var result = read(FlowLogReader.standard(), out.toByteArray(), got);

            assertThat(result.delivery()).isEqualTo(Delivery.CLOUDWATCH_ENVELOPES);
            assertThat(got.rejections).isEmpty();
            assertThat(got.records).extracting(FlowRecord::dstPort).containsExactly(5432, 6379, 5432, 5432);
            assertThat(got.records.get(3).action()).isEqualTo(Action.REJECT);
        }

        @Test
        @DisplayName("reads base64 Kinesis records one per line, and names the event of a bad message")
        void kinesis() throws Exception {
            String good = Base64.getEncoder().encodeToString(gzip(utf8(envelope(V2_ECS_LINE, V2_ECS_LINE))));
            String bad = Base64.getEncoder()
                    .encodeToString(gzip(utf8(envelope(V2_ECS_LINE, V2_ECS_LINE.replace("10.0.2.40", "10.0.2")))));
            var got = new Collected();

            var result = read(FlowLogReader.standard(), utf8(good + "\n" + bad + "\nH4sInot-base64!\n"), got);

            assertThat(result.delivery()).isEqualTo(Delivery.KINESIS_BASE64);
            assertThat(got.records).hasSize(3);
            assertThat(got.lines).containsExactly(1L, 1L, 2L);
            assertThat(got.rejections).hasSize(2);
            assertThat(got.rejections.getFirst().describe())
                    .isEqualTo("input.log:2: /0/logEvents/1/message (dstaddr): expected an IPv4 or IPv6 address, got"
                            + " \"10.0.2\"");
            assertThat(got.rejections.get(1).describe())
                    .startsWith("input.log:3:1: expected a base64-encoded gzip CloudWatch Logs envelope");
        }

        @Test
        @DisplayName("reads decompressed envelopes and reads their messages in the flow log's custom format")
        void customFormat() {
            var format = FlowLogFormat.parse("${version} ${interface-id} ${srcaddr} ${dstaddr} ${dstport} ${action}");
            var got = new Collected();

            read(
                    FlowLogReader.withFormat(format),
                    utf8(envelope(
                            "3 eni-0f1e2d3c4b5a69788 10.0.1.23 10.0.2.40 5432 ACCEPT",
                            "3 eni-x 10.0.1.23 10.0.2.40 22 REJECT")),
                    got);

            assertThat(got.rejections).isEmpty();
            assertThat(got.records).extracting(FlowRecord::dstPort).containsExactly(5432, 22);
            assertThat(got.records.getFirst().interfaceId()).isEqualTo("eni-0f1e2d3c4b5a69788");
        }
    }

    @Test
    @DisplayName("knows each field's version, and formats name the highest")
    void versions() {
        assertThat(FlowField.named("reject-reason").version()).isEqualTo(8);
        assertThat(FlowField.named("ecs-task-arn").version()).isEqualTo(7);
        assertThat(FlowField.named("traffic-path").version()).isEqualTo(5);
        assertThat(FlowField.named("no-such-field")).isNull();
        assertThat(FlowLogFormat.DEFAULT.version()).isEqualTo(2);
        assertThat(FlowLogFormat.parse("${version} ${az-id} ${srcaddr}").version())
                .isEqualTo(4);
    }
}
