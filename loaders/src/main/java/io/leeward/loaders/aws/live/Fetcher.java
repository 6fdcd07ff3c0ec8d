package io.leeward.loaders.aws.live;

import io.leeward.loaders.aws.InventoryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    };

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

    /** Whether it reads a global service, once per account rather than per region. */
    boolean isGlobal() {
        return InventoryWriter.isGlobal(operation);
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
