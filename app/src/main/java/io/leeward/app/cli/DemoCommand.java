package io.leeward.app.cli;

import io.leeward.app.config.LeewardProperties;
import io.leeward.app.demo.DemoGenerator;
import io.leeward.app.demo.DemoManifest;
import io.leeward.app.demo.DemoManifest.Kind;
import io.leeward.loaders.aws.AwsCliImport;
import io.leeward.loaders.ingest.Fingerprints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Generates the demo account in the real input formats, loads it with the real loader, serves. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a realistic demo AWS account as AWS CLI output, load it through the real loader,",
            "print a summary and serve GraphQL until stopped (docs/demo.md lists what is planted)."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--scale",
            defaultValue = "1",
            description = "Multiply the account's size (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-serve", description = "Exit after the summary instead of serving GraphQL.")
    boolean noServe;

    @Option(names = "--port", description = "HTTP port when serving (default: server.port, 8080).")
    Integer port;

    @Option(names = "--dir", description = "Where to write the generated input (default: LEEWARD_HOME/demo).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        var generator = DemoGenerator.builder().seed(seed).scale(scale).build();
        var out = spec.commandLine().getOut();
        try (var app = AppContext.start(LeewardCommand.root(spec).options(port), !noServe)) {
            Path input =
                    dir != null ? dir : app.bean(LeewardProperties.class).home().resolve("demo");
            DemoManifest manifest = generator.generate(input);
            out.println("Generated demo account " + generator.options().accountId() + " ("
                    + generator.options().region() + "), scale " + scale + ", seed " + seed + ": "
                    + manifest.files().size() + " files in " + input);
            var progress = new ProgressBar(spec.commandLine().getErr(), "demo");
            var report = AwsCliImport.create(app.bean(Fingerprints.class)).load(input, app.store(), progress::update);
            progress.done();
            IngestSummary.print(out, report);
            printInventory(out, manifest);
            printPlanted(out, manifest.planted());
            printGraph(out, app);
            if (report.hasRejections()) {
                return ExitCodes.DATA_ERRORS;
            }
            if (!noServe) {
                out.println();
                Serving.announceAndWait(app, out);
            }
        }
        return ExitCodes.OK;
    }

    private static void printInventory(PrintWriter out, DemoManifest manifest) {
        out.println();
        out.println(String.format(
                "Account: %d clusters, %d services, %d tasks (%d running, %d stopped), %d containers, %d ENIs, %d subnets, %d security groups.",
                manifest.count(Kind.CLUSTER),
                manifest.count(Kind.SERVICE),
                manifest.count(Kind.TASK),
                manifest.count(Kind.RUNNING_TASK),
                manifest.count(Kind.STOPPED_TASK),
                manifest.count(Kind.CONTAINER),
                manifest.count(Kind.NETWORK_INTERFACE),
                manifest.count(Kind.SUBNET),
                manifest.count(Kind.SECURITY_GROUP)));
    }

    private static void printPlanted(PrintWriter out, DemoManifest.Planted planted) {
        out.println("Planted risks (docs/demo.md):");
        out.println("  - security group " + planted.wideOpenSecurityGroupId()
                + " open to the internet on 22 and 5432, on " + name(planted.wideOpenServiceArn()));
        out.println("  - behind the internet-facing ALB: " + names(planted.internetFacingServiceArns()));
        out.println("  - public IPs assigned: " + names(planted.publicIpServiceArns()) + " ("
                + planted.publicIpTaskArns().size() + " running tasks with a public IP)");
        out.println("  - ECS Exec enabled: " + name(planted.executeCommandServiceArn()));
        out.println("  - root user, writable root filesystem, SYS_PTRACE: container "
                + planted.privilegedContainer().containerName() + " of "
                + name(planted.privilegedContainer().taskDefinitionArn()));
        out.println("  - secrets in plain environment variables (names only reach the graph): "
                + planted.plaintextSecretNames());
        out.println("  - private IPs reused by Fargate after a task stopped: "
                + planted.reusedIps().size());
        DemoManifest.AccessRisks access = planted.access();
        out.println("  - iam:PassRole on * with ecs:RunTask (ECS PassRole escalation): "
                + name(access.passRoleEscalationRoleArn()));
        out.println("  - iam:CreatePolicyVersion and sts:AssumeRole on *: "
                + name(access.policyVersionEscalationRoleArn()));
        out.println("  - s3:* on *: " + name(access.s3WildcardRoleArn()));
        out.println("  - AdministratorAccess trusting the account root: " + name(access.rootTrustedAdminRoleArn()));
        out.println("  - public bucket: " + access.publicBucket() + " (crown jewels: " + access.sensitiveBucket()
                + ", read by " + name(access.sensitiveBucketReaderRoleArn()) + ")");
        out.println("  - KMS key open to AWS *, not rotated: " + name(access.openKeyArn()));
        out.println("  - secret without rotation: "
                + access.unrotatedSecretArn()
                        .substring(access.unrotatedSecretArn().indexOf(":secret:") + ":secret:".length()));
        out.println(
                "  - ECR repository with mutable tags and no scan on push: " + name(access.unscannedRepositoryArn()));
    }

    private static void printGraph(PrintWriter out, AppContext app) {
        var counts = Table.nonZeroLabelCounts(app.store());
        out.println();
        out.println("The graph now holds:");
        Table.print(out, List.of("label", "count"), counts);
    }

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String names(List<String> arns) {
        return String.join(", ", arns.stream().map(DemoCommand::name).toList());
    }
}
