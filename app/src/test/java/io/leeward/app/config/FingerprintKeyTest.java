package io.leeward.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The fingerprint key")
class FingerprintKeyTest {

    private static LeewardProperties properties(Path home, String key) {
        return new LeewardProperties(home, null, null, key);
    }

    @Test
    @DisplayName("is created once in LEEWARD_HOME, readable by its owner only, and reused")
    void createdOnce(@TempDir Path home) throws Exception {
        String first = FingerprintKey.load(properties(home, null)).of("hunter2");
        String again = FingerprintKey.load(properties(home, null)).of("hunter2");

        Path file = home.resolve(FingerprintKey.FILE);
        assertThat(again).isEqualTo(first).startsWith("hmac-sha256:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    }

    @Test
    @DisplayName("comes from leeward.fingerprint-key when set, so that several hosts fingerprint alike")
    void configured(@TempDir Path home) {
        String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

        var a = FingerprintKey.load(properties(home.resolve("a"), key)).of("value");
        var b = FingerprintKey.load(properties(home.resolve("b"), key)).of("value");

        assertThat(a).isEqualTo(b);
        assertThat(home.resolve("a").resolve(FingerprintKey.FILE)).doesNotExist();
    }

    @Test
    @DisplayName("refuses a key that is not base64 or too short")
    void refusesBadKeys(@TempDir Path home) {
        assertThatThrownBy(() -> FingerprintKey.load(properties(home, "not base64!")))
                .hasMessageContaining("is not base64");
        assertThatThrownBy(() -> FingerprintKey.load(properties(home, "c2hvcnQ=")))
                .hasMessageContaining("at least 16 bytes");
    }
}
