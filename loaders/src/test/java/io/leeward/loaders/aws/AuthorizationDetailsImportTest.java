package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leeward.graph.store.SyncRequest;
import io.leeward.graph.testing.CanonicalDump;
import io.leeward.graph.testing.WithNeo4j;
import io.leeward.loaders.ingest.IngestException;
import io.leeward.loaders.ingest.IngestReport;
import io.leeward.loaders.ingest.IngestReport.Counts;
import io.leeward.loaders.ingest.ProgressListener;
import io.leeward.loaders.ingest.Rejection;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@WithNeo4j
@DisplayName("Importing IAM GetAccountAuthorizationDetails")
class AuthorizationDetailsImportTest extends CliImportTestSupport {
    private static final String GAAD = "111122223333/global/iam-get-account-authorization-details.json";
    private static final String ACCOUNT = "111122223333";
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String DEVELOPERS = "arn:aws:iam::111122223333:group/engineering/Developers";
    private static final String WEB_TASK = "arn:aws:iam::111122223333:role/web-task";
    private static final String PARTNER = "arn:aws:iam::111122223333:role/partners/partner-audit";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String BOUNDARY = "arn:aws:iam::111122223333:policy/DeveloperBoundary";

    @Override
    String fixture() {
        return "/aws/iam";
    }

    private IngestReport loadFiles(List<Path> files, String account) {
        return AwsCliImport.create(SyncRequest.of("aws").withBatchSize(7), FINGERPRINTS)
                .loadAuthorizationDetails(files, account, store, ProgressListener.NONE);
    }

    private Map<String, Object> one(String cypher) {
        return rows(cypher).getFirst();
    }

    private static ObjectNode element(ObjectNode root, String array, int index) {
        return (ObjectNode) root.get(array).get(index);
    }

    private void edit(Consumer<ObjectNode> change) throws IOException {
        editFile(GAAD, change);
    }

    @Nested
    @DisplayName("the fixture")
    class Fixture {
        @Test
        @DisplayName("loads every user, group, role and policy with no rejection")
        void loads() {
            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.kinds()).containsEntry("iam-get-account-authorization-details", new Counts(10, 0));
            assertThat(report.summary().unresolved()).isEmpty();
            assertThat(count("MATCH (n:IamUser) WHERE n.placeholder IS NULL RETURN count(n)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (n:IamGroup) WHERE n.placeholder IS NULL RETURN count(n)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (n:IamRole) WHERE n.placeholder IS NULL RETURN count(n)"))
                    .isEqualTo(4);
            assertThat(rows("MATCH (p:IamPolicy) WHERE p.placeholder IS NULL "
                            + "RETURN p.policyType AS type, count(p) AS n ORDER BY type"))
                    .containsExactly(
                            Map.of("type", "aws-managed", "n", 2L),
                            Map.of("type", "inline", "n", 3L),
                            Map.of("type", "managed", "n", 2L));
            assertThat(
                            rows(
                                    "MATCH (n {placeholder: true}) RETURN labels(n)[0] AS label, n.id AS id, n.account AS account"))
                    .containsExactly(
                            Map.of("label", "AwsAccount", "id", "444455556666", "account", "444455556666"),
                            Map.of(
                                    "label",
                                    "IamRole",
                                    "id",
                                    "arn:aws:iam::444455556666:role/auditor",
                                    "account",
                                    "444455556666"));
        }

