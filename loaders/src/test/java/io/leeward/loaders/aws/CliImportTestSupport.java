package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the AWS CLI import tests share: a copy of one fixture tree (under {@code src/test/resources})
 * in a temporary directory that a test may edit, the shared embedded store, loading through the
 * real import and reading back.
 */
@WithNeo4j
abstract class CliImportTestSupport {
    static final Fingerprints FINGERPRINTS =
            Fingerprints.keyed("leeward-test-fingerprint-key".getBytes(StandardCharsets.UTF_8));
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path temp;

    GraphStore store;
    Path input;

    /** The classpath directory of the fixture tree, e.g. {@code /aws/cli}. */
    abstract String fixture();

    /** Rows per write batch: small, so that the fixtures cross batch boundaries. */
    int batchSize() {
        return 7;
    }

    @BeforeEach
    final void copyFixture(GraphStore store) throws IOException, URISyntaxException {
        this.store = store;
        this.input = temp.resolve("input");
        copy(Path.of(Objects.requireNonNull(getClass().getResource(fixture())).toURI()), input);
    }

    IngestReport load() {
        return load(input);
    }

    IngestReport load(Path dir) {
        return AwsCliImport.create(SyncRequest.of("aws").withBatchSize(batchSize()), FINGERPRINTS)
                .load(dir, store, ProgressListener.NONE);
    }

    /** Loads the input twice and checks the second load changes nothing and deletes nothing. */
    void assertLoadsIdempotently() {
        load();
        String first = CanonicalDump.of(store);

        var second = load();

        assertThat(CanonicalDump.of(store)).isEqualTo(first);
        assertThat(second.summary().totalDeleted()).isZero();
    }

    List<Map<String, Object>> rows(String cypher) {
        return rows(cypher, Map.of());
    }

    List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return store.query(cypher, parameters).rows();
    }

    /** The single number a counting query returns. */
    long count(String cypher) {
        return ((Number) rows(cypher).getFirst().values().iterator().next()).longValue();
    }

    /** Edits one input file, named relative to the input directory, as a JSON tree. */
    void editFile(String relative, Consumer<ObjectNode> change) throws IOException {
        Path path = input.resolve(relative);
        var root = (ObjectNode) MAPPER.readTree(path.toFile());
        change.accept(root);
        Files.writeString(path, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
