package io.leeward.loaders.aws.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import tools.jackson.databind.JsonNode;

/**
 * Where a fetcher hands its response pages: each becomes the CLI's document on the fetcher's thread
 * and goes to the writer in the order given, numbered from 1.
 */
final class Pages {
    private final RegionFetch region;
    private final Fetcher fetcher;
    private final Channel channel;
    private final AtomicInteger number = new AtomicInteger();

    Pages(RegionFetch region, Fetcher fetcher, Channel channel) {
        this.region = region;
        this.fetcher = fetcher;
        this.channel = channel;
    }

    void page(SdkPojo response) {
        put(SdkJson.toTree(response));
    }

    /** Every page of a paginator; each page is one request, made as the iteration reaches it. */
    void all(Iterable<? extends SdkPojo> pages) {
        pages.forEach(this::page);
    }

    /**
     * Calls {@code call} for every item at once, each on its own virtual thread (the HTTP client's
     * connection pool bounds how many requests are in flight), and hands the pages on in the order of
     * the items. The first failure, in that order, stops the fetcher.
     */
    <T> void each(List<T> items, Function<T, ? extends Iterable<? extends SdkPojo>> call) {
        var futures = new ArrayList<CompletableFuture<List<JsonNode>>>();
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(
                    () -> {
                        var documents = new ArrayList<JsonNode>();
                        call.apply(item).forEach(page -> documents.add(SdkJson.toTree(page)));
                        return documents;
                    },
                    region.executor()));
        }
        for (var future : futures) {
            try {
                future.join().forEach(this::put);
            } catch (CompletionException e) {
                futures.forEach(other -> other.cancel(false));
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /**
     * Applies {@code call} to every item at once, each on its own virtual thread, and returns the
     * results in the order of the items; the first failure, in that order, is thrown.
     */
    <T, R> List<R> parallel(List<T> items, Function<T, R> call) {
        var futures = new ArrayList<CompletableFuture<R>>();
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> call.apply(item), region.executor()));
        }
        var results = new ArrayList<R>();
        for (var future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                futures.forEach(other -> other.cancel(false));
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return results;
    }

    private void put(JsonNode document) {
        String name = region.name() + "/" + fetcher.operation() + "#" + number.incrementAndGet();
        channel.put(new Channel.Page(name, document));
    }
}
