package io.leeward.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of(), 2, 100, List.of()),
                Arguments.of(List.of(10), 2, 100, List.of(List.of(10))),
                Arguments.of(List.of(10, 10, 10, 10), 2, 100, List.of(List.of(10, 10), List.of(10, 10))),
                Arguments.of(List.of(5, 5, 5, 5, 5, 5), 1, 10, List.of(List.of(5, 5), List.of(5, 5), List.of(5, 5))),
                Arguments.of(List.of(300, 1, 1), 2, 100, List.of(List.of(300), List.of(1, 1))));
    }

    @ParameterizedTest(name = "{0} over {1} writers, at most {2} rows: {3}")
    @MethodSource("cases")
    void packsBatchesIntoFewTransactions(List<Integer> sizes, int writers, int maxRows, List<List<Integer>> expected) {
        assertThat(DriverSyncSession.pack(sizes, writers, maxRows, Integer::intValue))
                .isEqualTo(expected);
    }
}
