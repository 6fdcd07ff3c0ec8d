package io.leeward.loaders.flows;

import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a VPC flow log record as AWS publishes them, with the flow log version that
 * introduced each (the record's {@code version} is the highest version among its format's fields)
 * and how its text is read. Names are the hyphenated names of the format string.
 */
public enum FlowField {
    VERSION("version", 2, Type.INT),
    ACCOUNT_ID("account-id", 2, Type.TEXT),
    INTERFACE_ID("interface-id", 2, Type.TEXT),
    SRCADDR("srcaddr", 2, Type.ADDRESS),
    DSTADDR("dstaddr", 2, Type.ADDRESS),
    SRCPORT("srcport", 2, Type.PORT),
    DSTPORT("dstport", 2, Type.PORT),
    PROTOCOL("protocol", 2, Type.INT),
    PACKETS("packets", 2, Type.LONG),
    BYTES("bytes", 2, Type.LONG),
    START("start", 2, Type.LONG),
    END("end", 2, Type.LONG),
    ACTION("action", 2, Type.TEXT),
    LOG_STATUS("log-status", 2, Type.TEXT),
    VPC_ID("vpc-id", 3, Type.TEXT),
    SUBNET_ID("subnet-id", 3, Type.TEXT),
    INSTANCE_ID("instance-id", 3, Type.TEXT),
    TCP_FLAGS("tcp-flags", 3, Type.INT),
    TYPE("type", 3, Type.TEXT),
    PKT_SRCADDR("pkt-srcaddr", 3, Type.ADDRESS),
    PKT_DSTADDR("pkt-dstaddr", 3, Type.ADDRESS),
    REGION("region", 4, Type.TEXT),
    AZ_ID("az-id", 4, Type.TEXT),
    SUBLOCATION_TYPE("sublocation-type", 4, Type.TEXT),
    SUBLOCATION_ID("sublocation-id", 4, Type.TEXT),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5, Type.TEXT),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5, Type.TEXT),
    FLOW_DIRECTION("flow-direction", 5, Type.TEXT),
    TRAFFIC_PATH("traffic-path", 5, Type.INT),
    ECS_CLUSTER_ARN("ecs-cluster-arn", 7, Type.TEXT),
    ECS_CLUSTER_NAME("ecs-cluster-name", 7, Type.TEXT),
    ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", 7, Type.TEXT),
    ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", 7, Type.TEXT),
    ECS_CONTAINER_ID("ecs-container-id", 7, Type.TEXT),
    ECS_SECOND_CONTAINER_ID("ecs-second-container-id", 7, Type.TEXT),
    ECS_SERVICE_NAME("ecs-service-name", 7, Type.TEXT),
    ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", 7, Type.TEXT),
    ECS_TASK_ARN("ecs-task-arn", 7, Type.TEXT),
    ECS_TASK_ID("ecs-task-id", 7, Type.TEXT),
    REJECT_REASON("reject-reason", 8, Type.TEXT);

    /** The highest flow log version whose fields Leeward knows. */
    public static final int LATEST_VERSION = 8;

    private static final Map<String, FlowField> BY_NAME = new HashMap<>();

    static {
        for (FlowField field : values()) {
            BY_NAME.put(field.fieldName, field);
        }
    }

    private final String fieldName;
    private final int version;
    private final Type type;

    FlowField(String fieldName, int version, Type type) {
        this.fieldName = fieldName;
        this.version = version;
        this.type = type;
    }

    /** The name in a format string, e.g. {@code interface-id}. */
    public String fieldName() {
        return fieldName;
    }

    /** The flow log version that introduced the field. */
    public int version() {
        return version;
    }

    Type type() {
        return type;
    }

    /** The field of a format-string name, or null for a name Leeward does not know. */
    public static FlowField named(String name) {
        return BY_NAME.get(name);
    }

    /** How a field's text is read. */
    enum Type {
        TEXT,
        INT,
        LONG,
        PORT,
        ADDRESS
    }
}
