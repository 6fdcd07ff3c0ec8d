package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithNeo4j
@DisplayName("Secrets in task definition environment variables")
class SecretsInEnvironmentTest extends CliImportTestSupport {
    private static final String WORKER = "arn:aws:ecs:eu-west-1:111122223333:task-definition/worker:7#worker";
    private static final List<String> PLANTED = List.of(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "q8Vt2mZr7KpX4wLc9NbH3sJd",
            "Sup3rS3cretValue");

    @Override
    String fixture() {
        return "/aws/cli";
    }

    @Test
    @DisplayName("each variable whose value looks like a secret becomes a finding on its container definition")
    void findings() {
        load();

        var findings = rows("""
                MATCH (f:Finding)-[:ON]->(d:ContainerDefinition)
                RETURN d.id AS container, f.variable AS variable, f.secretKind AS kind, f.severity AS severity,
                       f.check AS check, f.controls AS controls, f.fingerprint AS fingerprint
                ORDER BY container, variable""");
        assertThat(findings)
                .extracting(row -> row.get("variable") + " " + row.get("kind") + " " + row.get("severity"))
                .containsExactly(
                        "DATABASE_URL connection-string-password high",
                        "AWS_ACCESS_KEY_ID aws-access-key-id critical",
                        "AWS_SECRET_ACCESS_KEY aws-secret-access-key critical",
                        "PAYMENTS_API_TOKEN password-like high");
        assertThat(findings).allSatisfy(row -> {
            assertThat(row.get("check")).isEqualTo("ecs-secret-in-environment");
            assertThat(row.get("controls")).isEqualTo(List.of("AWS-FSBP ECS.8"));
        });
        assertThat(findings.get(1).get("container")).isEqualTo(WORKER);
        assertThat(findings.get(1).get("fingerprint")).isEqualTo(FINGERPRINTS.of("AKIAIOSFODNN7EXAMPLE"));
        assertThat(rows("MATCH (d:ContainerDefinition {id: '" + WORKER + "'}) RETURN d.environmentSecretNames AS names")
                        .getFirst()
                        .get("names"))
                .isEqualTo(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "PAYMENTS_API_TOKEN"));
    }

    @Test
    @DisplayName("no planted secret value appears anywhere in the store, twice loaded")
    void noValues() {
        load();
        load();

        String dump = CanonicalDump.of(store);
        for (String value : PLANTED) {
            assertThat(dump).doesNotContain(value);
        }
        assertThat(dump).contains("AWS_ACCESS_KEY_ID", "hmac-sha256:");
    }

    @Test
    @DisplayName("a finding goes away with the variable on the next complete load")
    void resolved() throws IOException {
        load();
        Path worker = input.resolve("111122223333/eu-west-1/ecs-describe-task-definition-worker-7.json");
        Files.writeString(worker, Files.readString(worker).replace("AKIAIOSFODNN7EXAMPLE", "not-a-key"));

        load();

        assertThat(rows("MATCH (f:Finding) RETURN f.variable AS variable ORDER BY variable"))
                .extracting(row -> row.get("variable"))
                .containsExactly("AWS_SECRET_ACCESS_KEY", "DATABASE_URL", "PAYMENTS_API_TOKEN");
    }
}
