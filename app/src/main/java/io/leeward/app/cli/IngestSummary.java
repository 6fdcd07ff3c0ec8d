package io.leeward.app.cli;

import io.leeward.graph.store.SyncSummary;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.Rejection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints what a load did: per kind counts, what the graph received, rejections and skipped paths. */
final class IngestSummary {
    private static final int SHOWN_REJECTIONS = 20;

    private IngestSummary() {}

    static void print(PrintWriter out, IngestReport report) {
        SyncSummary sync = report.summary();
        double seconds = Math.max(
                0.001, Duration.between(sync.startedAt(), sync.finishedAt()).toMillis() / 1000.0);
        out.println(String.format(
                Locale.ROOT,
                "Loaded %,d records from %,d files in %.1f s; rejected %,d.",
                report.loaded(),
                report.files().size(),
                seconds,
                report.rejected()));
        var rows = new ArrayList<Map<String, Object>>();
        report.kinds().forEach((kind, counts) -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("kind", kind);
            row.put("loaded", counts.loaded());
            row.put("rejected", counts.rejected());
            rows.add(row);
        });
        Table.print(out, List.of("kind", "loaded", "rejected"), rows);
        long elements = sync.totalNodes() + sync.totalRelationships();
        out.println(String.format(
                Locale.ROOT,
                "Graph: %,d nodes and %,d relationships written (%,.0f elements/s), %,d stale elements removed.",
                sync.totalNodes(),
                sync.totalRelationships(),
                elements / seconds,
                sync.totalDeleted()));
        if (!sync.unresolved().isEmpty()) {
            out.println("Relationships not created because an end was not in the graph: " + sync.unresolved());
        }
        printIncomplete(out, sync);
        printRejections(out, report);
        report.skipped().forEach(s -> out.println("Skipped " + s.path() + ": " + s.reason()));
        out.flush();
    }

    private static void printIncomplete(PrintWriter out, SyncSummary sync) {
        for (SyncSummary.ScopeResult scope : sync.scopes()) {
            if (!scope.complete()) {
                out.println("Kept stale " + scope.scope().kind() + " of "
                        + scope.scope().account() + "/"
                        + (scope.scope().region() == null
                                ? "global"
                                : scope.scope().region()) + ": " + scope.reason());
            }
        }
    }

    private static void printRejections(PrintWriter out, IngestReport report) {
        if (!report.hasRejections()) {
            return;
        }
        out.println("Rejected:");
        List<Rejection> rejections = report.rejections();
        rejections.stream().limit(SHOWN_REJECTIONS).forEach(r -> out.println("  " + r.describe()));
        long more = rejections.size() - Math.min(SHOWN_REJECTIONS, rejections.size()) + report.rejectionsOmitted();
        if (more > 0) {
            out.println(String.format(Locale.ROOT, "  … and %,d more", more));
        }
    }
}
