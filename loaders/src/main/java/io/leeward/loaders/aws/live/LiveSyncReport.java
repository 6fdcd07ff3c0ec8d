package io.leeward.loaders.aws.live;

import io.leeward.graph.store.Check;
import io.leeward.loaders.ingest.IngestReport;
import java.time.Duration;
import java.util.List;

/**
 * What one live sync did: per account, region and service whether it was read completely, with its
 * pages, records, requests and wall time, and the AWS error codes of what failed; the regions
 * skipped (not opted in) and the accounts that could not be read at all; the records per kind and
 * the store's summary ({@link #ingest()}). The CLI exits 1 when {@link #failed()}.
 */
public record LiveSyncReport(
        List<ScopeReport> scopes,
        List<SkippedRegion> skipped,
        List<AccountFailure> accountFailures,
        IngestReport ingest,
        long requests,
        int maxRequests,
        Duration duration) {

    public LiveSyncReport {
        scopes = List.copyOf(scopes);
        skipped = List.copyOf(skipped);
        accountFailures = List.copyOf(accountFailures);
        Check.notNull(ingest, "ingest");
        Check.notNull(duration, "duration");
    }

    /** Whether any scope or account failed, or any record was rejected. */
    public boolean failed() {
        return !accountFailures.isEmpty() || scopes.stream().anyMatch(scope -> !scope.complete());
    }

    /** The records loaded, all kinds together. */
    public long records() {
        return ingest.loaded();
    }

    /**
     * One service in one account and region: {@code complete} when every call succeeded and no record
     * was rejected (only then is its stale data removed).
     */
    public record ScopeReport(
            String account,
            String region,
            String service,
            long pages,
            long records,
            long rejected,
            long requests,
            Duration duration,
            List<Failure> failures) {
        public ScopeReport {
            failures = List.copyOf(failures);
        }

        public boolean complete() {
            return failures.isEmpty() && rejected == 0;
        }

        /** {@code ok}, {@code failed} (a call failed) or {@code rejections} (records were rejected). */
        public String status() {
            return !failures.isEmpty() ? "failed" : rejected > 0 ? "rejections" : "ok";
        }
    }

    /** An operation that could not be read completely: the AWS error code and message, never a secret. */
    public record Failure(String operation, String code, String message) {}

    /** A region not read, and why (not opted in). */
    public record SkippedRegion(String account, String region, String reason) {}

    /** An account none of whose regions could be read (the role could not be assumed, regions not listed). */
    public record AccountFailure(String account, String code, String message) {}
}
