package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.loaders.ingest.IngestException;
import io.leeward.loaders.ingest.IngestReport.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The AWS CLI input layout")
class LayoutTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("recognises a file by its operation prefix and .json or .json.gz, with any suffix between")
    @CsvSource(nullValues = "none", textBlock = """
            ecs-describe-clusters.json,                         CLUSTERS
            ecs-describe-services-prod-page2.json,              SERVICES
            ecs-describe-tasks.json,                            TASKS
            ecs-describe-tasks-prod-page2.json,                 TASKS
            ecs-describe-tasks.json.gz,                         TASKS
            ecs-describe-task-definition-web-42.json,           TASK_DEFINITIONS
            ecs-describe-task-definition.json.gz,               TASK_DEFINITIONS
            ec2-describe-vpcs.json,                             VPCS
            ec2-describe-subnets_2024-05-02.json,               SUBNETS
            ec2-describe-security-groups.json,                  SECURITY_GROUPS
            ec2-describe-network-interfaces-page1.json.gz,      NETWORK_INTERFACES
            elbv2-describe-load-balancers.json,                 LOAD_BALANCERS
            elbv2-describe-target-groups-page2.json,            TARGET_GROUPS
            elbv2-describe-listeners-web-alb.json.gz,           LISTENERS
            elbv2-describe-rules.json,                          LISTENER_RULES
            elbv2-describe-target-health_web-tg_6d0ecf831eec9f09.json, TARGET_HEALTH
            ec2-describe-route-tables.json,                     ROUTE_TABLES
            ec2-describe-internet-gateways.json,                INTERNET_GATEWAYS
            ec2-describe-nat-gateways.json.gz,                  NAT_GATEWAYS
            ec2-describe-network-acls.json,                     NETWORK_ACLS
            ec2-describe-instances-page3.json,                  INSTANCES
            ecs-describe-container-instances-prod.json,         CONTAINER_INSTANCES
            elbv2-describe-ssl-policies.json,                   none
            ecs-list-tasks.json,                                none
            ecs-describe-tasks.txt,                             none
            ecs-describe-tasks.json.bak,                        none
            ecs-describe-tasks.gz,                              none
            describe-tasks.json,                                none
            ECS-DESCRIBE-TASKS.json,                            none
            """)
    void classifies(String name, FileKind kind) {
        assertThat(FileKind.of(name)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("reads the resource a file name carries after an underscore right after the operation")
    @CsvSource(nullValues = "none", textBlock = """
            ecs-describe-tasks_prod.json,                       prod
            ecs-describe-tasks_prod.json.gz,                    prod
            ecs-describe-tasks_orders.prod.eu.json,             orders.prod.eu
            ecs-describe-tasks-prod.json,                       none
            ecs-describe-tasks.json,                            none
            ecs-describe-tasks_.json,                           none
            elbv2-describe-target-health_web-tg_6d0ecf831eec9f09.json, web-tg_6d0ecf831eec9f09
            """)
    void resource(String name, String resource) {
        assertThat(FileKind.of(name).resourceOf(name)).isEqualTo(resource);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("accepts 12-digit account ids and region names only")
    @CsvSource({
        "111122223333, account",
        "11112222333, neither",
        "1111222233334, neither",
        "11112222333a, neither",
        "eu-west-1, region",
        "us-gov-west-1, region",
        "ap-southeast-2, region",
        "cn-north-1, region",
        "eu-west, neither",
        "EU-WEST-1, neither",
        "prod, neither"
    })
    void names(String name, String what) {
        assertThat(Layout.isAccount(name)).isEqualTo(what.equals("account"));
        assertThat(Layout.isRegion(name)).isEqualTo(what.equals("region"));
    }

    @Test
    @DisplayName(
            "lists every directory and file it does not read (hidden files aside), with the reason, and sorts what it reads")
    void skipped() throws IOException {
        Path region = Files.createDirectories(dir.resolve("111122223333/eu-west-1"));
        Files.writeString(region.resolve("ecs-describe-tasks-b.json"), "{}");
        Files.writeString(region.resolve("ecs-describe-tasks-a.json"), "{}");
        Files.writeString(region.resolve("ec2-describe-vpcs.json"), "{\"Vpcs\": []}");
        Files.writeString(region.resolve("ecs-list-tasks.json"), "{}");
        Files.writeString(region.resolve(".leeward-demo"), "generated");
        Files.createDirectories(region.resolve("old"));
        Files.createDirectories(dir.resolve("111122223333/prod"));
        Files.writeString(dir.resolve("111122223333/README.txt"), "x");
        Files.createDirectories(dir.resolve("prod/eu-west-1"));
        Files.writeString(dir.resolve("ecs-describe-tasks.json"), "{}");

        var layout = Layout.scan(dir);

        assertThat(layout.regions()).singleElement().satisfies(input -> {
            assertThat(input.account()).isEqualTo("111122223333");
            assertThat(input.region()).isEqualTo("eu-west-1");
            assertThat(input.files(FileKind.TASKS))
                    .extracting(Layout.InputFile::name)
                    .containsExactly(
                            "111122223333/eu-west-1/ecs-describe-tasks-a.json",
                            "111122223333/eu-west-1/ecs-describe-tasks-b.json");
            assertThat(input.has(FileKind.VPCS)).isTrue();
            assertThat(input.has(FileKind.SUBNETS)).isFalse();
        });
        assertThat(layout.totalBytes()).isEqualTo(2 + 2 + 12);
        assertThat(layout.skipped())
                .extracting(Skipped::path)
                .containsExactly(
                        "111122223333/README.txt",
                        "111122223333/eu-west-1/ecs-list-tasks.json",
                        "111122223333/eu-west-1/old/",
                        "111122223333/prod/",
                        "ecs-describe-tasks.json",
                        "prod/");
        assertThat(layout.skipped())
                .extracting(Skipped::reason)
                .containsExactly(
                        "not inside a region directory (expected DIR/111122223333/<region>/)",
                        "not a recognised file name; expected " + FileKind.expectedNames(),
                        "a directory inside a region directory; only files are read there",
                        "not an AWS region name (expected a directory such as eu-west-1, or global)",
                        "not inside an account directory (expected DIR/<12-digit account id>/<region>/)",
                        "not an AWS account id (expected a directory named by 12 digits)");
    }

    @Test
    @DisplayName("reads an account's global directory with no region, and keeps regional kinds out of it")
    void global() throws IOException {
        Path global = Files.createDirectories(dir.resolve("111122223333/global"));
        Files.writeString(global.resolve("ec2-describe-vpcs.json"), "{\"Vpcs\": []}");

        var layout = Layout.scan(dir);

        assertThat(layout.regions()).singleElement().satisfies(input -> {
            assertThat(input.isGlobal()).isTrue();
            assertThat(input.region()).isNull();
            assertThat(input.name()).isEqualTo("111122223333/global");
            assertThat(input.files()).isEmpty();
        });
        assertThat(layout.skipped())
                .singleElement()
                .satisfies(skipped -> assertThat(skipped.reason())
                        .isEqualTo(
                                "ec2-describe-vpcs describes a regional service; expected it in a region directory"));
    }

    @Test
    @DisplayName("refuses an input that is not a directory")
    void notADirectory() {
        assertThatThrownBy(() -> Layout.scan(dir.resolve("missing")))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("not a directory");
    }
}
