package io.leeward.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Property values as text")
class PropertyTextTest {

    @Test
    @DisplayName("keep strings, write numbers and booleans as JSON, lists as JSON arrays and times as ISO-8601")
    void text() {
        var time = ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC);

        assertThat(PropertyText.of("FARGATE")).isEqualTo("FARGATE");
        assertThat(PropertyText.of(2L)).isEqualTo("2");
        assertThat(PropertyText.of(true)).isEqualTo("true");
        assertThat(PropertyText.of(time)).isEqualTo("2026-11-30T08:00:00Z");
        assertThat(PropertyText.of(Instant.parse("2026-11-30T08:00:00Z"))).isEqualTo("2026-11-30T08:00:00Z");
        assertThat(PropertyText.of(List.of("a\"b", "c"))).isEqualTo("[\"a\\\"b\",\"c\"]");
        assertThat(PropertyText.of(List.of(1L, 2L))).isEqualTo("[1,2]");
    }
}
