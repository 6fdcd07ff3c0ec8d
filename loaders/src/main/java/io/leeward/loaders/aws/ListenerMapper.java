package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Listener;
import static io.leeward.graph.schema.NodeLabel.LoadBalancer;
import static io.leeward.graph.schema.NodeLabel.TargetGroup;
import static io.leeward.graph.schema.RelType.FORWARDS_TO;
import static io.leeward.graph.schema.RelType.HAS_LISTENER;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code elbv2 describe-listeners}: a Listener per element of {@code Listeners}, on its load
 * balancer, forwarding to the target groups of its default actions (a forward action's {@code
 * TargetGroupArn} and each of its {@code ForwardConfig.TargetGroups}).
 */
final class ListenerMapper implements RecordMapper {
    @Override
    public void map(JsonFields listener, RegionContext context, Emitter out) {
        Arn arn = context.own(listener, "ListenerArn", AwsArns.LISTENER);
        String id = arn.toString();
        Arn balancer = context.own(listener, "LoadBalancerArn", AwsArns.LOAD_BALANCER);
        var certificates = new ArrayList<String>();
        for (JsonFields certificate : listener.objects("Certificates")) {
            certificates.add(certificate.string("CertificateArn"));
        }
        Map<String, Arn> targets = forwardTargets(listener);
        var p = Emitter.props();
        p.put("loadBalancerArn", balancer.toString());
        p.put("port", listener.optionalInt("Port"));
        p.put("protocol", listener.optionalString("Protocol"));
        p.put("sslPolicy", listener.optionalString("SslPolicy"));
        p.put("certificateArns", certificates);
        p.put("alpnPolicy", listener.strings("AlpnPolicy"));
        p.put("defaultActions", listener.json("DefaultActions"));
        p.put("targetGroupArns", List.copyOf(targets.keySet()));
        out.node(Listener, id, p);
        out.link(HAS_LISTENER, LoadBalancer, balancer.toString(), Listener, id);
        for (Arn group : targets.values()) {
            out.rel(FORWARDS_TO, Listener, id, TargetGroup, TargetGroupMapper.known(context, out, group));
        }
    }

    /** The target groups of the default actions by ARN, once each, in the order they appear. */
    static Map<String, Arn> forwardTargets(JsonFields listener) {
        return forwardTargets(listener.objects("DefaultActions"));
    }

    /** The target groups of these actions by ARN, once each, in the order they appear. */
    static Map<String, Arn> forwardTargets(List<JsonFields> actions) {
        var targets = new LinkedHashMap<String, Arn>();
        for (JsonFields action : actions) {
            action.string("Type");
            Arn direct = action.optionalArn("TargetGroupArn", AwsArns.TARGET_GROUP);
            if (direct != null) {
                targets.putIfAbsent(direct.toString(), direct);
            }
            JsonFields forward = action.optionalObject("ForwardConfig");
            List<JsonFields> weighted = forward == null ? List.of() : forward.objects("TargetGroups");
            for (JsonFields group : weighted) {
                Arn arn = group.arn("TargetGroupArn", AwsArns.TARGET_GROUP);
                group.optionalInt("Weight");
                targets.putIfAbsent(arn.toString(), arn);
            }
        }
        return targets;
    }
}
