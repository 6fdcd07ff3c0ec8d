package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.AwsAccount;
import static io.leeward.graph.schema.NodeLabel.IamPolicy;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.ArnType;
import io.leeward.loaders.ingest.InvalidRecordException;
import io.leeward.loaders.ingest.JsonFields;
import java.util.List;

/**
 * AWS Organizations as the management (or a delegated administrator) account exports it into {@code
 * DIR/<account>/global/}, one mapper per file kind:
 *
 * <ul>
 *   <li>{@code describe-organization}: the organization's id and management account, which every
 *       other record needs; nothing is written for it;
 *   <li>{@code list-roots}: the roots ({@code r-…});
 *   <li>{@code list-organizational-units-for-parent_<parent>}: the OUs under the root or OU the file
 *       name carries;
 *   <li>{@code list-accounts-for-parent_<parent>}: an AwsAccount per member account with its name,
 *       email, status, how and when it joined, the organization id and its place in the tree ({@code
 *       ouPath}, root first, left out when the tree above it is not known);
 *   <li>{@code list-policies}: which service and resource control policies exist, so that a missing
 *       {@code describe-policy} file is noticed;
 *   <li>{@code describe-policy}: an IamPolicy per service control policy ({@code policyType} {@code
 *       scp}) or resource control policy ({@code rcp}) with its document; other policy types (tag,
 *       backup, AI opt-out, chatbot, declarative policies) are skipped with the reason;
 *   <li>{@code list-targets-for-policy_<policy>}: the roots, OUs and accounts the policy the file
 *       name carries is attached to.
 * </ul>
 *
 * The mappers keep the tree and the attachments as ids in {@link Organization}, which writes
 * HAS_POLICY once the last file is read. Policies belong to the organization ({@code account} its
 * id), AWS-managed ones ({@code FullAWSAccess}) to {@code aws}, as AWS-managed IAM policies do.
 */
final class OrganizationMapper {
    static final RecordMapper ORGANIZATION = OrganizationMapper::organization;
    static final RecordMapper ROOTS = OrganizationMapper::root;
    static final RecordMapper ORGANIZATIONAL_UNITS = OrganizationMapper::unit;
    static final RecordMapper ACCOUNTS = OrganizationMapper::account;
    static final RecordMapper POLICY_LIST = OrganizationMapper::listedPolicy;
    static final RecordMapper POLICY = OrganizationMapper::policy;
    static final RecordMapper TARGETS = OrganizationMapper::target;

    private static final ArnType POLICY_ARN = ArnType.of("an Organizations policy", "organizations", "policy/");
    private static final String SCP = "SERVICE_CONTROL_POLICY";
    private static final String RCP = "RESOURCE_CONTROL_POLICY";
    private static final List<String> TARGET_TYPES = List.of("ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT");

    private OrganizationMapper() {}

    private static void organization(JsonFields record, RegionContext context, Emitter out) {
        JsonFields organization = record.object("Organization");
        String id = organization.id("Id", "o-", "an organization id");
        String management = accountId(organization, "MasterAccountId");
        Organization known = context.organization();
        if (known.id() != null && !known.id().equals(id)) {
            throw organization.invalid(
                    "Id", "the organization " + known.id() + " that an earlier describe-organization file names");
        }
        known.described(id, management);
    }

    private static void root(JsonFields record, RegionContext context, Emitter out) {
        Organization organization = known(record, context);
        organization.root(record.id("Id", "r-", "a root id"));
    }

    private static void unit(JsonFields record, RegionContext context, Emitter out) {
        Organization organization = known(record, context);
        String parent = parent(record, context);
        organization.unit(record.id("Id", "ou-", "an organizational unit id"), parent);
    }

    private static void account(JsonFields record, RegionContext context, Emitter out) {
        Organization organization = known(record, context);
        String parent = parent(record, context);
        String id = accountId(record, "Id");
        List<String> path = organization.path(parent);
        var p = Emitter.props();
        p.put("name", record.optionalString("Name"));
        p.put("email", record.optionalString("Email"));
        p.put("status", record.optionalString("Status"));
        p.put("state", record.optionalString("State"));
        p.put("joinedMethod", record.optionalString("JoinedMethod"));
        p.put("joinedTimestamp", record.optionalTime("JoinedTimestamp"));
        p.put("organizationId", organization.id());
        p.put("managementAccount", id.equals(organization.management()));
        if (path != null) {
            p.put("ouPath", String.join("/", path)); // left out, not removed, when the tree above is unknown
        }
        out.node(AwsAccount, id, id, p);
        organization.account(id, parent);
    }

