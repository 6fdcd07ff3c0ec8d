package io.leeward.graph.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The schema reference")
class SchemaDocTest {
    private static final Path DOC = Path.of("..", "docs", "schema.md");

    @Test
    @DisplayName("docs/schema.md is the one generated from the schema code")
    void upToDate() throws IOException {
        String generated = SchemaDoc.markdown();
        if (Boolean.getBoolean("leeward.docs.update")) {
            Files.writeString(DOC, generated);
        }
        assertThat(Files.readString(DOC))
                .as("docs/schema.md is stale; regenerate it (see its first line)")
                .isEqualTo(generated);
    }

    @Test
    @DisplayName("every label and type has a description that ends with a full stop")
    void described() {
        Arrays.stream(NodeLabel.values())
                .forEach(l -> assertThat(l.description()).as(l.name()).endsWith("."));
        Arrays.stream(RelType.values())
                .forEach(t -> assertThat(t.description()).as(t.name()).endsWith("."));
    }

    @Test
    @DisplayName("relationship types are upper snake case and labels upper camel case")
    void naming() {
        Arrays.stream(RelType.values()).forEach(t -> assertThat(t.name()).matches("[A-Z]+(_[A-Z]+)*"));
        Arrays.stream(NodeLabel.values()).forEach(l -> assertThat(l.name()).matches("[A-Z][A-Za-z0-9]+"));
        Arrays.stream(NodeLabel.values())
                .forEach(l -> assertThat(l.name().toUpperCase(Locale.ROOT)).isNotEqualTo(l.name()));
    }
}
