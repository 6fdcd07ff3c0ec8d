package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Cluster;
import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.EniKind;
import io.leeward.app.demo.AccountPlan.LoadBalancer;
import io.leeward.app.demo.AccountPlan.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The ELBv2 files, shaped as AWS CLI v2 prints {@code elbv2 describe-load-balancers}, {@code
 * describe-listeners} and {@code describe-target-groups}. Every internet-facing ALB has an HTTPS
 * listener forwarding by default to its first service's target group (further services are reached
 * through listener rules, which these files do not hold) and an HTTP listener redirecting to HTTPS.
 * Listener and certificate ids derive from the ALB's ARN, so the plan's random draws are untouched.
 */
final class ElbDocuments {
    private static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    private final String region;
    private final String account;

    ElbDocuments(String region, String account) {
        this.region = region;
        this.account = account;
    }

    /** A target group of a load balancer: the service it fronts. */
    record Target(LoadBalancer loadBalancer, Service service) {}

    static List<Target> targets(List<LoadBalancer> loadBalancers, List<Cluster> clusters) {
        var targets = new ArrayList<Target>();
        for (Cluster cluster : clusters) {
            for (Service service : cluster.services()) {
                if (service.targetGroupArn() != null) {
                    loadBalancers.stream()
                            .filter(lb -> lb.arn().equals(service.loadBalancerArn()))
                            .findFirst()
                            .ifPresent(lb -> targets.add(new Target(lb, service)));
                }
            }
        }
        return targets;
    }

    void loadBalancers(Path file, List<LoadBalancer> loadBalancers, List<Eni> enis) {
        try (CliJson json = CliJson.open(file)) {
            json.array("LoadBalancers");
            for (LoadBalancer lb : loadBalancers) {
                List<Eni> own = enis.stream()
                        .filter(eni -> eni.kind() == EniKind.LOAD_BALANCER
                                && eni.description().equals("ELB " + lb.resourceId()))
                        .sorted(Comparator.comparing(eni -> eni.subnet().az()))
                        .toList();
                Instant created = own.stream()
                        .map(Eni::attachTime)
                        .min(Comparator.naturalOrder())
                        .orElseThrow()
                        .minusSeconds(42);
                json.object()
                        .field("LoadBalancerArn", lb.arn())
                        .field("DNSName", lb.name() + "-" + digits(lb.arn(), 10) + "." + region + ".elb.amazonaws.com")
                        .field("CanonicalHostedZoneId", "Z32O12XQLNTSW2")
                        .time("CreatedTime", created)
                        .field("LoadBalancerName", lb.name())
                        .field("Scheme", lb.internetFacing() ? "internet-facing" : "internal")
                        .field("VpcId", lb.vpcId())
                        .object("State")
                        .field("Code", "active")
                        .end()
                        .field("Type", "application")
                        .array("AvailabilityZones");
                for (Eni eni : own) {
                    json.object()
                            .field("ZoneName", eni.subnet().az())
                            .field("SubnetId", eni.subnet().id())
                            .emptyArray("LoadBalancerAddresses")
                            .end();
                }
                json.end()
                        .strings("SecurityGroups", List.of(lb.securityGroupId()))
                        .field("IpAddressType", "ipv4")
                        .end();
            }
            json.end();
        }
    }

    void listeners(Path file, List<LoadBalancer> loadBalancers, List<Target> targets) {
        try (CliJson json = CliJson.open(file)) {
            json.array("Listeners");
            for (LoadBalancer lb : loadBalancers) {
                var first = targets.stream()
                        .filter(t -> t.loadBalancer().equals(lb))
                        .findFirst();
                listener(json, lb, 443, "HTTPS")
                        .array("Certificates")
                        .object()
                        .field(
                                "CertificateArn",
                                "arn:aws:acm:" + region + ":" + account + ":certificate/" + uuid(lb.arn()))
                        .end()
                        .end()
                        .field("SslPolicy", TLS_POLICY)
                        .array("DefaultActions");
                if (first.isPresent()) {
                    String targetGroup = first.get().service().targetGroupArn();
                    json.object()
                            .field("Type", "forward")
                            .field("TargetGroupArn", targetGroup)
                            .object("ForwardConfig")
                            .array("TargetGroups")
                            .object()
                            .field("TargetGroupArn", targetGroup)
                            .field("Weight", 1)
                            .end()
                            .end()
                            .object("TargetGroupStickinessConfig")
                            .field("Enabled", false)
                            .end()
                            .end()
                            .end();
                } else {
                    fixedResponse(json);
                }
                json.end().end();
                listener(json, lb, 80, "HTTP")
                        .array("DefaultActions")
                        .object()
                        .field("Type", "redirect")
                        .object("RedirectConfig")
                        .field("Protocol", "HTTPS")
                        .field("Port", "443")
                        .field("Host", "#{host}")
                        .field("Path", "/#{path}")
                        .field("Query", "#{query}")
                        .field("StatusCode", "HTTP_301")
                        .end()
                        .end()
                        .end()
                        .end();
            }
            json.end();
        }
    }

    void targetGroups(Path file, List<Target> targets) {
        try (CliJson json = CliJson.open(file)) {
            json.array("TargetGroups");
            for (Target target : targets) {
                Service service = target.service();
                String arn = service.targetGroupArn();
                String name =
                        arn.substring(arn.indexOf(":targetgroup/") + ":targetgroup/".length(), arn.lastIndexOf('/'));
                json.object()
                        .field("TargetGroupArn", arn)
                        .field("TargetGroupName", name)
                        .field("Protocol", "HTTP")
                        .field("Port", service.spec().port())
                        .field("VpcId", target.loadBalancer().vpcId())
                        .field("HealthCheckProtocol", "HTTP")
                        .field("HealthCheckPort", "traffic-port")
                        .field("HealthCheckEnabled", true)
                        .field("HealthCheckIntervalSeconds", 30)
                        .field("HealthCheckTimeoutSeconds", 5)
                        .field("HealthyThresholdCount", 5)
                        .field("UnhealthyThresholdCount", 2)
                        .field("HealthCheckPath", "/health")
                        .object("Matcher")
                        .field("HttpCode", "200")
                        .end()
                        .strings(
                                "LoadBalancerArns",
                                List.of(target.loadBalancer().arn()))
                        .field("TargetType", "ip")
                        .field("ProtocolVersion", "HTTP1")
                        .field("IpAddressType", "ipv4")
                        .end();
            }
            json.end();
        }
    }

    /** Opens a listener object: its ARN (derived from the ALB's), load balancer, port and protocol. */
    private static CliJson listener(CliJson json, LoadBalancer lb, int port, String protocol) {
        String arn = lb.arn().replace(":loadbalancer/", ":listener/") + "/" + hex(lb.arn() + "#" + port, 16);
        return json.object()
                .field("ListenerArn", arn)
                .field("LoadBalancerArn", lb.arn())
                .field("Port", port)
                .field("Protocol", protocol);
    }

    private static void fixedResponse(CliJson json) {
        json.object()
                .field("Type", "fixed-response")
                .object("FixedResponseConfig")
                .field("StatusCode", "404")
                .field("ContentType", "text/plain")
                .end()
                .end();
    }

    private static String hex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String uuid(String seed) {
        String h = hex(seed + "#certificate", 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    private static String digits(String seed, int length) {
        var out = new StringBuilder();
        for (char c : hex(seed + "#dns", 40).toCharArray()) {
            out.append(Character.digit(c, 16) % 10);
        }
        return out.substring(0, length);
    }
}
