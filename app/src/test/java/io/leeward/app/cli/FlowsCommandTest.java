package io.leeward.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("leeward ingest flows")
class FlowsCommandTest {
    @Test
    @DisplayName("exits 2 when a path does not exist, before opening the graph")
    void missingPath(@TempDir Path home) {
        var cli = Cli.run(
                "--home",
                home.toString(),
                "ingest",
                "flows",
                home.resolve("nowhere").toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("no such file or directory: " + home.resolve("nowhere"));
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName(
            "reads a directory, reports per file and exits 1 with the rejected lines printed; a second run skips it")
    void loadsAndReports(@TempDir Path home) throws IOException {
        Path logs = Files.createDirectories(home.resolve("logs/2025/12/01"));
        Files.writeString(logs.resolve("eni-1.log"), """
                version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
                2 111122223333 eni-1 10.0.1.5 203.0.113.7 43000 443 6 10 840 1764583260 1764583320 ACCEPT OK
                2 111122223333 eni-1 - - - - - - - 1764583260 1764583320 - NODATA
                2 111122223333 eni-1 10.0.1.5 203.0.113.7 43000 443 6 ten 840 1764583260 1764583320 ACCEPT OK
                """);

        var cli = Cli.run(
                "--home",
                home.toString(),
                "ingest",
                "flows",
                home.resolve("logs").toString());

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.DATA_ERRORS);
        assertThat(cli.out())
                .contains("Read 2 flow records from 1 files")
                .contains("loaded")
                .contains("1/0")
                .contains(logs.resolve("eni-1.log") + ":4:55: packets: expected a whole number, got \"ten\"");

        var again = Cli.run(
                "--home",
                home.toString(),
                "ingest",
                "flows",
                home.resolve("logs").toString());
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("already loaded");
    }
}
