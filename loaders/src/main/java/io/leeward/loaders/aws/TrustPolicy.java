package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What a role's trust policy says about who may assume it, read from its {@code Allow} statements'
 * {@code Principal}: AWS principals (accounts, roles, users, {@code *}), services and federated
 * identity providers, and the condition keys the statements test (such as {@code sts:ExternalId}).
 * {@code Deny} statements and {@code NotPrincipal} only narrow who may assume a role and are left to
 * the policy evaluator, which reads the whole document.
 */
record TrustPolicy(
        List<String> awsPrincipals,
        List<String> services,
        List<String> federated,
        List<String> accounts,
        boolean anyone,
        List<String> conditionKeys) {

    TrustPolicy {
        awsPrincipals = List.copyOf(awsPrincipals);
        services = List.copyOf(services);
        federated = List.copyOf(federated);
        accounts = List.copyOf(accounts);
        conditionKeys = List.copyOf(conditionKeys);
    }

    static TrustPolicy of(JsonNode document) {
        var aws = new TreeSet<String>();
        var services = new TreeSet<String>();
        var federated = new TreeSet<String>();
        var conditionKeys = new TreeSet<String>();
        boolean anyone = false;
        for (JsonNode statement : list(document == null ? null : document.get("Statement"))) {
            if (!statement.isObject() || !"Allow".equals(text(statement.get("Effect")))) {
                continue;
            }
            JsonNode principal = statement.get("Principal");
            if (principal != null && principal.isString() && "*".equals(principal.stringValue())) {
                anyone = true;
            } else if (principal != null && principal.isObject()) {
                aws.addAll(strings(principal.get("AWS")));
                services.addAll(strings(principal.get("Service")));
                federated.addAll(strings(principal.get("Federated")));
            }
            conditionKeys.addAll(conditionKeys(statement.get("Condition")));
        }
        anyone |= aws.remove("*");
        var accounts = new TreeSet<String>();
        for (String principal : aws) {
            String account = accountOf(principal);
            if (account != null) {
                accounts.add(account);
            }
        }
        return new TrustPolicy(
                new ArrayList<>(aws),
                new ArrayList<>(services),
                new ArrayList<>(federated),
                new ArrayList<>(accounts),
                anyone,
                new ArrayList<>(conditionKeys));
    }

    /** The account a principal names: a bare 12-digit id or the account of its ARN; null otherwise. */
    static String accountOf(String principal) {
        if (Layout.isAccount(principal)) {
            return principal;
        }
        Arn arn = Arn.parse(principal);
        return arn != null && Layout.isAccount(arn.account()) ? arn.account() : null;
    }

    /** Whether a principal names a whole account: a bare id or {@code arn:aws:iam::<id>:root}. */
    static boolean isAccount(String principal) {
        if (Layout.isAccount(principal)) {
            return true;
        }
        Arn arn = Arn.parse(principal);
        return arn != null && arn.service().equals("iam") && arn.resource().equals("root");
    }

    private static Set<String> conditionKeys(JsonNode condition) {
        var keys = new TreeSet<String>();
        if (condition != null && condition.isObject()) {
            for (JsonNode operator : condition.values()) {
                if (operator.isObject()) {
                    keys.addAll(operator.propertyNames());
                }
            }
        }
        return keys;
    }

    private static List<JsonNode> list(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value);
        }
        var result = new ArrayList<JsonNode>();
        value.forEach(result::add);
        return result;
    }

    private static List<String> strings(JsonNode value) {
        var result = new ArrayList<String>();
        for (JsonNode element : list(value)) {
            if (element.isString()) {
                result.add(element.stringValue());
            }
        }
        return result;
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
