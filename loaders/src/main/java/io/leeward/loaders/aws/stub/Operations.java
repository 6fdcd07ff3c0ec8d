package io.leeward.loaders.aws.stub;

import io.leeward.loaders.aws.live.SdkJson;
import io.leeward.loaders.aws.stub.AwsStub.Request;
import io.leeward.loaders.aws.stub.AwsStub.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations the stub answers. STS {@code GetCallerIdentity} and {@code AssumeRole}, EC2 {@code
 * DescribeRegions} and ECS {@code ListClusters} are written by hand after the examples of the AWS API
 * references; every other response is the CLI document of the served directory, filtered and paged
 * as the service would, read into the SDK's response object and rendered on the wire from its model
 * ({@link Wire}).
 */
final class Operations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String ELB_NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final String JSON = "application/x-amz-json-1.1";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final AwsStub stub;

    Operations(AwsStub stub) {
        this.stub = stub;
    }

    Response respond(Request r) {
        return switch (r.service() + ":" + r.action()) {
            case "sts:GetCallerIdentity" -> callerIdentity(r);
            case "sts:AssumeRole" -> assumeRole(r);
            case "ec2:DescribeRegions" -> describeRegions(r);
            case "ec2:DescribeVpcs" -> ec2List(r, "ec2-describe-vpcs", "Vpcs", DescribeVpcsResponse::builder);
            case "ec2:DescribeSubnets" ->
                ec2List(r, "ec2-describe-subnets", "Subnets", DescribeSubnetsResponse::builder);
            case "ec2:DescribeSecurityGroups" ->
                ec2List(r, "ec2-describe-security-groups", "SecurityGroups", DescribeSecurityGroupsResponse::builder);
            case "ec2:DescribeNetworkInterfaces" ->
                ec2List(
                        r,
                        "ec2-describe-network-interfaces",
                        "NetworkInterfaces",
                        DescribeNetworkInterfacesResponse::builder);
            case "ec2:DescribeNetworkAcls" ->
                ec2List(r, "ec2-describe-network-acls", "NetworkAcls", DescribeNetworkAclsResponse::builder);
            case "ec2:DescribeInternetGateways" ->
                ec2List(
                        r,
                        "ec2-describe-internet-gateways",
                        "InternetGateways",
                        DescribeInternetGatewaysResponse::builder);
            case "ec2:DescribeNatGateways" ->
                ec2List(r, "ec2-describe-nat-gateways", "NatGateways", DescribeNatGatewaysResponse::builder);
            case "ec2:DescribeInstances" ->
                ec2List(r, "ec2-describe-instances", "Reservations", DescribeInstancesResponse::builder);
            case "ec2:DescribeRouteTables" ->
                ec2List(r, "ec2-describe-route-tables", "RouteTables", DescribeRouteTablesResponse::builder);
            case "elasticloadbalancing:DescribeLoadBalancers" ->
                queryList(
                        r,
                        "elbv2-describe-load-balancers",
                        "LoadBalancers",
                        any -> true,
                        DescribeLoadBalancersResponse::builder);
            case "elasticloadbalancing:DescribeTargetGroups" ->
                queryList(
                        r,
                        "elbv2-describe-target-groups",
                        "TargetGroups",
                        any -> true,
                        DescribeTargetGroupsResponse::builder);
            case "elasticloadbalancing:DescribeListeners" ->
                queryList(
                        r,
                        "elbv2-describe-listeners",
                        "Listeners",
                        listener -> text(listener, "LoadBalancerArn")
                                .equals(r.form().get("LoadBalancerArn")),
                        DescribeListenersResponse::builder);
            case "ecs:ListClusters" -> listClusters(r);
            case "ecs:DescribeClusters" -> describeClusters(r);
            case "ecs:ListServices" -> listServices(r);
            case "ecs:DescribeServices" -> describeServices(r);
            case "ecs:ListTasks" -> listTasks(r);
            case "ecs:DescribeTasks" -> describeTasks(r);
            case "ecs:DescribeTaskDefinition" -> describeTaskDefinition(r);
            case "ecs:ListContainerInstances" -> listContainerInstances(r);
            case "ecs:DescribeContainerInstances" -> describeContainerInstances(r);
            case "elasticloadbalancing:DescribeRules" ->
                queryList(
                        r,
                        "elbv2-describe-rules",
                        "Rules",
                        rule -> text(rule, "RuleArn")
                                .replace(":listener-rule/", ":listener/")
                                .startsWith(r.form().getOrDefault("ListenerArn", "-") + "/"),
                        DescribeRulesResponse::builder);
            case "elasticloadbalancing:DescribeTargetHealth" -> describeTargetHealth(r);
            case "kms:ListAliases" ->
                jsonList(r, "kms-list-aliases", "Aliases", any -> true, KMS_PAGES, ListAliasesResponse::builder);
            case "kms:ListKeys" ->
                jsonList(r, "kms-list-keys", "Keys", any -> true, KMS_PAGES, ListKeysResponse::builder);
            case "kms:DescribeKey" -> keyDocument(r, "kms-describe-key", DescribeKeyResponse::builder);
            case "kms:GetKeyPolicy" -> keyDocument(r, "kms-get-key-policy", GetKeyPolicyResponse::builder);
            case "kms:GetKeyRotationStatus" ->
                keyDocument(r, "kms-get-key-rotation-status", GetKeyRotationStatusResponse::builder);
            case "ecr:DescribeRepositories" ->
                jsonList(
                        r,
                        "ecr-describe-repositories",
                        "repositories",
                        any -> true,
                        CAMEL_PAGES,
                        DescribeRepositoriesResponse::builder);
            case "ecr:DescribeImages" ->
                jsonList(
                        r,
                        "ecr-describe-images",
                        "imageDetails",
                        image -> text(image, "repositoryName")
                                .equals(r.json().path("repositoryName").asString("")),
                        CAMEL_PAGES,
                        DescribeImagesResponse::builder);
            case "ecr:GetRepositoryPolicy" -> repositoryPolicy(r);
            case "secretsmanager:ListSecrets" ->
                jsonList(
                        r,
                        "secretsmanager-list-secrets",
                        "SecretList",
                        any -> true,
                        PASCAL_PAGES,
                        ListSecretsResponse::builder);
            case "secretsmanager:GetResourcePolicy" -> secretPolicy(r);
            case "ssm:DescribeParameters" ->
                jsonList(
                        r,
                        "ssm-describe-parameters",
                        "Parameters",
                        any -> true,
                        PASCAL_PAGES,
                        DescribeParametersResponse::builder);
            case "iam:GetAccountAuthorizationDetails" -> authorizationDetails(r);
            case "organizations:DescribeOrganization" -> organization(r);
            case "organizations:ListRoots" -> organizationsList(r, "organizations-list-roots", "Roots", any -> true);
            case "organizations:ListOrganizationalUnitsForParent" ->
                organizationsList(
                        r,
                        "organizations-list-organizational-units-for-parent_"
                                + r.json().path("ParentId").asString(),
                        "OrganizationalUnits",
                        any -> true);
            case "organizations:ListAccountsForParent" ->
                organizationsList(
                        r,
                        "organizations-list-accounts-for-parent_"
                                + r.json().path("ParentId").asString(),
                        "Accounts",
                        any -> true);
            case "organizations:ListAccounts" ->
                organizationsList(r, "organizations-list-accounts-for-parent", "Accounts", any -> true);
            case "organizations:ListPolicies" ->
                organizationsList(
                        r,
                        "organizations-list-policies",
                        "Policies",
                        policy -> text(policy, "Type")
                                .equals(r.json().path("Filter").asString()));
            case "organizations:DescribePolicy" -> organizationPolicy(r);
            case "organizations:ListTargetsForPolicy" ->
                organizationsList(
                        r,
                        "organizations-list-targets-for-policy_"
                                + r.json().path("PolicyId").asString(),
                        "Targets",
                        any -> true);
            case "s3:ListBuckets" -> listBuckets(r);
            case "s3:GetBucketLocation" -> bucketLocation(r);
            case "s3:GetBucketPolicy" ->
                bucketDetail(
                        r,
                        "s3api-get-bucket-policy",
                        "NoSuchBucketPolicy",
                        "The bucket policy does not exist",
                        doc -> doc.path("Policy").asString());
            case "s3:GetBucketPolicyStatus" ->
                bucketDetail(
                        r,
                        "s3api-get-bucket-policy-status",
                        "NoSuchBucketPolicy",
                        "The bucket policy does not exist",
                        doc -> XML_DECLARATION + Wire.xml(pojo(doc, GetBucketPolicyStatusResponse::builder)));
            case "s3:GetPublicAccessBlock" ->
                bucketDetail(
                        r,
                        "s3api-get-public-access-block",
                        "NoSuchPublicAccessBlockConfiguration",
                        "The public access block configuration was not found",
                        doc -> XML_DECLARATION + Wire.xml(pojo(doc, GetPublicAccessBlockResponse::builder)));
            case "s3:GetBucketAcl" -> bucketAcl(r);
            case "s3:GetBucketEncryption" ->
                bucketDetail(
                        r,
                        "s3api-get-bucket-encryption",
                        "ServerSideEncryptionConfigurationNotFoundError",
                        "The server side encryption configuration was not found",
                        doc -> XML_DECLARATION + Wire.xml(pojo(doc, GetBucketEncryptionResponse::builder)));
            case "s3:GetBucketVersioning" ->
                bucketDetail(
                        r,
                        "s3api-get-bucket-versioning",
                        null,
                        null,
                        doc -> XML_DECLARATION
                                + "<VersioningConfiguration xmlns=\"" + S3_NS + "\">"
                                + Wire.xml(pojo(doc, GetBucketVersioningResponse::builder))
                                + "</VersioningConfiguration>");
            case "s3:GetBucketTagging" ->
                bucketDetail(
                        r,
                        "s3api-get-bucket-tagging",
                        "NoSuchTagSet",
                        "The TagSet does not exist",
                        doc -> XML_DECLARATION + "<Tagging xmlns=\"" + S3_NS + "\">"
                                + Wire.xml(pojo(doc, GetBucketTaggingResponse::builder)) + "</Tagging>");
            case "s3control:GetPublicAccessBlock" -> accountPublicAccessBlock(r);
            default ->
                Errors.of(r, 400, "InvalidAction", "The action " + r.action() + " is not valid for this web service.");
        };
    }

    // --- hand-written, after the API references' examples

    private static Response callerIdentity(Request r) {
        String body = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>arn:aws:iam::" + r.account() + ":user/Alice</Arn>\n"
                + "    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>\n"
                + "    <Account>" + r.account() + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</GetCallerIdentityResponse>\n";
        return new Response(200, "text/xml", body, Map.of());
    }

    /** Credentials whose access key id carries the role's account, so that later calls are that account's. */
    private static Response assumeRole(Request r) {
        String roleArn = r.form().getOrDefault("RoleArn", "");
        String account = roleArn.split(":").length > 4 ? roleArn.split(":")[4] : r.account();
        String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String session = r.form().getOrDefault("RoleSessionName", "session");
        String expiration = Instant.now()
                .plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String body = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <Arn>arn:aws:sts::" + account + ":assumed-role/" + Wire.escape(role) + "/"
                + Wire.escape(session) + "</Arn>\n"
                + "      <AssumedRoleId>ARO123EXAMPLE123:" + Wire.escape(session) + "</AssumedRoleId>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <AccessKeyId>ASIA" + account + "EXAM</AccessKeyId>\n"
                + "      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>\n"
                + "      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>\n"
                + "      <Expiration>" + expiration + "</Expiration>\n"
                + "    </Credentials>\n"
                + "    <PackedPolicySize>6</PackedPolicySize>\n"
                + "  </AssumeRoleResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleResponse>\n";
        return new Response(200, "text/xml", body, Map.of());
    }

    private Response describeRegions(Request r) {
        var body = new StringBuilder("<DescribeRegionsResponse xmlns=\"" + EC2_NS + "\">\n");
        body.append("   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>\n   <regionInfo>\n");
        stub.regions(r.account())
                .forEach((region, optIn) -> body.append("      <item>\n")
                        .append("         <regionName>")
                        .append(region)
                        .append("</regionName>\n")
                        .append("         <regionEndpoint>ec2.")
                        .append(region)
                        .append(".amazonaws.com</regionEndpoint>\n")
                        .append("         <optInStatus>")
                        .append(optIn)
                        .append("</optInStatus>\n")
                        .append("      </item>\n"));
        body.append("   </regionInfo>\n</DescribeRegionsResponse>\n");
        return new Response(200, "text/xml;charset=UTF-8", body.toString(), Map.of());
    }

    private Response listClusters(Request r) {
        var arns = new ArrayList<String>();
        records(r, "ecs-describe-clusters", "clusters").forEach(cluster -> arns.add(text(cluster, "clusterArn")));
        var page = page(
                arns,
                r.json().path("nextToken").asString(""),
                r.json().path("maxResults").asInt(100));
        var body = new StringBuilder("{\n    \"clusterArns\": [");
        for (int i = 0; i < page.items().size(); i++) {
            body.append(i == 0 ? "\n" : ",\n")
                    .append("        \"")
                    .append(page.items().get(i))
                    .append('"');
        }
        body.append("\n    ]");
        if (page.next() != null) {
            body.append(",\n    \"nextToken\": \"").append(page.next()).append('"');
        }
        return new Response(200, JSON, body.append("\n}\n").toString(), Map.of());
    }

    // --- rendered from the served CLI documents

    // --- AWS Organizations (AWS JSON 1.1), from the account's global directory: the CLI documents are
    // already the API's JSON

    private Response organization(Request r) {
        return stub.documents(r.account(), "global", "organizations-describe-organization").values().stream()
                .findFirst()
                .map(doc -> new Response(200, JSON, doc.toString(), Map.<String, String>of()))
                .orElseGet(() -> Errors.of(
                        r,
                        400,
                        "AWSOrganizationsNotInUseException",
                        "Your account is not a member of an organization."));
    }

    private Response organizationsList(Request r, String operation, String field, Predicate<JsonNode> filter) {
        var matching =
                records(r.account(), operation, field).stream().filter(filter).toList();
        var page = page(
                matching,
                r.json().path("NextToken").asString(""),
                r.json().path("MaxResults").asInt(20));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray(field)::add);
        putNext(doc, "NextToken", page.next());
        return new Response(200, JSON, doc.toString(), Map.of());
    }

    private Response organizationPolicy(Request r) {
        String id = r.json().path("PolicyId").asString();
        return stub.documents(r.account(), "global", "organizations-describe-policy_" + id).values().stream()
                .findFirst()
                .map(doc -> new Response(200, JSON, doc.toString(), Map.<String, String>of()))
                .orElseGet(() -> Errors.of(
                        r,
                        400,
                        "PolicyNotFoundException",
                        "We can't find a policy with the PolicyId that you specified."));
    }

    // --- S3 (REST-XML, path-style) and S3 Control, from the account's global directory

    private static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private Response listBuckets(Request r) {
        var buckets = records(r.account(), "s3api-list-buckets", "Buckets");
        var page = page(
                buckets,
                r.form().getOrDefault("continuation-token", ""),
                Integer.parseInt(r.form().getOrDefault("max-buckets", "10000")));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray("Buckets")::add);
        stub.documents(r.account(), "global", "s3api-list-buckets").values().stream()
                .map(list -> list.get("Owner"))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresent(owner -> doc.set("Owner", owner));
        putNext(doc, "ContinuationToken", page.next());
        String body = XML_DECLARATION + "<ListAllMyBucketsResult xmlns=\"" + S3_NS + "\">"
                + Wire.xml(pojo(doc, ListBucketsResponse::builder)) + "</ListAllMyBucketsResult>";
        return new Response(200, "application/xml", body, Map.of());
    }

    /** The region of a listed bucket (its location document; us-east-1 without one), or null when not listed. */
    private String bucketRegion(Request r, String bucket) {
        boolean listed = records(r.account(), "s3api-list-buckets", "Buckets").stream()
                .anyMatch(listedBucket -> text(listedBucket, "Name").equals(bucket));
        if (!listed) {
            return null;
        }
        return stub.documents(r.account(), "global", "s3api-get-bucket-location_" + bucket).values().stream()
                .map(doc -> doc.path("LocationConstraint").asString(""))
                .filter(constraint -> !constraint.isEmpty())
                .map(constraint -> constraint.equals("EU") ? "eu-west-1" : constraint)
                .findFirst()
                .orElse("us-east-1");
    }

    /**
     * Written by hand after the example of the S3 API reference (GetBucketLocation): the constraint is
     * the root element's text, empty for us-east-1. Answered in any region, as S3 does.
     */
    private Response bucketLocation(Request r) {
        String bucket = r.form().get("Bucket");
        String region = bucketRegion(r, bucket);
        if (region == null) {
            return Errors.of(r, 404, "NoSuchBucket", "The specified bucket does not exist");
        }
        String body = XML_DECLARATION + "<LocationConstraint xmlns=\"" + S3_NS + "\">"
                + (region.equals("us-east-1") ? "" : region) + "</LocationConstraint>";
        return new Response(200, "application/xml", body, Map.of());
    }

    /**
     * One bucket's sub-resource from {@code <operation>_<bucket>.json}, in the bucket's region only
     * (elsewhere S3 answers PermanentRedirect); a missing or empty ({@code {}}) document is "not
     * configured": the error S3 answers then, or an empty document when it answers none.
     */
    private Response bucketDetail(
            Request r,
            String operation,
            String code,
            String message,
            java.util.function.Function<JsonNode, String> render) {
        String bucket = r.form().get("Bucket");
        String region = bucketRegion(r, bucket);
        if (region == null) {
            return Errors.of(r, 404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if (!region.equals(r.region())) {
            return Errors.of(
                    r,
                    301,
                    "PermanentRedirect",
                    "The bucket you are attempting to access must be addressed using the specified endpoint.");
        }
        JsonNode doc = stub.documents(r.account(), "global", operation + "_" + bucket).values().stream()
                .findFirst()
                .orElse(NODES.objectNode());
        if (doc.isEmpty() && code != null) {
            return Errors.of(r, 404, code, message);
        }
        String contentType = operation.equals("s3api-get-bucket-policy") ? "application/json" : "application/xml";
        return new Response(200, contentType, render.apply(doc), Map.of());
    }

    /**
     * Written by hand after the example of the S3 API reference (GetBucketAcl): each grantee's type is
     * an {@code xsi:type} attribute, which the model-driven rendering does not write.
     */
    private Response bucketAcl(Request r) {
        return bucketDetail(r, "s3api-get-bucket-acl", null, null, doc -> {
            var body = new StringBuilder(XML_DECLARATION)
                    .append("<AccessControlPolicy xmlns=\"")
                    .append(S3_NS)
                    .append("\"><Owner><ID>")
                    .append(Wire.escape(doc.path("Owner").path("ID").asString("")))
                    .append("</ID><DisplayName>")
                    .append(Wire.escape(doc.path("Owner").path("DisplayName").asString("")))
                    .append("</DisplayName></Owner><AccessControlList>");
            for (JsonNode grant : doc.path("Grants")) {
                JsonNode grantee = grant.path("Grantee");
                body.append("<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"")
                        .append(text(grantee, "Type"))
                        .append("\">");
                for (String field : List.of("ID", "DisplayName", "URI", "EmailAddress")) {
                    if (grantee.has(field)) {
                        body.append('<')
                                .append(field)
                                .append('>')
                                .append(Wire.escape(text(grantee, field)))
                                .append("</")
                                .append(field)
                                .append('>');
                    }
                }
                body.append("</Grantee><Permission>")
                        .append(text(grant, "Permission"))
                        .append("</Permission></Grant>");
            }
            return body.append("</AccessControlList></AccessControlPolicy>").toString();
        });
    }

    /** S3 Control's account public access block, from {@code s3control-get-public-access-block*.json}. */
    private Response accountPublicAccessBlock(Request r) {
        JsonNode doc = stub.documents(r.account(), "global", "s3control-get-public-access-block").values().stream()
                .findFirst()
                .orElse(NODES.objectNode());
        if (doc.isEmpty()) {
            return Errors.of(
                    r,
                    404,
                    "NoSuchPublicAccessBlockConfiguration",
                    "The public access block configuration was not found");
        }
        String body = XML_DECLARATION
                + Wire.xml(pojo(
                        doc, software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse::builder));
        return new Response(200, "application/xml", body, Map.of());
    }

    /** The elements of {@code field} of every document of a global operation, in file name order. */
    private List<JsonNode> records(String account, String operation, String field) {
        var records = new ArrayList<JsonNode>();
        stub.documents(account, "global", operation)
                .values()
                .forEach(doc -> doc.path(field).forEach(records::add));
        return records;
    }

    /** How an AWS JSON 1.1 service names its page token, next token and page size. */
    private record Paging(String token, String next, String max, int defaultMax) {}

    private static final Paging KMS_PAGES = new Paging("Marker", "NextMarker", "Limit", 100);
    private static final Paging CAMEL_PAGES = new Paging("nextToken", "nextToken", "maxResults", 100);
    private static final Paging PASCAL_PAGES = new Paging("NextToken", "NextToken", "MaxResults", 100);

    /** One page of the elements of {@code field} that match, in AWS JSON 1.1; KMS adds {@code Truncated}. */
    private Response jsonList(
            Request r,
            String operation,
            String field,
            Predicate<JsonNode> filter,
            Paging paging,
            Supplier<? extends SdkBuilder<?, ?>> response) {
        var matching = records(r, operation, field).stream().filter(filter).toList();
        var page = page(
                matching,
                r.json().path(paging.token()).asString(""),
                r.json().path(paging.max()).asInt(paging.defaultMax()));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray(field)::add);
        putNext(doc, paging.next(), page.next());
        if (paging == KMS_PAGES) {
            doc.put("Truncated", page.next() != null);
        }
        return json(doc, response);
    }

    /** A per-key KMS document, from {@code <operation>_<key id>.json}; NotFoundException when none. */
    private Response keyDocument(Request r, String operation, Supplier<? extends SdkBuilder<?, ?>> response) {
        String keyId = r.json().path("KeyId").asString("");
        String id = keyId.substring(keyId.lastIndexOf('/') + 1);
        for (JsonNode doc :
                stub.documents(r.account(), r.region(), operation + "_" + id).values()) {
            return json(doc, response);
        }
        return Errors.of(r, 400, "NotFoundException", "Key '" + keyId + "' does not exist");
    }

    /** The repository's policy document, or RepositoryPolicyNotFoundException as ECR answers. */
    private Response repositoryPolicy(Request r) {
        String name = r.json().path("repositoryName").asString("");
        for (JsonNode doc : stub.documents(r.account(), r.region(), "ecr-get-repository-policy")
                .values()) {
            if (text(doc, "repositoryName").equals(name)) {
                return json(doc, GetRepositoryPolicyResponse::builder);
            }
        }
        return Errors.of(
                r,
                400,
                "RepositoryPolicyNotFoundException",
                "Repository policy does not exist for the repository with name '" + name + "' in the registry with id '"
                        + r.account() + "'");
    }

    /** The secret's policy document; a secret without one answers its ARN and name, as AWS does. */
    private Response secretPolicy(Request r) {
        String id = r.json().path("SecretId").asString("");
        for (JsonNode doc : stub.documents(r.account(), r.region(), "secretsmanager-get-resource-policy")
                .values()) {
            if (text(doc, "ARN").equals(id) || text(doc, "Name").equals(id)) {
                return json(doc, GetResourcePolicyResponse::builder);
            }
        }
        for (JsonNode secret : records(r, "secretsmanager-list-secrets", "SecretList")) {
            if (text(secret, "ARN").equals(id) || text(secret, "Name").equals(id)) {
                ObjectNode doc = NODES.objectNode();
                doc.put("ARN", text(secret, "ARN"));
                doc.put("Name", text(secret, "Name"));
                return json(doc, GetResourcePolicyResponse::builder);
            }
        }
        return Errors.of(r, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    private Response listContainerInstances(Request r) {
        String cluster = r.json().path("cluster").asString("default");
        String name = cluster.substring(cluster.lastIndexOf('/') + 1);
        var arns = records(r, "ecs-describe-container-instances", "containerInstances").stream()
                .map(instance -> text(instance, "containerInstanceArn"))
                .filter(arn -> arn.contains(":container-instance/" + name + "/"))
                .distinct()
                .toList();
        var page = page(
                arns,
                r.json().path("nextToken").asString(""),
                r.json().path("maxResults").asInt(100));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray("containerInstanceArns")::add);
        putNext(doc, "nextToken", page.next());
        return json(doc, ListContainerInstancesResponse::builder);
    }

    private Response describeContainerInstances(Request r) {
        Set<String> wanted = strings(r.json().path("containerInstances"));
        var found =
                unique(records(r, "ecs-describe-container-instances", "containerInstances"), "containerInstanceArn")
                        .stream()
                        .filter(instance -> matches(text(instance, "containerInstanceArn"), wanted))
                        .toList();
        return json(object("containerInstances", found, "failures"), DescribeContainerInstancesResponse::builder);
    }

    /** From {@code elbv2-describe-target-health_<name>_<id>.json}; no targets when there is none. */
    private Response describeTargetHealth(Request r) {
        String arn = r.form().getOrDefault("TargetGroupArn", "");
        String resource = arn.substring(arn.indexOf(":targetgroup/") + ":targetgroup/".length())
                .replace('/', '_');
        JsonNode doc =
                stub.documents(r.account(), r.region(), "elbv2-describe-target-health_" + resource).values().stream()
                        .findFirst()
                        .orElse(NODES.objectNode().set("TargetHealthDescriptions", NODES.arrayNode()));
        String body = "<DescribeTargetHealthResponse xmlns=\"" + ELB_NS + "\"><DescribeTargetHealthResult>"
                + Wire.xml(pojo(doc, DescribeTargetHealthResponse::builder))
                + "</DescribeTargetHealthResult><ResponseMetadata><RequestId>"
                + "6f1a7b3e-example</RequestId></ResponseMetadata></DescribeTargetHealthResponse>";
        return new Response(200, "text/xml", body, Map.of());
    }

    /**
     * IAM's four lists of the account's {@code global} document, paged together with {@code
     * Marker} and {@code MaxItems}; policy documents URL-encoded as the IAM API sends them (the CLI
     * prints them decoded).
     */
    private Response authorizationDetails(Request r) {
        var items = new ArrayList<Map.Entry<String, JsonNode>>();
        for (JsonNode doc : stub.documents(r.account(), "global", "iam-get-account-authorization-details")
                .values()) {
            for (String list : IAM_LISTS) {
                doc.path(list).forEach(item -> items.add(Map.entry(list, encodePolicies(item))));
            }
        }
        var page = page(
                items,
                r.form().getOrDefault("Marker", ""),
                Integer.parseInt(r.form().getOrDefault("MaxItems", "100")));
        ObjectNode doc = NODES.objectNode();
        for (String list : IAM_LISTS) {
            ArrayNode array = doc.putArray(list);
            page.items().stream()
                    .filter(item -> item.getKey().equals(list))
                    .forEach(item -> array.add(item.getValue()));
        }
        doc.put("IsTruncated", page.next() != null);
        putNext(doc, "Marker", page.next());
        String body = "<GetAccountAuthorizationDetailsResponse xmlns=\"" + IAM_NS + "\">"
                + "<GetAccountAuthorizationDetailsResult>"
                + Wire.xml(pojo(doc, GetAccountAuthorizationDetailsResponse::builder))
                + "</GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>"
                + "92e79ae7-7399-11e4-8c85-4b53eEXAMPLE</RequestId></ResponseMetadata>"
                + "</GetAccountAuthorizationDetailsResponse>";
        return new Response(200, "text/xml", body, Map.of());
    }

    private static final List<String> IAM_LISTS =
            List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");
    private static final Set<String> POLICY_FIELDS = Set.of("PolicyDocument", "AssumeRolePolicyDocument", "Document");

    /** A copy with every policy document that the CLI printed as JSON URL-encoded, as the API sends it. */
    private static JsonNode encodePolicies(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(element -> array.add(encodePolicies(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = NODES.objectNode();
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (POLICY_FIELDS.contains(entry.getKey()) && value.isObject()) {
                copy.put(
                        entry.getKey(),
                        java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%20"));
            } else {
                copy.set(entry.getKey(), encodePolicies(value));
            }
        }
        return copy;
    }

    private Response describeClusters(Request r) {
        Set<String> wanted = strings(r.json().path("clusters"));
        var found = records(r, "ecs-describe-clusters", "clusters").stream()
                .filter(cluster -> matches(text(cluster, "clusterArn"), wanted))
                .toList();
        return json(object("clusters", found, "failures"), DescribeClustersResponse::builder);
    }

    private Response listServices(Request r) {
        String cluster = r.json().path("cluster").asString("default");
        var arns = records(r, "ecs-describe-services", "services").stream()
                .filter(service -> matches(text(service, "clusterArn"), Set.of(cluster)))
                .map(service -> text(service, "serviceArn"))
                .distinct()
                .toList();
        var page = page(
                arns,
                r.json().path("nextToken").asString(""),
                r.json().path("maxResults").asInt(10));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray("serviceArns")::add);
        putNext(doc, "nextToken", page.next());
        return json(doc, ListServicesResponse::builder);
    }

    private Response describeServices(Request r) {
        Set<String> wanted = strings(r.json().path("services"));
        var found = unique(records(r, "ecs-describe-services", "services"), "serviceArn").stream()
                .filter(service -> matches(text(service, "serviceArn"), wanted))
                .toList();
        return json(object("services", found, "failures"), DescribeServicesResponse::builder);
    }

    private Response listTasks(Request r) {
        String cluster = r.json().path("cluster").asString("default");
        String status = r.json().path("desiredStatus").asString("RUNNING");
        var arns = unique(records(r, "ecs-describe-tasks", "tasks"), "taskArn").stream()
                .filter(task -> matches(text(task, "clusterArn"), Set.of(cluster)))
                .filter(task -> text(task, "desiredStatus").equals(status))
                .map(task -> text(task, "taskArn"))
                .toList();
        var page = page(
                arns,
                r.json().path("nextToken").asString(""),
                r.json().path("maxResults").asInt(100));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray("taskArns")::add);
        putNext(doc, "nextToken", page.next());
        return json(doc, ListTasksResponse::builder);
    }

    private Response describeTasks(Request r) {
        Set<String> wanted = strings(r.json().path("tasks"));
        var found = unique(records(r, "ecs-describe-tasks", "tasks"), "taskArn").stream()
                .filter(task -> matches(text(task, "taskArn"), wanted))
                .toList();
        return json(object("tasks", found, "failures"), DescribeTasksResponse::builder);
    }

    private Response describeTaskDefinition(Request r) {
        String wanted = r.json().path("taskDefinition").asString("");
        for (JsonNode doc : stub.documents(r.account(), r.region(), "ecs-describe-task-definition")
                .values()) {
            String arn = doc.path("taskDefinition").path("taskDefinitionArn").asString("");
            if (arn.equals(wanted) || arn.endsWith("/" + wanted)) {
                return json(doc, DescribeTaskDefinitionResponse::builder);
            }
        }
        return Errors.of(r, 400, "ClientException", "Unable to describe task definition.");
    }

    private Response ec2List(Request r, String operation, String field, Supplier<? extends SdkBuilder<?, ?>> response) {
        var page = page(
                records(r, operation, field),
                r.form().getOrDefault("NextToken", ""),
                Integer.parseInt(r.form().getOrDefault("MaxResults", "1000")));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray(field)::add);
        putNext(doc, "NextToken", page.next());
        String body = "<" + r.action() + "Response xmlns=\"" + EC2_NS + "\"><requestId>"
                + "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>" + Wire.xml(pojo(doc, response)) + "</"
                + r.action() + "Response>";
        return new Response(200, "text/xml;charset=UTF-8", body, Map.of());
    }

    private Response queryList(
            Request r,
            String operation,
            String field,
            Predicate<JsonNode> filter,
            Supplier<? extends SdkBuilder<?, ?>> response) {
        var matching = records(r, operation, field).stream().filter(filter).toList();
        var page = page(
                matching,
                r.form().getOrDefault("Marker", ""),
                Integer.parseInt(r.form().getOrDefault("PageSize", "400")));
        ObjectNode doc = NODES.objectNode();
        page.items().forEach(doc.putArray(field)::add);
        putNext(doc, "NextMarker", page.next());
        String body = "<" + r.action() + "Response xmlns=\"" + ELB_NS + "\"><" + r.action() + "Result>"
                + Wire.xml(pojo(doc, response)) + "</" + r.action() + "Result><ResponseMetadata><RequestId>"
                + "6f1a7b3e-example</RequestId></ResponseMetadata></" + r.action() + "Response>";
        return new Response(200, "text/xml", body, Map.of());
    }

    private static Response json(JsonNode doc, Supplier<? extends SdkBuilder<?, ?>> response) {
        return new Response(200, JSON, Wire.json(pojo(doc, response)).toString(), Map.of());
    }

    private static SdkPojo pojo(JsonNode doc, Supplier<? extends SdkBuilder<?, ?>> response) {
        return (SdkPojo) SdkJson.fromTree(doc, response.get());
    }

    /** The elements of {@code field} of every document of an operation, in file name order. */
    private List<JsonNode> records(Request r, String operation, String field) {
        var records = new ArrayList<JsonNode>();
        stub.documents(r.account(), r.region(), operation)
                .values()
                .forEach(doc -> doc.path(field).forEach(records::add));
        return records;
    }

    /** Tasks and services may appear in more than one file; the last one wins, as in the import. */
    private static List<JsonNode> unique(List<JsonNode> records, String key) {
        var byKey = new LinkedHashMap<String, JsonNode>();
        records.forEach(record -> byKey.put(text(record, key), record));
        return List.copyOf(byKey.values());
    }

    private record Page<T>(List<T> items, String next) {}

    /** Tokens are offsets here; AWS's are opaque, and the SDK passes them back as they came. */
    private <T> Page<T> page(List<T> all, String token, int maxResults) {
        int from = token.isEmpty() ? 0 : Integer.parseInt(token);
        int size = Math.max(1, Math.min(maxResults, stub.pageSize()));
        int to = Math.min(all.size(), from + size);
        return new Page<>(
                List.copyOf(all.subList(Math.min(from, all.size()), to)), to < all.size() ? String.valueOf(to) : null);
    }

    private static void putNext(ObjectNode doc, String field, String next) {
        if (next != null) {
            doc.put(field, next);
        }
    }

    private static ObjectNode object(String field, List<JsonNode> items, String failures) {
        ObjectNode doc = NODES.objectNode();
        ArrayNode array = doc.putArray(field);
        items.forEach(array::add);
        doc.putArray(failures);
        return doc;
    }

    private static Set<String> strings(JsonNode array) {
        var values = new java.util.HashSet<String>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    /** An ARN matches a name or an ARN given in a request. */
    private static boolean matches(String arn, Set<String> wanted) {
        for (String value : wanted) {
            if (arn.equals(value) || arn.endsWith("/" + value)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }
}
