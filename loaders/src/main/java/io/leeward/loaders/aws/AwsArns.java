package io.leeward.loaders.aws;

import io.leeward.loaders.ingest.ArnType;

/** The ARN shapes the AWS CLI import expects. */
final class AwsArns {
    static final ArnType ECS_CLUSTER = ArnType.of("an ECS cluster", "ecs", "cluster/");
    static final ArnType ECS_SERVICE = ArnType.of("an ECS service", "ecs", "service/");
    static final ArnType ECS_TASK = ArnType.of("an ECS task", "ecs", "task/");
    static final ArnType ECS_TASK_DEFINITION = ArnType.of("an ECS task definition", "ecs", "task-definition/");
    static final ArnType ECS_CONTAINER = ArnType.of("an ECS container", "ecs", "container/");
    static final ArnType IAM_ROLE = ArnType.of("an IAM role", "iam", "role/");
    static final ArnType IAM_USER = ArnType.of("an IAM user", "iam", "user/");
    static final ArnType IAM_GROUP = ArnType.of("an IAM group", "iam", "group/");
    static final ArnType IAM_POLICY = ArnType.of("an IAM managed policy", "iam", "policy/");
    static final ArnType INSTANCE_PROFILE = ArnType.of("an IAM instance profile", "iam", "instance-profile/");
    static final ArnType LOAD_BALANCER = ArnType.of("an ELB load balancer", "elasticloadbalancing", "loadbalancer/");
    static final ArnType LISTENER = ArnType.of("an ELB listener", "elasticloadbalancing", "listener/");
    static final ArnType TARGET_GROUP = ArnType.of("an ELB target group", "elasticloadbalancing", "targetgroup/");
    static final ArnType LISTENER_RULE = ArnType.of("an ELB listener rule", "elasticloadbalancing", "listener-rule/");
    static final ArnType ECS_CONTAINER_INSTANCE = ArnType.of("an ECS container instance", "ecs", "container-instance/");
    static final ArnType IAM_INSTANCE_PROFILE = ArnType.of("an IAM instance profile", "iam", "instance-profile/");

    static final ArnType ECR_REPOSITORY = ArnType.of("an ECR repository", "ecr", "repository/");
    static final ArnType KMS_KEY = ArnType.of("a KMS key", "kms", "key/");
    static final ArnType KMS_ALIAS = ArnType.of("a KMS alias", "kms", "alias/");
    static final ArnType SECRET = ArnType.of("a Secrets Manager secret", "secretsmanager", "secret:");

    private AwsArns() {}

    /** The partition of a region: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud, else {@code aws}. */
    static String partition(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
