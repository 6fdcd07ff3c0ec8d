package io.leeward.app.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Seeded ids in the shapes AWS uses. {@link Random} rather than a faster generator because its
 * algorithm is part of its contract: the same seed gives the same ids on every JDK. Ids that must be
 * unique are remembered and drawn again on a (practically impossible) collision.
 */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Random random;
    private final Set<String> issued = new HashSet<>();

    Ids(long seed) {
        this.random = new Random(seed);
    }

    /** A unique id like {@code eni-0a1b2c3d4e5f67890}: the prefix, a dash and 17 hex digits. */
    String resource(String prefix) {
        return unique(() -> prefix + "-0" + hex(16));
    }

    /** A unique 32-hex-digit ECS task id. */
    String taskId() {
        return unique(() -> hex(32));
    }

    /** A unique random (version 4) UUID. */
    String uuid() {
        return unique(() -> {
            String h = hex(32);
            char variant = HEX[8 + random.nextInt(4)];
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                    + h.substring(17, 20) + "-" + h.substring(20);
        });
    }

    /** A unique locally administered unicast MAC address as Fargate ENIs have ({@code 0a:…} or {@code 06:…}). */
    String mac() {
        return unique(() -> {
            var sb = new StringBuilder(random.nextBoolean() ? "0a" : "06");
            for (int i = 0; i < 5; i++) {
                sb.append(':').append(hex(2));
            }
            return sb.toString();
        });
    }

    /** A unique {@code sha256:} digest. */
    String digest() {
        return unique(() -> "sha256:" + hex(64));
    }

    /** A unique string of {@code n} decimal digits, not starting with 0. */
    String digits(int n) {
        return unique(() -> {
            var sb = new StringBuilder().append((char) ('1' + random.nextInt(9)));
            for (int i = 1; i < n; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            return sb.toString();
        });
    }

    String hex(int n) {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(HEX[random.nextInt(16)]);
        }
        return sb.toString();
    }

    String alnum(int n) {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM[random.nextInt(ALNUM.length)]);
        }
        return sb.toString();
    }

    /** A unique IAM unique id: the prefix ({@code AROA}, {@code AIDA} …) and 17 upper-case base-32 characters. */
    String iamId(String prefix) {
        return unique(() -> {
            var sb = new StringBuilder(prefix);
            for (int i = 0; i < 17; i++) {
                sb.append(UPPER[random.nextInt(UPPER.length)]);
            }
            return sb.toString();
        });
    }

    /** A uniform int in {@code [min, max]}. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Remembers {@code value}; false when it was issued before. */
    boolean claim(String value) {
        return issued.add(value);
    }

    private String unique(Supplier<String> draw) {
        String value = draw.get();
        while (!issued.add(value)) {
            value = draw.get();
        }
        return value;
    }
}
