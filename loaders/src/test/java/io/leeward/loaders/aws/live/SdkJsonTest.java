package io.leeward.loaders.aws.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("SDK objects as the AWS CLI prints them")
class SdkJsonTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}.*");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                fixture("ec2-describe-vpcs.json", DescribeVpcsResponse::builder),
                fixture("ec2-describe-subnets.json", DescribeSubnetsResponse::builder),
                fixture("ec2-describe-security-groups.json", DescribeSecurityGroupsResponse::builder),
                fixture("ec2-describe-network-interfaces.json", DescribeNetworkInterfacesResponse::builder),
                fixture("elbv2-describe-load-balancers.json", DescribeLoadBalancersResponse::builder),
                fixture("elbv2-describe-target-groups.json", DescribeTargetGroupsResponse::builder),
                fixture("elbv2-describe-listeners.json", DescribeListenersResponse::builder),
                fixture("ecs-describe-clusters.json", DescribeClustersResponse::builder),
                fixture("ecs-describe-services-prod.json", DescribeServicesResponse::builder),
                fixture("ecs-describe-tasks-prod.json", DescribeTasksResponse::builder),
                fixture("ecs-describe-tasks-prod-page2.json", DescribeTasksResponse::builder),
                fixture("ecs-describe-task-definition-web-42.json", DescribeTaskDefinitionResponse::builder),
                fixture("ecs-describe-task-definition-worker-7.json", DescribeTaskDefinitionResponse::builder));
    }

    private static Arguments fixture(String file, Supplier<? extends SdkBuilder<?, ?>> builder) {
        return Arguments.of(file, builder);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("a CLI fixture read into the SDK's response object converts back to the same document")
    void roundTrips(String file, Supplier<? extends SdkBuilder<?, ?>> builder) throws IOException {
        JsonNode fixture = read(file);

        Object response = SdkJson.fromTree(fixture, builder.get());
        JsonNode converted = SdkJson.toTree((SdkPojo) response);

        assertThat(normalised(converted).toPrettyString())
                .isEqualTo(normalised(fixture).toPrettyString());
    }

    @org.junit.jupiter.api.Test
    @DisplayName("timestamps print as the CLI prints them, and absent lists stay absent")
    void timestampsAndAbsentLists() {
        var vpcs = DescribeVpcsResponse.builder().build();
        assertThat(SdkJson.toTree(vpcs).size()).isZero();
        assertThat(SdkJson.time(Instant.parse("2026-11-30T08:14:02.511Z")))
                .isEqualTo("2026-11-30T08:14:02.511000+00:00");
        assertThat(SdkJson.time(Instant.parse("2026-11-30T08:14:02Z"))).isEqualTo("2026-11-30T08:14:02+00:00");
    }

    static JsonNode read(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                SdkJsonTest.class.getResourceAsStream("/aws/cli/111122223333/eu-west-1/" + file), file)) {
            return MAPPER.readTree(in);
        }
    }

    /** Timestamps as instants, whatever their notation. */
    static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            new java.util.TreeSet<>(node.propertyNames()).forEach(name -> copy.set(name, normalised(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(normalised(element)));
            return copy;
        }
        if (node.isString() && TIME.matcher(node.asString()).matches()) {
            String text = node.asString();
            text = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            return JsonNodeFactory.instance.stringNode(
                    java.time.OffsetDateTime.parse(text).toInstant().toString());
        }
        return node;
    }
}
