package io.leeward.loaders.aws;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.store.Check;
import io.leeward.graph.store.GraphStore;
import io.leeward.graph.store.NodeRecord;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.store.SyncSession;
import io.leeward.loaders.aws.Layout.InputFile;
import io.leeward.loaders.aws.Layout.RegionInput;
import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.IngestException;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.IngestReport.Skipped;
import io.leeward.loaders.ingest.JsonArrayReader;
import io.leeward.loaders.ingest.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * {@code leeward ingest aws DIR}: imports AWS CLI v2 JSON output (ECS, the EC2 network, ELBv2, and
 * the data stores: KMS, ECR, Secrets Manager and SSM metadata per region, S3 and IAM in {@code
 * global/}) laid out as {@code DIR/<account>/<region>/<operation>*.json[.gz]}, in one sync of
 * source {@value #SOURCE}. Streams every file once; a bad record is rejected and reported, never
 * fatal; stale data is removed only for the kinds of data the input covered completely. See
 * docs/formats.md.
 *
 * <pre>{@code
 * IngestReport report = AwsCliImport.create(fingerprints).load(dir, store, ProgressListener.NONE);
 * if (report.hasRejections()) { ... exit 1 ... }
 * }</pre>
 */
public final class AwsCliImport {
    /** The source name stamped on everything this import writes. */
    public static final String SOURCE = "aws";

    private final SyncRequest request;
    private final Fingerprints fingerprints;

    private AwsCliImport(SyncRequest request, Fingerprints fingerprints) {
        this.request = request;
        this.fingerprints = fingerprints;
    }

    /**
     * An import with the store's default batch size and writers. Environment values are kept only
     * as fingerprints under {@code fingerprints}' key, which must stay the same between loads.
     */
    public static AwsCliImport create(Fingerprints fingerprints) {
        return create(SyncRequest.of(SOURCE), fingerprints);
    }

    /** An import with its own sync settings (batch size, writers, clock); the source must be {@value #SOURCE}. */
    public static AwsCliImport create(SyncRequest request, Fingerprints fingerprints) {
        Check.notNull(request, "request");
        Check.notNull(fingerprints, "fingerprints");
        Check.that(
                SOURCE.equals(request.source()),
                "the AWS CLI import writes source " + SOURCE + ", not " + request.source());
        return new AwsCliImport(request, fingerprints);
    }

    /**
     * Loads every account and region directory under {@code dir} in one sync.
     *
     * @throws io.leeward.loaders.ingest.IngestException when {@code dir} is not a readable directory
     * @throws io.leeward.graph.store.StoreException when the store fails; the sync is then recorded
     *     as failed and nothing is deleted
     */
    public IngestReport load(Path dir, GraphStore store, ProgressListener progress) {
        Check.notNull(dir, "dir");
        Check.notNull(store, "store");
        Check.notNull(progress, "progress");
        Layout layout = Layout.scan(dir);
        var report = IngestReport.builder(SOURCE);
        for (Skipped skipped : layout.skipped()) {
            report.skip(skipped.path(), skipped.reason());
        }
        var tracker = new Progress(progress, layout.totalBytes());
        try (var session = store.beginSync(request)) {
            String account = null;
            KmsKeys kmsKeys = null;
            for (RegionInput region : inReadOrder(layout.regions())) {
                if (!region.account().equals(account)) {
                    account = region.account();
                    kmsKeys = new KmsKeys();
                    writeAccount(session, account);
                }
                RegionLoader.load(session, region, report, tracker, fingerprints, kmsKeys);
            }
            return report.build(session.complete());
        }
    }

    /**
     * Accounts in name order, and within an account its regions in name order and then its global
     * directory: S3 bucket encryption names KMS keys by alias, which only the regions' key lists
     * resolve.
     */
    private static List<RegionInput> inReadOrder(List<RegionInput> regions) {
        return regions.stream()
                .sorted(Comparator.comparing(RegionInput::account).thenComparing(RegionInput::isGlobal))
                .toList();
    }

    /**
     * {@code leeward ingest iam FILE...}: loads IAM GetAccountAuthorizationDetails output of one
     * account, named by the caller, exactly as {@link #load} loads it from {@code
     * DIR/<account>/global/}: same mappers, same source, same scopes, so either way gives the same
     * graph. Files are named in the report as given.
     *
     * @throws io.leeward.loaders.ingest.IngestException when {@code account} is not a 12-digit id
     */
    public IngestReport loadAuthorizationDetails(
            List<Path> files, String account, GraphStore store, ProgressListener progress) {
        Check.notNull(files, "files");
        Check.notNull(store, "store");
        Check.notNull(progress, "progress");
        if (account == null || !Layout.isAccount(account)) {
            throw new IngestException("Cannot import IAM data for account " + account + ": expected a 12-digit id");
        }
        FileKind kind = FileKind.IAM_AUTHORIZATION_DETAILS;
        var inputs = new ArrayList<InputFile>();
        long total = 0;
        for (Path file : files) {
            long bytes = size(file);
            total += bytes;
            inputs.add(new InputFile(file, file.toString(), kind, bytes, null));
        }
        var region = new RegionInput(account, null, account + "/" + Layout.GLOBAL, Map.of(kind, inputs));
        var report = IngestReport.builder(SOURCE);
        var tracker = new Progress(progress, total);
        try (var session = store.beginSync(request)) {
            writeAccount(session, account);
            RegionLoader.load(session, region, report, tracker, fingerprints, new KmsKeys());
            return report.build(session.complete());
        }
    }

    /**
     * The account GetAccountAuthorizationDetails output belongs to, from the ARNs of its users,
     * groups, roles and customer-managed policies (AWS-managed ones name no account).
     *
     * @throws io.leeward.loaders.ingest.IngestException when the ARNs name no account or several
     */
    public static String accountOf(List<Path> files) {
        var accounts = new TreeSet<String>();
        for (Path file : files) {
            try (var reader = JsonArrayReader.elements(file, file.toString(), AuthorizationDetailsMapper.ARRAYS)) {
                while (reader.hasNext()) {
                    JsonNode arn = reader.next().node().get("Arn");
                    Arn parsed = arn != null && arn.isString() ? Arn.parse(arn.stringValue()) : null;
                    if (parsed != null && Layout.isAccount(parsed.account())) {
                        accounts.add(parsed.account());
                    }
                }
            }
        }
        String names = files.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (accounts.isEmpty()) {
            throw new IngestException("Cannot tell the account of " + names
                    + ": no user, group, role or customer-managed policy ARN in it names one; pass --account");
        }
        if (accounts.size() > 1) {
            throw new IngestException("Cannot tell the account of " + names + ": its ARNs name several accounts ("
                    + String.join(", ", accounts) + "); load each account's files separately, or pass --account");
        }
        return accounts.first();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // opening the file reports why it cannot be read
        }
    }

    /** The account node, once per account directory with a region; global, so its scope has no region. */
    private static void writeAccount(SyncSession session, String account) {
        session.write(NodeRecord.of(NodeLabel.AwsAccount, account, account, null, Map.of()));
        session.covers(Scope.of(SOURCE, account, null, NodeLabel.AwsAccount));
    }
}
