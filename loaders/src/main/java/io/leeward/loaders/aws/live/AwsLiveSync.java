package io.leeward.loaders.aws.live;

import io.leeward.graph.store.Check;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.SyncRequest;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.aws.InventoryWriter;
import io.leeward.loaders.aws.live.Channel.Failed;
import io.leeward.loaders.aws.live.Channel.Page;
import io.leeward.loaders.aws.live.LiveSyncReport.AccountFailure;
import io.leeward.loaders.aws.live.LiveSyncReport.Failure;
import io.leeward.loaders.aws.live.LiveSyncReport.ScopeReport;
import io.leeward.loaders.aws.live.LiveSyncReport.SkippedRegion;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.IngestException;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.IngestReport.FileResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code leeward sync aws}: reads the inventory of AWS accounts and regions with the AWS SDK and loads
 * it exactly as {@code leeward ingest aws} loads the CLI's output of the same calls: each response
 * page becomes the CLI's JSON ({@link SdkJson}) and goes through the same file kinds, mappers and
 * scope rules ({@link InventoryWriter}), in one sync of source {@value AwsCliImport#SOURCE}.
 *
 * <p>Account-region pairs are fetched {@link LiveSyncOptions#parallelRegions()} at a time, every kind
 * on its own virtual thread, with at most {@link LiveSyncOptions#maxRequests()} requests in flight;
 * the calling thread is the one writer, taking each region's pages in the loader's order. A failed
 * call (access denied, a region not enabled, throttling after the SDK's retries) marks its kinds of
 * data incomplete in that account and region with the AWS error code, so that nothing of them is
 * deleted, and the sync goes on. See docs/sync.md.
 */
public final class AwsLiveSync {
    private final SyncRequest request;
    private final LiveSyncOptions options;
    private final Fingerprints fingerprints;

    private AwsLiveSync(SyncRequest request, LiveSyncOptions options, Fingerprints fingerprints) {
        this.request = request;
        this.options = options;
        this.fingerprints = fingerprints;
    }

    public static AwsLiveSync create(LiveSyncOptions options, Fingerprints fingerprints) {
        return create(SyncRequest.of(AwsCliImport.SOURCE), options, fingerprints);
    }

    /** A sync with its own store settings; the source must be {@value AwsCliImport#SOURCE}, as for the import. */
    public static AwsLiveSync create(SyncRequest request, LiveSyncOptions options, Fingerprints fingerprints) {
        Check.notNull(request, "request");
        Check.notNull(options, "options");
        Check.notNull(fingerprints, "fingerprints");
        Check.that(
                AwsCliImport.SOURCE.equals(request.source()),
                "the AWS live sync writes source " + AwsCliImport.SOURCE + ", not " + request.source());
        return new AwsLiveSync(request, options, fingerprints);
    }

    /** The fetchers in the loader's order; fails when a fetcher names an operation out of that order. */
    static List<Fetcher> fetchers() {
        List<String> order = InventoryWriter.operations();
        int last = -1;
        for (Fetcher fetcher : Fetcher.values()) {
            int index = order.indexOf(fetcher.operation());
            Check.that(index > last, fetcher.operation() + " is not in the loader's order of operations " + order);
            last = index;
        }
        return List.of(Fetcher.values());
    }

    /**
     * Reads every account and region and loads them in one sync.
     *
     * @throws IngestException when the caller's account cannot be found (no credentials, STS refused)
     * @throws io.leeward.graph.store.StoreException when the store fails; nothing is then deleted
     */
    public LiveSyncReport sync(GraphStore store) {
        Check.notNull(store, "store");
        long start = System.nanoTime();
        var fetchers = fetchers();
        var regionClients = new ArrayList<RegionClients>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try (var clients = new Clients(options)) {
            var plan = new Plan();
            for (String account : accounts(clients)) {
                plan.account(clients, account);
            }
            var fetches = new ArrayList<RegionFetch>();
            for (var pair : plan.pairs) {
                var scoped = new RegionClients(clients, pair.account(), pair.region());
                regionClients.add(scoped);
                boolean global = pair.region() == null;
                var theirs = fetchers.stream()
                        .filter(fetcher -> fetcher.isGlobal() == global)
                        .toList();
                fetches.add(new RegionFetch(pair.account(), pair.region(), scoped, executor, theirs));
            }
            var report = IngestReport.builder(AwsCliImport.SOURCE);
            var failures = new ArrayList<List<Failure>>();
            IngestReport ingest;
            try (var session = store.beginSync(request)) {
                var writer = new InventoryWriter(session, report, fingerprints);
                var window = new Semaphore(options.parallelRegions());
                executor.execute(() -> startInTurn(fetches, window));
                String account = null;
                for (RegionFetch fetch : fetches) {
                    if (!fetch.account().equals(account)) {
                        account = fetch.account();
                        writer.account(account);
                    }
                    failures.add(write(writer, fetch));
                    window.release();
                }
                ingest = report.build(session.complete());
            }
            return report(fetches, failures, plan, ingest, start);
        } finally {
            executor.shutdownNow();
            executor.close();
            regionClients.forEach(RegionClients::close);
        }
    }

    private List<String> accounts(Clients clients) {
        if (!options.accounts().isEmpty()) {
            return options.accounts();
        }
        if (options.organization()) {
            return organizationAccounts(clients);
        }
        try {
            return List.of(clients.callerAccount());
        } catch (AwsServiceException e) {
            throw new IngestException(
                    "Cannot find the caller's AWS account (STS GetCallerIdentity): "
                            + e.awsErrorDetails().errorCode() + ": "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        } catch (SdkException e) {
            throw new IngestException(
                    "Cannot find the caller's AWS account (STS GetCallerIdentity): " + e.getMessage(), e);
        }
    }

    /** The ACTIVE accounts of the caller's organization, in id order (Organizations ListAccounts). */
    private static List<String> organizationAccounts(Clients clients) {
        try {
            return clients
                    .callerOrganizations(new java.util.concurrent.atomic.AtomicLong())
                    .all("ListAccounts", tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "Accounts")
                    .stream()
                    .filter(account -> "ACTIVE".equals(account.path("Status").asString("ACTIVE")))
                    .map(account -> account.path("Id").asString())
                    .sorted()
                    .toList();
        } catch (AwsServiceException e) {
            throw new IngestException(
                    "Cannot list the organization's accounts (Organizations ListAccounts): "
                            + (e.awsErrorDetails() == null
                                    ? e.getMessage()
                                    : e.awsErrorDetails().errorCode() + ": "
                                            + e.awsErrorDetails().errorMessage()),
                    e);
        } catch (SdkException e) {
            throw new IngestException(
                    "Cannot list the organization's accounts (Organizations ListAccounts): " + e.getMessage(), e);
        }
    }

    /** Starts each region's fetch once the writer is at most {@code window} regions behind. */
    private static void startInTurn(List<RegionFetch> fetches, Semaphore window) {
        for (RegionFetch fetch : fetches) {
            try {
                window.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            fetch.start();
        }
    }

    /** Feeds one region's pages to the loader, kind by kind in its order; returns what failed. */
    private static List<Failure> write(InventoryWriter writer, RegionFetch fetch) {
        Set<String> operations = new LinkedHashSet<>();
        fetch.fetchers().forEach(fetcher -> operations.add(fetcher.operation()));
        var region = writer.region(fetch.account(), fetch.region(), fetch.name(), operations);
        var failures = new ArrayList<Failure>();
        for (Fetcher fetcher : fetch.fetchers()) {
            Channel channel = fetch.channel(fetcher);
            var held = new ArrayList<Page>();
            boolean ended = true;
            for (var item = channel.take(); !(item instanceof Channel.End); item = channel.take()) {
                if (item instanceof Page page && !fetcher.names().isEmpty()) {
                    held.add(page);
                } else if (item instanceof Page page) {
                    region.page(fetcher.operation(), page.name(), page.resource(), page.document());
                } else if (item instanceof Failed failed) {
                    region.failed(fetcher.operation(), fetcher.operation() + ": " + failed.describe());
                    failures.add(new Failure(fetcher.operation(), failed.code(), failed.message()));
                    ended = false;
                    break;
                }
            }
            if (ended && !held.isEmpty()) {
                // the per-resource pages to come, named after what this listing published
                for (Fetcher detail : fetcher.names()) {
                    if (fetch.fetchers().contains(detail)) {
                        fetch.await(fetcher).forEach(resource -> region.named(detail.operation(), resource));
                    }
                }
            }
            held.forEach(page -> region.page(fetcher.operation(), page.name(), page.resource(), page.document()));
        }
        region.finish();
        return failures;
    }

    private LiveSyncReport report(
            List<RegionFetch> fetches, List<List<Failure>> failures, Plan plan, IngestReport ingest, long start) {
        var scopes = new ArrayList<ScopeReport>();
        long requests = 0;
        for (int i = 0; i < fetches.size(); i++) {
            RegionFetch fetch = fetches.get(i);
            for (Service service : fetch.services()) {
                String prefix = fetch.name() + "/";
                long pages = 0;
                long records = 0;
                long rejected = 0;
                for (FileResult page : ingest.files()) {
                    if (page.file().startsWith(prefix)
                            && service.names(page.file().substring(prefix.length()))) {
                        pages++;
                        records += page.loaded();
                        rejected += page.rejected();
                    }
                }
                var failed = failures.get(i).stream()
                        .filter(failure -> service.names(failure.operation()))
                        .toList();
                long calls = fetch.clients().requests(service);
                requests += calls;
                scopes.add(new ScopeReport(
                        fetch.account(),
                        fetch.regionName(),
                        service.cliName(),
                        pages,
                        records,
                        rejected,
                        calls,
                        Duration.ofNanos(fetch.nanos(service)),
                        failed));
            }
        }
        return new LiveSyncReport(
                scopes,
                plan.skipped,
                plan.accountFailures,
                ingest,
                requests,
                options.maxRequests(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The account-region pairs to read, the regions skipped and the accounts that failed. */
    private final class Plan {
        private final List<Pair> pairs = new ArrayList<>();
        private final List<SkippedRegion> skipped = new ArrayList<>();
        private final List<AccountFailure> accountFailures = new ArrayList<>();

        void account(Clients clients, String account) {
            if (!options.regions().isEmpty()) {
                options.regions().forEach(region -> pairs.add(new Pair(account, region)));
                pairs.add(new Pair(account, null));
                return;
            }
            Map<String, String> regions;
            try {
                regions = clients.regions(account);
            } catch (AwsServiceException e) {
                String code = e.awsErrorDetails() == null
                        ? "HTTP " + e.statusCode()
                        : e.awsErrorDetails().errorCode();
                String message = e.awsErrorDetails() == null
                        ? e.getMessage()
                        : e.awsErrorDetails().errorMessage();
                accountFailures.add(new AccountFailure(account, code, "ec2 describe-regions: " + message));
                return;
            } catch (SdkException e) {
                accountFailures.add(new AccountFailure(
                        account, e.getClass().getSimpleName(), "ec2 describe-regions: " + e.getMessage()));
                return;
            }
            regions.forEach((region, optIn) -> {
                if ("not-opted-in".equals(optIn)) {
                    skipped.add(new SkippedRegion(account, region, "not opted in"));
                } else {
                    pairs.add(new Pair(account, region));
                }
            });
            // the global services last, as the offline import reads DIR/<account>/global/
            pairs.add(new Pair(account, null));
        }
    }

    /** An account and region; a null region for the account's global services. */
    private record Pair(String account, String region) {}
}
