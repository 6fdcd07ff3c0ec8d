package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.IngestException;
import io.leeward.loaders.ingest.IngestReport.Skipped;
import io.leeward.loaders.ingest.JsonArrayReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The input directory as the import sees it: {@code DIR/<account>/<region>/<operation>*.json[.gz]}
 * for regional services and {@code DIR/<account>/global/<operation>*.json[.gz]} for global ones (IAM,
 * Organizations, the S3 bucket list), every name sorted, and everything else listed as skipped with
 * the reason. Holds paths and sizes, never file contents.
 */
record Layout(List<RegionInput> regions, List<Skipped> skipped, long totalBytes) {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    /** The directory of an account's global services; its region is null. */
    static final String GLOBAL = "global";

    Layout {
        regions = List.copyOf(regions);
        skipped = List.copyOf(skipped);
    }

    /**
     * One account and region directory and its recognised files, per kind; {@code region} is null for
     * the account's {@value #GLOBAL} directory.
     */
    record RegionInput(String account, String region, String name, Map<FileKind, List<InputFile>> files) {
        boolean isGlobal() {
            return region == null;
        }

        boolean has(FileKind kind) {
            return files.containsKey(kind);
        }

        List<InputFile> files(FileKind kind) {
            return files.getOrDefault(kind, List.of());
        }
    }

    /**
     * One input file: where it is, how reports name it (relative to DIR), its kind and size, and the
     * resource its name carries after {@code _} ({@link FileKind#resourceOf}), or null.
     */
    record InputFile(Path path, String name, FileKind kind, long bytes, String resource) implements RecordSource {
        @Override
        public JsonArrayReader open() {
            return kind.open(path, name);
        }
    }

    static Layout scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IngestException("Cannot import " + dir + ": not a directory");
        }
        var scanner = new Scanner(dir);
        for (Path entry : list(dir)) {
            scanner.account(entry);
        }
        return new Layout(scanner.regions, scanner.skipped, scanner.bytes);
    }

    static boolean isAccount(String name) {
        if (name.length() != 12) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isRegion(String name) {
        return REGION.matcher(name).matches();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new IngestException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static final class Scanner {
        private final Path root;
        private final List<RegionInput> regions = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private long bytes;

        Scanner(Path root) {
            this.root = root;
        }

        void account(Path entry) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) {
                skip(entry, "not inside an account directory (expected DIR/<12-digit account id>/<region>/)");
            } else if (!isAccount(name)) {
                skip(entry, "not an AWS account id (expected a directory named by 12 digits)");
            } else {
                for (Path child : list(entry)) {
                    region(name, child);
                }
            }
        }

        void region(String account, Path entry) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) {
                skip(entry, "not inside a region directory (expected DIR/" + account + "/<region>/)");
            } else if (!isRegion(name) && !name.equals(GLOBAL)) {
                skip(entry, "not an AWS region name (expected a directory such as eu-west-1, or " + GLOBAL + ")");
            } else {
                boolean global = name.equals(GLOBAL);
                var files = new EnumMap<FileKind, List<InputFile>>(FileKind.class);
                for (Path child : list(entry)) {
                    file(child, global, files);
                }
                regions.add(new RegionInput(account, global ? null : name, relative(entry), files));
            }
        }

        void file(Path entry, boolean global, Map<FileKind, List<InputFile>> files) {
            if (Files.isDirectory(entry)) {
                skip(entry, "a directory inside a region directory; only files are read there");
                return;
            }
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                return; // hidden files (.DS_Store, the demo's .leeward-demo marker) are not input
            }
            if (FileKind.VALUE_OPERATIONS.stream().anyMatch(name::startsWith)) {
                skip(
                        entry,
                        "holds secret values, which Leeward never reads; export metadata instead"
                                + " (secretsmanager list-secrets, ssm describe-parameters)");
                return;
            }
            FileKind kind = FileKind.of(name);
            if (kind == null) {
                skip(entry, "not a recognised file name; expected " + FileKind.expectedNames());
                return;
            }
            if (kind.isGlobal() != global) {
                skip(
                        entry,
                        kind.isGlobal()
                                ? kind.operation() + " describes a global service; expected it in DIR/<account>/"
                                        + GLOBAL + "/"
                                : kind.operation()
                                        + " describes a regional service; expected it in a region directory");
                return;
            }
            long size = size(entry);
            bytes += size;
            files.computeIfAbsent(kind, k -> new ArrayList<>())
                    .add(new InputFile(entry, relative(entry), kind, size, kind.resourceOf(name)));
        }

        private long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                // only progress uses the size; opening the file reports why it cannot be read
                return 0;
            }
        }

        private void skip(Path entry, String reason) {
            skipped.add(new Skipped(relative(entry) + (Files.isDirectory(entry) ? "/" : ""), reason));
        }

        private String relative(Path entry) {
            var text = new StringBuilder();
            for (Path part : root.relativize(entry)) {
                text.append(text.isEmpty() ? "" : "/").append(part);
            }
            return text.toString();
        }
    }
}
