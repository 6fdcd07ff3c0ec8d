package io.leeward.loaders.aws.live;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one account and region, made when first used and sharing the sync's HTTP
 * client; counts the HTTP requests each service sent (retries included). The global part of an
 * account (region null) calls IAM's global endpoint.
 */
final class RegionClients implements AutoCloseable {
    private final Clients clients;
    private final String account;
    private final String region;
    private final Map<Service, AtomicLong> requests = new EnumMap<>(Service.class);
    private Ec2Client ec2;
    private ElasticLoadBalancingV2Client elbv2;
    private EcsClient ecs;
    private KmsClient kms;
    private EcrClient ecr;
    private SecretsManagerClient secretsManager;
    private SsmClient ssm;
    private IamClient iam;
    private S3ControlClient s3control;
    private OrganizationsApi organizations;
    private final Map<String, S3Client> s3 = new java.util.HashMap<>();

    RegionClients(Clients clients, String account, String region) {
        this.clients = clients;
        this.account = account;
        this.region = region == null ? "us-east-1" : region;
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

    synchronized KmsClient kms() {
        if (kms == null) {
            kms = clients.build(KmsClient.builder(), account, region, counter(Service.KMS));
        }
        return kms;
    }

    synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = clients.build(EcrClient.builder(), account, region, counter(Service.ECR));
        }
        return ecr;
    }

    synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            secretsManager =
                    clients.build(SecretsManagerClient.builder(), account, region, counter(Service.SECRETS_MANAGER));
        }
        return secretsManager;
    }

    synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = clients.build(SsmClient.builder(), account, region, counter(Service.SSM));
        }
        return ssm;
    }

    /** IAM, on its global endpoint (signed for us-east-1). */
    synchronized IamClient iam() {
        if (iam == null) {
            iam = clients.build(IamClient.builder(), account, "aws-global", counter(Service.IAM));
        }
        return iam;
    }

    /**
     * S3 in a region (the bucket list in us-east-1, a bucket's own calls in its region); path-style
     * addressing against a local stand-in, whose host cannot take a bucket name.
     */
    synchronized S3Client s3(String bucketRegion) {
        return s3.computeIfAbsent(
                bucketRegion,
                name -> clients.build(
                        S3Client.builder().forcePathStyle(clients.local()), account, name, counter(Service.S3)));
    }

    /** S3 Control, for the account's public access block. */
    synchronized S3ControlClient s3control() {
        if (s3control == null) {
            s3control = clients.build(S3ControlClient.builder(), account, "us-east-1", counter(Service.S3));
        }
        return s3control;
    }

    /** AWS Organizations (signed AWS JSON 1.1 calls, see {@link OrganizationsApi}). */
    synchronized OrganizationsApi organizations() {
        if (organizations == null) {
            organizations = clients.organizations(account, requests.get(Service.ORGANIZATIONS));
        }
        return organizations;
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
        for (SdkAutoCloseable client :
                new SdkAutoCloseable[] {ec2, elbv2, ecs, kms, ecr, secretsManager, ssm, iam, s3control}) {
            if (client != null) {
                client.close();
            }
        }
        s3.values().forEach(SdkAutoCloseable::close);
    }
}
