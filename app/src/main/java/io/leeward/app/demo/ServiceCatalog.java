package io.leeward.app.demo;

import io.leeward.app.demo.CliJson.NameValue;
import java.util.List;

/**
 * The services of one stack of the demo account (a web cluster behind an internet-facing ALB and
 * an internal cluster) and the risks planted in the first stack. Each further stack repeats the
 * catalog without the plants.
 */
final class ServiceCatalog {
    private ServiceCatalog() {}

    enum Tier {
        /** In the {@code -web} cluster, registered with the internet-facing ALB. */
        WEB,
        /** In the {@code -internal} cluster, reachable only from other services' groups. */
        INTERNAL
    }

    /** How a service's recently stopped task ended; {@code NONE} when it has none. */
    enum Stop {
        NONE,
        /** Replaced by a deployment; its private IP was reused by a later task. */
        REPLACED_IP_REUSED,
        /** Replaced by a deployment. */
        REPLACED,
        /** Its essential container exited. */
        CONTAINER_EXITED
    }

    enum SecretStore {
        SECRETS_MANAGER,
        SSM
    }

    /** A secret referenced the right way: {@code secrets[].valueFrom}. */
    record SecretSpec(String name, SecretStore store, String path, String jsonKey) {}

    /** Risks planted when the service is in the first stack. */
    record Plants(
            boolean publicIp,
            boolean executeCommand,
            boolean rootWritable,
            boolean wideOpenGroup,
            List<String> plaintextSecrets) {
        static final Plants NONE = new Plants(false, false, false, false, List.of());

        Plants {
            plaintextSecrets = List.copyOf(plaintextSecrets);
        }
    }

    record ServiceSpec(
            String name,
            Tier tier,
            String team,
            int port,
            String image,
            boolean ecr,
            String version,
            int cpu,
            int memory,
            int minTasks,
            int maxTasks,
            boolean healthCheck,
            boolean otelSidecar,
            List<NameValue> environment,
            List<SecretSpec> secrets,
            List<String> allowFrom,
            Stop stop,
            Plants plants) {
        ServiceSpec {
            environment = List.copyOf(environment);
            secrets = List.copyOf(secrets);
            allowFrom = List.copyOf(allowFrom);
        }

        boolean behindAlb() {
            return tier == Tier.WEB;
        }
    }

    private static NameValue env(String name, String value) {
        return new NameValue(name, value);
    }

    private static SecretSpec sm(String name, String path, String jsonKey) {
        return new SecretSpec(name, SecretStore.SECRETS_MANAGER, path, jsonKey);
    }

    private static SecretSpec ssm(String name, String path) {
        return new SecretSpec(name, SecretStore.SSM, path, null);
    }

