package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leeward.graph.store.SyncSummary.ScopeResult;
import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.IngestReport.Counts;
import io.leeward.loaders.ingest.IngestReport.Skipped;
import io.leeward.loaders.ingest.Rejection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@WithNeo4j
@DisplayName("Importing AWS Organizations service and resource control policies")
class OrganizationImportTest extends CliImportTestSupport {
    private static final String ORG = "o-a1b2c3d4e5";
    private static final String DIR = "111122223333/global";
    private static final String ROOT = "r-ab12";
    private static final String WORKLOADS = "ou-ab12-11111111";
    private static final String PROD = "ou-ab12-22222222";
    private static final String MANAGEMENT = "111122223333";
    private static final String SANDBOX = "555566667777";
    private static final String SHARED = "222233334444";
    private static final String PROD_WEB = "444455556666";
    private static final String PAYMENTS = "777788889999";
    private static final String FULL_ACCESS =
            "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess";
    private static final String DENY_LEAVE =
            "arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-5dn8w4r1";
    private static final String DENY_IAM_USERS =
            "arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-7hj2c6t0";

    @Override
    String fixture() {
        return "/aws/orgs";
    }

    private Path file(String name) {
        return input.resolve(DIR).resolve(name);
    }

    private static ScopeResult scope(IngestReport report, String account, String kind) {
        return report.summary().scopes().stream()
                .filter(s ->
                        s.scope().account().equals(account) && s.scope().kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no scope " + account + " " + kind));
    }

    private List<Map<String, Object>> governance() {
        return rows("MATCH (a:AwsAccount)-[r:HAS_POLICY]->(p:IamPolicy) "
                + "RETURN a.id AS account, p.name AS policy, r.via AS via, r.viaType AS viaType "
                + "ORDER BY account, policy");
    }

    private static Map<String, Object> governs(String account, String policy, List<String> via, List<String> types) {
        return Map.of("account", account, "policy", policy, "via", via, "viaType", types);
    }

    private void edit(String name, Consumer<ObjectNode> change) throws IOException {
        editFile(DIR + "/" + name, change);
    }

    @Nested
    @DisplayName("the fixture")
    class Fixture {
        @Test
        @DisplayName("loads the tree, the policies and their targets; tag policy records are skipped with the reason")
        void loads() {
            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.summary().unresolved()).isEmpty();
            assertThat(report.kinds())
                    .containsEntry("organizations-describe-organization", new Counts(1, 0))
                    .containsEntry("organizations-list-roots", new Counts(1, 0))
                    .containsEntry("organizations-list-organizational-units-for-parent", new Counts(2, 0))
                    .containsEntry("organizations-list-accounts-for-parent", new Counts(5, 0))
                    .containsEntry("organizations-list-policies", new Counts(6, 0))
                    .containsEntry("organizations-describe-policy", new Counts(6, 0))
                    .containsEntry("organizations-list-targets-for-policy", new Counts(20, 0));
            String notRead = "TAG_POLICY p-2tg5n7k4 (CostCenterTags) is not read: only service control and"
                    + " resource control policies govern access";
            assertThat(report.skipped())
                    .containsExactly(
                            new Skipped(DIR + "/organizations-list-policies-tag.json#/Policies/0", notRead),
                            new Skipped(DIR + "/organizations-describe-policy_p-2tg5n7k4.json", notRead),
                            new Skipped(
                                    DIR + "/organizations-list-targets-for-policy_p-2tg5n7k4.json#/Targets/0",
                                    "an attachment of TAG_POLICY p-2tg5n7k4, which is not read"));
            assertThat(rows("MATCH (p:IamPolicy) RETURN p.policyType AS type, count(p) AS n ORDER BY type"))
                    .containsExactly(Map.of("type", "rcp", "n", 2L), Map.of("type", "scp", "n", 4L));
            assertThat(count("MATCH (n {placeholder: true}) RETURN count(n)")).isZero();
        }

        @Test
        @DisplayName("each member account has exactly the policies attached to it, an OU above it or the root")
        void governance() {
            load();

            var everything = List.of("ROOT", "ACCOUNT");
            assertThat(OrganizationImportTest.this.governance())
                    .containsExactly(
                            governs(
                                    SHARED,
                                    "DenyOutsideApprovedRegions",
                                    List.of(WORKLOADS),
                                    List.of("ORGANIZATIONAL_UNIT")),
                            governs(SHARED, "EnforceOrgIdentities", List.of(ROOT), List.of("ROOT")),
                            governs(
                                    SHARED,
                                    "FullAWSAccess",
                                    List.of(ROOT, WORKLOADS, SHARED),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT")),
                            governs(
                                    SHARED,
                                    "RCPFullAWSAccess",
                                    List.of(ROOT, WORKLOADS, SHARED),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT")),
                            governs(PROD_WEB, "DenyLeaveOrganization", List.of(PROD), List.of("ORGANIZATIONAL_UNIT")),
                            governs(
                                    PROD_WEB,
                                    "DenyOutsideApprovedRegions",
                                    List.of(WORKLOADS),
                                    List.of("ORGANIZATIONAL_UNIT")),
                            governs(PROD_WEB, "EnforceOrgIdentities", List.of(ROOT), List.of("ROOT")),
                            governs(
                                    PROD_WEB,
                                    "FullAWSAccess",
                                    List.of(ROOT, WORKLOADS, PROD, PROD_WEB),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ORGANIZATIONAL_UNIT", "ACCOUNT")),
                            governs(
                                    PROD_WEB,
                                    "RCPFullAWSAccess",
                                    List.of(ROOT, WORKLOADS, PROD, PROD_WEB),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ORGANIZATIONAL_UNIT", "ACCOUNT")),
                            governs(SANDBOX, "EnforceOrgIdentities", List.of(ROOT), List.of("ROOT")),
                            governs(SANDBOX, "FullAWSAccess", List.of(ROOT, SANDBOX), everything),
                            governs(SANDBOX, "RCPFullAWSAccess", List.of(ROOT, SANDBOX), everything),
                            governs(PAYMENTS, "DenyIamUserCreation", List.of(PAYMENTS), List.of("ACCOUNT")),
                            governs(PAYMENTS, "DenyLeaveOrganization", List.of(PROD), List.of("ORGANIZATIONAL_UNIT")),
                            governs(
                                    PAYMENTS,
                                    "DenyOutsideApprovedRegions",
                                    List.of(WORKLOADS),
                                    List.of("ORGANIZATIONAL_UNIT")),
                            governs(PAYMENTS, "EnforceOrgIdentities", List.of(ROOT), List.of("ROOT")),
                            governs(
                                    PAYMENTS,
                                    "FullAWSAccess",
                                    List.of(ROOT, WORKLOADS, PROD, PAYMENTS),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ORGANIZATIONAL_UNIT", "ACCOUNT")),
                            governs(
                                    PAYMENTS,
                                    "RCPFullAWSAccess",
                                    List.of(ROOT, WORKLOADS, PROD, PAYMENTS),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ORGANIZATIONAL_UNIT", "ACCOUNT")));
            assertThat(
                            rows(
                                    "MATCH ()-[r:HAS_POLICY]->() RETURN DISTINCT r.account AS account, r.region IS NULL AS global"))
                    .containsExactly(Map.of("account", ORG, "global", true));
        }

        @Test
        @DisplayName("the management account is governed by nothing: SCPs and RCPs do not apply to it")
        void management() {
            load();

            assertThat(count("MATCH (:AwsAccount {id: '" + MANAGEMENT + "'})-[r:HAS_POLICY]->() RETURN count(r)"))
                    .isZero();
            assertThat(rows("MATCH (a:AwsAccount {id: '" + MANAGEMENT + "'}) RETURN a.name AS name, a.ouPath AS ouPath,"
                            + " a.managementAccount AS management, a.account AS account"))
                    .containsExactly(Map.of(
                            "name", "leeward-management", "ouPath", ROOT, "management", true, "account", MANAGEMENT));
        }

        @Test
        @DisplayName(
                "a member account keeps who it is, how it joined and where it sits in the tree, in its own account")
        void account() {
            load();

            assertThat(rows("MATCH (a:AwsAccount {id: '" + PAYMENTS + "'}) RETURN a.name AS name, a.email AS email,"
                            + " a.status AS status, a.state AS state, a.joinedMethod AS joinedMethod,"
                            + " toString(a.joinedTimestamp) AS joined, a.organizationId AS organization,"
                            + " a.ouPath AS ouPath, a.managementAccount AS management, a.account AS account,"
                            + " a.region AS region"))
                    .singleElement()
                    .satisfies(row -> assertThat(row)
                            .containsEntry("name", "prod-payments")
                            .containsEntry("email", "aws-prod-payments@example.com")
                            .containsEntry("status", "ACTIVE")
                            .containsEntry("state", "ACTIVE")
                            .containsEntry("joinedMethod", "INVITED")
                            .containsEntry("joined", "2024-09-05T16:21:37.444Z")
                            .containsEntry("organization", ORG)
                            .containsEntry("ouPath", ROOT + "/" + WORKLOADS + "/" + PROD)
                            .containsEntry("management", false)
                            .containsEntry("account", PAYMENTS)
                            .containsEntry("region", null));
        }

        @Test
        @DisplayName("a policy keeps its compact document and belongs to the organization; an AWS-managed one to aws")
        void policies() {
            load();

            assertThat(rows("MATCH (p:IamPolicy {id: '" + DENY_LEAVE
                            + "'}) RETURN p.name AS name, p.policyType AS type,"
                            + " p.policyId AS policyId, p.awsManaged AS awsManaged, p.description AS description,"
                            + " p.organizationId AS organization, p.account AS account, p.arn AS arn,"
                            + " p.document AS document"))
                    .containsExactly(Map.of(
                            "name",
                            "DenyLeaveOrganization",
                            "type",
                            "scp",
                            "policyId",
                            "p-5dn8w4r1",
                            "awsManaged",
                            false,
                            "description",
                            "Prevents member accounts from leaving the organization",
                            "organization",
                            ORG,
                            "account",
                            ORG,
                            "arn",
                            DENY_LEAVE,
                            "document",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                                    + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}"));
            assertThat(
                            rows(
                                    "MATCH (p:IamPolicy {id: '" + FULL_ACCESS + "'}) RETURN p.account AS account,"
                                            + " p.awsManaged AS awsManaged, p.organizationId IS NULL AS shared, p.document AS document"))
                    .containsExactly(Map.of(
                            "account",
                            "aws",
                            "awsManaged",
                            true,
                            "shared",
                            true,
                            "document",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                                    + "\"Resource\":\"*\"}]}"));
        }

        @Test
        @DisplayName(
                "the organization's scopes are its own, global and complete; the directory's account scopes its node only")
        void scopes() {
            var report = load();

            assertThat(report.summary().scopes())
                    .extracting(s -> s.scope().account(), s -> s.scope().kind(), ScopeResult::complete)
                    .containsExactlyInAnyOrder(
                            tuple(MANAGEMENT, "AwsAccount", true),
                            tuple(ORG, "IamPolicy", true),
                            tuple(ORG, "HAS_POLICY", true));
            assertThat(report.summary().scopes())
                    .allSatisfy(s -> assertThat(s.scope().region()).isNull());
        }

        @Test
        @DisplayName("read from a delegated administrator's directory loads the same organization")
        void delegatedAdministrator() throws IOException {
            load();
            String fromManagement = CanonicalDump.of(store);
            Path delegated = input.resolve(SHARED);
            Files.createDirectories(delegated);
            Files.move(input.resolve(MANAGEMENT).resolve("global"), delegated.resolve("global"));
            deleteRecursively(input.resolve(MANAGEMENT));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(scope(report, ORG, "HAS_POLICY").complete()).isTrue();
            assertThat(OrganizationImportTest.this.governance()).hasSize(18);
            assertThat(count(
                            "MATCH (a:AwsAccount {id: '" + MANAGEMENT + "', managementAccount: true}) RETURN count(a)"))
                    .isEqualTo(1);
            assertThat(CanonicalDump.of(store)).isEqualTo(fromManagement);
        }

        @Test
        @DisplayName("other Organizations outputs are skipped files, not misread as the organization")
        void otherOutputs() throws IOException {
            Files.writeString(
                    file("organizations-describe-organizational-unit_" + WORKLOADS + ".json"),
                    "{\"OrganizationalUnit\": {\"Id\": \"" + WORKLOADS + "\", \"Name\": \"Workloads\"}}\n");

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.skipped())
                    .extracting(Skipped::path)
                    .contains(DIR + "/organizations-describe-organizational-unit_" + WORKLOADS + ".json");
            assertThat(scope(report, ORG, "HAS_POLICY").complete()).isTrue();
        }

        @Test
        @DisplayName("loading the same input twice gives an identical graph")
        void idempotent() {
            assertLoadsIdempotently();
        }
    }

    @Nested
    @DisplayName("an account node that the organization and the account's own directory both write")
    class SharedAccount {
        @BeforeEach
        void memberDirectory() throws IOException {
            Path region = input.resolve(PROD_WEB).resolve("us-east-1");
            Files.createDirectories(region);
            Files.writeString(region.resolve("ec2-describe-vpcs.json"), """
                    {
                        "Vpcs": [
                            {
                                "OwnerId": "444455556666",
                                "InstanceTenancy": "default",
                                "IsDefault": false,
                                "VpcId": "vpc-0c4d5e6f7a8b9c0d1",
                                "State": "available",
                                "CidrBlock": "10.40.0.0/16",
                                "DhcpOptionsId": "dopt-0a1b2c3d4e5f60718"
                            }
                        ]
                    }
                    """);
        }

        @Test
        @DisplayName("survives the organization's cleanup after the account left it, with the account's own data")
        void leftOrganization() throws IOException {
            load();
            deleteRecursively(input.resolve(PROD_WEB));
            edit(
                    "organizations-list-accounts-for-parent_" + PROD + ".json",
                    root -> ((ArrayNode) root.get("Accounts")).remove(0));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(scope(report, ORG, "HAS_POLICY").complete()).isTrue();
            assertThat(report.summary().totalDeleted()).isPositive();
            assertThat(count("MATCH (a:AwsAccount {id: '" + PROD_WEB + "'})<-[:IN_ACCOUNT]-(:Vpc) RETURN count(a)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (:AwsAccount {id: '" + PROD_WEB + "'})-[r:HAS_POLICY]->() RETURN count(r)"))
                    .isZero();
            assertThat(count("MATCH (:AwsAccount {id: '" + PAYMENTS + "'})-[r:HAS_POLICY]->() RETURN count(r)"))
                    .isEqualTo(6);
        }

        @Test
        @DisplayName(
                "keeps the organization's properties and relationships when the account's directory is loaded alone")
        void memberAlone() throws IOException {
            load();
            deleteRecursively(input.resolve(MANAGEMENT));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(scope(report, PROD_WEB, "AwsAccount").complete()).isTrue();
            assertThat(rows("MATCH (a:AwsAccount {id: '" + PROD_WEB + "'}) RETURN a.name AS name, a.ouPath AS ouPath,"
                            + " a.account AS account"))
                    .containsExactly(Map.of(
                            "name", "prod-web", "ouPath", ROOT + "/" + WORKLOADS + "/" + PROD, "account", PROD_WEB));
            assertThat(count("MATCH (:AwsAccount {id: '" + PROD_WEB + "'})-[r:HAS_POLICY]->() RETURN count(r)"))
                    .isEqualTo(5);
        }
    }

    @Nested
    @DisplayName("beside the management account's own IAM in the same directory")
    class BesideIam {
        @BeforeEach
        void gaad() throws IOException, URISyntaxException {
            Path gaad = Path.of(Objects.requireNonNull(getClass()
                            .getResource("/aws/iam/111122223333/global/iam-get-account-authorization-details.json"))
                    .toURI());
            Files.copy(gaad, file("iam-get-account-authorization-details.json"));
        }

        @Test
        @DisplayName("keeps apart scopes: each load without the other's files leaves the other's policies alone")
        void apart() throws IOException {
            var first = load();
            String iamPolicies = "MATCH (:IamUser|IamGroup|IamRole)-[r:HAS_POLICY]->() RETURN count(r)";
            String governance = "MATCH (:AwsAccount)-[r:HAS_POLICY]->() RETURN count(r)";
            long iam = count(iamPolicies);
            assertThat(first.rejections()).isEmpty();
            assertThat(scope(first, MANAGEMENT, "HAS_POLICY").complete()).isTrue();
            assertThat(scope(first, ORG, "HAS_POLICY").complete()).isTrue();
            assertThat(iam).isPositive();
            assertThat(count(governance)).isEqualTo(18);

            try (Stream<Path> files = Files.list(input.resolve(DIR))) {
                for (Path path : files.toList()) {
                    if (path.getFileName().toString().startsWith("organizations-")) {
                        Files.delete(path);
                    }
                }
            }
            var second = load();

            assertThat(second.summary().totalDeleted()).isZero();
            assertThat(count(iamPolicies)).isEqualTo(iam);
            assertThat(count(governance)).isEqualTo(18);
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        @Test
        @DisplayName("policy content that is not a JSON object is rejected; the organization's scopes stay incomplete")
        void contentNotJson() throws IOException {
            edit(
                    "organizations-describe-policy_p-5dn8w4r1.json",
                    root -> ((ObjectNode) root.get("Policy")).put("Content", "[\"organizations:LeaveOrganization\"]"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::file, Rejection::pointer, Rejection::message)
                    .containsExactly(tuple(
                            DIR + "/organizations-describe-policy_p-5dn8w4r1.json",
                            "/Policy/Content",
                            "expected a policy document (a JSON object, or its text, URL-encoded or not), got a string"
                                    + " that is not a JSON object"));
            String reason = DIR + "/organizations-describe-policy_p-5dn8w4r1.json: 1 rejection";
            assertThat(scope(report, ORG, "IamPolicy").reason()).isEqualTo(reason);
            assertThat(scope(report, ORG, "HAS_POLICY").reason()).isEqualTo(reason);
            assertThat(count("MATCH (p:IamPolicy {name: 'DenyLeaveOrganization'}) RETURN count(p)"))
                    .isZero();
        }

        @Test
        @DisplayName(
                "a target of an unknown type and an account id that is not 12 digits are rejected with their pointers")
        void targetsAndAccounts() throws IOException {
            edit(
                    "organizations-list-targets-for-policy_p-3xk7m2q9.json",
                    root -> ((ObjectNode) root.get("Targets").get(0)).put("Type", "POLICY"));
            edit(
                    "organizations-list-accounts-for-parent_" + WORKLOADS + ".json",
                    root -> ((ObjectNode) root.get("Accounts").get(0)).put("Id", "2222-3333-4444"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::pointer, Rejection::message)
                    .containsExactly(
                            tuple("/Accounts/0/Id", "expected a 12-digit account id, got \"2222-3333-4444\""),
                            tuple(
                                    "/Targets/0/Type",
                                    "expected one of ROOT, ORGANIZATIONAL_UNIT, ACCOUNT, got \"POLICY\""));
            assertThat(scope(report, ORG, "IamPolicy").complete()).isTrue();
            assertThat(scope(report, ORG, "HAS_POLICY").reason())
                    .isEqualTo(DIR + "/organizations-list-accounts-for-parent_" + WORKLOADS + ".json: 1 rejection; "
                            + DIR + "/organizations-list-targets-for-policy_p-3xk7m2q9.json: 1 rejection");
        }

        @Test
        @DisplayName("a policy ARN of another organization is rejected")
        void foreignPolicy() throws IOException {
            edit(
                    "organizations-describe-policy_p-7hj2c6t0.json",
                    root -> ((ObjectNode) root.get("Policy").get("PolicySummary"))
                            .put(
                                    "Arn",
                                    "arn:aws:organizations::999988887777:policy/o-zz99yy88xx/service_control_policy/p-7hj2c6t0"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::pointer, Rejection::message)
                    .containsExactly(tuple(
                            "/Policy/PolicySummary/Arn",
                            "expected a policy ARN of organization o-a1b2c3d4e5"
                                    + " (arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/…) or an AWS-managed"
                                    + " one (arn:aws:organizations::aws:policy/…), got \"arn:aws:organizations::99998888"
                                    + "7777:policy/o-zz99yy88xx/ser…\""));
        }

        @Test
        @DisplayName(
                "a listing whose file name does not carry its parent is rejected, and the parent's listing is missing")
        void listingWithoutParent() throws IOException {
            Files.move(
                    file("organizations-list-accounts-for-parent_" + WORKLOADS + ".json"),
                    file("organizations-list-accounts-for-parent.json"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::pointer, Rejection::message)
                    .containsExactly(tuple(
                            "/Accounts/0",
                            "expected the file name to name parent id after an underscore"
                                    + " (organizations-list-accounts-for-parent_<parent id>.json), since the response"
                                    + " does not"));
            assertThat(scope(report, ORG, "HAS_POLICY").reason())
                    .isEqualTo(DIR + "/organizations-list-accounts-for-parent.json: 1 rejection; "
                            + "no organizations-list-accounts-for-parent_" + WORKLOADS + ".json in " + DIR);
        }

        @Test
        @DisplayName("without describe-organization nothing of the organization is loaded or scoped")
        void noOrganization() throws IOException {
            Files.delete(file("organizations-describe-organization.json"));

            var report = load();

            assertThat(report.rejections())
                    .first()
                    .satisfies(r -> assertThat(r.describe())
                            .isEqualTo(DIR + "/organizations-list-roots.json:3:9: /Roots/0: expected an"
                                    + " organizations-describe-organization*.json beside this file: the organization's"
                                    + " id scopes its data, and none was read"));
            assertThat(report.summary().scopes())
                    .extracting(s -> s.scope().account())
                    .containsExactly(MANAGEMENT);
            assertThat(count("MATCH (n) WHERE n:IamPolicy OR (n:AwsAccount AND n.name IS NOT NULL) RETURN count(n)"))
                    .isZero();
        }

        @Test
        @DisplayName("a listing with a NextToken is one page of more: the tree is incomplete")
        void nextToken() throws IOException {
            edit(
                    "organizations-list-accounts-for-parent_" + PROD + ".json",
                    root -> root.put("NextToken", "AAQAAAAEAAAAUQAAAD9wYWdlLTI="));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(scope(report, ORG, "HAS_POLICY").reason())
                    .isEqualTo(DIR + "/organizations-list-accounts-for-parent_" + PROD + ".json has a NextToken: the"
                            + " listing continues; export it without --no-paginate or --max-items");
        }
    }

    @Nested
    @DisplayName("a later load")
    class LaterLoad {
        @Test
        @DisplayName("removes the relationship of a detached policy and the node of a deleted one")
        void detached() throws IOException {
            load();
            edit(
                    "organizations-list-targets-for-policy_p-7hj2c6t0.json",
                    root -> ((ArrayNode) root.get("Targets")).removeAll());
            Files.delete(file("organizations-describe-policy_p-5dn8w4r1.json"));
            Files.delete(file("organizations-list-targets-for-policy_p-5dn8w4r1.json"));
            edit("organizations-list-policies-scp.json", root -> {
                var policies = (ArrayNode) root.get("Policies");
                for (int i = policies.size() - 1; i >= 0; i--) {
                    if (policies.get(i).get("Id").stringValue().equals("p-5dn8w4r1")) {
                        policies.remove(i);
                    }
                }
            });

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(scope(report, ORG, "HAS_POLICY").complete()).isTrue();
            assertThat(count("MATCH (p:IamPolicy {id: '" + DENY_IAM_USERS + "'}) RETURN count(p)"))
                    .isEqualTo(1);
            assertThat(count("MATCH ()-[r:HAS_POLICY]->(:IamPolicy {id: '" + DENY_IAM_USERS + "'}) RETURN count(r)"))
                    .isZero();
            assertThat(count("MATCH (p:IamPolicy {id: '" + DENY_LEAVE + "'}) RETURN count(p)"))
                    .isZero();
            assertThat(count("MATCH (:AwsAccount {id: '" + PAYMENTS + "'})-[r:HAS_POLICY]->() RETURN count(r)"))
                    .isEqualTo(4);
        }

        @Test
        @DisplayName("moves an account that moved to another OU, with the policies and targets of its new place")
        void moved() throws IOException {
            load();
            String from = "organizations-list-accounts-for-parent_" + PROD + ".json";
            String to = "organizations-list-accounts-for-parent_" + WORKLOADS + ".json";
            var payments = MAPPER.readTree(file(from).toFile()).get("Accounts").get(1);
            edit(from, root -> ((ArrayNode) root.get("Accounts")).remove(1));
            edit(to, root -> ((ArrayNode) root.get("Accounts")).add(payments));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(rows("MATCH (a:AwsAccount {id: '" + PAYMENTS + "'}) RETURN a.ouPath AS ouPath"))
                    .containsExactly(Map.of("ouPath", ROOT + "/" + WORKLOADS));
            assertThat(governance())
                    .filteredOn(row -> row.get("account").equals(PAYMENTS))
                    .containsExactly(
                            governs(PAYMENTS, "DenyIamUserCreation", List.of(PAYMENTS), List.of("ACCOUNT")),
                            governs(
                                    PAYMENTS,
                                    "DenyOutsideApprovedRegions",
                                    List.of(WORKLOADS),
                                    List.of("ORGANIZATIONAL_UNIT")),
                            governs(PAYMENTS, "EnforceOrgIdentities", List.of(ROOT), List.of("ROOT")),
                            governs(
                                    PAYMENTS,
                                    "FullAWSAccess",
                                    List.of(ROOT, WORKLOADS, PAYMENTS),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT")),
                            governs(
                                    PAYMENTS,
                                    "RCPFullAWSAccess",
                                    List.of(ROOT, WORKLOADS, PAYMENTS),
                                    List.of("ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT")));
        }

        @Test
        @DisplayName("with every policy listing empty removes the organization's policies and relationships, not AWS's")
        void noPolicies() throws IOException {
            load();
            try (Stream<Path> files = Files.list(input.resolve(DIR))) {
                for (Path path : files.toList()) {
                    String name = path.getFileName().toString();
                    if (name.startsWith("organizations-describe-policy_")
                            || name.startsWith("organizations-list-targets-for-policy_")) {
                        Files.delete(path);
                    } else if (name.startsWith("organizations-list-policies")) {
                        Files.writeString(path, "{\n    \"Policies\": []\n}\n");
                    }
                }
            }

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(scope(report, ORG, "IamPolicy").complete()).isTrue();
            assertThat(scope(report, ORG, "HAS_POLICY").complete()).isTrue();
            assertThat(count("MATCH ()-[r:HAS_POLICY]->() RETURN count(r)")).isZero();
            assertThat(rows("MATCH (p:IamPolicy) RETURN p.name AS name ORDER BY name"))
                    .containsExactly(Map.of("name", "FullAWSAccess"), Map.of("name", "RCPFullAWSAccess"));
        }

        @Test
        @DisplayName("with an OU's listing missing keeps everything: the tree below it is unknown, never guessed")
        void missingListing() throws IOException {
            load();
            String before = CanonicalDump.of(store);
            Files.delete(file("organizations-list-organizational-units-for-parent_" + WORKLOADS + ".json"));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(scope(report, ORG, "IamPolicy").complete()).isTrue();
            var governance = scope(report, ORG, "HAS_POLICY");
            assertThat(governance.complete()).isFalse();
            assertThat(governance.reason())
                    .isEqualTo("no organizations-list-organizational-units-for-parent_" + WORKLOADS + ".json in " + DIR
                            + "; no listing of organizational units under a root names " + PROD
                            + ", the parent of account " + PROD_WEB
                            + "; no listing of organizational units under a root names " + PROD
                            + ", the parent of account " + PAYMENTS);
            assertThat(report.summary().totalDeleted()).isZero();
            assertThat(CanonicalDump.of(store)).isEqualTo(before);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
