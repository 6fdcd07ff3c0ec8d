package io.leeward.loaders.secrets;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a named value looks like a secret: first by the value's own shape (provider
 * token formats, private key blocks, credentials in a URL), then, for variables whose name says
 * password, secret, token or key, by the value's entropy. References to where a secret is kept
 * (an ARN, {@code ${VAR}}, a file path) are not secrets. Stateless and thread-safe; nothing of
 * the value is kept or returned.
 *
 * <pre>{@code
 * SecretScanner.scan("DATABASE_URL", "postgres://app:pw@db/app")  // CONNECTION_STRING_PASSWORD
 * SecretScanner.scan("LOG_LEVEL", "info")                         // empty
 * }</pre>
 */
public final class SecretScanner {
    private static final Rule[] SHAPES = {
        new Rule(SecretKind.PRIVATE_KEY, "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
        new Rule(SecretKind.AWS_ACCESS_KEY_ID, "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])"),
        new Rule(SecretKind.GITHUB_TOKEN, "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})"),
        new Rule(SecretKind.GITLAB_TOKEN, "\\bglpat-[A-Za-z0-9_-]{20,}"),
        new Rule(SecretKind.SLACK_TOKEN, "\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
        new Rule(SecretKind.STRIPE_KEY, "\\b(?:sk|rk)_live_[A-Za-z0-9]{16,}"),
        new Rule(SecretKind.GOOGLE_API_KEY, "\\bAIza[0-9A-Za-z_-]{35}"),
        new Rule(SecretKind.NPM_TOKEN, "\\bnpm_[A-Za-z0-9]{36}"),
        new Rule(SecretKind.JSON_WEB_TOKEN, "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"),
        new Rule(SecretKind.CONNECTION_STRING_PASSWORD, "\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:([^/\\s@]+)@"),
    };

    /** A 40-character AWS secret access key, recognised only under a name that says so. */
    private static final Pattern AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    private static final Pattern AWS_SECRET_NAME = Pattern.compile("(?:AWS|AMAZON).*SECRET|SECRET.*ACCESS.*KEY");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "PASS(?:WORD|WD|PHRASE)?|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH"
                    + "|SIGNING_?KEY|ENCRYPTION_?KEY|CLIENT_?SECRET|SESSION_?KEY|SALT");
    private static final Pattern NOT_SECRET_NAME = Pattern.compile(
            "(?:_|^)(?:FILE|PATH|ARN|ID|NAME|URL|URI|ENDPOINT|HOST|PORT|USER(?:NAME)?|ENABLED|TTL|TIMEOUT|LENGTH|EXPIRY|EXPIRES|HEADER|TYPE|REGION)$");
    private static final Pattern REFERENCE = Pattern.compile(
            "^(?:arn:|\\$\\{|\\$\\(|/|\\./|file:|ssm:|secretsmanager:|vault:|kms:|projects/|https?://[^:@/]+(?:/|$))");

    /** Shortest value the entropy rule considers; shorter values are too weak to judge. */
    static final int MIN_ENTROPY_LENGTH = 12;

    /** Bits per character from which a value under a secret-like name is taken for a secret. */
    static final double MIN_BITS_PER_CHAR = 3.0;

    private SecretScanner() {}

    /** The kind of secret {@code value} of variable {@code name} looks like, or empty. */
    public static Optional<SecretKind> scan(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (Rule rule : SHAPES) {
            if (rule.pattern.matcher(value).find() && !isPlaceholderPassword(rule, value)) {
                return Optional.of(rule.kind);
            }
        }
        String upper = name == null ? "" : name.toUpperCase(Locale.ROOT);
        if (AWS_SECRET_NAME.matcher(upper).find() && AWS_SECRET.matcher(value).find()) {
            return Optional.of(SecretKind.AWS_SECRET_ACCESS_KEY);
        }
        if (isSecretName(upper) && looksRandom(value)) {
            return Optional.of(SecretKind.PASSWORD_LIKE);
        }
        return Optional.empty();
    }

    /** Whether a variable name says it holds a secret ({@code DB_PASSWORD}, {@code STRIPE_API_KEY}). */
    static boolean isSecretName(String upperName) {
        return SECRET_NAME.matcher(upperName).find()
                && !NOT_SECRET_NAME.matcher(upperName).find();
    }

    /** Whether a value is long and random enough to be a secret rather than a word or a reference. */
    static boolean looksRandom(String value) {
        String trimmed = value.strip();
        if (trimmed.length() < MIN_ENTROPY_LENGTH || REFERENCE.matcher(trimmed).find()) {
            return false;
        }
        return bitsPerChar(trimmed) >= MIN_BITS_PER_CHAR;
    }

    /** Shannon entropy of the characters of {@code text}, in bits per character. */
    static double bitsPerChar(String text) {
        var counts = new java.util.HashMap<Integer, Integer>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = text.codePointCount(0, text.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /** {@code user:${DB_PASSWORD}@host} names a variable, not a password. */
    private static boolean isPlaceholderPassword(Rule rule, String value) {
        if (rule.kind != SecretKind.CONNECTION_STRING_PASSWORD) {
            return false;
        }
        var matcher = rule.pattern.matcher(value);
        if (!matcher.find()) {
            return false;
        }
        String password = matcher.group(1);
        return password.startsWith("${")
                || password.startsWith("$(")
                || password.equals("*****")
                || password.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X');
    }

    private record Rule(SecretKind kind, Pattern pattern) {
        Rule(SecretKind kind, String regex) {
            this(kind, Pattern.compile(regex));
        }
    }
}
