package io.leeward.loaders.aws.live;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one account and region, made when first used and sharing the sync's HTTP
 * client; counts the HTTP requests each service sent (retries included).
 */
final class RegionClients implements AutoCloseable {
    private final Clients clients;
    private final String account;
    private final String region;
    private final Map<Service, AtomicLong> requests = new EnumMap<>(Service.class);
    private Ec2Client ec2;
    private ElasticLoadBalancingV2Client elbv2;
    private EcsClient ecs;

    RegionClients(Clients clients, String account, String region) {
        this.clients = clients;
        this.account = account;
        this.region = region;
        for (Service service : Service.values()) {
            requests.put(service, new AtomicLong());
        }
    }

    synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = clients.build(Ec2Client.builder(), account, region, counter(Service.EC2));
        }
        return ec2;
    }

    synchronized ElasticLoadBalancingV2Client elbv2() {
        if (elbv2 == null) {
            elbv2 = clients.build(ElasticLoadBalancingV2Client.builder(), account, region, counter(Service.ELBV2));
        }
        return elbv2;
    }

    synchronized EcsClient ecs() {
        if (ecs == null) {
            ecs = clients.build(EcsClient.builder(), account, region, counter(Service.ECS));
        }
        return ecs;
    }

    long requests(Service service) {
        return requests.get(service).get();
    }

    private ExecutionInterceptor counter(Service service) {
        AtomicLong count = requests.get(service);
        return new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                count.incrementAndGet();
            }
        };
    }

    @Override
    public synchronized void close() {
        for (SdkAutoCloseable client : new SdkAutoCloseable[] {ec2, elbv2, ecs}) {
            if (client != null) {
                client.close();
            }
        }
    }
}
