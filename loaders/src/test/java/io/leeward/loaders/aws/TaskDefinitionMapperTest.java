package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.loaders.ingest.Arn;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Task definition secrets and images")
class TaskDefinitionMapperTest {
    private static final Arn DEFINITION = Arn.parse("arn:aws:ecs:eu-west-1:111122223333:task-definition/web:42");
    private static final RegionContext CONTEXT =
            new RegionContext("111122223333", "eu-west-1", Set.of(), AwsCliImportTest.FINGERPRINTS);

    @ParameterizedTest(name = "{0}")
    @DisplayName("a secret's valueFrom names the secret or parameter it reads")
    @CsvSource(nullValues = "none", textBlock = """
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf,              arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf:username::,   arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf
            arn:aws:secretsmanager:eu-west-1:444455556666:secret:shared-XyZ123:key:AWSCURRENT:, arn:aws:secretsmanager:eu-west-1:444455556666:secret:shared-XyZ123
            arn:aws:ssm:eu-west-1:111122223333:parameter/prod/web/key,                        arn:aws:ssm:eu-west-1:111122223333:parameter/prod/web/key
            /prod/web/key,                                                                    arn:aws:ssm:eu-west-1:111122223333:parameter/prod/web/key
            session-secret,                                                                   arn:aws:ssm:eu-west-1:111122223333:parameter/session-secret
            arn:aws:s3:::bucket/key,                                                          none
            arn:broken,                                                                       none
            """)
    void secrets(String valueFrom, String expected) {
        Arn secret = TaskDefinitionMapper.secretArn(valueFrom, DEFINITION, CONTEXT);

        assertThat(secret == null ? null : secret.toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a full or partial Secrets Manager ARN names the secret read from the region's secret list")
    @CsvSource(textBlock = """
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf,            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db,                   arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db:password::,        arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf:password::, arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/other,                arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/other
            arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db,                   arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db
            arn:aws:secretsmanager:eu-west-1:444455556666:secret:prod/db,                   arn:aws:secretsmanager:eu-west-1:444455556666:secret:prod/db
            """)
    void loadedSecrets(String valueFrom, String expected) {
        var context = new RegionContext("111122223333", "eu-west-1", Set.of(), AwsCliImportTest.FINGERPRINTS);
        context.secretLoaded("prod/db", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf");

        assertThat(TaskDefinitionMapper.secretArn(valueFrom, DEFINITION, context))
                .hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("an image pinned by digest names its Image node")
    @CsvSource(nullValues = "none", textBlock = """
            public.ecr.aws/x/fluent-bit@sha256:0b2a4c,    sha256:0b2a4c
            111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.14.2,  none
            nginx,                                        none
            """)
    void digests(String image, String digest) {
        assertThat(TaskDefinitionMapper.digestOf(image)).isEqualTo(digest);
    }
}
