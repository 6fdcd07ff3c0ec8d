package io.leeward.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Workload cursors")
class WorkloadCursorTest {

    @Test
    @DisplayName("round-trip an id, and are opaque and URL-safe")
    void roundTrip() {
        String id = "arn:aws:ecs:eu-west-1:111122223333:task/prod/0a1b?c=d";

        String cursor = WorkloadCursor.encode(id);

        assertThat(cursor).doesNotContain("arn:").matches("[A-Za-z0-9_-]+");
        assertThat(WorkloadCursor.decode(cursor)).isEqualTo(id);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "!!!", "aGVsbG8", "d29ya2xvYWQ6", "d29ya2xvYWQ=="})
    @DisplayName("refuse anything they did not encode as a bad request")
    void refuseForeign(String cursor) {
        assertThatThrownBy(() -> WorkloadCursor.decode(cursor))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("after is not a workload cursor");
    }
}
