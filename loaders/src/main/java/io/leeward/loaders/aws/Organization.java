package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.IamPolicy;
import static io.leeward.graph.schema.RelType.HAS_POLICY;

import io.leeward.graph.store.Scope;
import io.leeward.graph.store.SyncSession;
import io.leeward.loaders.aws.Layout.InputFile;
import io.leeward.loaders.aws.Layout.RegionInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of one organization as its Organizations files describe it, as ids only: roots, each
 * OU's and account's parent, the service and resource control policies and what they are attached
 * to. Once the last file is read, {@link #finish} writes HAS_POLICY from each member account to every
 * policy that governs it, attached to the account, an OU above it or the root, with {@code via} (the
 * target ids, root first) and {@code viaType} (ROOT, ORGANIZATIONAL_UNIT or ACCOUNT, one per target).
 * The management account gets none: service and resource control policies do not apply to it.
 *
 * <p>Scopes: the organization's policies and HAS_POLICY belong to the organization id ({@code
 * aws|o-…|global|IamPolicy}), apart from the management account's own IAM. An account node keeps
 * its own account id, as {@code DIR/<account>/} writes it, so the organization's cleanup never
 * deletes an account that the account's own data still points at; an account that left the
 * organization loses its HAS_POLICY relationships but keeps the properties last read. HAS_POLICY is
 * complete only when every root and OU has both listings and every policy its targets: a missing
 * file is never guessed around, and nothing of the organization is deleted then.
 */
final class Organization {
    private String id;
    private String management;
    private final Set<String> roots = new LinkedHashSet<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private final Set<String> listed = new LinkedHashSet<>();
    private final Set<String> described = new HashSet<>();
    private final Map<String, String> policies = new LinkedHashMap<>();
    private final Map<String, String> skipped = new HashMap<>();
    private final Map<String, List<String>> attachments = new LinkedHashMap<>();
    private final Set<String> attached = new LinkedHashSet<>();

    /** The organization id ({@code o-…}); null until a describe-organization file is read. */
    String id() {
        return id;
    }

    /** The management account's id; null until a describe-organization file is read. */
    String management() {
        return management;
    }

    void described(String organizationId, String managementAccount) {
        this.id = organizationId;
        this.management = managementAccount;
    }

    void root(String rootId) {
        roots.add(rootId);
    }

    void unit(String unitId, String parent) {
        parents.put(unitId, parent);
    }

    void account(String accountId, String parent) {
        accounts.put(accountId, parent);
    }

    /** A service or resource control policy that list-policies names. */
    void listed(String policyId) {
        listed.add(policyId);
    }

    /** A policy a describe-policy file describes, of any type. */
    void policyDescribed(String policyId) {
        described.add(policyId);
    }

    /** A service or resource control policy loaded, and the key of its node. */
    void policy(String policyId, String key) {
        policies.put(policyId, key);
    }

    /** A policy of a type not read (a tag policy), so that its attachments are skipped too. */
    void skipped(String policyId, String type) {
        skipped.put(policyId, type);
    }

    /** The type of a policy skipped, or null. */
    String skippedType(String policyId) {
        return skipped.get(policyId);
    }

    void attach(String policyId, String target) {
        attachments.computeIfAbsent(target, k -> new ArrayList<>()).add(policyId);
        attached.add(policyId);
    }

    /**
     * The containers from a root down to {@code container} ({@code [r-…, ou-…, ou-…]}); null when the
     * chain of parents does not reach a root.
     */
    List<String> path(String container) {
        var path = new ArrayDeque<String>();
        String current = container;
        while (!roots.contains(current)) {
            path.addFirst(current);
            current = parents.get(current);
            if (current == null || path.size() > parents.size()) {
                return null;
            }
        }
        path.addFirst(current);
        return List.copyOf(path);
    }

    /**
     * After the directory's files are read: writes HAS_POLICY and declares the organization's
     * IamPolicy and HAS_POLICY scopes, complete or incomplete with the reasons. Does nothing for a
     * directory without Organizations files, or when no organization id was read (its records were all
     * rejected then, and nothing can be scoped).
     */
    void finish(RegionInput input, Map<FileKind, List<String>> problems, Emitter out, SyncSession session) {
        Set<FileKind> present = EnumSet.noneOf(FileKind.class);
        Map<FileKind, Set<String>> named = new EnumMap<>(FileKind.class);
        for (FileKind kind : FileKind.values()) {
            if (input.has(kind)) {
                present.add(kind);
                named.put(kind, resources(input, kind));
            }
        }
        finish(input.name(), present, named, problems, out, session);
    }

