package io.leeward.app.demo;

import io.leeward.app.demo.Inventory.Alias;
import io.leeward.app.demo.Inventory.Key;
import io.leeward.app.demo.Inventory.Parameter;
import io.leeward.app.demo.Inventory.Secret;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The Secrets Manager, SSM Parameter Store and KMS files of a region, as AWS CLI v2 prints {@code
 * secretsmanager list-secrets}, {@code secretsmanager get-resource-policy}, {@code ssm
 * describe-parameters}, {@code kms list-aliases}, {@code kms describe-key}, {@code kms
 * get-key-policy} and {@code kms get-key-rotation-status}. Metadata only: no secret or parameter
 * value is ever written.
 */
final class DataDocuments {
    private final String account;
    private final String region;

    DataDocuments(String account, String region) {
        this.account = account;
        this.region = region;
    }

    /** The file name suffix of a secret: its name with {@code /} percent-encoded ({@code %2F}). */
    static String fileSuffix(String secretName) {
        return secretName.replace("/", "%2F");
    }

    void listSecrets(Path file, List<Secret> secrets) {
        try (CliJson json = CliJson.open(file)) {
            json.array("SecretList");
            for (Secret secret : secrets) {
                json.object()
                        .field("ARN", secret.arn())
                        .field("Name", secret.name())
                        .field("Description", secret.description())
                        .field("KmsKeyId", secret.kmsKeyArn())
                        .field("RotationEnabled", secret.rotation())
                        .field("RotationLambdaARN", secret.rotationLambdaArn());
                if (secret.rotation()) {
                    json.object("RotationRules")
                            .field("AutomaticallyAfterDays", 30)
                            .end()
                            .time("LastRotatedDate", secret.lastRotated());
                }
                json.time("LastChangedDate", secret.lastChanged())
                        .time("LastAccessedDate", secret.lastAccessed().truncatedTo(ChronoUnit.DAYS))
                        .time("NextRotationDate", secret.nextRotation())
                        .pairs("Tags", "Key", "Value", secret.tags())
                        .object("SecretVersionsToStages")
                        .strings(secret.versionId(), List.of("AWSCURRENT"))
                        .end()
                        .time("CreatedDate", secret.createdAt())
                        .end();
            }
            json.end();
        }
    }

    void resourcePolicy(Path file, Secret secret) {
        try (CliJson json = CliJson.open(file)) {
            json.field("ARN", secret.arn())
                    .field("Name", secret.name())
                    .field("ResourcePolicy", CliJson.compact(secret.resourcePolicy()));
        }
    }

    void describeParameters(Path file, List<Parameter> parameters) {
        try (CliJson json = CliJson.open(file)) {
            json.array("Parameters");
            for (Parameter parameter : parameters) {
                json.object()
                        .field("Name", parameter.name())
                        .field("ARN", parameter.arn())
                        .field("Type", parameter.type())
                        .field("KeyId", parameter.keyId())
                        .time("LastModifiedDate", parameter.lastModified())
                        .field("LastModifiedUser", "arn:aws:sts::" + account + ":assumed-role/ci-deploy/deploy")
                        .field("Version", parameter.version())
                        .field("Tier", "Standard")
                        .emptyArray("Policies")
                        .field("DataType", "text")
                        .end();
            }
            json.end();
        }
    }

    void listAliases(Path file, List<Alias> aliases) {
        try (CliJson json = CliJson.open(file)) {
            json.array("Aliases");
            for (Alias alias : aliases) {
                json.object()
                        .field("AliasName", alias.name())
                        .field("AliasArn", "arn:aws:kms:" + region + ":" + account + ":" + alias.name())
                        .field("TargetKeyId", alias.targetKeyId())
                        .time("CreationDate", alias.createdAt())
                        .time("LastUpdatedDate", alias.createdAt())
                        .end();
            }
            json.end();
        }
    }

    void describeKey(Path file, Key key) {
        try (CliJson json = CliJson.open(file)) {
            json.object("KeyMetadata")
                    .field("AWSAccountId", account)
                    .field("KeyId", key.id())
                    .field("Arn", key.arn())
                    .time("CreationDate", key.createdAt())
                    .field("Enabled", true)
                    .field("Description", key.description())
                    .field("KeyUsage", "ENCRYPT_DECRYPT")
                    .field("KeyState", "Enabled")
                    .field("Origin", "AWS_KMS")
                    .field("KeyManager", "CUSTOMER")
                    .field("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT")
                    .field("KeySpec", "SYMMETRIC_DEFAULT")
                    .strings("EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"))
                    .field("MultiRegion", false)
                    .end();
        }
    }

    void keyPolicy(Path file, Key key) {
        try (CliJson json = CliJson.open(file)) {
            json.field("Policy", CliJson.compact(key.policy())).field("PolicyName", "default");
        }
    }

    void keyRotationStatus(Path file, Key key) {
        try (CliJson json = CliJson.open(file)) {
            json.field("KeyRotationEnabled", key.rotation()).field("KeyId", key.arn());
            if (key.rotation()) {
                json.field("RotationPeriodInDays", 365).time("NextRotationDate", key.nextRotation());
            }
        }
    }
}
