package io.leeward.loaders.aws.live;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK clients of one sync: one HTTP client for all of them, whose connection pool bounds
 * the requests in flight ({@link LiveSyncOptions#maxRequests()}); the SDK's adaptive retry strategy
 * (retries with backoff and client-side rate limiting on throttling, no retry loop of ours); the
 * caller's credentials (default chain or a profile) or, per account, a role assumed through STS and
 * refreshed by the SDK.
 */
final class Clients implements AutoCloseable {
    private static final String SESSION_NAME = "leeward-sync";

    private final LiveSyncOptions options;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider base;
    private final Map<String, StsAssumeRoleCredentialsProvider> roles = new ConcurrentHashMap<>();
    private final List<SdkAutoCloseable> owned = Collections.synchronizedList(new ArrayList<>());
    private StsClient sts;

    Clients(LiveSyncOptions options) {
        this.options = options;
        var httpBuilder = Apache5HttpClient.builder()
                .maxConnections(options.maxRequests())
                .connectionAcquisitionTimeout(Duration.ofMinutes(10));
        if (options.endpoint() != null) {
            httpBuilder.dnsResolver(new StandInResolver(options.endpoint().getHost()));
        }
        this.http = httpBuilder.build();
        if (options.credentials() != null) {
            this.base = options.credentials();
        } else if (options.profile() != null) {
            this.base = ProfileCredentialsProvider.create(options.profile());
        } else {
            this.base = DefaultCredentialsProvider.builder().build();
        }
    }

    /** A client of one service for one account and region. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String account, String region, ExecutionInterceptor interceptor) {
        return configure(builder, region, credentials(account), interceptor).build();
    }

    /** AWS Organizations for an account, on the shared HTTP client with the account's credentials. */
    OrganizationsApi organizations(String account, java.util.concurrent.atomic.AtomicLong requests) {
        return new OrganizationsApi(http, credentials(account), options.endpoint(), requests);
    }

    /** AWS Organizations with the caller's own credentials (for ListAccounts). */
    OrganizationsApi callerOrganizations(java.util.concurrent.atomic.AtomicLong requests) {
        return new OrganizationsApi(http, base, options.endpoint(), requests);
    }

    /** Whether every client talks to a local stand-in of AWS rather than AWS. */
    boolean local() {
        return options.endpoint() != null;
    }

    /** The account of the caller's own credentials, from STS. */
    String callerAccount() {
        return sts().getCallerIdentity().account();
    }

    /** Every region EC2 knows of for an account with its opt-in status ({@code not-opted-in} ones included). */
    Map<String, String> regions(String account) {
        try (Ec2Client ec2 = build(Ec2Client.builder(), account, options.homeRegion(), null)) {
            var regions = new java.util.LinkedHashMap<String, String>();
            ec2.describeRegions(r -> r.allRegions(true)).regions().stream()
                    .sorted(java.util.Comparator.comparing(
                            software.amazon.awssdk.services.ec2.model.Region::regionName))
                    .forEach(region -> regions.put(region.regionName(), region.optInStatus()));
            return regions;
        }
    }

    private AwsCredentialsProvider credentials(String account) {
        if (options.roleName() == null) {
            return base;
        }
        return roles.computeIfAbsent(account, this::assume);
    }

    private StsAssumeRoleCredentialsProvider assume(String account) {
        String roleArn = "arn:aws:iam::" + account + ":role/" + options.roleName();
        var provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts())
                .refreshRequest(
                        r -> r.roleArn(roleArn).roleSessionName(SESSION_NAME).externalId(options.externalId()))
                .build();
        owned.add(provider);
        return provider;
    }

    private synchronized StsClient sts() {
        if (sts == null) {
            sts = configure(StsClient.builder(), options.homeRegion(), base, null)
                    .build();
        }
        return sts;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, String region, AwsCredentialsProvider credentials, ExecutionInterceptor interceptor) {
        builder.httpClient(http).region(Region.of(region)).credentialsProvider(credentials);
        builder.overrideConfiguration(o -> {
            o.retryStrategy(RetryMode.ADAPTIVE_V2);
            if (interceptor != null) {
                o.addExecutionInterceptor(interceptor);
            }
            if (options.endpoint() != null) {
                // S3 Control prefixes the host with the account id: a stand-in's address cannot take it
                o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
            }
        });
        if (options.endpoint() != null) {
            builder.endpointOverride(options.endpoint());
        }
        return builder;
    }

    /**
     * S3 Control's endpoint rules put the account id before the host ({@code
     * 111122223333.127.0.0.1}): against a local stand-in, such names resolve to the stand-in.
     */
    private record StandInResolver(String host) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String name) throws UnknownHostException {
            String target = name.endsWith("." + host) ? host : name;
            return SystemDefaultDnsResolver.INSTANCE.resolve(target);
        }

        @Override
        public String resolveCanonicalHostname(String name) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(name.endsWith("." + host) ? host : name);
        }
    }

    @Override
    public synchronized void close() {
        owned.forEach(SdkAutoCloseable::close);
        if (sts != null) {
            sts.close();
        }
        http.close();
    }
}
