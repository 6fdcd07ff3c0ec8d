package io.leeward.loaders.aws.live;

/**
 * The AWS services the live sync calls, named as the CLI names them (the operation prefix), in the
 * order the loader reads them; IAM and S3 are read once per account, in its {@code global} part.
 */
enum Service {
    KMS("kms"),
    ECR("ecr"),
    SECRETS_MANAGER("secretsmanager"),
    SSM("ssm"),
    EC2("ec2"),
    ELBV2("elbv2"),
    ECS("ecs"),
    S3("s3api"),
    IAM("iam"),
    ORGANIZATIONS("organizations");

    private final String cliName;

    Service(String cliName) {
        this.cliName = cliName;
    }

    /** {@code ec2}, {@code elbv2}, {@code ecs}: how reports and page names call it. */
    String cliName() {
        return cliName;
    }

    /** Whether an operation ({@code s3control-get-public-access-block}) is one of this service's. */
    boolean names(String operation) {
        return operation.startsWith(cliName + "-") || (this == S3 && operation.startsWith("s3control-"));
    }
}
