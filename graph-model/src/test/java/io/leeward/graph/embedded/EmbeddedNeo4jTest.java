package io.leeward.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.graph.store.StoreLockedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Embedded Neo4j")
class EmbeddedNeo4jTest {

    @Test
    @DisplayName("a second process opening the same data directory gets a clear error")
    void secondProcessRefused(@TempDir Path home) throws Exception {
        try (var first = EmbeddedNeo4j.start(home, 0, null)) {
            assertThat(first.boltUri().getHost()).isEqualTo("127.0.0.1");
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var process = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            LockProbe.class.getName(),
                            home.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes());

            assertThat(process.exitValue()).as(output).isEqualTo(3);
            assertThat(output)
                    .contains("is in use by another process (pid "
                            + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    @DisplayName("the same directory opened twice in one process is refused, and free again after close")
    void sameProcessRefused(@TempDir Path home) {
        try (var first = EmbeddedNeo4j.start(home, 0, null)) {
            assertThatThrownBy(() -> EmbeddedNeo4j.start(home, 0, null)).isInstanceOf(StoreLockedException.class);
        }
        try (var again = EmbeddedNeo4j.start(home, 0, null)) {
            assertThat(Files.exists(home.resolve("neo4j"))).isTrue();
        }
    }

    /** Run in a second JVM: tries to open the directory and exits 3 on the lock error. */
    public static final class LockProbe {
        public static void main(String[] args) {
            try (var store = EmbeddedNeo4j.start(Path.of(args[0]), 0, null)) {
                System.out.println("opened");
                System.exit(0);
            } catch (StoreLockedException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
