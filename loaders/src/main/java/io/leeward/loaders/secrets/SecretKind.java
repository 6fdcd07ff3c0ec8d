package io.leeward.loaders.secrets;

/**
 * The kinds of secret {@link SecretScanner} recognises, each with the severity of finding one in
 * plain text and a title for findings.
 */
public enum SecretKind {
    AWS_ACCESS_KEY_ID("critical", "AWS access key id"),
    AWS_SECRET_ACCESS_KEY("critical", "AWS secret access key"),
    PRIVATE_KEY("critical", "private key"),
    GITHUB_TOKEN("high", "GitHub token"),
    GITLAB_TOKEN("high", "GitLab token"),
    SLACK_TOKEN("high", "Slack token"),
    STRIPE_KEY("high", "Stripe secret key"),
    GOOGLE_API_KEY("high", "Google API key"),
    NPM_TOKEN("high", "npm access token"),
    JSON_WEB_TOKEN("high", "JSON web token"),
    CONNECTION_STRING_PASSWORD("high", "password in a connection string"),
    /** A random value under a password-like variable name. */
    PASSWORD_LIKE("high", "secret");

    private final String severity;
    private final String title;

    SecretKind(String severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    /** {@code critical} or {@code high}. */
    public String severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    /** The id written on findings, e.g. {@code aws-access-key-id}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
