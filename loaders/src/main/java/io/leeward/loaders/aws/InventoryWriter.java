package io.leeward.loaders.aws;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.store.Check;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.SyncSession;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.ProgressListener;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Loads AWS API responses that arrive as documents rather than files (the live sync): the same file
 * kinds, mappers and scope rules as {@link AwsCliImport}, named by their operation ({@code
 * ecs-describe-tasks}), the file name prefix of the offline import. One writer per sync session and,
 * like the session, fed by one thread.
 *
 * <pre>{@code
 * var writer = new InventoryWriter(session, report, fingerprints);
 * writer.account("111122223333");
 * var region = writer.region("111122223333", "eu-west-1", "live:111122223333/eu-west-1", operations);
 * region.page("ec2-describe-vpcs", "live:111122223333/eu-west-1/ec2-describe-vpcs#1", null, document);
 * region.failed("ecs-describe-tasks", "AccessDeniedException: ...");
 * region.finish();
 * }</pre>
 */
public final class InventoryWriter {
    private final SyncSession session;
    private final IngestReport.Builder report;
    private final Fingerprints fingerprints;
    private final Progress progress = new Progress(ProgressListener.NONE, 0);
    private KmsKeys kmsKeys = new KmsKeys();

    public InventoryWriter(SyncSession session, IngestReport.Builder report, Fingerprints fingerprints) {
        this.session = Check.notNull(session, "session");
        this.report = Check.notNull(report, "report");
        this.fingerprints = Check.notNull(fingerprints, "fingerprints");
    }

    /** Every operation the loader reads, in the order a region must be fed. */
    public static List<String> operations() {
        return Stream.of(FileKind.values()).map(FileKind::operation).toList();
    }

    /** Whether an operation describes a global service (IAM, Organizations), loaded with a null region. */
    public static boolean isGlobal(String operation) {
        return kind(operation).isGlobal();
    }

    /**
     * Writes the account node and covers its scope; once per account, before its regions, which then
     * share the account's KMS keys and aliases (the global part resolves bucket keys against them).
     */
    public void account(String account) {
        kmsKeys = new KmsKeys();
        session.write(NodeRecord.of(NodeLabel.AwsAccount, account, account, null, Map.of()));
        session.covers(Scope.of(AwsCliImport.SOURCE, account, null, NodeLabel.AwsAccount));
    }

    /**
     * Starts one account and region (null for global services), named {@code name} in reasons, that
     * will be fed pages of the given operations, in {@link #operations()} order.
     */
    public Region region(String account, String region, String name, Set<String> operations) {
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        operations.forEach(operation -> kinds.add(kind(operation)));
        var loader = new RegionLoader(session, account, region, name, kinds, report, progress, fingerprints);
        loader.context().useKmsKeys(kmsKeys);
        return new Region(loader);
    }

    private static FileKind kind(String operation) {
        FileKind kind = FileKind.ofOperation(operation);
        Check.that(kind != null, "not an operation the loader reads: " + operation);
        return kind;
    }

    /** The pages of one account and region. */
    public static final class Region {
        private final RegionLoader loader;

        private Region(RegionLoader loader) {
            this.loader = loader;
        }

        /**
         * Loads one response page of {@code operation}, as the CLI prints it; {@code resource} is what
         * the offline import reads after {@code _} in the file name (a bucket name), or null.
         */
        public void page(String operation, String name, String resource, JsonNode document) {
            loader.load(new PageSource(name, kind(operation), resource, document));
        }

        /**
         * Declares, before the pages that list them, the resources pages of {@code operation} will be
         * named after ({@code s3api-get-bucket-policy}, {@code orders-prod}): the offline import knows
         * them from its file names before it reads any, and the bucket list records them.
         */
        public void named(String operation, String resource) {
            loader.context().named(kind(operation), resource);
        }

        /** Marks an operation as not read completely: its scopes stay incomplete with this reason. */
        public void failed(String operation, String reason) {
            loader.failed(kind(operation), reason);
        }

        /** Declares the region's scopes (the organization's too, for the global part); after the last page. */
        public void finish() {
            loader.finish();
            loader.finishOrganization();
        }
    }
}
