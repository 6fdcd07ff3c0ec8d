package io.leeward.app.bench;

import java.util.Comparator;
import java.util.List;

/**
 * The rounds of one benchmark run. Rates are graph elements (nodes and relationships) per second;
 * the ratio compares the loader with the ceiling of the same round, and the best round of each is
 * reported, since a noisy machine only ever makes things slower.
 */
public record BenchResult(int scale, int batchSize, List<Round> rounds) {
    public BenchResult {
        rounds = List.copyOf(rounds);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a benchmark has at least one round");
        }
    }

    public Round bestLoad() {
        return rounds.stream().max(Comparator.comparingDouble(Round::loadRate)).orElseThrow();
    }

    public double bestCeilingRate() {
        return rounds.stream().mapToDouble(Round::ceilingRate).max().orElseThrow();
    }

    /** Best load rate over best ceiling rate. */
    public double ratio() {
        return bestLoad().loadRate() / bestCeilingRate();
    }

    /** One round: records read, elements written, and the time of the load and of the ceiling. */
    public record Round(long records, long elements, long loadNanos, long ceilingElements, long ceilingNanos) {
        public double loadRate() {
            return elements / (loadNanos / 1e9);
        }

        public double recordRate() {
            return records / (loadNanos / 1e9);
        }

        public double ceilingRate() {
            return ceilingElements / (ceilingNanos / 1e9);
        }

        public double ratio() {
            return loadRate() / ceilingRate();
        }
    }
}
