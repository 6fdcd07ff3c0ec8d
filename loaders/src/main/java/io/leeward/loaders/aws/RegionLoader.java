package io.leeward.loaders.aws;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.graph.store.Check;
import io.leeward.graph.store.Scope;
import io.leeward.graph.store.SyncSession;
import io.leeward.loaders.aws.Layout.InputFile;
import io.leeward.loaders.aws.Layout.RegionInput;
import io.leeward.loaders.ingest.Fingerprints;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonRecord;
import io.leeward.loaders.ingest.Rejection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads one account and region: its record sources kind by kind in {@link FileKind} order (files of
 * the offline import, or response pages of the live sync), one pass and one record at a time, then
 * declares its scopes. A kind of data is covered (its stale data removed) only when every file kind
 * producing it was read and none of its sources had a rejection or failed; otherwise it is declared
 * incomplete with the reason.
 *
 * <p>The loader is told up front which kinds it will read ({@code present}): mappers decide from it
 * whether a relationship's end is loaded here or needs a placeholder. Not thread-safe, like the
 * session it writes to.
 * Organizations kinds are left to {@link Organization}, which scopes them under the organization id
 * once the last file of the offline import is read.
 */
final class RegionLoader {
    private final SyncSession session;
    private final String account;
    private final String region;
    private final String name;
    private final Set<FileKind> present;
    private final IngestReport.Builder report;
    private final Progress progress;
    private final RegionContext context;
    private final Emitter out;
    private final Map<FileKind, List<String>> problems = new EnumMap<>(FileKind.class);
    private final Set<FileKind> read = EnumSet.noneOf(FileKind.class);
    private final Set<FileKind> ended = EnumSet.noneOf(FileKind.class);
    private final Map<FileKind, Set<String>> resources = new EnumMap<>(FileKind.class);
    private FileKind last;

    /**
     * A loader of one account and region ({@code region} null for the account's global services),
     * named {@code name} in reasons, that will read sources of the {@code present} kinds.
     */
    RegionLoader(
            SyncSession session,
            String account,
            String region,
            String name,
            Set<FileKind> present,
            IngestReport.Builder report,
            Progress progress,
            Fingerprints fingerprints) {
        this.session = session;
        this.account = account;
        this.region = region;
        this.name = name;
        this.present = present.isEmpty() ? EnumSet.noneOf(FileKind.class) : EnumSet.copyOf(present);
        this.report = report;
        this.progress = progress;
        this.context = new RegionContext(account, region, this.present, fingerprints);
        this.out = new Emitter(session, context);
    }

    /**
     * Declares the organization's scopes from the pages the live writer fed (offline, {@link
     * #load(SyncSession, RegionInput, IngestReport.Builder, Progress, Fingerprints, KmsKeys)} does it
     * from the directory's files).
     */
    void finishOrganization() {
        context.organization().finish(name, present, resources, problems, out, session);
    }

    /** What its mappers know of the account and region so far; for the live writer's declarations. */
    RegionContext context() {
        return context;
    }

    /** Loads one directory of the offline import: every file, kind by kind, then its scopes. */
    static void load(
            SyncSession session,
            RegionInput input,
            IngestReport.Builder report,
            Progress progress,
            Fingerprints fingerprints,
            KmsKeys kmsKeys) {
        var loader = new RegionLoader(
                session,
                input.account(),
                input.region(),
                input.name(),
                input.files().keySet(),
                report,
                progress,
                fingerprints);
        loader.context.useKmsKeys(kmsKeys);
        input.files().values().forEach(files -> files.forEach(loader.context::named));
        for (FileKind kind : FileKind.values()) {
            for (InputFile file : input.files(kind)) {
                loader.load(file);
            }
        }
        loader.finish();
        loader.context.organization().finish(input, loader.problems, loader.out, session);
    }

    /** Loads one source; sources must come in {@link FileKind} order and be of a kind declared present. */
    void load(RecordSource source) {
        if (source.resource() != null) {
            resources
                    .computeIfAbsent(source.kind(), k -> new java.util.HashSet<>())
                    .add(source.resource());
        }
        FileKind kind = source.kind();
        Check.that(present.contains(kind), source.name() + " is of a kind not declared present: " + kind.operation());
        Check.that(
                last == null || last.compareTo(kind) <= 0,
                source.name() + " comes after " + (last == null ? "" : last.operation()) + " but loads before it");
        last = kind;
        read.add(kind);
        var tally = report.file(source.name(), kind.operation(), source.bytes());
        RecordMapper mapper = kind.mapper();
        context.reading(source);
        boolean fileEnded;
        try (var reader = source.open()) {
            while (reader.hasNext()) {
                JsonRecord record = reader.next();
                Rejection rejection = map(mapper, record, tally);
                if (rejection != null) {
                    tally.addRejection(rejection);
                }
                progress.record(reader.bytesRead(), source.bytes());
            }
            reader.failure().ifPresent(tally::addRejection);
            fileEnded = !kind.isTruncated(reader);
            if (fileEnded) {
                ended.add(kind);
            }
        }
        if (!fileEnded && kind.isOrganization()) {
            // each Organizations file is a whole listing of its own parent or policy
            problem(
                    kind,
                    source.name() + " has a NextToken: the listing continues; export it without --no-paginate"
                            + " or --max-items");
        }
        progress.fileDone(source.bytes());
        if (tally.rejectedCount() > 0) {
            String count = tally.rejectedCount() == 1 ? "1 rejection" : tally.rejectedCount() + " rejections";
            problem(kind, source.name() + ": " + count);
        }
    }

