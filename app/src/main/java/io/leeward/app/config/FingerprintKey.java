package io.leeward.app.config;

import io.leeward.graph.store.LeewardException;
import io.leeward.loaders.ingest.Fingerprints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key under which values that must not enter the graph are fingerprinted. Taken from
 * {@code leeward.fingerprint-key} (base64, for several hosts sharing one remote graph), otherwise
 * from {@code LEEWARD_HOME/fingerprint.key}, created on first use with 32 random bytes and
 * owner-only permissions. Loads must use the same key to give the same graph.
 */
public final class FingerprintKey {
    static final String FILE = "fingerprint.key";

    private FingerprintKey() {}

    public static Fingerprints load(LeewardProperties properties) {
        String configured = properties.fingerprintKey();
        if (configured != null && !configured.isBlank()) {
            return Fingerprints.keyed(decode(configured.strip(), "leeward.fingerprint-key"));
        }
        return Fingerprints.keyed(fromFile(properties.home().resolve(FILE)));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new LeewardException("cannot read or create the fingerprint key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process created it first; use theirs
        }
        Files.writeString(
                file,
                Base64.getEncoder().encodeToString(key) + "\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new LeewardException("the fingerprint key in " + where + " is not base64", e);
        }
    }
}
