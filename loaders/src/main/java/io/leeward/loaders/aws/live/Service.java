package io.leeward.loaders.aws.live;

/** The AWS services the live sync calls, named as the CLI names them (the operation prefix). */
enum Service {
    EC2("ec2"),
    ELBV2("elbv2"),
    ECS("ecs");

    private final String cliName;

    Service(String cliName) {
        this.cliName = cliName;
    }

    /** {@code ec2}, {@code elbv2}, {@code ecs}: how reports and page names call it. */
    String cliName() {
        return cliName;
    }
}