    /**
     * Notes that a kind declared present could not be read completely (an API call failed): its data
     * stays incomplete, so nothing of it is deleted.
     */
    void failed(FileKind kind, String reason) {
        Check.that(present.contains(kind), "a kind not declared present failed: " + kind.operation());
        problem(kind, reason);
        if (KEY_KINDS.contains(kind)) {
            context.kmsKeys().failed(region, reason);
        }
    }

    /**
     * Declares the scopes of everything read; call once, after the last source. A kind whose every
     * source was a page with more to come ({@code IsTruncated: true}) is missing its last page.
     */
    void finish() {
        for (FileKind kind : read) {
            if (!ended.contains(kind) && !kind.isOrganization()) {
                problem(kind, "every " + kind.operation() + " file says IsTruncated: true; the last page is missing");
            }
        }
        declareScopes();
    }

    private void problem(FileKind kind, String reason) {
        problems.computeIfAbsent(kind, k -> new ArrayList<>()).add(reason);
    }

    /**
     * Maps and commits one record, counting it loaded or skipped; returns why it was rejected, or null
     * when it was not.
     */
    private Rejection map(RecordMapper mapper, JsonRecord record, IngestReport.Builder.FileTally tally) {
        try {
            mapper.map(record, context, out);
            out.commit();
            tally.addLoaded();
            return null;
        } catch (SkippedRecordException e) {
            out.discard();
            tally.addSkipped(
                    record.pointer().isEmpty() ? record.file() : record.file() + "#" + record.pointer(), e.reason());
            return null;
        } catch (InvalidRecordException e) {
            out.discard();
            return record.reject(e);
        } catch (IllegalArgumentException e) {
            // a value the store refuses (a blank key, a property it cannot hold): this record only
            out.discard();
            return new Rejection(
                    record.file(),
                    record.line(),
                    record.column(),
                    record.pointer(),
                    "cannot be stored: " + e.getMessage());
        }
    }

    private void declareScopes() {
        for (NodeLabel label : NodeLabel.values()) {
            declare(label.name(), kind -> kind.produces(label));
        }
        for (RelType type : RelType.values()) {
            declare(type.name(), kind -> kind.produces(type));
        }
    }

    /**
     * The kinds key references resolve against: when one of them failed, a secret's, repository's or
     * bucket's key that did not resolve may still exist, so ENCRYPTED_WITH stays incomplete too (in
     * that region, and in the account's global part, whose buckets use keys of any region).
     */
    private static final Set<FileKind> KEY_KINDS =
            EnumSet.of(FileKind.KMS_ALIASES, FileKind.KMS_KEY_LIST, FileKind.KMS_KEYS);

    private void declare(String kindOfData, Predicate<FileKind> producer) {
        Set<FileKind> producers = EnumSet.noneOf(FileKind.class);
        for (FileKind kind : FileKind.values()) {
            if (kind.isGlobal() == (region == null) && !kind.isOrganization() && producer.test(kind)) {
                producers.add(kind);
            }
        }
        var declared = producers.stream().filter(present::contains).toList();
        if (declared.isEmpty()) {
            return;
        }
        var scope = new Scope(AwsCliImport.SOURCE, account, region, kindOfData);
        var reasons = new ArrayList<String>();
        for (FileKind kind : declared) {
            reasons.addAll(problems.getOrDefault(kind, List.of()));
        }
        if (kindOfData.equals(RelType.ENCRYPTED_WITH.name())) {
            reasons.addAll(context.kmsKeys().failures(region));
        }
        if (!reasons.isEmpty()) {
            session.incomplete(scope, String.join("; ", reasons));
        } else if (declared.size() < producers.size()) {
            var missing = producers.stream()
                    .filter(kind -> !present.contains(kind))
                    .map(kind -> kind.operation() + "*.json")
                    .toList();
            session.incomplete(scope, "no " + String.join(", ", missing) + " in " + name);
        } else {
            session.covers(scope);
        }
    }
}
