package io.leeward.loaders.ingest;

import io.leeward.graph.store.Check;

/**
 * What kind of ARN a field must hold: the service and the resource type prefix, and how to name it
 * in messages. {@code ArnType.of("an ECS service", "ecs", "service/")} accepts
 * {@code arn:aws:ecs:eu-west-1:111122223333:service/prod/web} and describes itself as
 * {@code an ECS service ARN (arn:aws:ecs:…:service/…)}.
 */
public record ArnType(String name, String service, String resourcePrefix) {
    public ArnType {
        Check.notBlank(name, "name");
        Check.notBlank(service, "service");
        Check.notBlank(resourcePrefix, "resource prefix");
    }

    public static ArnType of(String name, String service, String resourcePrefix) {
        return new ArnType(name, service, resourcePrefix);
    }

    /** Whether an ARN is of this type and names a resource after the prefix. */
    public boolean matches(Arn arn) {
        return arn != null
                && arn.service().equals(service)
                && arn.resource().startsWith(resourcePrefix)
                && arn.resource().length() > resourcePrefix.length();
    }

    /** The expectation as written in messages. */
    public String expectation() {
        return name + " ARN (arn:aws:" + service + ":…:" + resourcePrefix + "…)";
    }
}
