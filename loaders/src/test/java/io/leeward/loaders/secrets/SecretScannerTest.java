package io.leeward.loaders.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Recognising secrets in named values")
class SecretScannerTest {
    @ParameterizedTest(name = "{0}={1} -> {2}")
    @DisplayName("recognises provider token shapes whatever the variable is called")
    @CsvSource(delimiter = '|', textBlock = """
            KEY_ID            | AKIAIOSFODNN7EXAMPLE                                                         | AWS_ACCESS_KEY_ID
            CREDS             | id=ASIAY34FZKBOKMUTVV7A;                                                     | AWS_ACCESS_KEY_ID
            AWS_SECRET_ACCESS_KEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY                                 | AWS_SECRET_ACCESS_KEY
            TLS_KEY           | -----BEGIN RSA PRIVATE KEY-----\\nMIIEow...                                   | PRIVATE_KEY
            SSH               | -----BEGIN OPENSSH PRIVATE KEY-----                                          | PRIVATE_KEY
            SIGNER            | -----BEGIN PRIVATE KEY-----                                                  | PRIVATE_KEY
            GH                | ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R                                     | GITHUB_TOKEN
            GL                | glpat-xY3kP9mQ2rT7vW1zB5nC                                                   | GITLAB_TOKEN
            SLACK_HOOK_AUTH   | xoxb-2048376501-4096385720-AbCdEfGhIjKlMnOpQrSt                              | SLACK_TOKEN
            PAYMENTS          | sk_live_51HcQ2bE4aGx9TzR8kLmN0pQr                                            | STRIPE_KEY
            MAPS              | AIzaSyD3hR7k9mQ2xT5vW8zB1nC4fG6jL0pS3uY                                      | GOOGLE_API_KEY
            NPMRC             | npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8                                     | NPM_TOKEN
            SESSION           | eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk | JSON_WEB_TOKEN
            DATABASE_URL      | postgres://app:Sup3rS3cretValue@db.internal:5432/app                         | CONNECTION_STRING_PASSWORD
            AMQP              | amqps://orders:pa55w0rd@mq.internal/vhost                                    | CONNECTION_STRING_PASSWORD
            """)
    void shapes(String name, String value, SecretKind kind) {
        assertThat(SecretScanner.scan(name, value)).contains(kind);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @DisplayName(
            "takes a random value under a secret-like name for a secret, but not words, references or non-secret names")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            DB_PASSWORD            | q8Vt2mZr7KpX4wLc9NbH3sJd                   | PASSWORD_LIKE
            PAYMENTS_API_TOKEN     | 7c1e9a2f4b6d8e0a3c5f7b9d1e2a4c6f          | PASSWORD_LIKE
            oauth_client_secret    | Zk4-pW9_rT2.mX7qL5sN                       | PASSWORD_LIKE
            SESSION_SIGNING_KEY    | hR3fT8kW2mQ9vX5zB7nC1pL4                   | PASSWORD_LIKE
            DB_PASSWORD            | changeme                                   | none
            DB_PASSWORD            | password                                   | none
            DB_PASSWORD_FILE       | /run/secrets/db-password-q8Vt2mZr7K        | none
            DB_PASSWORD            | arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf | none
            DB_PASSWORD            | ${DB_PASSWORD_FROM_VAULT}                  | none
            TOKEN_URL              | https://auth.example.com/oauth2/token      | none
            SECRET_NAME            | prod/payments/stripe-key-2024              | none
            API_KEY_HEADER         | X-Api-Key-For-Partner-Calls                | none
            BUILD_SHA              | 4f9c2e1a7b3d5f8e0c6a9b2d4e7f1a3c5b8d0e2f   | none
            LOG_LEVEL              | info                                       | none
            QUEUE_URL              | https://sqs.eu-west-1.amazonaws.com/111122223333/orders-queue-7f3a | none
            DATABASE_URL           | postgres://app:${DB_PASSWORD}@db.internal:5432/app | none
            DATABASE_URL           | postgres://db.internal:5432/app            | none
            SPRING_PROFILES_ACTIVE | eu-production-blue                         | none
            """)
    void names(String name, String value, SecretKind kind) {
        assertThat(SecretScanner.scan(name, value).orElse(null)).isEqualTo(kind);
    }

    @Test
    @DisplayName("measures entropy in bits per character")
    void entropy() {
        assertThat(SecretScanner.bitsPerChar("aaaa")).isZero();
        assertThat(SecretScanner.bitsPerChar("abab")).isEqualTo(1.0);
        assertThat(SecretScanner.bitsPerChar("abcdefgh")).isEqualTo(3.0);
    }

    @Test
    @DisplayName("finds nothing in an empty or absent value")
    void empty() {
        assertThat(SecretScanner.scan("DB_PASSWORD", null)).isEmpty();
        assertThat(SecretScanner.scan("DB_PASSWORD", "  ")).isEmpty();
    }

    @Test
    @DisplayName("gives each kind a stable id and a severity")
    void kinds() {
        assertThat(SecretKind.AWS_ACCESS_KEY_ID.id()).isEqualTo("aws-access-key-id");
        assertThat(SecretKind.PRIVATE_KEY.severity()).isEqualTo("critical");
        assertThat(SecretKind.PASSWORD_LIKE.severity()).isEqualTo("high");
    }
}