        @Test
        @DisplayName(
                "a user is a member of its group by the group's full ARN, with managed, inline and boundary policies")
        void user() {
            load();

            assertThat(one("MATCH (u:IamUser {id: '" + ALICE + "'})-[:MEMBER_OF]->(g:IamGroup) "
                            + "RETURN g.id AS group, u.name AS name, u.groups AS groups, u.tags AS tags, "
                            + "u.permissionsBoundaryArn AS boundary"))
                    .containsEntry("group", DEVELOPERS)
                    .containsEntry("name", "alice")
                    .containsEntry("groups", List.of("Developers"))
                    .containsEntry("tags", "{\"team\":\"payments\"}")
                    .containsEntry("boundary", BOUNDARY);
            assertThat(rows("MATCH (:IamUser {id: '" + ALICE + "'})-[:HAS_POLICY]->(p) RETURN p.id AS id ORDER BY id"))
                    .extracting(r -> r.get("id"))
                    .containsExactly(ALICE + "#alice-manage-own-mfa", READ_ONLY);
            assertThat(count("MATCH (:IamUser {id: '" + ALICE + "'})-[:PERMISSIONS_BOUNDARY]->(p:IamPolicy {id: '"
                            + BOUNDARY + "', permissionsBoundaryUsageCount: 2}) RETURN count(p)"))
                    .isEqualTo(1);
            assertThat(rows("MATCH (:IamGroup {id: '" + DEVELOPERS + "'})-[:HAS_POLICY]->(p) "
                            + "RETURN p.id AS id, p.policyType AS type ORDER BY id"))
                    .containsExactly(
                            Map.of("id", DEVELOPERS + "#deny-billing", "type", "inline"),
                            Map.of("id", "arn:aws:iam::111122223333:policy/orders-read", "type", "managed"));
            assertThat(one("MATCH (p:IamPolicy {id: '" + ALICE + "#alice-manage-own-mfa'}) "
                            + "RETURN p.document AS document, p.principalArn AS principal, p.name AS name"))
                    .containsEntry("principal", ALICE)
                    .containsEntry("name", "alice-manage-own-mfa")
                    .containsEntry(
                            "document",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                    + "[\"iam:CreateVirtualMFADevice\",\"iam:EnableMFADevice\"],"
                                    + "\"Resource\":\"arn:aws:iam::111122223333:user/alice\"}]}");
        }

