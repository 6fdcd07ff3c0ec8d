package io.leeward.loaders.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.leeward.graph.schema.NodeLabel;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The ownership index")
class OwnershipIndexTest {
    static final long STOP = 1_000;
    static final long NEXT_START = 2_000;

    @Test
    @DisplayName("gives a reused private IP to the task that held it at the moment, and to none in between")
    void ipReuse() {
        var builder = OwnershipIndex.builder();
        var first = builder.owner(NodeLabel.EcsTask, "task/first", "111122223333", "eu-west-1", null);
        var second = builder.owner(NodeLabel.EcsTask, "task/second", "111122223333", "eu-west-1", null);
        builder.add(second, NEXT_START, OwnershipIndex.OPEN_END, List.of("10.0.1.23", "eni-second"));
        builder.add(first, 100, STOP, List.of("10.0.1.23", "eni-first"));
        var index = builder.build();

        assertThat(index.at("10.0.1.23", 99)).isNull();
        assertThat(index.at("10.0.1.23", 100)).isEqualTo(first);
        assertThat(index.at("10.0.1.23", STOP - 1)).isEqualTo(first);
        assertThat(index.at("10.0.1.23", STOP)).isNull();
        assertThat(index.at("10.0.1.23", NEXT_START - 1)).isNull();
        assertThat(index.at("10.0.1.23", NEXT_START)).isEqualTo(second);
        assertThat(index.at("10.0.1.23", Long.MAX_VALUE - 1)).isEqualTo(second);
        assertThat(index.at("eni-first", 500)).isEqualTo(first);
        assertThat(index.at("eni-first", 5_000)).isNull();
        assertThat(index.at("10.9.9.9", 500)).isNull();
    }

    @Test
    @DisplayName("keeps load balancer and other interfaces without limit, and one owner per label and id")
    void openIntervals() {
        var builder = OwnershipIndex.builder();
        var lb = builder.owner(NodeLabel.LoadBalancer, "arn:lb", "111122223333", "eu-west-1", null);
        builder.add(lb, OwnershipIndex.OPEN_START, OwnershipIndex.OPEN_END, List.of("eni-lb", "10.0.0.10"));

        assertThat(builder.owner(NodeLabel.LoadBalancer, "arn:lb", null, null, null))
                .isSameAs(lb);
        var index = builder.build();
        assertThat(index.at("10.0.0.10", 0)).isEqualTo(lb);
        assertThat(index.at("eni-lb", -5)).isEqualTo(lb);
        assertThat(index.owners()).containsExactly(lb);
    }
}
