package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Listener;
import static io.leeward.graph.schema.NodeLabel.ListenerRule;
import static io.leeward.graph.schema.NodeLabel.TargetGroup;
import static io.leeward.graph.schema.RelType.FORWARDS_TO;
import static io.leeward.graph.schema.RelType.HAS_RULE;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code elbv2 describe-rules --listener-arn ARN}: a ListenerRule per element of {@code Rules}, held
 * by its listener (whose ARN is the rule's without the rule id: {@code
 * listener-rule/app/<lb>/<lb id>/<listener id>/<rule id>} belongs to {@code
 * listener/app/<lb>/<lb id>/<listener id>}), forwarding to the target groups of its actions as a
 * listener's default actions do. Host and path patterns are read from the condition configs and
 * from the legacy {@code Values}.
 */
final class ListenerRuleMapper implements RecordMapper {
    private static final String PREFIX = "listener-rule/";

    @Override
    public void map(JsonFields rule, RegionContext context, Emitter out) {
        Arn arn = context.own(rule, "RuleArn", AwsArns.LISTENER_RULE);
        String id = arn.toString();
        Arn listener = listener(rule, arn);
        String priority = rule.string("Priority");
        Boolean isDefault = rule.optionalBool("IsDefault");
        var hosts = new ArrayList<String>();
        var paths = new ArrayList<String>();
        var sourceIps = new ArrayList<String>();
        for (JsonFields condition : rule.objects("Conditions")) {
            switch (condition.string("Field")) {
                case "host-header" -> hosts.addAll(values(condition, "HostHeaderConfig"));
                case "path-pattern" -> paths.addAll(values(condition, "PathPatternConfig"));
                case "source-ip" -> sourceIps.addAll(values(condition, "SourceIpConfig"));
                default -> {}
            }
        }
        Map<String, Arn> targets = ListenerMapper.forwardTargets(rule.objects("Actions"));
        var p = Emitter.props();
        p.put("listenerArn", listener.toString());
        p.put("priority", isNumber(priority) ? Integer.valueOf(priority) : null);
        p.put("isDefault", isDefault != null ? isDefault : "default".equals(priority));
        p.put("hostPatterns", hosts);
        p.put("pathPatterns", paths);
        p.put("sourceIps", sourceIps);
        p.put("conditions", rule.json("Conditions"));
        p.put("actions", rule.json("Actions"));
        p.put("targetGroupArns", List.copyOf(targets.keySet()));
        out.node(ListenerRule, id, p);
        if (!context.loads(Listener)) {
            out.reference(Listener, listener.toString(), context.account(), context.region(), Map.of());
        }
        out.rel(HAS_RULE, Listener, listener.toString(), ListenerRule, id);
        for (Arn group : targets.values()) {
            out.rel(FORWARDS_TO, ListenerRule, id, TargetGroup, TargetGroupMapper.known(context, out, group));
        }
    }

    /** The listener of a rule: its ARN without the last segment, which must leave four. */
    private static Arn listener(JsonFields rule, Arn arn) {
        String path = arn.resourceAfter(PREFIX);
        int last = path.lastIndexOf('/');
        String listener = last < 0 ? "" : path.substring(0, last);
        if (listener.split("/", -1).length != 4 || listener.contains("//")) {
            throw rule.invalid(
                    "RuleArn",
                    "an ELB listener rule ARN naming its listener"
                            + " (arn:aws:elasticloadbalancing:…:listener-rule/app/<name>/<id>/<listener id>/<rule id>)");
        }
        return new Arn(arn.partition(), arn.service(), arn.region(), arn.account(), "listener/" + listener);
    }

    /** The values of a condition: its config's {@code Values}, else the legacy top-level {@code Values}. */
    private static List<String> values(JsonFields condition, String config) {
        JsonFields values = condition.optionalObject(config);
        List<String> configured = values == null ? List.of() : values.strings("Values");
        return configured.isEmpty() ? condition.strings("Values") : configured;
    }

    private static boolean isNumber(String text) {
        if (text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
