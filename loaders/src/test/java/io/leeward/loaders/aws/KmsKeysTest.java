package io.leeward.loaders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("KMS key references")
class KmsKeysTest {
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @ParameterizedTest(name = "{0} in {1}")
    @DisplayName("resolve to the key ARN by key ARN, key id, alias name or alias ARN, or not at all")
    @CsvSource(nullValues = "none", textBlock = """
            arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab, eu-west-1, arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
            1234abcd-12ab-34cd-56ef-1234567890ab,                                        eu-west-1, arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
            mrk-1234abcd12ab34cd56ef1234567890ab,                                        us-east-1, arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab
            alias/prod-data,                                                             eu-west-1, arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
            arn:aws:kms:eu-west-1:111122223333:alias/prod-data,                          none,      arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
            alias/prod-data,                                                             us-east-1, none
            alias/aws/s3,                                                                eu-west-1, none
            1234abcd-12ab-34cd-56ef-1234567890ab,                                        none,      none
            cn-key,                                                                      cn-north-1, arn:aws-cn:kms:cn-north-1:111122223333:key/cn-key
            arn:aws:s3:::bucket,                                                         eu-west-1, none
            """)
    void resolves(String reference, String region, String expected) {
        var keys = new KmsKeys();
        keys.alias("arn:aws:kms:eu-west-1:111122223333:alias/prod-data", "alias/prod-data", KEY);

        assertThat(keys.resolve(reference, "111122223333", region)).isEqualTo(expected);
    }
}
