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
        put(null, SdkJson.toTree(response));
    }

    /** A page about one resource, named as the offline file name names it after {@code _}. */
    void page(String resource, JsonNode document) {
        put(resource, document);
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
        each(items, item -> null, call);
    }

    /**
     * As {@link #each(List, Function)}, each item's pages carrying the resource {@code resource}
     * names for it (the offline file name's part after {@code _}).
     */
    <T> void each(
            List<T> items, Function<T, String> resource, Function<T, ? extends Iterable<? extends SdkPojo>> call) {
        documents(items, resource, item -> {
            var documents = new ArrayList<JsonNode>();
            call.apply(item).forEach(page -> documents.add(SdkJson.toTree(page)));
            return documents;
        });
    }

    /**
     * Calls {@code call} for every item at once, each on its own virtual thread, and hands on the
     * documents it returns (none for a resource with nothing to read), in the order of the items.
     */
    <T> void documents(List<T> items, Function<T, String> resource, Function<T, List<JsonNode>> call) {
        var futures = new ArrayList<CompletableFuture<List<JsonNode>>>();
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> call.apply(item), region.executor()));
        }
        for (int i = 0; i < futures.size(); i++) {
            var future = futures.get(i);
            String name = resource.apply(items.get(i));
            try {
                future.join().forEach(document -> put(name, document));
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

    private void put(String resource, JsonNode document) {
        String name = region.name() + "/" + fetcher.operation() + "#" + number.incrementAndGet();
        channel.put(new Channel.Page(name, resource, document));
    }
}
