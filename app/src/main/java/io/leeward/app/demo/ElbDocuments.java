package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Cluster;
import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.EniKind;
import io.leeward.app.demo.AccountPlan.LoadBalancer;
import io.leeward.app.demo.AccountPlan.Service;
import io.leeward.app.demo.AccountPlan.Task;
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
 * through the listener rules of {@code describe-rules}) and an HTTP listener redirecting to HTTPS.
 * Listener, rule and certificate ids derive from the ALB's ARN, so the plan's random draws are
 * untouched.
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

    /** A listener's ARN, derived from the ALB's and the port. */
    static String listenerArn(LoadBalancer lb, int port) {
        return lb.arn().replace(":loadbalancer/", ":listener/") + "/" + hex(lb.arn() + "#" + port, 16);
    }

    /** The name and id of a target group ARN ({@code …:targetgroup/<name>/<id>}). */
    static String targetGroupName(String arn) {
        return arn.substring(arn.indexOf(":targetgroup/") + ":targetgroup/".length(), arn.lastIndexOf('/'));
    }

    static String targetGroupId(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** A rule condition: its field, its one value, and the member holding the typed config. */
    private record Condition(String field, String value, String configMember) {}

    /**
     * How each web service after the first is reached on the HTTPS listener: a host-header or
     * path-pattern condition, in the stack's host names.
     */
    private static Condition condition(Service service, String unit) {
        return switch (service.name()) {
            case "api-gateway" -> new Condition("host-header", "api." + unit + ".example.com", "HostHeaderConfig");
            case "marketing-cms" -> new Condition("host-header", "blog." + unit + ".example.com", "HostHeaderConfig");
            default -> new Condition("path-pattern", "/" + service.name() + "/*", "PathPatternConfig");
        };
    }

    /**
     * {@code elbv2 describe-rules} for an ALB's HTTPS listener: a forward rule per web service after
     * the first (priorities 10, 20, …), then the default rule forwarding to the first. Returns how many
     * rules were written.
     */
    int rules(Path file, LoadBalancer lb, List<Target> targets) {
        List<Target> own =
                targets.stream().filter(t -> t.loadBalancer().equals(lb)).toList();
        String listener = listenerArn(lb, 443);
        String unit = lb.name().substring(0, lb.name().length() - "-public".length());
        try (CliJson json = CliJson.open(file)) {
            json.array("Rules");
            for (int i = 1; i < own.size(); i++) {
                Service service = own.get(i).service();
                Condition condition = condition(service, unit);
                json.object()
                        .field("RuleArn", ruleArn(listener, service.name()))
                        .field("Priority", Integer.toString(10 * i))
                        .array("Conditions")
                        .object()
                        .field("Field", condition.field())
                        .strings("Values", List.of(condition.value()))
                        .object(condition.configMember())
                        .strings("Values", List.of(condition.value()))
                        .end()
                        .end()
                        .end()
                        .array("Actions");
                forward(json, service.targetGroupArn());
                json.end().field("IsDefault", false).end();
            }
            json.object()
                    .field("RuleArn", ruleArn(listener, "default"))
                    .field("Priority", "default")
                    .emptyArray("Conditions")
                    .array("Actions");
            if (own.isEmpty()) {
                fixedResponse(json);
            } else {
                forward(json, own.getFirst().service().targetGroupArn());
            }
            json.end().field("IsDefault", true).end().end();
        }
        return own.size();
    }

    private static String ruleArn(String listenerArn, String key) {
        return listenerArn.replace(":listener/", ":listener-rule/") + "/" + hex(listenerArn + "#rule#" + key, 16);
    }

    private static void forward(CliJson json, String targetGroup) {
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
    }

    /**
     * {@code elbv2 describe-target-health} for a target group: the service's running tasks by IP and
     * container port, healthy except {@code unhealthyTaskArn} (failing its health check with 503s).
     * Returns how many targets were written.
     */
    int targetHealth(Path file, Target target, String unhealthyTaskArn) {
        Service service = target.service();
        int port = service.spec().port();
        int written = 0;
        try (CliJson json = CliJson.open(file)) {
            json.array("TargetHealthDescriptions");
            for (Task task : service.tasks()) {
                if (!task.running()) {
                    continue;
                }
                json.object()
                        .object("Target")
                        .field("Id", task.privateIp())
                        .field("Port", port)
                        .field("AvailabilityZone", task.subnet().az())
                        .end()
                        .field("HealthCheckPort", Integer.toString(port))
                        .object("TargetHealth");
                if (task.arn().equals(unhealthyTaskArn)) {
                    json.field("State", "unhealthy")
                            .field("Reason", "Target.ResponseCodeMismatch")
                            .field("Description", "Health checks failed with these codes: [503]");
                } else {
                    json.field("State", "healthy");
                }
                json.end().end();
                written++;
            }
            json.end();
        }
        return written;
    }

    /** Opens a listener object: its ARN (derived from the ALB's), load balancer, port and protocol. */
    private static CliJson listener(CliJson json, LoadBalancer lb, int port, String protocol) {
        String arn = listenerArn(lb, port);
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
