package io.leeward.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque workload cursors: URL-safe base64 of a tag and the workload's id, the keyset of the
 * workloads query. Clients must not build them; anything that does not decode to a tagged id is a
 * bad request.
 */
final class WorkloadCursor {
    private static final String TAG = "workload:";

    private WorkloadCursor() {}

    static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TAG + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The id the cursor points at. */
    static String decode(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (!text.startsWith(TAG) || text.length() == TAG.length()) {
            throw invalid();
        }
        return text.substring(TAG.length());
    }

    private static BadRequestException invalid() {
        return new BadRequestException(
                "after is not a workload cursor; pass an edge cursor or pageInfo.endCursor of a previous workloads page");
    }
}