    static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec(
                    "storefront",
                    Tier.WEB,
                    "shop",
                    8080,
                    "storefront",
                    true,
                    "2.14.1",
                    1024,
                    2048,
                    2,
                    4,
                    true,
                    true,
                    List.of(env("SPRING_PROFILES_ACTIVE", "prod"), env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75")),
                    List.of(ssm("SESSION_SIGNING_KEY", "session-signing-key")),
                    List.of(),
                    Stop.REPLACED_IP_REUSED,
                    Plants.NONE),
            new ServiceSpec(
                    "api-gateway",
                    Tier.WEB,
                    "platform",
                    8080,
                    "api-gateway",
                    true,
                    "5.3.0",
                    512,
                    1024,
                    2,
                    3,
                    true,
                    true,
                    List.of(env("UPSTREAM_TIMEOUT_MS", "3000"), env("LOG_LEVEL", "info")),
                    List.of(sm("JWT_SIGNING_KEY", "jwt", "signingKey")),
                    List.of(),
                    Stop.REPLACED,
                    Plants.NONE),
            new ServiceSpec(
                    "checkout",
                    Tier.WEB,
                    "shop",
                    8080,
                    "checkout",
                    true,
                    "1.42.7",
                    512,
                    1024,
                    1,
                    3,
                    true,
                    false,
                    List.of(env("SPRING_PROFILES_ACTIVE", "prod"), env("DB_HOST", "checkout.cluster-internal.rds")),
                    List.of(sm("DB_PASSWORD", "checkout-db", "password"), sm("DB_USERNAME", "checkout-db", "username")),
                    List.of(),
                    Stop.NONE,
                    Plants.NONE),
            new ServiceSpec(
                    "search",
                    Tier.WEB,
                    "discovery",
                    8080,
                    "search",
                    true,
                    "0.9.12",
                    512,
                    2048,
                    1,
                    3,
                    false,
                    false,
                    List.of(env("INDEX_NAME", "products-v7")),
                    List.of(ssm("OPENSEARCH_API_KEY", "opensearch-api-key")),
                    List.of(),
                    Stop.NONE,
                    Plants.NONE),
            new ServiceSpec(
                    "marketing-cms",
                    Tier.WEB,
                    "marketing",
                    80,
                    "wordpress",
                    false,
                    "6.6.2-php8.2-apache",
                    512,
                    1024,
                    1,
                    2,
                    false,
                    false,
                    List.of(env("WORDPRESS_DB_HOST", "cms-db.internal:3306"), env("WORDPRESS_DB_USER", "wordpress")),
                    List.of(),
                    List.of(),
                    Stop.NONE,
                    new Plants(true, false, true, false, List.of("WORDPRESS_DB_PASSWORD"))),
            new ServiceSpec(
                    "payments",
                    Tier.INTERNAL,
                    "payments",
                    8443,
                    "payments",
                    true,
                    "3.8.0",
                    1024,
                    2048,
                    2,
                    3,
                    false,
                    true,
                    List.of(env("SPRING_PROFILES_ACTIVE", "prod")),
                    List.of(
                            sm("PSP_API_KEY", "psp", "apiKey"),
                            sm("DB_PASSWORD", "payments-db", "password"),
                            ssm("FEATURE_FLAGS", "feature-flags")),
                    List.of("checkout", "api-gateway"),
                    Stop.REPLACED_IP_REUSED,
                    Plants.NONE),
            new ServiceSpec(
                    "orders-worker",
                    Tier.INTERNAL,
                    "shop",
                    0,
                    "orders-worker",
                    true,
                    "4.1.3",
                    512,
                    1024,
                    2,
                    4,
                    false,
                    false,
                    List.of(env("QUEUE_NAME", "orders"), env("BATCH_SIZE", "25")),
                    List.of(ssm("QUEUE_URL", "queue-url"), sm("DB_PASSWORD", "orders-db", "password")),
                    List.of(),
                    Stop.CONTAINER_EXITED,
                    new Plants(false, true, false, false, List.of())),
            new ServiceSpec(
                    "inventory",
                    Tier.INTERNAL,
                    "supply",
                    8080,
                    "inventory",
                    true,
                    "7.0.4",
                    512,
                    1024,
                    1,
                    3,
                    false,
                    false,
                    List.of(env("CACHE_TTL_SECONDS", "60")),
                    List.of(sm("DB_PASSWORD", "inventory-db", "password")),
                    List.of("storefront", "api-gateway"),
                    Stop.NONE,
                    Plants.NONE),
            new ServiceSpec(
                    "notifications",
                    Tier.INTERNAL,
                    "platform",
                    8080,
                    "notifications",
                    true,
                    "1.3.9",
                    256,
                    512,
                    1,
                    2,
                    false,
                    false,
                    List.of(env("SMTP_HOST", "email-smtp.eu-west-1.amazonaws.com")),
                    List.of(sm("SMTP_PASSWORD", "smtp", "password")),
                    List.of("orders-worker"),
                    Stop.NONE,
                    Plants.NONE),
            new ServiceSpec(
                    "legacy-reports",
                    Tier.INTERNAL,
                    "finance",
                    8080,
                    "legacy-reports",
                    true,
                    "2019.4.2",
                    512,
                    1024,
                    1,
                    1,
                    false,
                    false,
                    List.of(env("REPORTS_DB_HOST", "reports-db.internal")),
                    List.of(),
                    List.of("api-gateway"),
                    Stop.NONE,
                    new Plants(true, false, false, true, List.of("DB_PASSWORD", "REPORTS_API_TOKEN"))));

    /** Team-like names for the stacks beyond the first ({@code prod}); numbered once they run out. */
    private static final List<String> UNITS = List.of(
            "prod", "shop", "media", "billing", "partner", "mobile", "data", "labs", "growth", "travel", "health",
            "games");

    static String unit(int stack) {
        return stack < UNITS.size() ? UNITS.get(stack) : "unit" + (stack + 1);
    }
}
