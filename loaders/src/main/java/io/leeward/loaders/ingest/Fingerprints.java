package io.leeward.loaders.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints of values that must never enter the graph (environment values, secrets): {@code
 * sha256:} and the hex SHA-256 of the UTF-8 bytes. Equal values give equal fingerprints, so reuse and
 * change can be seen without the value.
 */
public final class Fingerprints {
    private static final HexFormat HEX = HexFormat.of();

    private Fingerprints() {}

    public static String sha256(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HEX.formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
