package io.leeward.loaders.aws;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
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
 * Loads one account and region directory: its files kind by kind in {@link FileKind} order, one pass
 * and one record at a time, then declares its scopes. A kind of data is covered (its stale data
 * removed) only when every file kind producing it was present and none of those files had a
 * rejection; otherwise it is declared incomplete with the reason. Organizations kinds are left to
 * {@link Organization}, which scopes them under the organization id once the last file is read.
 */
final class RegionLoader {
    private final SyncSession session;
    private final RegionInput input;
    private final IngestReport.Builder report;
    private final Progress progress;
    private final RegionContext context;
    private final Emitter out;
    private final Map<FileKind, List<String>> problems = new EnumMap<>(FileKind.class);

    RegionLoader(
            SyncSession session,
            RegionInput input,
            IngestReport.Builder report,
            Progress progress,
            Fingerprints fingerprints,
            KmsKeys kmsKeys) {
        this.session = session;
        this.input = input;
        this.report = report;
        this.progress = progress;
        this.context =
                new RegionContext(input.account(), input.region(), input.files().keySet(), fingerprints);
        this.context.useKmsKeys(kmsKeys);
        input.files().values().forEach(files -> files.forEach(context::named));
        this.out = new Emitter(session, context);
    }

    void load() {
        for (FileKind kind : FileKind.values()) {
            boolean ended = false;
            for (InputFile file : input.files(kind)) {
                ended |= load(file);
            }
            if (input.has(kind) && !ended && !kind.isOrganization()) {
                problems.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add("every " + kind.operation() + " file says IsTruncated: true; the last page is missing");
            }
        }
        declareScopes();
        context.organization().finish(input, problems, out, session);
    }

    /** Loads one file; returns whether it ends its listing (it is not a page with more to come). */
    private boolean load(InputFile file) {
        var tally = report.file(file.name(), file.kind().operation(), file.bytes());
        boolean ended;
        RecordMapper mapper = file.kind().mapper();
        context.reading(file);
        try (var reader = file.kind().open(file.path(), file.name())) {
            while (reader.hasNext()) {
                JsonRecord record = reader.next();
                Rejection rejection = map(mapper, record, tally);
                if (rejection != null) {
                    tally.addRejection(rejection);
                }
                progress.record(reader.bytesRead(), file.bytes());
            }
            reader.failure().ifPresent(tally::addRejection);
            ended = !file.kind().isTruncated(reader);
        }
        if (!ended && file.kind().isOrganization()) {
            // each Organizations file is a whole listing of its own parent or policy
            problems.computeIfAbsent(file.kind(), k -> new ArrayList<>())
                    .add(file.name() + " has a NextToken: the listing continues; export it without --no-paginate"
                            + " or --max-items");
        }
        progress.fileDone(file.bytes());
        if (tally.rejectedCount() > 0) {
            String count = tally.rejectedCount() == 1 ? "1 rejection" : tally.rejectedCount() + " rejections";
            problems.computeIfAbsent(file.kind(), k -> new ArrayList<>()).add(file.name() + ": " + count);
        }
        return ended;
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

    private void declare(String kindOfData, Predicate<FileKind> producer) {
        Set<FileKind> producers = EnumSet.noneOf(FileKind.class);
        for (FileKind kind : FileKind.values()) {
            if (kind.isGlobal() == input.isGlobal() && !kind.isOrganization() && producer.test(kind)) {
                producers.add(kind);
            }
        }
        var present = producers.stream().filter(input::has).toList();
        if (present.isEmpty()) {
            return;
        }
        var scope = new Scope(AwsCliImport.SOURCE, input.account(), input.region(), kindOfData);
        var reasons = new ArrayList<String>();
        for (FileKind kind : present) {
            reasons.addAll(problems.getOrDefault(kind, List.of()));
        }
        if (!reasons.isEmpty()) {
            session.incomplete(scope, String.join("; ", reasons));
        } else if (present.size() < producers.size()) {
            var missing = producers.stream()
                    .filter(kind -> !input.has(kind))
                    .map(kind -> kind.operation() + "*.json")
                    .toList();
            session.incomplete(scope, "no " + String.join(", ", missing) + " in " + input.name());
        } else {
            session.covers(scope);
        }
    }
}
