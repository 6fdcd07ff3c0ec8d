package io.leeward.loaders.aws.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

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
    TARGET_GROUPS("elbv2-describe-target-groups", Service.ELBV2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            out.all(region.clients().elbv2().describeTargetGroupsPaginator(r -> r.pageSize(400)));
            return List.of();
        }
    },
    /** One paginated call per load balancer, in parallel. */
    LISTENERS("elbv2-describe-listeners", Service.ELBV2) {
        @Override
        List<String> fetch(RegionFetch region, Pages out) {
            var elbv2 = region.clients().elbv2();
            out.each(
                    region.await(LOAD_BALANCERS),
                    arn -> elbv2.describeListenersPaginator(
                            r -> r.loadBalancerArn(arn).pageSize(400)));
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
