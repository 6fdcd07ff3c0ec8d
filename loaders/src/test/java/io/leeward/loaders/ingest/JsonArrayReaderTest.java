package io.leeward.loaders.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The streaming JSON reader")
class JsonArrayReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path gzip(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), gzipped(content));
    }

    private static byte[] gzipped(String content) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static List<JsonRecord> readAll(JsonArrayReader reader) {
        var records = new ArrayList<JsonRecord>();
        try (reader) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static final String TASKS = """
            {
              "failures": [{"arn": "x", "reason": "MISSING"}],
              "tasks": [
                {"taskArn": "a"},
                {"taskArn": "b",
                 "containers": [{"name": "web"}]},
                {"taskArn": "c"}
              ],
              "nextToken": "abc"
            }
            """;

    @Nested
    @DisplayName("on well-formed input")
    class WellFormed {
        @Test
        @DisplayName("yields each element of the named array with its pointer and start line, skipping other members")
        void elements() throws IOException {
            var file = write("tasks.json", TASKS);

            var reader = JsonArrayReader.elements(file, "r/tasks.json", "tasks");
            var records = readAll(reader);

            assertThat(records).extracting(JsonRecord::pointer).containsExactly("/tasks/0", "/tasks/1", "/tasks/2");
            assertThat(records).extracting(JsonRecord::line).containsExactly(4L, 5L, 7L);
            assertThat(records)
                    .extracting(r -> r.node().get("taskArn").stringValue())
                    .containsExactly("a", "b", "c");
            assertThat(records).extracting(JsonRecord::file).containsOnly("r/tasks.json");
            assertThat(reader.failure()).isEmpty();
            assertThat(reader.bytesRead()).isEqualTo(Files.size(file));
        }

        @Test
        @DisplayName("reads gzip-compressed files the same way")
        void gzipped() throws IOException {
            var file = gzip("tasks.json.gz", TASKS);

            var reader = JsonArrayReader.elements(file, "tasks.json.gz", "tasks");
            var records = readAll(reader);

            assertThat(records).extracting(JsonRecord::pointer).containsExactly("/tasks/0", "/tasks/1", "/tasks/2");
            assertThat(reader.failure()).isEmpty();
            assertThat(reader.bytesRead()).isEqualTo(Files.size(file));
        }

        @Test
        @DisplayName("reads a whole document as one record at the empty pointer")
        void document() throws IOException {
            var file = write("td.json", "{\"taskDefinition\": {\"family\": \"web\"}, \"tags\": []}");

            var reader = JsonArrayReader.document(file, "td.json");
            var records = readAll(reader);

            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.pointer()).isEmpty();
                assertThat(r.line()).isEqualTo(1);
                assertThat(r.node().get("taskDefinition").get("family").stringValue())
                        .isEqualTo("web");
            });
            assertThat(reader.failure()).isEmpty();
        }

        @Test
        @DisplayName("yields an empty array as no records and no failure")
        void empty() throws IOException {
            var reader = JsonArrayReader.elements(write("e.json", "{\"tasks\": []}"), "e.json", "tasks");

            assertThat(readAll(reader)).isEmpty();
            assertThat(reader.failure()).isEmpty();
        }

        @Test
        @DisplayName("escapes the array name in pointers as RFC 6901 says")
        void escapes() throws IOException {
            var reader = JsonArrayReader.elements(write("x.json", "{\"a/b~c\": [1]}"), "x.json", "a/b~c");

            assertThat(readAll(reader)).extracting(JsonRecord::pointer).containsExactly("/a~1b~0c/0");
        }
    }

    private static final String GAAD = """
            {
              "UserDetailList": [
                {"UserName": "alice"}
              ],
              "GroupDetailList": [],
              "Marker": "page-2",
              "RoleDetailList": [
                {"RoleName": "a"},
                {"RoleName": "b"}
              ],
              "Other": [{"x": 1}],
              "Policies": [{"PolicyName": "p"}],
              "IsTruncated": true
            }
            """;

    private static final List<String> GAAD_ARRAYS =
            List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

    @Nested
    @DisplayName("over several arrays")
    class SeveralArrays {
        @Test
        @DisplayName("yields the elements of every named array in one pass, each knowing its array and pointer")
        void elements() throws IOException {
            var file = write("gaad.json", GAAD);

            var reader = JsonArrayReader.elements(file, "g/gaad.json", GAAD_ARRAYS);
            var records = readAll(reader);

            assertThat(records)
                    .extracting(JsonRecord::array, JsonRecord::pointer, JsonRecord::line)
                    .containsExactly(
                            tuple("UserDetailList", "/UserDetailList/0", 3L),
                            tuple("RoleDetailList", "/RoleDetailList/0", 8L),
                            tuple("RoleDetailList", "/RoleDetailList/1", 9L),
                            tuple("Policies", "/Policies/0", 12L));
            assertThat(reader.failure()).isEmpty();
            assertThat(reader.bytesRead()).isEqualTo(Files.size(file));
        }

        @Test
        @DisplayName("keeps the scalar top-level members, such as a page's marker, for after the iteration")
        void scalars() throws IOException {
            var reader = JsonArrayReader.elements(write("gaad.json", GAAD), "gaad.json", GAAD_ARRAYS);
            readAll(reader);

            assertThat(reader.member("IsTruncated"))
                    .hasValueSatisfying(v -> assertThat(v.booleanValue()).isTrue());
            assertThat(reader.member("Marker"))
                    .hasValueSatisfying(v -> assertThat(v.stringValue()).isEqualTo("page-2"));
            assertThat(reader.member("Other")).isEmpty();
        }

        @Test
        @DisplayName("accepts missing arrays as long as one is there")
        void someMissing() throws IOException {
            var reader = JsonArrayReader.elements(
                    write("r.json", "{\"RoleDetailList\": [{}], \"IsTruncated\": false}"), "r.json", GAAD_ARRAYS);

            assertThat(readAll(reader)).extracting(JsonRecord::pointer).containsExactly("/RoleDetailList/0");
            assertThat(reader.failure()).isEmpty();
        }

        @Test
        @DisplayName("fails when none of the arrays is there, naming them all")
        void noneThere() throws IOException {
            var reader = JsonArrayReader.elements(write("r.json", "{\"Roles\": []}"), "r.json", GAAD_ARRAYS);

            assertThat(readAll(reader)).isEmpty();
            assertThat(reader.failure())
                    .hasValueSatisfying(failure -> assertThat(failure.message())
                            .isEqualTo("expected at least one of the top-level arrays \"UserDetailList\", "
                                    + "\"GroupDetailList\", \"RoleDetailList\", \"Policies\", found none"));
        }

        @Test
        @DisplayName("stops at a named member that is not an array, keeping the records before it")
        void notAnArray() throws IOException {
            var reader = JsonArrayReader.elements(
                    write("r.json", "{\"UserDetailList\": [{}], \"Policies\": {\"a\": 1}}"), "r.json", GAAD_ARRAYS);

            assertThat(readAll(reader)).extracting(JsonRecord::pointer).containsExactly("/UserDetailList/0");
            assertThat(reader.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.pointer()).isEqualTo("/Policies");
                assertThat(failure.message()).isEqualTo("expected an array, got an object");
            });
        }

        @Test
        @DisplayName(
                "a file truncated in a later array keeps the earlier arrays' records and names the pointer reached")
        void truncated() throws IOException {
            var file = write("gaad.json", GAAD.substring(0, GAAD.indexOf("{\"RoleName\": \"b\"")));

            var reader = JsonArrayReader.elements(file, "gaad.json", GAAD_ARRAYS);

            assertThat(readAll(reader))
                    .extracting(JsonRecord::pointer)
                    .containsExactly("/UserDetailList/0", "/RoleDetailList/0");
            assertThat(reader.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.line()).isEqualTo(9);
                assertThat(failure.pointer()).startsWith("/RoleDetailList");
                assertThat(failure.message()).startsWith("malformed JSON, records from here on were not read: ");
            });
        }
    }

    @Nested
    @DisplayName("on broken input")
    class Broken {
        @Test
        @DisplayName("a truncated file keeps the records read and names the file, line, column and pointer reached")
        void truncated() throws IOException {
            var file = write("tasks.json", TASKS.substring(0, TASKS.indexOf("\"web\"")));

            var reader = JsonArrayReader.elements(file, "r/tasks.json", "tasks");
            var records = readAll(reader);

            assertThat(records).extracting(JsonRecord::pointer).containsExactly("/tasks/0");
            assertThat(reader.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.file()).isEqualTo("r/tasks.json");
                assertThat(failure.line()).isEqualTo(6);
                assertThat(failure.column()).isPositive();
                assertThat(failure.pointer()).isEqualTo("/tasks/1/containers/0/name");
                assertThat(failure.message())
                        .startsWith("malformed JSON, records from here on were not read: ")
                        .contains("end-of-input");
                assertThat(failure.describe()).startsWith("r/tasks.json:6:");
            });
        }

        @Test
        @DisplayName("a truncated gzip file keeps the records read and reports the broken stream")
        void truncatedGzip() throws IOException {
            StringBuilder many = new StringBuilder("{\"tasks\": [");
            for (int i = 0; i < 5_000; i++) {
                many.append(i == 0 ? "" : ",")
                        .append("{\"taskArn\": \"arn-")
                        .append(i)
                        .append("\"}\n");
            }
            byte[] whole = gzipped(many.append("]}").toString());
            var file = Files.write(dir.resolve("t.json.gz"), Arrays.copyOf(whole, whole.length / 2));

            var reader = JsonArrayReader.elements(file, "t.json.gz", "tasks");
            var records = readAll(reader);

            assertThat(records).isNotEmpty().hasSizeLessThan(5_000);
            assertThat(reader.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.message()).startsWith("malformed JSON, records from here on were not read");
                assertThat(failure.pointer()).startsWith("/tasks/");
            });
        }

        @Test
        @DisplayName("a syntax error in the middle stops reading there")
        void syntaxError() throws IOException {
            var file = write("t.json", "{\"tasks\": [\n{\"a\": 1},\n{\"b\": 2,,}\n, {\"c\": 3}]}");

            var reader = JsonArrayReader.elements(file, "t.json", "tasks");

            assertThat(readAll(reader)).extracting(JsonRecord::pointer).containsExactly("/tasks/0");
            assertThat(reader.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.line()).isEqualTo(3);
                assertThat(failure.column()).isEqualTo(9);
                assertThat(failure.pointer()).isEqualTo("/tasks/1/b");
            });
        }

        @Test
        @DisplayName("a missing file is a failure, not an exception")
        void missing() {
            var reader = JsonArrayReader.elements(dir.resolve("none.json"), "none.json", "tasks");

            assertThat(readAll(reader)).isEmpty();
            assertThat(reader.failure())
                    .hasValueSatisfying(failure -> assertThat(failure.message()).startsWith("cannot read the file: "));
        }

        @Test
        @DisplayName("a .gz file that is not gzip is a failure")
        void notGzip() throws IOException {
            var reader = JsonArrayReader.elements(write("t.json.gz", "{\"tasks\": []}"), "t.json.gz", "tasks");

            assertThat(readAll(reader)).isEmpty();
            assertThat(reader.failure())
                    .hasValueSatisfying(failure -> assertThat(failure.message()).startsWith("cannot read the file: "));
        }

        @ParameterizedTest(name = "{0} -> {2}")
        @DisplayName("a top-level value of the wrong type is reported with what was expected")
        @CsvSource(delimiter = '|', textBlock = """
                [{"tasks": []}]        | ''       | expected a JSON object at the top level, got an array
                ''                     | ''       | expected a JSON object at the top level, got the end of the file
                "tasks"                | ''       | expected a JSON object at the top level, got a string
                {"tasks": {}}          | /tasks   | expected an array, got an object
                {"tasks": "none"}      | /tasks   | expected an array, got a string
                {"tasks": null}        | /tasks   | expected an array, got null
                {"services": []}       | ''       | expected a top-level "tasks" array, found none
                {"tasks": [{}]} {}     | ''       | expected the end of the file after the top-level object, got an object
                """)
        void wrongTopLevel(String json, String pointer, String message) throws IOException {
            var reader = JsonArrayReader.elements(write("t.json", json), "t.json", "tasks");

            readAll(reader);

            assertThat(reader.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.pointer()).isEqualTo(pointer);
                assertThat(failure.message()).isEqualTo(message);
                assertThat(failure.file()).isEqualTo("t.json");
            });
        }

        @Test
        @DisplayName("elements that are not objects are still yielded, for the validator to reject")
        void nonObjects() throws IOException {
            var reader = JsonArrayReader.elements(write("t.json", "{\"tasks\": [1, \"x\", {}]}"), "t.json", "tasks");

            assertThat(readAll(reader)).hasSize(3);
            assertThat(reader.failure()).isEmpty();
        }
    }
}
