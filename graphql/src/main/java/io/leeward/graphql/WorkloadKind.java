package io.leeward.graphql;

import java.util.Locale;

/** The {@code WorkloadKind} enum; {@link #parameter()} is how the workload queries spell it. */
enum WorkloadKind {
    SERVICE,
    TASK;

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
