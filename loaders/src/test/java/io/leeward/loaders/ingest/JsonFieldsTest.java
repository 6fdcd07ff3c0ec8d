package io.leeward.loaders.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The field reader")
class JsonFieldsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ArnType SERVICE = ArnType.of("an ECS service", "ecs", "service/");

    private static JsonFields fields(String json) {
        return JsonFields.of(MAPPER.readTree(json), "/services/2");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "{\"serviceArn\": 42}",
                        (Consumer<JsonFields>) f -> f.arn("serviceArn", SERVICE),
                        "/services/2/serviceArn: expected an ECS service ARN (arn:aws:ecs:…:service/…), got 42"),
                Arguments.of(
                        "{\"serviceArn\": \"arn:aws:ecs:eu-west-1:111122223333:task/prod/abc\"}",
                        (Consumer<JsonFields>) f -> f.arn("serviceArn", SERVICE),
                        "/services/2/serviceArn: expected an ECS service ARN (arn:aws:ecs:…:service/…), got \"arn:aws:ecs:eu-west-1:111122223333:task/prod/abc\""),
                Arguments.of(
                        "{\"serviceArn\": \"arn:aws:ecs:eu-west-1:111122223333:service/\"}",
                        (Consumer<JsonFields>) f -> f.arn("serviceArn", SERVICE),
                        "/services/2/serviceArn: expected an ECS service ARN (arn:aws:ecs:…:service/…), got \"arn:aws:ecs:eu-west-1:111122223333:service/\""),
                Arguments.of(
                        "{}",
                        (Consumer<JsonFields>) f -> f.arn("serviceArn", SERVICE),
                        "/services/2/serviceArn: expected an ECS service ARN (arn:aws:ecs:…:service/…), got nothing (the field is missing)"),
                Arguments.of(
                        "{\"name\": \"\"}",
                        (Consumer<JsonFields>) f -> f.string("name"),
                        "/services/2/name: expected a non-empty string, got \"\""),
                Arguments.of(
                        "{\"name\": null}",
                        (Consumer<JsonFields>) f -> f.string("name"),
                        "/services/2/name: expected a non-empty string, got null"),
                Arguments.of(
                        "{\"name\": {\"a\": 1}}",
                        (Consumer<JsonFields>) f -> f.optionalString("name"),
                        "/services/2/name: expected a string, got an object"),
                Arguments.of(
                        "{\"desiredCount\": \"2\"}",
                        (Consumer<JsonFields>) f -> f.optionalInt("desiredCount"),
                        "/services/2/desiredCount: expected an integer, got \"2\""),
                Arguments.of(
                        "{\"desiredCount\": 2.5}",
                        (Consumer<JsonFields>) f -> f.integer("desiredCount"),
                        "/services/2/desiredCount: expected an integer, got 2.5"),
                Arguments.of(
                        "{\"desiredCount\": 3000000000}",
                        (Consumer<JsonFields>) f -> f.integer("desiredCount"),
                        "/services/2/desiredCount: expected an integer, got 3000000000"),
                Arguments.of(
                        "{\"enableExecuteCommand\": \"true\"}",
                        (Consumer<JsonFields>) f -> f.optionalBool("enableExecuteCommand"),
                        "/services/2/enableExecuteCommand: expected true or false, got \"true\""),
                Arguments.of(
                        "{\"GroupId\": \"vpc-0a1b\"}",
                        (Consumer<JsonFields>) f -> f.id("GroupId", "sg-", "a security group id"),
                        "/services/2/GroupId: expected a security group id (sg-…), got \"vpc-0a1b\""),
                Arguments.of(
                        "{\"subnets\": [\"subnet-1\", 7]}",
                        (Consumer<JsonFields>) f -> f.ids("subnets", "subnet-", "a subnet id"),
                        "/services/2/subnets/1: expected a subnet id (subnet-…), got 7"),
                Arguments.of(
                        "{\"loadBalancers\": {}}",
                        (Consumer<JsonFields>) f -> f.objects("loadBalancers"),
                        "/services/2/loadBalancers: expected an array, got an object"),
                Arguments.of(
                        "{\"loadBalancers\": [{}, 3]}",
                        (Consumer<JsonFields>) f -> f.objects("loadBalancers"),
                        "/services/2/loadBalancers/1: expected an object, got 3"),
                Arguments.of(
                        "{\"capacityProviders\": [true]}",
                        (Consumer<JsonFields>) f -> f.strings("capacityProviders"),
                        "/services/2/capacityProviders/0: expected a string, got true"),
                Arguments.of(
                        "{\"createdAt\": \"yesterday\"}",
                        (Consumer<JsonFields>) f -> f.optionalTime("createdAt"),
                        "/services/2/createdAt: expected an ISO-8601 timestamp with offset or seconds since the epoch, got \"yesterday\""),
                Arguments.of(
                        "{\"createdAt\": \"2024-05-02T09:14:03\"}",
                        (Consumer<JsonFields>) f -> f.optionalTime("createdAt"),
                        "/services/2/createdAt: expected an ISO-8601 timestamp with offset or seconds since the epoch, got \"2024-05-02T09:14:03\""),
                Arguments.of(
                        "{\"network\": []}",
                        (Consumer<JsonFields>) f -> f.object("network"),
                        "/services/2/network: expected an object, got an array"),
                Arguments.of(
                        "{\"a/b\": 1}",
                        (Consumer<JsonFields>) f -> f.string("a/b"),
                        "/services/2/a~1b: expected a non-empty string, got 1"),
                Arguments.of(
                        "{\"name\": \"" + "x".repeat(100) + "\"}",
                        (Consumer<JsonFields>) f -> f.optionalInt("name"),
                        "/services/2/name: expected an integer, got \"" + "x".repeat(59) + "…\""));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalid")
    @DisplayName("rejects a value with the pointer, the expectation and what it got")
    void rejects(String json, Consumer<JsonFields> read, String message) {
        var fields = fields(json);

        assertThatThrownBy(() -> read.accept(fields))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("rejects a record that is not an object")
    void notAnObject() {
        assertThatThrownBy(() -> JsonFields.of(MAPPER.readTree("42"), "/tasks/3"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("/tasks/3: expected an object, got 42")
                .satisfies(e -> {
                    var invalid = (InvalidRecordException) e;
                    assertThat(invalid.pointer()).isEqualTo("/tasks/3");
                    assertThat(invalid.problem()).isEqualTo("expected an object, got 42");
                });
    }

    @Test
    @DisplayName("never echoes a value read as a possible secret")
    void secretNotEchoed() {
        var fields = fields("{\"value\": 123456789}");

        assertThatThrownBy(() -> fields.secretString("value"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("/services/2/value: expected a string, got a number")
                .message()
                .doesNotContain("123456789");
    }

    @Nested
    @DisplayName("on valid values")
    class Valid {
        @Test
        @DisplayName("optional getters return null for missing and null fields, and empty lists for missing arrays")
        void optionals() {
            var fields = fields("{\"a\": null}");

            assertThat(fields.optionalString("a")).isNull();
            assertThat(fields.optionalString("b")).isNull();
            assertThat(fields.optionalInt("a")).isNull();
            assertThat(fields.optionalBool("b")).isNull();
            assertThat(fields.optionalTime("a")).isNull();
            assertThat(fields.optionalObject("b")).isNull();
            assertThat(fields.optionalArn("a", SERVICE)).isNull();
            assertThat(fields.objects("a")).isEmpty();
            assertThat(fields.strings("b")).isEmpty();
            assertThat(fields.json("b")).isNull();
            assertThat(fields.has("a")).isFalse();
        }

        @Test
        @DisplayName("nested objects and arrays carry their pointers")
        void nestedPointers() {
            var fields = fields("{\"network\": {\"groups\": [{\"id\": 1}, {\"id\": 2}]}}");

            var groups = fields.object("network").objects("groups");

            assertThat(groups)
                    .extracting(JsonFields::pointer)
                    .containsExactly("/services/2/network/groups/0", "/services/2/network/groups/1");
        }

        @Test
        @DisplayName("reads ARNs into their parts")
        void arns() {
            var arn = fields("{\"serviceArn\": \"arn:aws:ecs:eu-west-1:111122223333:service/prod/web\"}")
                    .arn("serviceArn", SERVICE);

            assertThat(arn).isEqualTo(new Arn("aws", "ecs", "eu-west-1", "111122223333", "service/prod/web"));
            assertThat(arn.resourceAfter("service/")).isEqualTo("prod/web");
            assertThat(arn).hasToString("arn:aws:ecs:eu-west-1:111122223333:service/prod/web");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("reads timestamps as the CLI prints them, in UTC")
        @CsvSource({
            "'\"2024-05-02T09:14:03.512000+00:00\"', 2024-05-02T09:14:03.512Z",
            "'\"2024-05-02T11:14:03+02:00\"', 2024-05-02T09:14:03Z",
            "'\"2024-05-02T09:14:03Z\"', 2024-05-02T09:14:03Z",
            "'\"2024-05-02 09:14:03+00:00\"', 2024-05-02T09:14:03Z",
            "'\"2024-05-02 11:14:03.250000+02:00\"', 2024-05-02T09:14:03.25Z",
            "1714641243.512, 2024-05-02T09:14:03.512Z",
            "1714641243, 2024-05-02T09:14:03Z"
        })
        void times(String json, String expected) {
            var time = fields("{\"t\": " + json + "}").optionalTime("t");

            assertThat(time).isEqualTo(ZonedDateTime.parse(expected).withZoneSameInstant(ZoneOffset.UTC));
        }

        @Test
        @DisplayName("keeps structures as compact JSON")
        void json() {
            assertThat(fields("{\"p\": [ {\"containerPort\": 8080, \"protocol\": \"tcp\"} ]}")
                            .json("p"))
                    .isEqualTo("[{\"containerPort\":8080,\"protocol\":\"tcp\"}]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("parses ARNs without regular expressions and refuses what is not one")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            arn:aws:iam::111122223333:role/path/web-task                          | aws        | iam            | ''        | 111122223333 | role/path/web-task
            arn:aws-cn:s3:::bucket                                                | aws-cn     | s3             | ''        | ''           | bucket
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:user:: | aws        | secretsmanager | eu-west-1 | 111122223333 | secret:db-AbCdEf:user::
            arn:aws:ecs:eu-west-1:111122223333                                    | null       | null           | null      | null         | null
            arn::ecs:eu-west-1:111122223333:cluster/x                             | null       | null           | null      | null         | null
            not-an-arn                                                            | null       | null           | null      | null         | null
            """)
    void parsesArns(String text, String partition, String service, String region, String account, String resource) {
        Arn arn = Arn.parse(text);
        if (partition == null) {
            assertThat(arn).isNull();
        } else {
            assertThat(arn).isEqualTo(new Arn(partition, service, region, account, resource));
            assertThat(arn).hasToString(text);
        }
    }

    @Test
    @DisplayName("fingerprints a value as HMAC-SHA256 under the installation key (RFC 4231 test case 1)")
    void fingerprints() {
        byte[] key = new byte[20];
        java.util.Arrays.fill(key, (byte) 0x0b);

        assertThat(Fingerprints.keyed(key).of("Hi There"))
                .isEqualTo("hmac-sha256:b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    @DisplayName("refuses a fingerprint key too short to be secret, and never shows the key")
    void fingerprintKey() {
        assertThatThrownBy(() -> Fingerprints.keyed(new byte[8])).hasMessageContaining("at least 16 bytes, got 8");
        assertThat(Fingerprints.keyed(new byte[16])).hasToString("Fingerprints[HmacSHA256, key hidden]");
    }
}
