package io.leeward.loaders.aws;

/**
 * A well-formed record the import does not read by design (an Organizations tag policy): counted and
 * listed as skipped with the reason, neither loaded nor rejected.
 */
final class SkippedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    SkippedRecordException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
