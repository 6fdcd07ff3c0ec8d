package io.leeward.app.demo;

import io.leeward.app.demo.Inventory.Image;
import io.leeward.app.demo.Inventory.Repository;
import java.nio.file.Path;
import java.util.List;

/**
 * The ECR files of a region, as AWS CLI v2 prints {@code ecr describe-repositories}, {@code ecr
 * describe-images --repository-name …} (one file per repository, its name's {@code /} written
 * {@code %2F}) and {@code ecr get-repository-policy} (camelCase members; the responses name the
 * repository).
 */
final class EcrDocuments {
    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    private final String account;
    private final String region;

    EcrDocuments(String account, String region) {
        this.account = account;
        this.region = region;
    }

    void repositories(Path file, List<Repository> repositories) {
        try (CliJson json = CliJson.open(file)) {
            json.array("repositories");
            for (Repository repository : repositories) {
                json.object()
                        .field("repositoryArn", repository.arn())
                        .field("registryId", account)
                        .field("repositoryName", repository.name())
                        .field("repositoryUri", account + ".dkr.ecr." + region + ".amazonaws.com/" + repository.name())
                        .time("createdAt", repository.createdAt())
                        .field("imageTagMutability", repository.mutable() ? "MUTABLE" : "IMMUTABLE")
                        .object("imageScanningConfiguration")
                        .field("scanOnPush", repository.scanOnPush())
                        .end()
                        .object("encryptionConfiguration")
                        .field("encryptionType", "AES256")
                        .end()
                        .end();
            }
            json.end();
        }
    }

    void images(Path file, Repository repository) {
        try (CliJson json = CliJson.open(file)) {
            json.array("imageDetails");
            for (Image image : repository.images()) {
                json.object()
                        .field("registryId", account)
                        .field("repositoryName", repository.name())
                        .field("imageDigest", image.digest())
                        .strings("imageTags", List.of(image.tag()))
                        .field("imageSizeInBytes", image.size())
                        .time("imagePushedAt", image.pushedAt());
                if (image.findings() != null) {
                    json.object("imageScanStatus")
                            .field("status", "COMPLETE")
                            .field("description", "The scan was completed successfully.")
                            .end()
                            .object("imageScanFindingsSummary")
                            .time("imageScanCompletedAt", image.scannedAt())
                            .time(
                                    "vulnerabilitySourceUpdatedAt",
                                    image.scannedAt().minusSeconds(5400))
                            .object("findingSeverityCounts");
                    for (String severity : SEVERITIES) {
                        int count = image.findings().get(severity);
                        if (count > 0) {
                            json.field(severity, count);
                        }
                    }
                    json.end().end();
                }
                json.field("imageManifestMediaType", "application/vnd.docker.distribution.manifest.v2+json")
                        .field("artifactMediaType", "application/vnd.docker.container.image.v1+json")
                        .time("lastRecordedPullTime", image.lastPulled())
                        .end();
            }
            json.end();
        }
    }

    void policy(Path file, Repository repository) {
        try (CliJson json = CliJson.open(file)) {
            json.field("registryId", account)
                    .field("repositoryName", repository.name())
                    .field("policyText", CliJson.compact(repository.policy()));
        }
    }
}
