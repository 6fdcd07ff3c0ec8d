package io.leeward.app.demo;

import io.leeward.graph.store.Check;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Generates a realistic demo AWS account (ECS on Fargate in one VPC) as the AWS CLI v2 JSON files
 * the AWS loader imports, with known risks planted. Plain Java, so the CLI and the benchmarks can
 * call it.
 *
 * <p>Reproducible: the same {@link Options} give byte-identical files. The account's plan (ids,
 * addresses, a few hundred bytes per task) is held in memory; the JSON documents are streamed to
 * disk element by element.
 *
 * <pre>{@code
 * DemoManifest manifest = DemoGenerator.builder().seed(7).scale(3).build().generate(dir);
 * }</pre>
 */
public final class DemoGenerator {

    /** The default anchor: "now" of the demo account, so that output does not depend on the clock. */
    public static final Instant DEFAULT_ANCHOR = Instant.parse("2026-11-30T10:15:30.123Z");

    /** The file that marks a directory as the generator's own, so reruns may replace its files. */
    public static final String MARKER = ".leeward-demo";

    /** The directory of an account's global services (IAM, S3), beside its region directories. */
    public static final String GLOBAL = "global";

    /** Files of the kinds the generator writes in a region directory ({@code _<resource>} included). */
    private static final Pattern GENERATED_REGIONAL =
            Pattern.compile("(ecs|ec2|elbv2|ecr|kms|secretsmanager|ssm)-[a-z0-9-]+[A-Za-z0-9%._+=@-]*\\.json");
    /** Files of the kinds the generator writes in the {@code global} directory. */
    private static final Pattern GENERATED_GLOBAL =
            Pattern.compile("(iam|s3api|s3control)-[a-z0-9-]+[A-Za-z0-9%._+=@-]*\\.json");

    private final Options options;

    private DemoGenerator(Options options) {
        this.options = options;
    }

    /** A generator with the given options. */
    public static DemoGenerator of(Options options) {
        return new DemoGenerator(Check.notNull(options, "options"));
    }

    /** A builder starting from {@link Options#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    public Options options() {
        return options;
    }

    /**
     * Writes the account under {@code dir/<account>/<region>/} and its IAM and S3 files under {@code
     * dir/<account>/global/}, creating directories as needed, and marks both with a {@value #MARKER}
     * file. Files of an earlier run (the {@code ecs-}, {@code ec2-}, {@code elbv2-}, {@code ecr-},
     * {@code kms-}, {@code secretsmanager-} and {@code ssm-} files of a marked region directory, the
     * {@code iam-}, {@code s3api-} and {@code s3control-} files of a marked global directory) are
     * deleted first, so a smaller scale leaves no stale files; other files are left alone.
     *
     * @throws DemoGenerationException when a file cannot be written, or when the directory holds
     *     such files without the marker (real CLI output, which is never deleted)
     */
    public DemoManifest generate(Path dir) {
        Check.notNull(dir, "dir");
        Path accountDir = dir.resolve(options.accountId());
        Path regionDir = accountDir.resolve(options.region());
        Path globalDir = accountDir.resolve(GLOBAL);
        try {
            Files.createDirectories(regionDir);
            Files.createDirectories(globalDir);
            // Check both directories before deleting anything in either.
            List<Path> earlier = new ArrayList<>(earlierOutput(regionDir, GENERATED_REGIONAL));
            earlier.addAll(earlierOutput(globalDir, GENERATED_GLOBAL));
            for (Path file : earlier) {
                Files.delete(file);
            }
            Files.writeString(regionDir.resolve(MARKER), "written by the Leeward demo generator\n");
            Files.writeString(globalDir.resolve(MARKER), "written by the Leeward demo generator\n");
        } catch (IOException e) {
            throw new DemoGenerationException("cannot prepare directory " + accountDir + ": " + e.getMessage(), e);
        }
        var planner = new AccountPlanner(options);
        AccountPlan plan = planner.plan();
        return new AccountWriter(options, plan, planner.roleArns(), dir, regionDir, globalDir).write();
    }

    /**
     * The files of the generator's kinds in {@code dir}, to delete before a rerun.
     *
     * @throws DemoGenerationException when there are some but {@code dir} has no marker: they are real
     *     CLI output
     */
    private static List<Path> earlierOutput(Path dir, Pattern generated) throws IOException {
        List<Path> earlier = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)
                        && generated.matcher(file.getFileName().toString()).matches()) {
                    earlier.add(file);
                }
            }
        }
        if (!earlier.isEmpty() && !Files.exists(dir.resolve(MARKER))) {
            throw new DemoGenerationException(
                    dir + " holds AWS CLI files not written by the demo generator (no " + MARKER
                            + "); generate into another directory",
                    null);
        }
        earlier.sort(null);
        return earlier;
    }

    /**
     * What to generate.
     *
     * @param seed the random seed; other seeds give other ids, addresses and task counts
     * @param scale multiplies clusters, services, tasks and ENIs roughly {@code scale}-fold (1–1000)
     * @param accountId the 12-digit account id
     * @param region the region, e.g. {@code eu-west-1}
     * @param anchor the account's "now": every timestamp lies before it
     */
    public record Options(long seed, int scale, String accountId, String region, Instant anchor) {
        public static final int MAX_SCALE = 1000;

        private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
        private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

        public Options {
            Check.that(scale >= 1 && scale <= MAX_SCALE, "scale must be 1.." + MAX_SCALE + ", was " + scale);
            Check.that(
                    accountId != null && ACCOUNT.matcher(accountId).matches(),
                    "accountId must be 12 digits, was " + accountId);
            Check.that(
                    region != null && REGION.matcher(region).matches(),
                    "region must look like eu-west-1, was " + region);
            Check.notNull(anchor, "anchor");
        }

        /** Seed 42, scale 1, account 123456789012 in eu-west-1, anchored at {@link #DEFAULT_ANCHOR}. */
        public static Options defaults() {
            return new Options(42L, 1, "123456789012", "eu-west-1", DEFAULT_ANCHOR);
        }
    }

    /** Builds a generator; unset options keep their {@link Options#defaults() defaults}. */
    public static final class Builder {
        private Options options = Options.defaults();

        private Builder() {}

        public Builder seed(long seed) {
            options = new Options(seed, options.scale(), options.accountId(), options.region(), options.anchor());
            return this;
        }

        public Builder scale(int scale) {
            options = new Options(options.seed(), scale, options.accountId(), options.region(), options.anchor());
            return this;
        }

        public Builder accountId(String accountId) {
            options = new Options(options.seed(), options.scale(), accountId, options.region(), options.anchor());
            return this;
        }

        public Builder region(String region) {
            options = new Options(options.seed(), options.scale(), options.accountId(), region, options.anchor());
            return this;
        }

        public Builder anchor(Instant anchor) {
            options = new Options(options.seed(), options.scale(), options.accountId(), options.region(), anchor);
            return this;
        }

        public DemoGenerator build() {
            return new DemoGenerator(options);
        }
    }
}
