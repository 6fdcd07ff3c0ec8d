package io.leeward.loaders.ingest;

import io.leeward.graph.store.Check;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints of values that must never enter the graph (environment values, secrets): {@code
 * hmac-sha256:} and the hex HMAC-SHA256 of the UTF-8 bytes under this installation's key. Equal
 * values give equal fingerprints, so reuse and change can be seen without the value; without the
 * key, a fingerprint cannot be checked against guessed values, which a plain hash of a short
 * password would allow.
 */
public final class Fingerprints {
    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    private Fingerprints(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Fingerprints under {@code key}, at least {@value #MIN_KEY_BYTES} bytes of secret randomness. */
    public static Fingerprints keyed(byte[] key) {
        Check.notNull(key, "fingerprint key");
        Check.that(
                key.length >= MIN_KEY_BYTES,
                "a fingerprint key needs at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
        return new Fingerprints(key);
    }

    public String of(String value) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "hmac-sha256:" + HEX.formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "Fingerprints[HmacSHA256, key hidden]";
    }
}