        @Test
        @DisplayName("a task role keeps its trust policy and the services it trusts, and when it was last used")
        void taskRole() {
            load();

            var role = one("MATCH (r:IamRole {id: '" + WEB_TASK + "'}) RETURN properties(r) AS r")
                    .get("r");
            assertThat(role)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("roleId", "AROA1111222233334444C")
                    .containsEntry("path", "/")
                    .containsEntry("maxSessionDuration", 3600L)
                    .containsEntry("trustedServices", List.of("ecs-tasks.amazonaws.com"))
                    .containsEntry("trustedAccounts", List.of())
                    .containsEntry("trustsAnyone", false)
                    .containsEntry("roleLastUsedRegion", "eu-west-1")
                    .containsEntry(
                            "trustPolicy",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\","
                                    + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
            assertThat(count("MATCH (r:IamRole {id: '" + WEB_TASK + "'}) WHERE r.roleLastUsed IS NOT NULL "
                            + "AND r.createDate IS NOT NULL RETURN count(r)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (:IamRole {id: '" + WEB_TASK + "'})-[:TRUSTS]->() RETURN count(*)"))
                    .isZero();
        }

        @Test
        @DisplayName("a role trusted by another account under an external id TRUSTS that account and its role")
        void crossAccountRole() {
            load();

            assertThat(one("MATCH (r:IamRole {id: '" + PARTNER + "'}) RETURN r.trustedAccounts AS accounts, "
                            + "r.trustedPrincipals AS principals, r.trustConditionKeys AS keys, r.path AS path"))
                    .containsEntry("accounts", List.of("444455556666"))
                    .containsEntry(
                            "principals",
                            List.of("arn:aws:iam::444455556666:role/auditor", "arn:aws:iam::444455556666:root"))
                    .containsEntry("keys", List.of("sts:ExternalId"))
                    .containsEntry("path", "/partners/");
            assertThat(rows("MATCH (:IamRole {id: '" + PARTNER + "'})-[:TRUSTS]->(t) "
                            + "RETURN labels(t)[0] AS label, t.id AS id ORDER BY id"))
                    .containsExactly(
                            Map.of("label", "AwsAccount", "id", "444455556666"),
                            Map.of("label", "IamRole", "id", "arn:aws:iam::444455556666:role/auditor"));
            assertThat(count("MATCH (:IamRole {id: '" + PARTNER + "'})-[:PERMISSIONS_BOUNDARY]->(:IamPolicy {id: '"
                            + BOUNDARY + "'}) RETURN count(*)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("a role trusted by a user and a federated provider TRUSTS the user and names the provider")
        void deployer() {
            load();

            assertThat(one("MATCH (r:IamRole {name: 'deployer'})-[:TRUSTS]->(u:IamUser) "
                            + "RETURN u.id AS user, r.trustedFederated AS federated, r.maxSessionDuration AS max"))
                    .containsEntry("user", ALICE)
                    .containsEntry(
                            "federated",
                            List.of("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"))
                    .containsEntry("max", 7200L);
        }

        @Test
        @DisplayName("an instance profile hands out its role")
        void instanceProfile() {
            load();

            assertThat(one("MATCH (a:AwsAccount {id: '" + ACCOUNT + "'})<-[:IN_ACCOUNT]-"
                            + "(p:InstanceProfile)-[:HAS_ROLE]->(r:IamRole) "
                            + "RETURN p.id AS id, p.instanceProfileId AS pid, r.name AS role"))
                    .containsEntry("id", "arn:aws:iam::111122223333:instance-profile/ec2-app")
                    .containsEntry("pid", "AIPA1111222233334444G")
                    .containsEntry("role", "ec2-app");
        }

        @Test
        @DisplayName("an AWS-managed policy keeps only its default version's document and belongs to no account")
        void awsManaged() {
            load();

            assertThat(
                            one(
                                    "MATCH (p:IamPolicy {id: '" + READ_ONLY + "'}) RETURN p.account AS account, "
                                            + "p.defaultVersionId AS version, p.document AS document, p.policyType AS type, "
                                            + "p.attachmentCount AS attachments, p.isAttachable AS attachable, "
                                            + "COUNT { (p)-[:IN_ACCOUNT]->() } AS inAccount, COUNT { (p)<-[:HAS_POLICY]-() } AS holders"))
                    .containsEntry("account", "aws")
                    .containsEntry("version", "v2")
                    .containsEntry("type", "aws-managed")
                    .containsEntry("attachments", 2L)
                    .containsEntry("attachable", true)
                    .containsEntry("inAccount", 0L)
                    .containsEntry("holders", 2L)
                    .hasEntrySatisfying(
                            "document",
                            d -> assertThat((String) d)
                                    .contains("ecs:Describe*")
                                    .doesNotContain("\"Action\":[\"ec2:Describe*\",\"s3:Get*\",\"s3:List*\"]"));
            assertThat(count("MATCH (p:IamPolicy {id: 'arn:aws:iam::111122223333:policy/orders-read'})"
                            + "-[:IN_ACCOUNT]->(:AwsAccount {id: '" + ACCOUNT + "'}) "
                            + "WHERE p.document CONTAINS 'dynamodb:GetItem' RETURN count(p)"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("loading the same input twice gives an identical graph")
        void idempotent() {
            assertLoadsIdempotently();
        }

        @Test
        @DisplayName("every global IAM scope is covered, with no region")
        void scopes() {
            var report = load();

            assertThat(report.summary().scopes())
                    .filteredOn(s -> !s.scope().kind().equals("AwsAccount"))
                    .allSatisfy(s -> {
                        // IN_ACCOUNT of global/ is also the bucket list's (s3api-list-buckets), absent here
                        assertThat(s.complete())
                                .as(s.scope().kind())
                                .isEqualTo(!s.scope().kind().equals("IN_ACCOUNT"));
                        assertThat(s.scope().region()).isNull();
                    })
                    .extracting(s -> s.scope().kind())
                    .containsExactlyInAnyOrder(
                            "IamUser",
                            "IamGroup",
                            "IamRole",
                            "InstanceProfile",
                            "IamPolicy",
                            "IN_ACCOUNT",
                            "MEMBER_OF",
                            "HAS_POLICY",
                            "PERMISSIONS_BOUNDARY",
                            "HAS_ROLE",
                            "TRUSTS");
        }
    }

    @Nested
    @DisplayName("other forms of the same data")
    class Forms {
        @Test
        @DisplayName("a raw API dump with URL-encoded policy documents loads the same graph as the CLI's decoded ones")
        void urlEncoded() throws IOException {
            load();
            String decoded = CanonicalDump.of(store);
            store.deleteAllData();
            edit(AuthorizationDetailsImportTest::urlEncodeDocuments);
            assertThat(Files.readString(input.resolve(GAAD)))
                    .contains("\"AssumeRolePolicyDocument\" : \"%7B%22Version%22%3A%222012-10-17%22");

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(CanonicalDump.of(store)).isEqualTo(decoded);
        }

        @Test
        @DisplayName("a paginated dump in two files, the first truncated, loads the same graph with covered scopes")
        void pages() throws IOException {
            load();
            String whole = CanonicalDump.of(store);
            store.deleteAllData();
            writePages();

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.files()).hasSize(2);
            assertThat(CanonicalDump.of(store)).isEqualTo(whole);
            assertThat(report.summary().scopes())
                    .filteredOn(s -> !s.scope().kind().equals("IN_ACCOUNT"))
                    .allSatisfy(s -> assertThat(s.complete()).isTrue());
        }

        @Test
        @DisplayName("a paginated dump missing its last page loads what it has and covers nothing")
        void missingLastPage() throws IOException {
            writePages();
            Files.delete(input.resolve("111122223333/global/iam-get-account-authorization-details-page2.json"));

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(report.summary().scopes())
                    .filteredOn(s -> s.scope().kind().equals("IamRole"))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.complete()).isFalse();
                        assertThat(s.reason())
                                .isEqualTo("every iam-get-account-authorization-details file says IsTruncated: true;"
                                        + " the last page is missing");
                    });
        }

        @Test
        @DisplayName("ingest iam on the file alone gives the same graph as ingest aws on the directory")
        void sameAsDirectory() {
            load();
            String viaDirectory = CanonicalDump.of(store);
            store.deleteAllData();
            Path file = input.resolve(GAAD);

            String account = AwsCliImport.accountOf(List.of(file));
            var report = loadFiles(List.of(file), account);

            assertThat(account).isEqualTo(ACCOUNT);
            assertThat(report.rejections()).isEmpty();
            assertThat(report.files())
                    .singleElement()
                    .satisfies(f -> assertThat(f.file()).isEqualTo(file.toString()));
            assertThat(CanonicalDump.of(store)).isEqualTo(viaDirectory);
            assertThat(report.summary().scopes())
                    .extracting(s -> s.scope().key())
                    .contains("aws|111122223333|global|IamRole", "aws|111122223333|global|HAS_POLICY");
        }

        @Test
        @DisplayName("the account of a file whose ARNs disagree is refused with the accounts named")
        void accountsDisagree() throws IOException {
            edit(root -> element(root, "RoleDetailList", 1).put("Arn", "arn:aws:iam::999988887777:role/x"));
            Path file = input.resolve(GAAD);

            assertThatThrownBy(() -> AwsCliImport.accountOf(List.of(file)))
                    .isInstanceOf(IngestException.class)
                    .hasMessage("Cannot tell the account of " + file + ": its ARNs name several accounts "
                            + "(111122223333, 999988887777); load each account's files separately, or pass --account");
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        @Test
        @DisplayName("a role without Arn is rejected with its pointer; the rest loads, its kinds stay incomplete")
        void roleWithoutArn() throws IOException {
            edit(root -> element(root, "RoleDetailList", 2).remove("Arn"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::pointer, Rejection::message)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(
                            "/RoleDetailList/2/Arn",
                            "expected an IAM role ARN (arn:aws:iam:…:role/…), got nothing (the field is missing)"));
            assertThat(report.rejections().getFirst().describe()).startsWith(GAAD + ":");
            assertThat(count("MATCH (r:IamRole) WHERE r.placeholder IS NULL RETURN count(r)"))
                    .isEqualTo(3);
            assertThat(report.summary().scopes())
                    .filteredOn(s -> s.scope().kind().equals("IamUser"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.reason()).isEqualTo(GAAD + ": 1 rejection"));
        }

        @Test
        @DisplayName("a policy document that is not JSON rejects its principal whole")
        void documentNotJson() throws IOException {
            edit(root -> ((ObjectNode) element(root, "UserDetailList", 0)
                            .get("UserPolicyList")
                            .get(0))
                    .put("PolicyDocument", "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::pointer, Rejection::message)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(
                            "/UserDetailList/0/UserPolicyList/0/PolicyDocument",
                            "expected a policy document (a JSON object, or its text, URL-encoded or not), got a string"
                                    + " that is not a JSON object"));
            assertThat(count("MATCH (u:IamUser) WHERE u.placeholder IS NULL RETURN count(u)"))
                    .isZero();
            assertThat(count("MATCH (p:IamPolicy) WHERE p.id ENDS WITH '#alice-manage-own-mfa' RETURN count(p)"))
                    .isZero();
        }

        @Test
        @DisplayName("a managed policy without its default version is rejected")
        void noDefaultVersion() throws IOException {
            edit(root -> element(root, "Policies", 2).put("DefaultVersionId", "v9"));

            var report = load();

            assertThat(report.rejections())
                    .extracting(Rejection::pointer, Rejection::message)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(
                            "/Policies/2/PolicyVersionList",
                            "expected an array holding the default version v9 and its Document, got an array"));
        }
    }

    @Nested
    @DisplayName("a later load")
    class LaterLoad {
        @Test
        @DisplayName(
                "removes a deleted role and its relationships, and keeps AWS-managed policies no account attaches any more")
        void removesStale() throws IOException {
            load();
            edit(root -> {
                ((ArrayNode) root.get("RoleDetailList")).remove(1);
                ((ArrayNode) root.get("UserDetailList").get(0).get("AttachedManagedPolicies")).removeAll();
                ((ArrayNode) root.get("Policies")).remove(0);
            });

            var report = load();

            assertThat(report.rejections()).isEmpty();
            assertThat(count("MATCH (r:IamRole {id: '" + PARTNER + "'}) RETURN count(r)"))
                    .isZero();
            assertThat(count("MATCH (a:AwsAccount {id: '444455556666'}) RETURN count(a)"))
                    .isZero();
            assertThat(count("MATCH (p:IamPolicy {id: '" + READ_ONLY + "'}) WHERE p.placeholder IS NULL "
                            + "RETURN count(p)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (p:IamPolicy {id: '" + READ_ONLY + "'})<-[:HAS_POLICY]-() RETURN count(*)"))
                    .isZero();
        }
    }

    /** Writes the fixture as a raw paginated dump: users and groups on page 1 (truncated), the rest on page 2. */
    private void writePages() throws IOException {
        Path path = input.resolve(GAAD);
        var root = (ObjectNode) MAPPER.readTree(path.toFile());
        var first = MAPPER.createObjectNode();
        first.set("UserDetailList", root.get("UserDetailList"));
        first.set("GroupDetailList", root.get("GroupDetailList"));
        first.set("RoleDetailList", MAPPER.createArrayNode());
        first.set("Policies", MAPPER.createArrayNode());
        first.put("IsTruncated", true);
        first.put("Marker", "AAFcbWFya2VyLXBhZ2UtMg==");
        var second = MAPPER.createObjectNode();
        second.set("UserDetailList", MAPPER.createArrayNode());
        second.set("GroupDetailList", MAPPER.createArrayNode());
        second.set("RoleDetailList", root.get("RoleDetailList"));
        second.set("Policies", root.get("Policies"));
        second.put("IsTruncated", false);
        Files.delete(path);
        Path dir = path.getParent();
        Files.writeString(
                dir.resolve("iam-get-account-authorization-details-page1.json"), MAPPER.writeValueAsString(first));
        Files.writeString(
                dir.resolve("iam-get-account-authorization-details-page2.json"), MAPPER.writeValueAsString(second));
    }

    /** Replaces every policy document object with its URL-encoded text, as the raw IAM API returns it. */
    private static void urlEncodeDocuments(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (value.isObject()
                        && (field.equals("Document")
                                || field.equals("PolicyDocument")
                                || field.equals("AssumeRolePolicyDocument"))) {
                    object.put(
                            field,
                            URLEncoder.encode(MAPPER.writeValueAsString(value), StandardCharsets.UTF_8)
                                    .replace("+", "%20"));
                } else {
                    urlEncodeDocuments(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(AuthorizationDetailsImportTest::urlEncodeDocuments);
        }
    }
}
