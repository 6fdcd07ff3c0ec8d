package io.leeward.loaders.aws.live;

import io.leeward.loaders.aws.InventoryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Which SDK calls read each file kind, in the order the loader reads the kinds. A fetcher hands every
 * response page to {@link Pages} as it arrives and returns the keys later fetchers of its region need
 * (cluster ARNs, load balancer ARNs, the task definitions that services and tasks run); a fetcher
 * that needs them {@linkplain RegionFetch#await awaits} the one that publishes them.
 *
 * <p>Adding a kind is one constant here: its operation (the offline file name prefix, which the
 * loader maps to a mapper), its service, and the calls. Only read calls are made, and never one that
 * returns a secret value ({@code secretsmanager get-secret-value}, {@code ssm get-parameter(s)} with
 * decryption).
 */
enum Fetcher {
    KMS_ALIASES("kms-list-aliases", Service.KMS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().kms().listAliasesPaginator(r -> r.limit(100)));
            return List.of();
        }
    },
    /** Publishes the key ids, for describe-key. */
    KMS_KEY_LIST("kms-list-keys", Service.KMS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ids = new ArrayList<String>();
            for (var page : region.clients().kms().listKeysPaginator(r -> r.limit(1000))) {
                page.keys().forEach(key -> ids.add(key.keyId()));
                out.page(page);
            }
            return ids;
        }
    },
    /**
     * One describe-key per key, named by its id; publishes the customer managed keys, whose policy
     * and rotation are read (AWS managed keys have AWS's policy and rotate yearly).
     */
    KMS_KEYS("kms-describe-key", Service.KMS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var kms = region.clients().kms();
            Set<String> customer = ConcurrentHashMap.newKeySet();
            out.each(region.await(KMS_KEY_LIST), id -> id, id -> {
                var key = kms.describeKey(r -> r.keyId(id));
                if (key.keyMetadata().keyManager() == KeyManagerType.CUSTOMER) {
                    customer.add(id);
                }
                return List.of(key);
            });
            return List.copyOf(new TreeSet<>(customer));
        }
    },
    KMS_KEY_POLICIES("kms-get-key-policy", Service.KMS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var kms = region.clients().kms();
            out.each(region.await(KMS_KEYS), id -> id, id -> List.of(kms.getKeyPolicy(r -> r.keyId(id))));
            return List.of();
        }
    },
    KMS_KEY_ROTATION("kms-get-key-rotation-status", Service.KMS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var kms = region.clients().kms();
            out.each(region.await(KMS_KEYS), id -> id, id -> {
                try {
                    return List.of(kms.getKeyRotationStatus(r -> r.keyId(id)));
                } catch (software.amazon.awssdk.services.kms.model.UnsupportedOperationException e) {
                    // asymmetric, HMAC and custom key store keys do not rotate: nothing to read
                    return List.of();
                }
            });
            return List.of();
        }
    },
    /** Publishes the repository names, for their images and policies. */
    ECR_REPOSITORIES("ecr-describe-repositories", Service.ECR) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var names = new ArrayList<String>();
            for (var page : region.clients().ecr().describeRepositoriesPaginator(r -> r.maxResults(1000))) {
                page.repositories().forEach(repository -> names.add(repository.repositoryName()));
                out.page(page);
            }
            return names;
        }
    },
    ECR_IMAGES("ecr-describe-images", Service.ECR) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ecr = region.clients().ecr();
            out.each(
                    region.await(ECR_REPOSITORIES),
                    Fetcher::fileName,
                    name -> ecr.describeImagesPaginator(
                            r -> r.repositoryName(name).maxResults(1000)));
            return List.of();
        }
    },
    /** A repository without a policy has nothing to read, as the offline export writes no file for it. */
    ECR_POLICIES("ecr-get-repository-policy", Service.ECR) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ecr = region.clients().ecr();
            out.each(region.await(ECR_REPOSITORIES), Fetcher::fileName, name -> {
                try {
                    return List.of(ecr.getRepositoryPolicy(r -> r.repositoryName(name)));
                } catch (RepositoryPolicyNotFoundException e) {
                    return List.of();
                }
            });
            return List.of();
        }
    },
    /** Publishes the secret ARNs, for their resource policies. Never reads a secret's value. */
    SECRETS("secretsmanager-list-secrets", Service.SECRETS_MANAGER) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var arns = new ArrayList<String>();
            for (var page : region.clients().secretsManager().listSecretsPaginator(r -> r.maxResults(100))) {
                page.secretList().forEach(secret -> arns.add(secret.arn()));
                out.page(page);
            }
            return arns;
        }
    },
    /** A secret without a policy answers its ARN and name only: the policy is then null. */
    SECRET_POLICIES("secretsmanager-get-resource-policy", Service.SECRETS_MANAGER) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var secrets = region.clients().secretsManager();
            out.each(
                    region.await(SECRETS),
                    arn -> null,
                    arn -> List.of(secrets.getResourcePolicy(r -> r.secretId(arn))));
            return List.of();
        }
    },
    /** Parameter metadata only: never get-parameter(s), which return values. */
    SSM_PARAMETERS("ssm-describe-parameters", Service.SSM) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ssm().describeParametersPaginator(r -> r.maxResults(50)));
            return List.of();
        }
    },
    /** The account's buckets, once per account (global); publishes their names. */
    S3_BUCKETS("s3api-list-buckets", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var names = new ArrayList<String>();
            for (var page : region.clients().s3(US_EAST_1).listBucketsPaginator(r -> r.maxBuckets(1000))) {
                page.buckets().forEach(bucket -> names.add(bucket.name()));
                out.page(page);
            }
            return names;
        }
    },
    /** Each bucket's region; publishes {@code <region>/<bucket>}, for the calls made in that region. */
    S3_BUCKET_LOCATIONS("s3api-get-bucket-location", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var s3 = region.clients().s3(US_EAST_1);
            Map<String, String> regions = new ConcurrentHashMap<>();
            out.documents(region.await(S3_BUCKETS), bucket -> bucket, bucket -> {
                var document = SdkJson.toTree(s3.getBucketLocation(r -> r.bucket(bucket)));
                String constraint = document.path("LocationConstraint").asString("");
                regions.put(
                        bucket, constraint.isEmpty() ? US_EAST_1 : constraint.equals("EU") ? "eu-west-1" : constraint);
                return List.of(document);
            });
            return regions.entrySet().stream()
                    .map(entry -> entry.getValue() + "/" + entry.getKey())
                    .sorted()
                    .toList();
        }
    },
    S3_BUCKET_POLICIES("s3api-get-bucket-policy", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            perBucket(region, out, (s3, bucket) -> s3.getBucketPolicy(r -> r.bucket(bucket)), "NoSuchBucketPolicy");
            return List.of();
        }
    },
    S3_BUCKET_POLICY_STATUS("s3api-get-bucket-policy-status", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            perBucket(
                    region, out, (s3, bucket) -> s3.getBucketPolicyStatus(r -> r.bucket(bucket)), "NoSuchBucketPolicy");
            return List.of();
        }
    },
    S3_PUBLIC_ACCESS_BLOCKS("s3api-get-public-access-block", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            perBucket(
                    region,
                    out,
                    (s3, bucket) -> s3.getPublicAccessBlock(r -> r.bucket(bucket)),
                    "NoSuchPublicAccessBlockConfiguration");
            return List.of();
        }
    },
    S3_BUCKET_ACLS("s3api-get-bucket-acl", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            perBucket(region, out, (s3, bucket) -> s3.getBucketAcl(r -> r.bucket(bucket)));
            return List.of();
        }
    },
    S3_BUCKET_ENCRYPTION("s3api-get-bucket-encryption", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            perBucket(
                    region,
                    out,
                    (s3, bucket) -> s3.getBucketEncryption(r -> r.bucket(bucket)),
                    "ServerSideEncryptionConfigurationNotFoundError");
            return List.of();
        }
    },
    /** A bucket never versioned answers an empty configuration: {@code {}}, as the CLI prints nothing. */
    S3_BUCKET_VERSIONING("s3api-get-bucket-versioning", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            perBucket(region, out, (s3, bucket) -> s3.getBucketVersioning(r -> r.bucket(bucket)));
            return List.of();
        }
    },
    S3_BUCKET_TAGGING("s3api-get-bucket-tagging", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            perBucket(region, out, (s3, bucket) -> s3.getBucketTagging(r -> r.bucket(bucket)), "NoSuchTagSet");
            return List.of();
        }
    },
    /** The account's own public access block (S3 Control). */
    S3_ACCOUNT_PUBLIC_ACCESS_BLOCK("s3control-get-public-access-block", Service.S3) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var s3control = region.clients().s3control();
            out.page(
                    null,
                    notConfigured(
                            () -> s3control.getPublicAccessBlock(r -> r.accountId(region.account())),
                            Set.of("NoSuchPublicAccessBlockConfiguration")));
            return List.of();
        }
    },
    VPCS("ec2-describe-vpcs", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeVpcsPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    SUBNETS("ec2-describe-subnets", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeSubnetsPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    SECURITY_GROUPS("ec2-describe-security-groups", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeSecurityGroupsPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    NETWORK_ACLS("ec2-describe-network-acls", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeNetworkAclsPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    INTERNET_GATEWAYS("ec2-describe-internet-gateways", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeInternetGatewaysPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    NETWORK_INTERFACES("ec2-describe-network-interfaces", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeNetworkInterfacesPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    NAT_GATEWAYS("ec2-describe-nat-gateways", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeNatGatewaysPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    INSTANCES("ec2-describe-instances", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeInstancesPaginator(r -> r.maxResults(1000)));
            return List.of();
        }
    },
    ROUTE_TABLES("ec2-describe-route-tables", Service.EC2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().ec2().describeRouteTablesPaginator(r -> r.maxResults(100)));
            return List.of();
        }
    },
    /** Publishes the load balancer ARNs, for their listeners. */
    LOAD_BALANCERS("elbv2-describe-load-balancers", Service.ELBV2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var arns = new ArrayList<String>();
            for (var page : region.clients().elbv2().describeLoadBalancersPaginator(r -> r.pageSize(400))) {
                page.loadBalancers().stream().map(LoadBalancer::loadBalancerArn).forEach(arns::add);
                out.page(page);
            }
            return arns;
        }
    },
    /** Publishes the target group ARNs, for their targets' health. */
    TARGET_GROUPS("elbv2-describe-target-groups", Service.ELBV2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var arns = new ArrayList<String>();
            for (var page : region.clients().elbv2().describeTargetGroupsPaginator(r -> r.pageSize(400))) {
                page.targetGroups().forEach(group -> arns.add(group.targetGroupArn()));
                out.page(page);
            }
            return arns;
        }
    },
    /** One paginated call per load balancer, in parallel; publishes the listener ARNs, for their rules. */
    LISTENERS("elbv2-describe-listeners", Service.ELBV2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var elbv2 = region.clients().elbv2();
            Set<String> listeners = ConcurrentHashMap.newKeySet();
            out.each(region.await(LOAD_BALANCERS), arn -> {
                var pages = new ArrayList<SdkPojo>();
                for (var page : elbv2.describeListenersPaginator(
                        r -> r.loadBalancerArn(arn).pageSize(400))) {
                    page.listeners().forEach(listener -> listeners.add(listener.listenerArn()));
                    pages.add(page);
                }
                return pages;
            });
            return List.copyOf(new TreeSet<>(listeners));
        }
    },
    /** One paginated call per listener, in parallel. */
    LISTENER_RULES("elbv2-describe-rules", Service.ELBV2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var elbv2 = region.clients().elbv2();
            out.each(
                    region.await(LISTENERS),
                    arn -> elbv2.describeRulesPaginator(r -> r.listenerArn(arn).pageSize(400)));
            return List.of();
        }
    },
    /** Lists the cluster ARNs, describes them 100 at a time and publishes them for services and tasks. */
    CLUSTERS("ecs-describe-clusters", Service.ECS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ecs = region.clients().ecs();
            var arns = new ArrayList<String>();
            ecs.listClustersPaginator(r -> r.maxResults(100)).forEach(page -> arns.addAll(page.clusterArns()));
            out.each(
                    chunks(arns, 100),
                    chunk -> List.of(ecs.describeClusters(r -> r.clusters(chunk)
                            .include(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS, ClusterField.TAGS))));
            return arns;
        }
    },
    /**
     * Per cluster, lists the container instances and describes them 100 at a time; named by the
     * cluster, for instance ARNs of the old format that do not carry it.
     */
    CONTAINER_INSTANCES("ecs-describe-container-instances", Service.ECS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ecs = region.clients().ecs();
            out.each(region.await(CLUSTERS), Fetcher::clusterName, cluster -> {
                var arns = new ArrayList<String>();
                ecs.listContainerInstancesPaginator(r -> r.cluster(cluster).maxResults(100))
                        .forEach(page -> arns.addAll(page.containerInstanceArns()));
                return out.parallel(
                        chunks(arns, 100),
                        chunk -> ecs.describeContainerInstances(r ->
                                r.cluster(cluster).containerInstances(chunk).include(ContainerInstanceField.TAGS)));
            });
            return List.of();
        }
    },
    /**
     * One {@code describe-task-definition} per task definition that the region's services (their
     * deployments included) and tasks run: those are the revisions that matter, active or not.
     */
    TASK_DEFINITIONS("ecs-describe-task-definition", Service.ECS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ecs = region.clients().ecs();
            Set<String> arns = new TreeSet<>(region.await(SERVICES));
            arns.addAll(region.await(TASKS));
            out.each(List.copyOf(arns), arn -> {
                try {
                    return List.of(ecs.describeTaskDefinition(
                            r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS)));
                } catch (ClientException e) {
                    // deleted since a task ran it: ECS answers ClientException, and there is nothing to read
                    return List.of();
                }
            });
            return List.of();
        }
    },
    /**
     * Per cluster, lists the services and describes them 10 at a time, the chunks in parallel;
     * publishes the task definitions they run.
     */
    SERVICES("ecs-describe-services", Service.ECS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ecs = region.clients().ecs();
            Set<String> definitions = ConcurrentHashMap.newKeySet();
            out.each(region.await(CLUSTERS), cluster -> {
                var arns = new ArrayList<String>();
                ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(100))
                        .forEach(page -> arns.addAll(page.serviceArns()));
                var pages = out.parallel(
                        chunks(arns, 10),
                        chunk -> ecs.describeServices(
                                r -> r.cluster(cluster).services(chunk).include(ServiceField.TAGS)));
                pages.forEach(page -> page.services().forEach(service -> {
                    add(definitions, service.taskDefinition());
                    service.deployments().forEach(d -> add(definitions, d.taskDefinition()));
                }));
                return pages;
            });
            return List.copyOf(definitions);
        }
    },
    /**
     * Per cluster, lists running and recently stopped tasks and describes them 100 at a time, the
     * chunks in parallel; publishes the task definitions they run.
     */
    TASKS("ecs-describe-tasks", Service.ECS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var ecs = region.clients().ecs();
            Set<String> definitions = ConcurrentHashMap.newKeySet();
            out.each(region.await(CLUSTERS), cluster -> {
                var pages = new ArrayList<SdkPojo>();
                for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
                    var arns = new ArrayList<String>();
                    ecs.listTasksPaginator(r ->
                                    r.cluster(cluster).desiredStatus(status).maxResults(100))
                            .forEach(page -> arns.addAll(page.taskArns()));
                    for (var page : out.parallel(
                            chunks(arns, 100),
                            chunk -> ecs.describeTasks(
                                    r -> r.cluster(cluster).tasks(chunk).include(TaskField.TAGS)))) {
                        page.tasks().forEach(task -> add(definitions, task.taskDefinitionArn()));
                        pages.add(page);
                    }
                }
                return pages;
            });
            return List.copyOf(definitions);
        }
    },
    /** The health of each target group's targets, named {@code <name>_<id>} from its ARN. */
    TARGET_HEALTH("elbv2-describe-target-health", Service.ELBV2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var elbv2 = region.clients().elbv2();
            out.each(
                    region.await(TARGET_GROUPS),
                    Fetcher::targetGroupName,
                    arn -> List.of(elbv2.describeTargetHealth(r -> r.targetGroupArn(arn))));
            return List.of();
        }
    },
    /** Every page of GetAccountAuthorizationDetails, once per account (global). */
    IAM_AUTHORIZATION_DETAILS("iam-get-account-authorization-details", Service.IAM) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().iam().getAccountAuthorizationDetailsPaginator(r -> r.maxItems(1000)));
            return List.of();
        }
    },
    /**
     * The organization, read only from its management account (the offline export's rule); publishes
     * its id then, nothing for a member account or one outside any organization.
     */
    ORGANIZATION("organizations-describe-organization", Service.ORGANIZATIONS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            JsonNode document;
            try {
                document = region.clients().organizations().call("DescribeOrganization", body());
            } catch (AwsServiceException e) {
                if (e.awsErrorDetails() != null
                        && "AWSOrganizationsNotInUseException"
                                .equals(e.awsErrorDetails().errorCode())) {
                    return List.of();
                }
                throw e;
            }
            JsonNode organization = document.path("Organization");
            if (!region.account().equals(organization.path("MasterAccountId").asString(""))) {
                return List.of();
            }
            out.page(null, document);
            return List.of(organization.path("Id").asString());
        }
    },
    ROOTS("organizations-list-roots", Service.ORGANIZATIONS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            if (region.await(ORGANIZATION).isEmpty()) {
                return List.of();
            }
            var roots = new ArrayList<String>();
            region.clients().organizations().pages("ListRoots", body(), page -> {
                page.path("Roots").forEach(root -> roots.add(root.path("Id").asString()));
                out.page(null, page);
            });
            return roots;
        }
    },
    /** The tree breadth first from the roots, a listing per parent; publishes every parent (roots and OUs). */
    ORGANIZATIONAL_UNITS("organizations-list-organizational-units-for-parent", Service.ORGANIZATIONS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var api = region.clients().organizations();
            var parents = new ArrayList<String>();
            List<String> level = region.await(ROOTS);
            while (!level.isEmpty()) {
                parents.addAll(level);
                var next = new ArrayList<String>();
                for (String parent : level) {
                    api.pages("ListOrganizationalUnitsForParent", body().put("ParentId", parent), page -> {
                        page.path("OrganizationalUnits")
                                .forEach(unit -> next.add(unit.path("Id").asString()));
                        out.page(parent, page);
                    });
                }
                level = next;
            }
            return parents;
        }
    },
    ACCOUNTS("organizations-list-accounts-for-parent", Service.ORGANIZATIONS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var api = region.clients().organizations();
            for (String parent : region.await(ORGANIZATIONAL_UNITS)) {
                api.pages("ListAccountsForParent", body().put("ParentId", parent), page -> out.page(parent, page));
            }
            return List.of();
        }
    },
    /** Service and resource control policies (a type not enabled lists none); publishes their ids. */
    POLICY_LIST("organizations-list-policies", Service.ORGANIZATIONS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            if (region.await(ORGANIZATION).isEmpty()) {
                return List.of();
            }
            var ids = new ArrayList<String>();
            for (String type : List.of("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY")) {
                region.clients().organizations().pages("ListPolicies", body().put("Filter", type), page -> {
                    page.path("Policies")
                            .forEach(policy -> ids.add(policy.path("Id").asString()));
                    out.page(null, page);
                });
            }
            return ids;
        }
    },
    POLICIES("organizations-describe-policy", Service.ORGANIZATIONS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var api = region.clients().organizations();
            for (String policy : region.await(POLICY_LIST)) {
                out.page(policy, api.call("DescribePolicy", body().put("PolicyId", policy)));
            }
            return List.of();
        }
    },
    POLICY_TARGETS("organizations-list-targets-for-policy", Service.ORGANIZATIONS) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var api = region.clients().organizations();
            for (String policy : region.await(POLICY_LIST)) {
                api.pages("ListTargetsForPolicy", body().put("PolicyId", policy), page -> out.page(policy, page));
            }
            return List.of();
        }
    };

    private static tools.jackson.databind.node.ObjectNode body() {
        return JsonNodeFactory.instance.objectNode();
    }

    private final String operation;
    private final Service service;

    Fetcher(String operation, Service service) {
        this.operation = operation;
        this.service = service;
    }

    /** Reads this kind in one region, handing each page to {@code out}; returns the keys it publishes. */
    abstract List<String> fetch(RegionFetch region, Pages out);

    /** The operation, as the loader and the offline file names call it: {@code ecs-describe-tasks}. */
    String operation() {
        return operation;
    }

    Service service() {
        return service;
    }

    /**
     * The fetchers whose pages are named after the keys this one publishes (a bucket's eight calls
     * after the bucket list): the writer declares them before this kind's pages, as the offline
     * import knows its file names before it reads them.
     */
    List<Fetcher> names() {
        return this == S3_BUCKETS
                ? List.of(
                        S3_BUCKET_LOCATIONS,
                        S3_BUCKET_POLICIES,
                        S3_BUCKET_POLICY_STATUS,
                        S3_PUBLIC_ACCESS_BLOCKS,
                        S3_BUCKET_ACLS,
                        S3_BUCKET_ENCRYPTION,
                        S3_BUCKET_VERSIONING,
                        S3_BUCKET_TAGGING)
                : List.of();
    }

    /** Whether it reads a global service, once per account rather than per region. */
    boolean isGlobal() {
        return InventoryWriter.isGlobal(operation);
    }

    private static final String US_EAST_1 = "us-east-1";

    /**
     * One call per bucket, in its own region ({@link #S3_BUCKET_LOCATIONS}), each page named by the
     * bucket; the error codes S3 answers "not configured" with become {@code {}}, as the export
     * script writes them.
     */
    static void perBucket(
            RegionFetch region,
            Pages out,
            java.util.function.BiFunction<S3Client, String, SdkPojo> call,
            String... notConfigured) {
        List<String> located = region.await(S3_BUCKET_LOCATIONS);
        out.documents(located, entry -> entry.substring(entry.indexOf('/') + 1), entry -> {
            String bucket = entry.substring(entry.indexOf('/') + 1);
            S3Client s3 = region.clients().s3(entry.substring(0, entry.indexOf('/')));
            return List.of(notConfigured(() -> call.apply(s3, bucket), Set.of(notConfigured)));
        });
    }

    /** The response's document, or {@code {}} when AWS answers one of these error codes. */
    static JsonNode notConfigured(Supplier<? extends SdkPojo> call, Set<String> codes) {
        try {
            return SdkJson.toTree(call.get());
        } catch (AwsServiceException e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (code != null && codes.contains(code)) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw e;
        }
    }

    /** A repository name as the offline export names its files: {@code team/web} is {@code team-web}. */
    static String fileName(String repository) {
        return repository.replace('/', '-');
    }

    /** {@code prod} from {@code arn:aws:ecs:eu-west-1:111122223333:cluster/prod}. */
    static String clusterName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** {@code web-tg_6d0ecf831eec9f09} from {@code arn:…:targetgroup/web-tg/6d0ecf831eec9f09}. */
    static String targetGroupName(String arn) {
        String path = arn.substring(arn.indexOf(":targetgroup/") + ":targetgroup/".length());
        return path.replace('/', '_');
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        var chunks = new ArrayList<List<T>>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return chunks;
    }

    private static void add(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }
}