    /**
     * As {@link #finish(RegionInput, Map, Emitter, SyncSession)}, from the kinds present and the
     * resources their sources were named after (the live sync's pages).
     */
    void finish(
            String name,
            Set<FileKind> present,
            Map<FileKind, Set<String>> named,
            Map<FileKind, List<String>> problems,
            Emitter out,
            SyncSession session) {
        var input = new Sources(name, present, named);
        boolean any = false;
        for (FileKind kind : FileKind.values()) {
            any |= kind.isOrganization() && input.has(kind);
        }
        if (!any || id == null) {
            return;
        }
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            governed(account.getKey(), account.getValue(), out);
        }
        var policyReasons = policyReasons(input, problems);
        declare(session, Scope.of(AwsCliImport.SOURCE, id, null, IamPolicy), policyReasons);
        var reasons = new LinkedHashSet<>(policyReasons);
        reasons.addAll(treeReasons(input, problems));
        declare(session, Scope.of(AwsCliImport.SOURCE, id, null, HAS_POLICY), reasons);
    }

    /** HAS_POLICY from one member account to each policy attached on its way from the root. */
    private void governed(String account, String parent, Emitter out) {
        List<String> path = path(parent);
        if (path == null || account.equals(management)) {
            return;
        }
        var chain = new ArrayList<>(path);
        chain.add(account);
        var via = new LinkedHashMap<String, List<String>>();
        var viaTypes = new LinkedHashMap<String, List<String>>();
        for (String target : chain) {
            for (String policy : attachments.getOrDefault(target, List.of())) {
                if (policies.containsKey(policy)) {
                    via.computeIfAbsent(policy, k -> new ArrayList<>()).add(target);
                    viaTypes.computeIfAbsent(policy, k -> new ArrayList<>()).add(typeOf(target));
                }
            }
        }
        for (String policy : via.keySet()) {
            var p = Emitter.props();
            p.put("via", via.get(policy));
            p.put("viaType", viaTypes.get(policy));
            out.relOwnedBy(id, HAS_POLICY, AwsAccount, account, IamPolicy, policies.get(policy), p);
        }
        out.commit();
    }

    private Set<String> policyReasons(Sources input, Map<FileKind, List<String>> problems) {
        var reasons = new LinkedHashSet<String>();
        for (FileKind kind : List.of(FileKind.ORGANIZATION, FileKind.POLICY_LIST, FileKind.POLICIES)) {
            reasons.addAll(problems.getOrDefault(kind, List.of()));
        }
        if (!input.has(FileKind.POLICIES) && !input.has(FileKind.POLICY_LIST)) {
            // with list-policies, an organization without policies of these types is told from a missing file
            reasons.add("no " + FileKind.POLICIES.operation() + "_<policy id>.json nor "
                    + FileKind.POLICY_LIST.operation() + "*.json in " + input.name());
        }
        var files = input.resources(FileKind.POLICIES);
        for (String policy : listed) {
            if (!described.contains(policy) && !files.contains(policy)) {
                reasons.add(missing(FileKind.POLICIES, policy, input));
            }
        }
        return reasons;
    }

    private Set<String> treeReasons(Sources input, Map<FileKind, List<String>> problems) {
        var reasons = new LinkedHashSet<String>();
        for (FileKind kind :
                List.of(FileKind.ROOTS, FileKind.ORGANIZATIONAL_UNITS, FileKind.ACCOUNTS, FileKind.POLICY_TARGETS)) {
            reasons.addAll(problems.getOrDefault(kind, List.of()));
        }
        if (!input.has(FileKind.ROOTS)) {
            reasons.add("no " + FileKind.ROOTS.operation() + "*.json in " + input.name());
        }
        var units = input.resources(FileKind.ORGANIZATIONAL_UNITS);
        var accountListings = input.resources(FileKind.ACCOUNTS);
        var containers = new ArrayList<>(roots);
        containers.addAll(parents.keySet().stream().sorted().toList());
        for (String container : containers) {
            if (!units.contains(container)) {
                reasons.add(missing(FileKind.ORGANIZATIONAL_UNITS, container, input));
            }
            if (!accountListings.contains(container)) {
                reasons.add(missing(FileKind.ACCOUNTS, container, input));
            }
        }
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            if (path(account.getValue()) == null) {
                reasons.add("no listing of organizational units under a root names " + account.getValue()
                        + ", the parent of account " + account.getKey());
            }
        }
        var targets = input.resources(FileKind.POLICY_TARGETS);
        for (String policy : policies.keySet()) {
            if (!targets.contains(policy)) {
                reasons.add(missing(FileKind.POLICY_TARGETS, policy, input));
            }
        }
        var files = input.resources(FileKind.POLICIES);
        for (String policy : attached) {
            if (!described.contains(policy) && !files.contains(policy)) {
                reasons.add(missing(FileKind.POLICIES, policy, input));
            }
        }
        return reasons;
    }

    private static void declare(SyncSession session, Scope scope, Collection<String> reasons) {
        if (reasons.isEmpty()) {
            session.covers(scope);
        } else {
            session.incomplete(scope, String.join("; ", reasons));
        }
    }

    private static Set<String> resources(RegionInput input, FileKind kind) {
        var resources = new HashSet<String>();
        for (InputFile file : input.files(kind)) {
            if (file.resource() != null) {
                resources.add(file.resource());
            }
        }
        return resources;
    }

    /** The kinds a directory or a live global part had, and the resources their sources were named after. */
    private record Sources(String name, Set<FileKind> present, Map<FileKind, Set<String>> named) {
        boolean has(FileKind kind) {
            return present.contains(kind);
        }

        Set<String> resources(FileKind kind) {
            return named.getOrDefault(kind, Set.of());
        }
    }

    private static String missing(FileKind kind, String resource, Sources input) {
        return "no " + kind.operation() + "_" + resource + ".json in " + input.name();
    }

    private static String typeOf(String target) {
        if (target.startsWith("r-")) {
            return "ROOT";
        }
        return target.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT";
    }
}