    private static void listedPolicy(JsonFields record, RegionContext context, Emitter out) {
        Organization organization = known(record, context);
        String id = record.id("Id", "p-", "a policy id");
        String type = record.string("Type");
        if (!type.equals(SCP) && !type.equals(RCP)) {
            throw new SkippedRecordException(notRead(type, id, record.optionalString("Name")));
        }
        organization.listed(id);
    }

    private static void policy(JsonFields record, RegionContext context, Emitter out) {
        Organization organization = known(record, context);
        JsonFields policy = record.object("Policy");
        JsonFields summary = policy.object("PolicySummary");
        String id = summary.id("Id", "p-", "a policy id");
        String type = summary.string("Type");
        String name = summary.string("Name");
        organization.policyDescribed(id);
        if (!type.equals(SCP) && !type.equals(RCP)) {
            organization.skipped(id, type);
            throw new SkippedRecordException(notRead(type, id, name));
        }
        Arn arn = policyArn(summary, organization);
        boolean awsManaged = arn.account().equals(AuthorizationDetailsMapper.AWS_MANAGED);
        var p = Emitter.props();
        p.put("name", name);
        p.put("arn", arn.toString());
        p.put("policyId", id);
        p.put("policyType", type.equals(SCP) ? "scp" : "rcp");
        p.put("description", summary.optionalString("Description"));
        p.put("awsManaged", summary.optionalBool("AwsManaged"));
        p.put("organizationId", awsManaged ? null : organization.id());
        p.put("document", PolicyDocuments.compact(PolicyDocuments.read(policy, "Content")));
        out.node(IamPolicy, arn.toString(), awsManaged ? AuthorizationDetailsMapper.AWS_MANAGED : organization.id(), p);
        organization.policy(id, arn.toString());
    }

    private static void target(JsonFields record, RegionContext context, Emitter out) {
        Organization organization = known(record, context);
        String policy = context.fileResource(record, "policy id");
        if (!policy.startsWith("p-")) {
            throw new InvalidRecordException(
                    record.pointer(),
                    "expected the file name to name a policy id (p-…) after the underscore, got " + policy);
        }
        String type = record.string("Type");
        String target = switch (type) {
            case "ROOT" -> record.id("TargetId", "r-", "a root id");
            case "ORGANIZATIONAL_UNIT" -> record.id("TargetId", "ou-", "an organizational unit id");
            case "ACCOUNT" -> accountId(record, "TargetId");
            default -> throw record.invalid("Type", "one of " + String.join(", ", TARGET_TYPES));
        };
        String skippedType = organization.skippedType(policy);
        if (skippedType != null) {
            throw new SkippedRecordException("an attachment of " + skippedType + " " + policy + ", which is not read");
        }
        organization.attach(policy, target);
    }

    /** The organization the describe-organization file named; every other record belongs to it. */
    private static Organization known(JsonFields record, RegionContext context) {
        Organization organization = context.organization();
        if (organization.id() == null) {
            throw new InvalidRecordException(
                    record.pointer(),
                    "expected an organizations-describe-organization*.json beside this file: the organization's"
                            + " id scopes its data, and none was read");
        }
        return organization;
    }

    /** The root or OU a listing's file name carries, since the response does not name it. */
    private static String parent(JsonFields record, RegionContext context) {
        String parent = context.fileResource(record, "parent id");
        if (!parent.startsWith("r-") && !parent.startsWith("ou-")) {
            throw new InvalidRecordException(
                    record.pointer(),
                    "expected the file name to name a root (r-…) or organizational unit (ou-…) after the underscore,"
                            + " got " + parent);
        }
        return parent;
    }

    private static String accountId(JsonFields record, String field) {
        String id = record.string(field);
        if (!Layout.isAccount(id)) {
            throw record.invalid(field, "a 12-digit account id");
        }
        return id;
    }

    /** A policy of this organization, or an AWS-managed one ({@code arn:aws:organizations::aws:policy/…}). */
    private static Arn policyArn(JsonFields summary, Organization organization) {
        Arn arn = summary.arn("Arn", POLICY_ARN);
        if (arn.account().equals(AuthorizationDetailsMapper.AWS_MANAGED)) {
            return arn;
        }
        if (!arn.account().equals(organization.management())
                || !arn.resource().startsWith("policy/" + organization.id() + "/")) {
            throw summary.invalid(
                    "Arn",
                    "a policy ARN of organization " + organization.id() + " (arn:aws:organizations::"
                            + organization.management() + ":policy/" + organization.id()
                            + "/…) or an AWS-managed one (arn:aws:organizations::aws:policy/…)");
        }
        return arn;
    }

    private static String notRead(String type, String id, String name) {
        return type + " " + id + (name == null ? "" : " (" + name + ")")
                + " is not read: only service control and resource control policies govern access";
    }
}
