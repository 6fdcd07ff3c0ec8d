package io.leeward.loaders.aws.live;

import io.leeward.loaders.aws.live.Channel.Failed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The fetch of one account and region: every fetcher on its own virtual thread, each writing to its
 * own {@link Channel}; the keys fetchers publish for one another; and per service when the first
 * fetcher started and the last one ended. A failed fetcher fails its channel with the AWS error
 * code, and the fetchers that wait for its keys fail naming it; the other fetchers go on.
 */
final class RegionFetch {
    private final String account;
    private final String region;
    private final RegionClients clients;
    private final ExecutorService executor;
    private final List<Fetcher> fetchers;
    private final Map<Fetcher, Channel> channels = new EnumMap<>(Fetcher.class);
    private final Map<Fetcher, CompletableFuture<List<String>>> published = new EnumMap<>(Fetcher.class);
    private final Map<Service, long[]> times = new EnumMap<>(Service.class);

    RegionFetch(
            String account, String region, RegionClients clients, ExecutorService executor, List<Fetcher> fetchers) {
        this.account = account;
        this.region = region;
        this.clients = clients;
        this.executor = executor;
        this.fetchers = List.copyOf(fetchers);
        for (Fetcher fetcher : Fetcher.values()) {
            channels.put(fetcher, new Channel());
            published.put(fetcher, new CompletableFuture<>());
        }
    }

    String account() {
        return account;
    }

    /** Null for the account's global services (IAM, S3, Organizations). */
    String region() {
        return region;
    }

    /** The region as reports name it: {@code global} for the global services. */
    String regionName() {
        return region == null ? "global" : region;
    }

    /** {@code live:<account>/<region>} or {@code live:<account>/global}: how reasons and page names start. */
    String name() {
        return "live:" + account + "/" + regionName();
    }

    RegionClients clients() {
        return clients;
    }

    ExecutorService executor() {
        return executor;
    }

    List<Fetcher> fetchers() {
        return fetchers;
    }

    /** The services of its fetchers, in the loader's order. */
    List<Service> services() {
        return java.util.Arrays.stream(Service.values())
                .filter(service -> fetchers.stream().anyMatch(fetcher -> fetcher.service() == service))
                .toList();
    }

    Channel channel(Fetcher fetcher) {
        return channels.get(fetcher);
    }

    /** Starts every fetcher; returns at once. */
    void start() {
        for (Fetcher fetcher : fetchers) {
            executor.execute(() -> run(fetcher));
        }
    }

    /**
     * The keys another fetcher of this region publishes, once it has finished.
     *
     * @throws UpstreamFailure when it failed
     */
    List<String> await(Fetcher fetcher) {
        try {
            return published.get(fetcher).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UpstreamFailure upstream) {
                throw new UpstreamFailure(fetcher, upstream.failure);
            }
            throw e;
        }
    }

    /** Wall time from the first fetcher of a service starting to the last one ending, in nanoseconds. */
    synchronized long nanos(Service service) {
        long[] span = times.get(service);
        return span == null ? 0 : span[1] - span[0];
    }

    /**
     * Runs one fetcher; whatever happens, its channel ends with {@code End} or {@code Failed}, since
     * the writer waits for one of them.
     */
    private void run(Fetcher fetcher) {
        started(fetcher.service());
        Channel channel = channels.get(fetcher);
        Failed failed = null;
        try {
            published.get(fetcher).complete(fetcher.fetch(this, new Pages(this, fetcher, channel)));
            channel.put(new Channel.End());
        } catch (UpstreamFailure e) {
            failed = new Failed(
                    e.failure.code(), "needs " + e.fetcher.operation() + ", which failed: " + e.failure.message());
        } catch (AwsServiceException e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null
                    ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            failed = new Failed(code == null ? "HTTP " + e.statusCode() : code, String.valueOf(message));
        } catch (SdkException e) {
            failed = new Failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // a bug or a response the converter cannot read: this kind fails, the sync goes on
            failed = new Failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (Error e) {
            fail(fetcher, new Failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
            throw e;
        } finally {
            ended(fetcher.service());
        }
        if (failed != null) {
            fail(fetcher, failed);
        }
    }

    private void fail(Fetcher fetcher, Failed failed) {
        published.get(fetcher).completeExceptionally(new UpstreamFailure(fetcher, failed));
        channels.get(fetcher).put(failed);
    }

    private synchronized void started(Service service) {
        long now = System.nanoTime();
        times.computeIfAbsent(service, s -> new long[] {now, now});
    }

    private synchronized void ended(Service service) {
        times.get(service)[1] = Math.max(times.get(service)[1], System.nanoTime());
    }

    /** A fetcher waited for the keys of one that failed. */
    static final class UpstreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Fetcher fetcher;
        private final transient Failed failure;

        UpstreamFailure(Fetcher fetcher, Failed failure) {
            super(fetcher.operation() + " failed: " + failure.describe(), null, false, false);
            this.fetcher = fetcher;
            this.failure = failure;
        }
    }
}
