package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.Arn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KMS keys and aliases of one account read so far, shared by its region directories and its
 * global one (read after them), so that the references other services make to a key, by key ARN,
 * key id, alias name or alias ARN, resolve to the key's ARN. Keys and alias names only.
 */
final class KmsKeys {
    private static final String ALIAS = "alias/";

    private final Map<String, String> keysByAlias = new HashMap<>();
    private final Map<String, List<String>> aliasesByKey = new HashMap<>();
    private final Set<String> described = new HashSet<>();
    private final Map<String, List<String>> failures = new HashMap<>();

    /** Notes an alias ({@code arn:aws:kms:…:alias/x}) of a key ({@code arn:aws:kms:…:key/…}). */
    void alias(String aliasArn, String aliasName, String keyArn) {
        keysByAlias.put(aliasArn, keyArn);
        aliasesByKey.computeIfAbsent(keyArn, k -> new ArrayList<>()).add(aliasName);
    }

    /** The alias names of a key, in the order read; empty when none. */
    List<String> aliasesOf(String keyArn) {
        return aliasesByKey.getOrDefault(keyArn, List.of()).stream().sorted().toList();
    }

    void described(String keyArn) {
        described.add(keyArn);
    }

    boolean isDescribed(String keyArn) {
        return described.contains(keyArn);
    }

    /**
     * The ARN of the key a reference names: a key ARN as is; an alias ARN, or an alias name ({@code
     * alias/x}) of {@code region}, through the aliases read so far; a bare key id ({@code 1234abcd-…},
     * {@code mrk-…}) as a key of {@code region}. Null when it cannot be resolved (an alias not read, a
     * region not known).
     */
    String resolve(String reference, String account, String region) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        Arn arn = Arn.parse(reference);
        if (arn != null) {
            if (!arn.service().equals("kms")) {
                return null;
            }
            if (AwsArns.KMS_KEY.matches(arn)) {
                return arn.toString();
            }
            return AwsArns.KMS_ALIAS.matches(arn) ? keysByAlias.get(arn.toString()) : null;
        }
        if (region == null || reference.startsWith("arn:")) {
            return null;
        }
        String prefix = "arn:" + AwsArns.partition(region) + ":kms:" + region + ":" + account + ":";
        if (reference.startsWith(ALIAS)) {
            return keysByAlias.get(prefix + reference);
        }
        return reference.indexOf('/') < 0 && reference.indexOf(':') < 0 ? prefix + "key/" + reference : null;
    }

    /** Notes that the keys or aliases of a region could not be read completely, and why. */
    void failed(String region, String reason) {
        failures.computeIfAbsent(region, r -> new java.util.ArrayList<>()).add(reason);
    }

    /**
     * Why keys may be missing that references resolve against: a region's failures, or every
     * region's for a null region (the account's global part, whose buckets use keys of any region).
     */
    List<String> failures(String region) {
        if (region != null) {
            return failures.getOrDefault(region, List.of());
        }
        return failures.values().stream().flatMap(List::stream).toList();
    }
}
