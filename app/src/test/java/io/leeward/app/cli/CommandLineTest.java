package io.leeward.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a database: help, usage errors and their exit codes. */
@DisplayName("The leeward command line")
class CommandLineTest {

    @Test
    @DisplayName("lists its commands and the exit codes in its help")
    void help() {
        var cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("serve", "demo", "ingest", "query", "status", "bench", "Exit codes: 0 ok, 1 data errors");
    }

    @Test
    @DisplayName("exits 2 on an unknown option, without starting anything")
    void unknownOption() {
        var cli = Cli.run("--bogus");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    @DisplayName("exits 2 when a command that needs a subcommand gets none")
    void missingSubcommand() {
        var cli = Cli.run("ingest");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Missing required subcommand").contains("aws");
    }

    @Test
    @DisplayName("lists the query catalog with parameters")
    void listsQueries() {
        var cli = Cli.run("query", "--list");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("status.label-counts", "status.sync-runs", "limit?", "inventory.workloads");
    }

    @Test
    @DisplayName("exits 2 when a query is given neither as Cypher nor by name, or both")
    void queryNeedsOne() {
        assertThat(Cli.run("query").exitCode()).isEqualTo(ExitCodes.USAGE);
        var both = Cli.run("query", "RETURN 1", "--name", "status.sync-runs");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("give either CYPHER or --name NAME");
    }

    @Test
    @DisplayName("exits 2 on an unknown named query or a parameter of the wrong type, before opening the graph")
    void badNamedQuery(@TempDir Path home) {
        var unknown = Cli.run("--home", home.toString(), "query", "--name", "no.such-query");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no query named no.such-query");

        var typed = Cli.run("--home", home.toString(), "query", "--name", "status.sync-runs", "-p", "limit=many");
        assertThat(typed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typed.err()).contains("parameter limit of status.sync-runs must be a whole number, was many");
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName("exits 2 when the directory to ingest does not exist")
    void ingestMissingDirectory(@TempDir Path home) {
        var cli = Cli.run(
                "--home",
                home.toString(),
                "ingest",
                "aws",
                home.resolve("nowhere").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("not a directory");
    }

    @Test
    @DisplayName("exits 2 when an IAM file to ingest does not exist")
    void ingestIamMissingFile(@TempDir Path home) {
        var cli = Cli.run(
                "--home",
                home.toString(),
                "ingest",
                "iam",
                home.resolve("gaad.json").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("not a file: " + home.resolve("gaad.json"));
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName("exits 2, before opening the graph, when the ARNs of an IAM file name several accounts")
    void ingestIamAccountsDisagree(@TempDir Path home) throws IOException {
        Path file = Files.writeString(home.resolve("gaad.json"), """
                {"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::111122223333:user/a"}],
                 "RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::444455556666:role/r"}],
                 "IsTruncated": false}
                """);

        var cli = Cli.run("--home", home.toString(), "ingest", "iam", file.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err())
                .contains("Cannot tell the account of " + file
                        + ": its ARNs name several accounts (111122223333, 444455556666); load each account's files"
                        + " separately, or pass --account");
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName("exits 2 when --account is not a 12-digit id")
    void ingestIamBadAccount(@TempDir Path home) throws IOException {
        Path file = Files.writeString(home.resolve("gaad.json"), "{\"UserDetailList\": []}");

        var cli = Cli.run("--home", home.toString(), "ingest", "iam", "--account", "prod", file.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--account must be a 12-digit account id, was prod");
    }
}
