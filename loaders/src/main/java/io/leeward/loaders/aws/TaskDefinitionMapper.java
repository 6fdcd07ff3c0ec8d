package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.ContainerDefinition;
import static io.leeward.graph.schema.NodeLabel.Finding;
import static io.leeward.graph.schema.NodeLabel.IamRole;
import static io.leeward.graph.schema.NodeLabel.Image;
import static io.leeward.graph.schema.NodeLabel.Secret;
import static io.leeward.graph.schema.NodeLabel.TaskDefinition;
import static io.leeward.graph.schema.RelType.EXECUTION_ROLE;
import static io.leeward.graph.schema.RelType.HAS_CONTAINER;
import static io.leeward.graph.schema.RelType.ON;
import static io.leeward.graph.schema.RelType.READS_SECRET;
import static io.leeward.graph.schema.RelType.RUNS_IMAGE;
import static io.leeward.graph.schema.RelType.TASK_ROLE;

import io.leeward.graph.schema.RelType;
import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import io.leeward.loaders.secrets.SecretKind;
import io.leeward.loaders.secrets.SecretScanner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code ecs describe-task-definition}: the whole document is one record, {@code
 * {"taskDefinition": {…}, "tags": […]}}. Writes the TaskDefinition, a ContainerDefinition per
 * container ({@code ARN#name}), placeholders for its IAM roles, the secrets its containers read and
 * images pinned by digest.
 *
 * <p>Environment values are never stored: a container keeps its variable names and, per variable, a
 * keyed fingerprint of the value ({@code NAME=hmac-sha256:…}). A value that looks like a secret
 * ({@link SecretScanner}) becomes a Finding on the container definition, with the variable name
 * and the fingerprint.
 */
final class TaskDefinitionMapper implements RecordMapper {
    /** The check id of findings for secrets in plain-text environment variables. */
    static final String SECRET_IN_ENVIRONMENT = "ecs-secret-in-environment";

    @Override
    public void map(JsonFields document, RegionContext context, Emitter out) {
        JsonFields definition = document.object("taskDefinition");
        Arn arn = context.own(definition, "taskDefinitionArn", AwsArns.ECS_TASK_DEFINITION);
        String id = arn.toString();
        Arn taskRole = definition.optionalArn("taskRoleArn", AwsArns.IAM_ROLE);
        Arn executionRole = definition.optionalArn("executionRoleArn", AwsArns.IAM_ROLE);
        JsonFields platform = definition.optionalObject("runtimePlatform");
        JsonFields storage = definition.optionalObject("ephemeralStorage");
        var p = Emitter.props();
        p.put("family", definition.string("family"));
        p.put("revision", definition.integer("revision"));
        p.put("status", definition.optionalString("status"));
        p.put("networkMode", definition.optionalString("networkMode"));
        p.put("requiresCompatibilities", definition.strings("requiresCompatibilities"));
        p.put("compatibilities", definition.strings("compatibilities"));
        p.put("cpu", definition.optionalString("cpu"));
        p.put("memory", definition.optionalString("memory"));
        p.put("pidMode", definition.optionalString("pidMode"));
        p.put("ipcMode", definition.optionalString("ipcMode"));
        p.put("taskRoleArn", taskRole == null ? null : taskRole.toString());
        p.put("executionRoleArn", executionRole == null ? null : executionRole.toString());
        p.put("operatingSystemFamily", platform == null ? null : platform.optionalString("operatingSystemFamily"));
        p.put("cpuArchitecture", platform == null ? null : platform.optionalString("cpuArchitecture"));
        p.put("ephemeralStorageGiB", storage == null ? null : storage.optionalInt("sizeInGiB"));
        p.put("volumes", definition.json("volumes"));
        p.put("registeredAt", definition.optionalTime("registeredAt"));
        p.put("registeredBy", definition.optionalString("registeredBy"));
        p.put("deregisteredAt", definition.optionalTime("deregisteredAt"));
        p.put("tags", Tags.ecs(document, "tags").json());
        out.node(TaskDefinition, id, p);
        role(out, TASK_ROLE, id, taskRole);
        role(out, EXECUTION_ROLE, id, executionRole);
        for (JsonFields container : definition.objects("containerDefinitions")) {
            container(arn, container, context, out);
        }
        context.taskDefinitionLoaded(id);
    }

    private static void role(Emitter out, RelType type, String definition, Arn role) {
        if (role == null) {
            return;
        }
        String name = role.resource().substring(role.resource().lastIndexOf('/') + 1);
        out.reference(IamRole, role.toString(), role.account(), null, Map.of("name", name));
        out.rel(type, TaskDefinition, definition, IamRole, role.toString());
    }

    private static void container(Arn definition, JsonFields container, RegionContext context, Emitter out) {
        String name = container.string("name");
        String id = definition + "#" + name;
        var environmentNames = new ArrayList<String>();
        var fingerprints = new ArrayList<String>();
        var exposed = new ArrayList<ExposedSecret>();
        for (JsonFields variable : container.objects("environment")) {
            String variableName = variable.string("name");
            String value = variable.secretString("value");
            environmentNames.add(variableName);
            if (value != null) {
                String fingerprint = context.fingerprints().of(value);
                fingerprints.add(variableName + "=" + fingerprint);
                SecretScanner.scan(variableName, value)
                        .ifPresent(kind -> exposed.add(new ExposedSecret(variableName, kind, fingerprint)));
            }
        }
        var environmentFiles = new ArrayList<String>();
        for (JsonFields file : container.objects("environmentFiles")) {
            environmentFiles.add(file.string("value"));
        }
        var secretNames = new ArrayList<String>();
        var secretSources = new ArrayList<String>();
        var secrets = new LinkedHashSet<Arn>();
        for (JsonFields secret : container.objects("secrets")) {
            secretNames.add(secret.string("name"));
            String valueFrom = secret.string("valueFrom");
            secretSources.add(valueFrom);
            Arn target = secretArn(valueFrom, definition, context);
            if (target != null) {
                secrets.add(target);
            }
        }
        JsonFields linux = container.optionalObject("linuxParameters");
        JsonFields capabilities = linux == null ? null : linux.optionalObject("capabilities");
        JsonFields logging = container.optionalObject("logConfiguration");
        String image = container.optionalString("image");
        var p = Emitter.props();
        p.put("name", name);
        p.put("taskDefinitionArn", definition.toString());
        p.put("image", image);
        p.put("essential", container.optionalBool("essential"));
        p.put("cpu", container.optionalInt("cpu"));
        p.put("memory", container.optionalInt("memory"));
        p.put("memoryReservation", container.optionalInt("memoryReservation"));
        p.put("portMappings", container.json("portMappings"));
        p.put("mountPoints", container.json("mountPoints"));
        p.put("user", container.optionalString("user"));
        p.put("privileged", container.optionalBool("privileged"));
        p.put("readonlyRootFilesystem", container.optionalBool("readonlyRootFilesystem"));
        p.put("linuxCapabilitiesAdded", capabilities == null ? List.of() : capabilities.strings("add"));
        p.put("linuxCapabilitiesDropped", capabilities == null ? List.of() : capabilities.strings("drop"));
        p.put("initProcessEnabled", linux == null ? null : linux.optionalBool("initProcessEnabled"));
        p.put("environmentNames", environmentNames);
        p.put("environmentFingerprints", fingerprints);
        p.put(
                "environmentSecretNames",
                exposed.stream().map(ExposedSecret::variable).toList());
        p.put("environmentFiles", environmentFiles);
        p.put("secretNames", secretNames);
        p.put("secretValueFrom", secretSources);
        p.put("logDriver", logging == null ? null : logging.optionalString("logDriver"));
        out.node(ContainerDefinition, id, p);
        out.rel(HAS_CONTAINER, TaskDefinition, definition.toString(), ContainerDefinition, id);
        for (ExposedSecret secret : exposed) {
            secretFinding(definition, name, id, secret, out);
        }
        for (Arn secret : secrets) {
            out.reference(
                    Secret, secret.toString(), secret.account(), secret.region(), Map.of("service", secret.service()));
            out.rel(READS_SECRET, ContainerDefinition, id, Secret, secret.toString());
        }
        String digest = digestOf(image);
        if (digest != null) {
            out.reference(Image, digest, null, null, Map.of());
            out.rel(RUNS_IMAGE, ContainerDefinition, id, Image, digest);
        }
    }

    /**
     * A finding for a secret passed in plain text as an environment variable (AWS Foundational
     * Security Best Practices ECS.8): the variable, where it is and the value's fingerprint, never
     * the value.
     */
    private static void secretFinding(
            Arn definition, String container, String containerId, ExposedSecret secret, Emitter out) {
        String id = SECRET_IN_ENVIRONMENT + "|" + containerId + "|" + secret.variable();
        var p = Emitter.props();
        p.put("check", SECRET_IN_ENVIRONMENT);
        p.put(
                "title",
                "Plain-text " + secret.kind().title() + " in environment variable " + secret.variable()
                        + " of container " + container);
        p.put("severity", secret.kind().severity());
        p.put("category", "secrets");
        p.put("controls", List.of("AWS-FSBP ECS.8"));
        p.put("secretKind", secret.kind().id());
        p.put("variable", secret.variable());
        p.put("container", container);
        p.put("taskDefinitionArn", definition.toString());
        p.put("fingerprint", secret.fingerprint());
        p.put(
                "remediation",
                "Move the value to Secrets Manager or SSM Parameter Store, reference it in the container's"
                        + " secrets[].valueFrom, and rotate it: it has been readable by anyone who can describe the task"
                        + " definition.");
        out.node(Finding, id, p);
        out.rel(ON, Finding, id, ContainerDefinition, containerId);
    }

    /** An environment variable whose value looks like a secret; the value itself is not kept. */
    private record ExposedSecret(String variable, SecretKind kind, String fingerprint) {}

    /**
     * The secret a {@code valueFrom} names: a Secrets Manager ARN without the JSON key, version
     * stage and version id ECS allows after it (a partial ARN, without the random suffix, becomes the
     * full ARN of the secret of that name when this region's secret list was read: {@link
     * RegionContext#secret}); an SSM parameter ARN; or an SSM parameter name, which ECS resolves in
     * the task definition's account and region. Null for anything else.
     */
    static Arn secretArn(String valueFrom, Arn definition, RegionContext context) {
        Arn arn = Arn.parse(valueFrom);
        if (arn == null) {
            if (valueFrom.startsWith("arn:")) {
                return null;
            }
            String parameter = valueFrom.startsWith("/") ? valueFrom : "/" + valueFrom;
            return new Arn(definition.partition(), "ssm", context.region(), context.account(), "parameter" + parameter);
        }
        if (arn.service().equals("secretsmanager") && arn.resource().startsWith("secret:")) {
            int end = arn.resource().indexOf(':', "secret:".length());
            Arn secret = end < 0
                    ? arn
                    : new Arn(
                            arn.partition(),
                            arn.service(),
                            arn.region(),
                            arn.account(),
                            arn.resource().substring(0, end));
            return context.secret(secret);
        }
        if (arn.service().equals("ssm") && arn.resource().startsWith("parameter/")) {
            return arn;
        }
        return null;
    }

    /** The manifest digest of an image pinned by digest ({@code repo@sha256:…}), or null. */
    static String digestOf(String image) {
        if (image == null) {
            return null;
        }
        int at = image.indexOf("@sha256:");
        return at < 0 ? null : image.substring(at + 1);
    }
}
