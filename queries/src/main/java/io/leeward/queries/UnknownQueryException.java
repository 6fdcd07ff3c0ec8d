package io.leeward.queries;

import io.leeward.graph.store.LeewardException;
import java.util.Collection;

/** No query of that name is in the catalog. */
public final class UnknownQueryException extends LeewardException {
    private static final long serialVersionUID = 1L;

    UnknownQueryException(String name, Collection<String> known) {
        super("no query named " + name + " (see `leeward query --list`; " + known.size() + " queries known)");
    }
}
