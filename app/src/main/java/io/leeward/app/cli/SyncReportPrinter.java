package io.leeward.app.cli;

import io.leeward.loaders.aws.live.LiveSyncReport;
import io.leeward.loaders.aws.live.LiveSyncReport.ScopeReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the sync report of {@code sync aws}: one line per account, region and service (status,
 * pages, records, requests, seconds), then every failure with its AWS error code, the regions
 * skipped and the accounts that failed.
 */
final class SyncReportPrinter {
    private SyncReportPrinter() {}

    static void print(PrintWriter out, LiveSyncReport report) {
        double seconds = Math.max(0.001, report.duration().toMillis() / 1000.0);
        long failed =
                report.scopes().stream().filter(scope -> !scope.complete()).count();
        out.println(String.format(
                Locale.ROOT,
                "Synced %,d scopes (%,d incomplete) in %.1f s: %,d requests (%,.0f/s, at most %d in flight), %,d records.",
                report.scopes().size(),
                failed,
                seconds,
                report.requests(),
                report.requests() / seconds,
                report.maxRequests(),
                report.records()));
        var rows = new ArrayList<Map<String, Object>>();
        for (ScopeReport scope : report.scopes()) {
            var row = new LinkedHashMap<String, Object>();
            row.put("account", scope.account());
            row.put("region", scope.region());
            row.put("service", scope.service());
            row.put("status", scope.status());
            row.put("pages", scope.pages());
            row.put("records", scope.records());
            row.put("requests", scope.requests());
            row.put(
                    "seconds",
                    String.format(Locale.ROOT, "%.1f", scope.duration().toMillis() / 1000.0));
            row.put(
                    "errors",
                    String.join(
                            ",",
                            scope.failures().stream()
                                    .map(f -> f.code())
                                    .distinct()
                                    .toList()));
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            Table.print(out, List.copyOf(rows.getFirst().keySet()), rows);
        }
        for (ScopeReport scope : report.scopes()) {
            scope.failures()
                    .forEach(failure -> out.println("Failed " + scope.account() + "/" + scope.region() + " "
                            + failure.operation() + ": " + failure.code() + ": " + failure.message()));
        }
        report.skipped().forEach(s -> out.println("Skipped " + s.account() + "/" + s.region() + ": " + s.reason()));
        report.accountFailures()
                .forEach(a -> out.println("Failed account " + a.account() + ": " + a.code() + ": " + a.message()));
        out.flush();
    }
}
