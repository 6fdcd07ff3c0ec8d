package io.leeward.app.demo;

import io.leeward.app.demo.Inventory.Group;
import io.leeward.app.demo.Inventory.ManagedPolicy;
import io.leeward.app.demo.Inventory.NamedPolicy;
import io.leeward.app.demo.Inventory.PolicyVersion;
import io.leeward.app.demo.Inventory.Role;
import io.leeward.app.demo.Inventory.User;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aws iam get-account-authorization-details} as AWS CLI v2 prints it: {@code UserDetailList},
 * {@code GroupDetailList}, {@code RoleDetailList} and {@code Policies}, with every policy document
 * decoded into a JSON object (the CLI decodes the API's URL-encoded text), every listed policy
 * version carrying its {@code Document}, and {@code IsTruncated} false.
 */
final class IamDocuments {
    private final String account;
    private final String region;

    IamDocuments(String account, String region) {
        this.account = account;
        this.region = region;
    }

    void authorizationDetails(Path file, Inventory inventory) {
        Map<String, Integer> attachments = new HashMap<>();
        Map<String, Integer> boundaries = new HashMap<>();
        inventory.users().forEach(u -> {
            u.attached().forEach(arn -> attachments.merge(arn, 1, Integer::sum));
            if (u.boundaryArn() != null) {
                boundaries.merge(u.boundaryArn(), 1, Integer::sum);
            }
        });
        inventory.groups().forEach(g -> g.attached().forEach(arn -> attachments.merge(arn, 1, Integer::sum)));
        inventory.roles().forEach(r -> {
            r.attached().forEach(arn -> attachments.merge(arn, 1, Integer::sum));
            if (r.boundaryArn() != null) {
                boundaries.merge(r.boundaryArn(), 1, Integer::sum);
            }
        });
        try (CliJson json = CliJson.open(file)) {
            json.array("UserDetailList");
            inventory.users().forEach(user -> user(json, user));
            json.end().array("GroupDetailList");
            inventory.groups().forEach(group -> group(json, group));
            json.end().array("RoleDetailList");
            inventory.roles().forEach(role -> role(json, role));
            json.end().array("Policies");
            for (ManagedPolicy policy : inventory.policies()) {
                policy(
                        json,
                        policy,
                        attachments.getOrDefault(policy.arn(), 0),
                        boundaries.getOrDefault(policy.arn(), 0));
            }
            json.end().field("IsTruncated", false);
        }
    }

    private void user(CliJson json, User user) {
        json.object()
                .field("Path", "/")
                .field("UserName", user.name())
                .field("UserId", user.id())
                .field("Arn", "arn:aws:iam::" + account + ":user/" + user.name())
                .time("CreateDate", user.createdAt());
        inline(json, "UserPolicyList", user.inline());
        json.strings("GroupList", user.groups());
        attached(json, user.attached());
        boundary(json, user.boundaryArn());
        tags(json, user.tags());
        json.end();
    }

    private void group(CliJson json, Group group) {
        json.object()
                .field("Path", "/")
                .field("GroupName", group.name())
                .field("GroupId", group.id())
                .field("Arn", "arn:aws:iam::" + account + ":group/" + group.name())
                .time("CreateDate", group.createdAt());
        inline(json, "GroupPolicyList", group.inline());
        attached(json, group.attached());
        json.end();
    }

    private void role(CliJson json, Role role) {
        String arn = "arn:aws:iam::" + account + ":role" + role.path() + role.name();
        json.object()
                .field("Path", role.path())
                .field("RoleName", role.name())
                .field("RoleId", role.id())
                .field("Arn", arn)
                .time("CreateDate", role.createdAt())
                .tree("AssumeRolePolicyDocument", role.trust())
                .array("InstanceProfileList");
        if (role.profile() != null) {
            json.object()
                    .field("Path", "/")
                    .field("InstanceProfileName", role.profile().name())
                    .field("InstanceProfileId", role.profile().id())
                    .field(
                            "Arn",
                            "arn:aws:iam::" + account + ":instance-profile/"
                                    + role.profile().name())
                    .time("CreateDate", role.profile().createdAt())
                    .array("Roles")
                    .object()
                    .field("Path", role.path())
                    .field("RoleName", role.name())
                    .field("RoleId", role.id())
                    .field("Arn", arn)
                    .time("CreateDate", role.createdAt())
                    .tree("AssumeRolePolicyDocument", role.trust())
                    .end()
                    .end()
                    .end();
        }
        json.end();
        inline(json, "RolePolicyList", role.inline());
        attached(json, role.attached());
        boundary(json, role.boundaryArn());
        tags(json, role.tags());
        json.object("RoleLastUsed");
        if (role.lastUsed() != null) {
            json.time("LastUsedDate", role.lastUsed()).field("Region", region);
        }
        json.end().end();
    }

    private void policy(CliJson json, ManagedPolicy policy, int attachmentCount, int boundaryCount) {
        PolicyVersion current = policy.defaultVersion();
        json.object()
                .field("PolicyName", policy.name())
                .field("PolicyId", policy.id())
                .field("Arn", policy.arn())
                .field("Path", policy.path())
                .field("DefaultVersionId", current.id())
                .field("AttachmentCount", attachmentCount)
                .field("PermissionsBoundaryUsageCount", boundaryCount)
                .field("IsAttachable", true)
                .time("CreateDate", policy.createdAt())
                .time("UpdateDate", current.createdAt())
                .array("PolicyVersionList");
        for (PolicyVersion version : policy.versions().reversed()) {
            json.object()
                    .tree("Document", version.document())
                    .field("VersionId", version.id())
                    .field("IsDefaultVersion", version == current)
                    .time("CreateDate", version.createdAt())
                    .end();
        }
        json.end().end();
    }

    private static void inline(CliJson json, String name, List<NamedPolicy> policies) {
        json.array(name);
        for (NamedPolicy policy : policies) {
            json.object()
                    .field("PolicyName", policy.name())
                    .tree("PolicyDocument", policy.document())
                    .end();
        }
        json.end();
    }

    private static void attached(CliJson json, List<String> arns) {
        json.array("AttachedManagedPolicies");
        for (String arn : arns) {
            json.object()
                    .field("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                    .field("PolicyArn", arn)
                    .end();
        }
        json.end();
    }

    /** Tags, left out when there are none, as IAM leaves out an empty list. */
    private static void tags(CliJson json, List<CliJson.NameValue> tags) {
        if (!tags.isEmpty()) {
            json.pairs("Tags", "Key", "Value", tags);
        }
    }

    private static void boundary(CliJson json, String arn) {
        if (arn != null) {
            json.object("PermissionsBoundary")
                    .field("PermissionsBoundaryType", "Policy")
                    .field("PermissionsBoundaryArn", arn)
                    .end();
        }
    }
}
