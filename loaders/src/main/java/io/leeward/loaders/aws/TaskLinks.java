package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.ContainerDefinition;
import static io.leeward.graph.schema.NodeLabel.TaskDefinition;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.graph.schema.RelType;
import io.leeward.loaders.ingest.Arn;
import java.util.Map;

/**
 * Links to task definitions, which services and tasks may name although the input lacks them (an
 * old revision that was not exported): those get a placeholder carrying family and revision from
 * the ARN (and its containers one carrying their name), so the link is kept.
 */
final class TaskLinks {
    private TaskLinks() {}

    static void taskDefinition(
            RegionContext context, Emitter out, RelType type, NodeLabel from, String fromId, Arn definition) {
        String id = definition.toString();
        if (!context.hasTaskDefinition(id)) {
            out.reference(TaskDefinition, id, definition.account(), definition.region(), familyAndRevision(definition));
        }
        out.rel(type, from, fromId, TaskDefinition, id);
    }

    static void containerDefinition(
            RegionContext context,
            Emitter out,
            RelType type,
            NodeLabel from,
            String fromId,
            Arn definition,
            String name) {
        String id = definition + "#" + name;
        if (!context.hasTaskDefinition(definition.toString())) {
            out.reference(ContainerDefinition, id, definition.account(), definition.region(), Map.of("name", name));
            out.rel(RelType.HAS_CONTAINER, TaskDefinition, definition.toString(), ContainerDefinition, id);
        }
        out.rel(type, from, fromId, ContainerDefinition, id);
    }

    private static Map<String, Object> familyAndRevision(Arn definition) {
        String familyRevision = definition.resourceAfter("task-definition/");
        int colon = familyRevision.lastIndexOf(':');
        if (colon < 0) {
            return Map.of("family", familyRevision);
        }
        String revision = familyRevision.substring(colon + 1);
        var p = Emitter.props();
        p.put("family", familyRevision.substring(0, colon));
        p.put("revision", isNumber(revision) ? Integer.parseInt(revision) : null);
        return p;
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
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
