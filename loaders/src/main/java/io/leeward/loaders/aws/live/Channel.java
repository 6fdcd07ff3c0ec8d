package io.leeward.loaders.aws.live;

import io.leeward.loaders.ingest.IngestException;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.JsonNode;

/**
 * The pages of one kind in one region, from the fetcher's thread to the writer's: pages in order,
 * then either the end or the failure that stopped the fetcher.
 */
final class Channel {
    sealed interface Item permits Page, End, Failed {}

    /**
     * One response page as the CLI prints it, named {@code live:<account>/<region>/<operation>#<n>};
     * {@code resource} is what an offline file name carries after {@code _} (a bucket, a key id), or null.
     */
    record Page(String name, String resource, JsonNode document) implements Item {}

    record End() implements Item {}

    /** Why the fetcher stopped: the AWS error code (or the client-side exception) and its message. */
    record Failed(String code, String message) implements Item {
        String describe() {
            return code + ": " + message;
        }
    }

    private final LinkedBlockingQueue<Item> items = new LinkedBlockingQueue<>();

    void put(Item item) {
        items.add(item);
    }

    Item take() {
        try {
            return items.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while waiting for AWS responses", e);
        }
    }
}
