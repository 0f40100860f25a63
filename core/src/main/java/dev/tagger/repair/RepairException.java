package dev.tagger.repair;

import dev.tagger.TaggerException;

/**
 * A text that cannot be turned into JSON: nothing JSON-like in it ({@code NO_JSON}), or past the
 * repairer's bounds ({@code TOO_LONG}, {@code TOO_DEEP}). The message names the offset and the limit.
 */
public final class RepairException extends TaggerException {

    private static final long serialVersionUID = 1L;

    /** A failure that concerns no particular document. */
    public RepairException(Reason reason, String message) {
        super(reason, "", message, null);
    }

    /** A failure while reading the reply for a document. */
    public RepairException(Reason reason, String documentId, String message) {
        super(reason, documentId, message, null);
    }
}
