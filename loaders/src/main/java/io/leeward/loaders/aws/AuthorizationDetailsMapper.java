package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.IamGroup;
import static io.leeward.graph.schema.NodeLabel.IamPolicy;
import static io.leeward.graph.schema.NodeLabel.IamRole;
import static io.leeward.graph.schema.NodeLabel.IamUser;
import static io.leeward.graph.schema.NodeLabel.InstanceProfile;
import static io.leeward.graph.schema.RelType.HAS_POLICY;
import static io.leeward.graph.schema.RelType.HAS_ROLE;
import static io.leeward.graph.schema.RelType.IN_ACCOUNT;
import static io.leeward.graph.schema.RelType.MEMBER_OF;
import static io.leeward.graph.schema.RelType.PERMISSIONS_BOUNDARY;
import static io.leeward.graph.schema.RelType.TRUSTS;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import io.leeward.loaders.ingest.JsonRecord;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code iam get-account-authorization-details} (GAAD): one record per element of its four arrays.
 *
 * <ul>
 *   <li>{@code UserDetailList}: an IamUser, MEMBER_OF its groups (by name, resolved to the group's
 *       ARN once the group is read), HAS_POLICY to its attached managed and its inline policies,
 *       PERMISSIONS_BOUNDARY to its boundary;
 *   <li>{@code GroupDetailList}: an IamGroup with HAS_POLICY to its managed and inline policies;
 *   <li>{@code RoleDetailList}: an IamRole with its trust policy and what it says (trusted services,
 *       accounts, principals, federated providers, anyone), TRUSTS to the roles, users and accounts
 *       its trust policy names, HAS_POLICY, PERMISSIONS_BOUNDARY, and its InstanceProfiles with
 *       HAS_ROLE;
 *   <li>{@code Policies}: an IamPolicy per managed policy with the document of its default version
 *       only.
 * </ul>
 *
 * Inline policies are IamPolicy nodes keyed {@code <principal ARN>#<policy name>}. Customer-managed
 * policies, principals, inline policies and instance profiles are IN_ACCOUNT of the directory's
 * account. AWS-managed policies ({@code arn:aws:iam::aws:policy/…}) appear in every account's GAAD
 * but belong to none: one node per ARN with {@code account} {@code aws} and no IN_ACCOUNT, so no
 * account's stale cleanup removes what another account still attaches; the relationships to them
 * are the account's and are cleaned with it. Every relationship target is referenced first, since
 * the document lists users before the groups and policies they point at.
 */
final class AuthorizationDetailsMapper implements RecordMapper {
    /** The arrays of a GAAD response, in the order the AWS CLI prints them. */
    static final List<String> ARRAYS = List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

    /** The account of AWS-managed policies in their ARNs, and of their nodes. */
    static final String AWS_MANAGED = "aws";

    @Override
    public void map(JsonRecord record, RegionContext context, Emitter out) {
        JsonFields fields = record.fields();
        String array = record.array() == null ? "" : record.array();
        switch (array) {
            case "UserDetailList" -> user(fields, context, out);
            case "GroupDetailList" -> group(fields, context, out);
            case "RoleDetailList" -> role(fields, context, out);
            case "Policies" -> policy(fields, context, out);
            default ->
                throw new InvalidRecordException(
                        record.pointer(), "expected an element of one of the arrays " + String.join(", ", ARRAYS));
        }
    }

    @Override
    public void map(JsonFields record, RegionContext context, Emitter out) {
        throw new InvalidRecordException(record.pointer(), "expected an element of one of the arrays " + ARRAYS);
    }

    private static void user(JsonFields user, RegionContext context, Emitter out) {
        String id = context.own(user, "Arn", AwsArns.IAM_USER).toString();
        List<String> groups = user.strings("GroupList");
        Arn boundary = boundary(user, context);
        var p = Emitter.props();
        p.put("name", user.string("UserName"));
        p.put("path", user.optionalString("Path"));
        p.put("userId", user.optionalString("UserId"));
        p.put("createDate", user.optionalTime("CreateDate"));
        p.put("groups", groups);
        p.put("permissionsBoundaryArn", boundary == null ? null : boundary.toString());
        p.put("tags", Tags.ec2(user, "Tags").json());
        out.node(IamUser, id, p);
        out.rel(IN_ACCOUNT, IamUser, id, AwsAccount, context.account());
        policies(user, "UserPolicyList", IamUser, id, context, out);
        if (boundary != null) {
            out.rel(PERMISSIONS_BOUNDARY, IamUser, id, IamPolicy, managedPolicy(boundary, out));
        }
        for (String group : groups) {
            String groupArn = context.group(group);
            if (groupArn == null) {
                context.awaitGroup(group, id);
            } else {
                out.rel(MEMBER_OF, IamUser, id, IamGroup, groupArn);
            }
        }
    }

    private static void group(JsonFields group, RegionContext context, Emitter out) {
        String id = context.own(group, "Arn", AwsArns.IAM_GROUP).toString();
        String name = group.string("GroupName");
        var p = Emitter.props();
        p.put("name", name);
        p.put("path", group.optionalString("Path"));
        p.put("groupId", group.optionalString("GroupId"));
        p.put("createDate", group.optionalTime("CreateDate"));
        out.node(IamGroup, id, p);
        out.rel(IN_ACCOUNT, IamGroup, id, AwsAccount, context.account());
        policies(group, "GroupPolicyList", IamGroup, id, context, out);
        for (String member : context.groupLoaded(name, id)) {
            out.rel(MEMBER_OF, IamUser, member, IamGroup, id);
        }
    }

    private static void role(JsonFields role, RegionContext context, Emitter out) {
        String id = context.own(role, "Arn", AwsArns.IAM_ROLE).toString();
        JsonNode trustDocument = PolicyDocuments.optional(role, "AssumeRolePolicyDocument");
        var trust = TrustPolicy.of(trustDocument);
        Arn boundary = boundary(role, context);
        JsonFields lastUsed = role.optionalObject("RoleLastUsed");
        var p = Emitter.props();
        p.put("name", role.string("RoleName"));
        p.put("path", role.optionalString("Path"));
        p.put("roleId", role.optionalString("RoleId"));
        p.put("description", role.optionalString("Description"));
        p.put("createDate", role.optionalTime("CreateDate"));
        p.put("maxSessionDuration", role.optionalInt("MaxSessionDuration"));
        p.put("roleLastUsed", lastUsed == null ? null : lastUsed.optionalTime("LastUsedDate"));
        p.put("roleLastUsedRegion", lastUsed == null ? null : lastUsed.optionalString("Region"));
        p.put("permissionsBoundaryArn", boundary == null ? null : boundary.toString());
        p.put("tags", Tags.ec2(role, "Tags").json());
        p.put("trustPolicy", PolicyDocuments.compact(trustDocument));
        p.put("trustedServices", trust.services());
        p.put("trustedAccounts", trust.accounts());
        p.put("trustedPrincipals", trust.awsPrincipals());
        p.put("trustedFederated", trust.federated());
        p.put("trustsAnyone", trust.anyone());
        p.put("trustConditionKeys", trust.conditionKeys());
        out.node(IamRole, id, p);
        out.rel(IN_ACCOUNT, IamRole, id, AwsAccount, context.account());
        policies(role, "RolePolicyList", IamRole, id, context, out);
        if (boundary != null) {
            out.rel(PERMISSIONS_BOUNDARY, IamRole, id, IamPolicy, managedPolicy(boundary, out));
        }
        for (String principal : trust.awsPrincipals()) {
            trusts(id, principal, out);
        }
        for (JsonFields profile : role.objects("InstanceProfileList")) {
            instanceProfile(profile, context, out);
        }
    }

    /** TRUSTS to the account, role or user an AWS principal names; other principals stay in properties. */
    private static void trusts(String roleArn, String principal, Emitter out) {
        String account = TrustPolicy.accountOf(principal);
        if (account == null) {
            return; // a unique id (AROA…) of a deleted principal, or a form naming nothing loadable
        }
        if (TrustPolicy.isAccount(principal)) {
            out.reference(AwsAccount, account, account, null, Map.of());
            out.rel(TRUSTS, IamRole, roleArn, AwsAccount, account);
            return;
        }
        Arn arn = Arn.parse(principal);
        NodeLabel label = label(arn);
        if (label != null) {
            out.reference(label, arn.toString(), account, null, Map.of());
            out.rel(TRUSTS, IamRole, roleArn, label, arn.toString());
        }
    }

    private static NodeLabel label(Arn arn) {
        if (AwsArns.IAM_ROLE.matches(arn)) {
            return IamRole;
        }
        return AwsArns.IAM_USER.matches(arn) ? IamUser : null;
    }

    private static void instanceProfile(JsonFields profile, RegionContext context, Emitter out) {
        String id = context.own(profile, "Arn", AwsArns.INSTANCE_PROFILE).toString();
        var p = Emitter.props();
        p.put("name", profile.string("InstanceProfileName"));
        p.put("path", profile.optionalString("Path"));
        p.put("instanceProfileId", profile.optionalString("InstanceProfileId"));
        p.put("createDate", profile.optionalTime("CreateDate"));
        out.node(InstanceProfile, id, p);
        out.rel(IN_ACCOUNT, InstanceProfile, id, AwsAccount, context.account());
        for (JsonFields role : profile.objects("Roles")) {
            String roleArn = context.own(role, "Arn", AwsArns.IAM_ROLE).toString();
            out.reference(IamRole, roleArn, context.account(), null, Map.of());
            out.rel(HAS_ROLE, InstanceProfile, id, IamRole, roleArn);
        }
    }

    private static void policy(JsonFields policy, RegionContext context, Emitter out) {
        Arn arn = managedArn(policy, "Arn", context);
        String id = arn.toString();
        String defaultVersion = policy.string("DefaultVersionId");
        JsonNode document = null;
        for (JsonFields version : policy.objects("PolicyVersionList")) {
            if (defaultVersion.equals(version.optionalString("VersionId"))) {
                document = PolicyDocuments.read(version, "Document");
            }
        }
        if (document == null) {
            throw policy.invalid(
                    "PolicyVersionList",
                    "an array holding the default version " + defaultVersion + " and its Document");
        }
        boolean awsManaged = arn.account().equals(AWS_MANAGED);
        var p = Emitter.props();
        p.put("name", policy.string("PolicyName"));
        p.put("arn", id);
        p.put("path", policy.optionalString("Path"));
        p.put("policyId", policy.optionalString("PolicyId"));
        p.put("policyType", awsManaged ? "aws-managed" : "managed");
        p.put("description", policy.optionalString("Description"));
        p.put("defaultVersionId", defaultVersion);
        p.put("document", PolicyDocuments.compact(document));
        p.put("attachmentCount", policy.optionalInt("AttachmentCount"));
        p.put("permissionsBoundaryUsageCount", policy.optionalInt("PermissionsBoundaryUsageCount"));
        p.put("isAttachable", policy.optionalBool("IsAttachable"));
        p.put("createDate", policy.optionalTime("CreateDate"));
        p.put("updateDate", policy.optionalTime("UpdateDate"));
        if (awsManaged) {
            out.node(IamPolicy, id, AWS_MANAGED, p);
        } else {
            out.node(IamPolicy, id, p);
            out.rel(IN_ACCOUNT, IamPolicy, id, AwsAccount, context.account());
        }
    }

    /** HAS_POLICY to the attached managed policies and the inline policies of a user, group or role. */
    private static void policies(
            JsonFields principal, String inlineField, NodeLabel label, String id, RegionContext context, Emitter out) {
        for (JsonFields attached : principal.objects("AttachedManagedPolicies")) {
            Arn arn = managedArn(attached, "PolicyArn", context);
            out.rel(HAS_POLICY, label, id, IamPolicy, managedPolicy(arn, out));
        }
        for (JsonFields inline : principal.objects(inlineField)) {
            String name = inline.string("PolicyName");
            String policyId = id + "#" + name;
            var p = Emitter.props();
            p.put("name", name);
            p.put("policyType", "inline");
            p.put("principalArn", id);
            p.put("document", PolicyDocuments.compact(PolicyDocuments.read(inline, "PolicyDocument")));
            out.node(IamPolicy, policyId, p);
            out.rel(IN_ACCOUNT, IamPolicy, policyId, AwsAccount, context.account());
            out.rel(HAS_POLICY, label, id, IamPolicy, policyId);
        }
    }

    /** A managed policy's ARN: AWS-managed, or customer-managed in this directory's account. */
    private static Arn managedArn(JsonFields record, String field, RegionContext context) {
        Arn arn = record.arn(field, AwsArns.IAM_POLICY);
        if (arn.account().equals(AWS_MANAGED)) {
            return arn;
        }
        return context.own(record, field, AwsArns.IAM_POLICY);
    }

    /** References a managed policy, which the Policies array writes later, and returns its key. */
    private static String managedPolicy(Arn arn, Emitter out) {
        boolean awsManaged = arn.account().equals(AWS_MANAGED);
        out.reference(
                IamPolicy,
                arn.toString(),
                arn.account(),
                null,
                Map.of("policyType", awsManaged ? "aws-managed" : "managed"));
        return arn.toString();
    }

    private static Arn boundary(JsonFields principal, RegionContext context) {
        JsonFields boundary = principal.optionalObject("PermissionsBoundary");
        return boundary == null ? null : managedArn(boundary, "PermissionsBoundaryArn", context);
    }
}
