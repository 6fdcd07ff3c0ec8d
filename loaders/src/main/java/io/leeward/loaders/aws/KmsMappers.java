package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.KmsKey;
import static io.leeward.graph.schema.RelType.ENCRYPTED_WITH;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import java.util.Map;

/**
 * The KMS responses, read before every other kind so that the keys other services name resolve:
 *
 * <ul>
 *   <li>{@code kms list-aliases} ({@link #aliases}): each element of {@code Aliases} with a {@code
 *       TargetKeyId} maps its alias name and ARN to the key's ARN; writes nothing itself.
 *   <li>{@code kms list-keys} ({@link #keys}): a KmsKey per element of {@code Keys}, with its
 *       {@code keyId} only (a key listed but not described still appears).
 *   <li>{@code kms describe-key} ({@link #describe}): the document {@code {"KeyMetadata": {…}}} →
 *       KmsKey with its metadata and the aliases read, {@code -IN_ACCOUNT->} AwsAccount.
 *   <li>{@code kms get-key-policy} ({@link #policy}): {@code {"Policy": "<json>"}}, the key id in
 *       the file name ({@code kms-get-key-policy_<key id>.json}) → the key's {@code policy}.
 *   <li>{@code kms get-key-rotation-status} ({@link #rotation}): {@code KeyRotationEnabled}, {@code
 *       RotationPeriodInDays}, the key from {@code KeyId} or the file name.
 * </ul>
 *
 * Policy and rotation files must name a key that describe-key described in the same directory.
 */
final class KmsMappers {
    private KmsMappers() {}

    static void aliases(JsonFields alias, RegionContext context, Emitter out) {
        String name = alias.string("AliasName");
        if (!name.startsWith("alias/") || name.length() == "alias/".length()) {
            throw alias.invalid("AliasName", "an alias name (alias/…)");
        }
        String aliasArn = alias.has("AliasArn")
                ? context.own(alias, "AliasArn", AwsArns.KMS_ALIAS).toString()
                : prefix(context) + name;
        String target = alias.optionalString("TargetKeyId");
        if (target != null) {
            context.kmsKeys().alias(aliasArn, name, prefix(context) + "key/" + target);
        }
    }

    static void keys(JsonFields key, RegionContext context, Emitter out) {
        String keyId = key.string("KeyId");
        Arn arn = key.has("KeyArn") ? context.own(key, "KeyArn", AwsArns.KMS_KEY) : null;
        var p = Emitter.props();
        p.put("keyId", keyId);
        out.node(KmsKey, arn == null ? prefix(context) + "key/" + keyId : arn.toString(), p);
    }

    static void describe(JsonFields document, RegionContext context, Emitter out) {
        JsonFields key = document.object("KeyMetadata");
        Arn arn = context.own(key, "Arn", AwsArns.KMS_KEY);
        String id = arn.toString();
        String keyId = key.string("KeyId");
        var p = Emitter.props();
        p.put("keyId", keyId);
        p.put("description", key.optionalString("Description"));
        p.put("keyState", key.optionalString("KeyState"));
        p.put("keyManager", key.optionalString("KeyManager"));
        p.put(
                "keySpec",
                key.has("KeySpec") ? key.optionalString("KeySpec") : key.optionalString("CustomerMasterKeySpec"));
        p.put("keyUsage", key.optionalString("KeyUsage"));
        p.put("origin", key.optionalString("Origin"));
        p.put("multiRegion", key.optionalBool("MultiRegion"));
        p.put("enabled", key.optionalBool("Enabled"));
        p.put("creationDate", key.optionalTime("CreationDate"));
        p.put("deletionDate", key.optionalTime("DeletionDate"));
        p.put("encryptionAlgorithms", key.strings("EncryptionAlgorithms"));
        p.put("aliases", context.has(FileKind.KMS_ALIASES) ? context.kmsKeys().aliasesOf(id) : null);
        if (!context.hasFileFor(FileKind.KMS_KEY_POLICIES, keyId)) {
            p.put("policy", null);
        }
        out.node(KmsKey, id, p);
        out.rel(IN_ACCOUNT, KmsKey, id, AwsAccount, context.account());
        context.kmsKeys().described(id);
    }

    static void policy(JsonFields document, RegionContext context, Emitter out) {
        String keyId = context.fileResource(document, "key id");
        String arn = describedKey(document, context, keyId, prefix(context) + "key/" + keyId);
        var p = Emitter.props();
        p.put("policy", PolicyDocuments.compact(PolicyDocuments.read(document, "Policy")));
        out.node(KmsKey, arn, p);
    }

    static void rotation(JsonFields document, RegionContext context, Emitter out) {
        String keyId = document.has("KeyId") ? document.string("KeyId") : context.fileResource(document, "key id");
        String resolved = context.kmsKey(keyId, context.region());
        String arn = describedKey(document, context, keyId, resolved);
        var p = Emitter.props();
        p.put("rotationEnabled", document.bool("KeyRotationEnabled"));
        p.put("rotationPeriodInDays", document.optionalInt("RotationPeriodInDays"));
        p.put("nextRotationDate", document.optionalTime("NextRotationDate"));
        out.node(KmsKey, arn, p);
    }

    /**
     * {@code -ENCRYPTED_WITH->} the key a reference resolved to ({@link RegionContext#kmsKey}), a
     * placeholder when it was not described; nothing when it did not resolve.
     */
    static void encryptedWith(Emitter out, RegionContext context, NodeLabel from, String id, String key) {
        if (key == null) {
            return;
        }
        Arn arn = Arn.parse(key);
        if (!context.kmsKeys().isDescribed(key)) {
            out.reference(KmsKey, key, arn.account(), arn.region(), Map.of());
        }
        out.rel(ENCRYPTED_WITH, from, id, KmsKey, key);
    }

    private static String describedKey(JsonFields record, RegionContext context, String keyId, String arn) {
        if (arn == null || !context.kmsKeys().isDescribed(arn)) {
            throw new InvalidRecordException(
                    record.pointer(),
                    "expected a key that kms describe-key describes in " + context.account() + "/" + context.region()
                            + ", got key " + keyId);
        }
        return arn;
    }

    private static String prefix(RegionContext context) {
        return "arn:" + AwsArns.partition(context.region()) + ":kms:" + context.region() + ":" + context.account()
                + ":";
    }
}
