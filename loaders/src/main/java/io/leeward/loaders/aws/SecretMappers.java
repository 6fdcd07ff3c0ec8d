package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.Secret;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.List;
import java.util.TreeSet;

/**
 * Secrets Manager and SSM Parameter Store metadata of one region. Values are never read: the
 * mappers name every field they take, so a {@code SecretString}, {@code SecretBinary} or {@code
 * Value} in a record is passed over, and files of the value operations are skipped by the layout.
 *
 * <ul>
 *   <li>{@code secretsmanager list-secrets} ({@link #secrets}): a Secret per element of {@code
 *       SecretList}, keyed by its ARN, {@code service: "secretsmanager"}, {@code -IN_ACCOUNT->}
 *       AwsAccount, {@code -ENCRYPTED_WITH->} its KMS key (the account's {@code
 *       alias/aws/secretsmanager} key when {@code KmsKeyId} is absent and that alias was read).
 *   <li>{@code secretsmanager get-resource-policy} ({@link #policy}): {@code {"ARN", "Name",
 *       "ResourcePolicy"}} → the secret's {@code resourcePolicy}.
 *   <li>{@code ssm describe-parameters} ({@link #parameters}): a Secret per element of {@code
 *       Parameters}, keyed {@code arn:aws:ssm:<region>:<account>:parameter/<name without leading
 *       slash>} as task definitions name them, {@code service: "ssm"}; a {@code SecureString}
 *       {@code -ENCRYPTED_WITH->} its key.
 * </ul>
 */
final class SecretMappers {
    private static final String DEFAULT_SECRETS_KEY = "alias/aws/secretsmanager";

    private SecretMappers() {}

    static void secrets(JsonFields secret, RegionContext context, Emitter out) {
        Arn arn = context.own(secret, "ARN", AwsArns.SECRET);
        String id = arn.toString();
        String name = secret.string("Name");
        String kmsKey = secret.optionalString("KmsKeyId");
        var p = Emitter.props();
        p.put("name", name);
        p.put("service", "secretsmanager");
        p.put("description", secret.optionalString("Description"));
        p.put("kmsKeyId", kmsKey);
        p.put("rotationEnabled", secret.optionalBool("RotationEnabled"));
        p.put("rotationLambdaArn", secret.optionalString("RotationLambdaARN"));
        p.put("rotationRules", secret.json("RotationRules"));
        p.put("lastRotatedDate", secret.optionalTime("LastRotatedDate"));
        p.put("lastChangedDate", secret.optionalTime("LastChangedDate"));
        p.put("lastAccessedDate", secret.optionalTime("LastAccessedDate"));
        p.put("nextRotationDate", secret.optionalTime("NextRotationDate"));
        p.put("deletedDate", secret.optionalTime("DeletedDate"));
        p.put("createdDate", secret.optionalTime("CreatedDate"));
        p.put("primaryRegion", secret.optionalString("PrimaryRegion"));
        p.put("owningService", secret.optionalString("OwningService"));
        p.put("versionStages", versionStages(secret));
        p.put("tags", Tags.ec2(secret, "Tags").json());
        out.node(Secret, id, p);
        out.rel(IN_ACCOUNT, Secret, id, AwsAccount, context.account());
        String key = context.kmsKey(kmsKey == null ? DEFAULT_SECRETS_KEY : kmsKey, arn.region());
        KmsMappers.encryptedWith(out, context, Secret, id, key);
        context.secretLoaded(name, id);
    }

    static void policy(JsonFields document, RegionContext context, Emitter out) {
        Arn arn = context.own(document, "ARN", AwsArns.SECRET);
        if (!context.hasSecret(arn.toString())) {
            throw document.invalid(
                    "ARN",
                    "a secret that secretsmanager list-secrets lists in " + context.account() + "/" + context.region());
        }
        var p = Emitter.props();
        p.put("resourcePolicy", PolicyDocuments.compact(PolicyDocuments.optional(document, "ResourcePolicy")));
        out.node(Secret, arn.toString(), p);
    }

    static void parameters(JsonFields parameter, RegionContext context, Emitter out) {
        String name = parameter.string("Name");
        String id = "arn:" + AwsArns.partition(context.region()) + ":ssm:" + context.region() + ":" + context.account()
                + ":parameter" + (name.startsWith("/") ? name : "/" + name);
        String type = parameter.optionalString("Type");
        String kmsKey = parameter.optionalString("KeyId");
        var p = Emitter.props();
        p.put("name", name);
        p.put("service", "ssm");
        p.put("type", type);
        p.put("kmsKeyId", kmsKey);
        p.put("tier", parameter.optionalString("Tier"));
        p.put("version", parameter.optionalLong("Version"));
        p.put("lastModifiedDate", parameter.optionalTime("LastModifiedDate"));
        p.put("lastModifiedUser", parameter.optionalString("LastModifiedUser"));
        p.put("description", parameter.optionalString("Description"));
        p.put("dataType", parameter.optionalString("DataType"));
        p.put("policies", parameter.json("Policies"));
        out.node(Secret, id, p);
        out.rel(IN_ACCOUNT, Secret, id, AwsAccount, context.account());
        if ("SecureString".equals(type)) {
            KmsMappers.encryptedWith(out, context, Secret, id, context.kmsKey(kmsKey, context.region()));
        }
    }

    /** The stage names of {@code SecretVersionsToStages} ({@code AWSCURRENT}, …), sorted; version ids are dropped. */
    private static List<String> versionStages(JsonFields secret) {
        JsonFields versions = secret.optionalObject("SecretVersionsToStages");
        if (versions == null) {
            return List.of();
        }
        var stages = new TreeSet<String>();
        for (var entry : versions.node().properties()) {
            stages.addAll(versions.strings(entry.getKey()));
        }
        return List.copyOf(stages);
    }
}
