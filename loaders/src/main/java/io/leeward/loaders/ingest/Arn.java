package io.leeward.loaders.ingest;

import io.leeward.graph.store.Check;

/**
 * An Amazon Resource Name split into its parts: {@code arn:partition:service:region:account:resource}.
 * {@code region} and {@code account} are empty for global resources ({@code arn:aws:iam::…:role/x},
 * {@code arn:aws:s3:::bucket}); {@code resource} keeps any further colons and slashes.
 */
public record Arn(String partition, String service, String region, String account, String resource) {
    public Arn {
        Check.notBlank(partition, "partition");
        Check.notBlank(service, "service");
        Check.notNull(region, "region");
        Check.notNull(account, "account");
        Check.notBlank(resource, "resource");
    }

    /** Parses an ARN without regular expressions; null when the text is not one. */
    public static Arn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        int[] colons = new int[5];
        colons[0] = 3;
        for (int i = 1; i < 5; i++) {
            colons[i] = text.indexOf(':', colons[i - 1] + 1);
            if (colons[i] < 0) {
                return null;
            }
        }
        String partition = text.substring(colons[0] + 1, colons[1]);
        String service = text.substring(colons[1] + 1, colons[2]);
        String resource = text.substring(colons[4] + 1);
        if (partition.isEmpty() || service.isEmpty() || resource.isEmpty()) {
            return null;
        }
        return new Arn(
                partition,
                service,
                text.substring(colons[2] + 1, colons[3]),
                text.substring(colons[3] + 1, colons[4]),
                resource);
    }

    /** The resource after a type prefix such as {@code cluster/}; null when the resource has another type. */
    public String resourceAfter(String prefix) {
        return resource.startsWith(prefix) ? resource.substring(prefix.length()) : null;
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
