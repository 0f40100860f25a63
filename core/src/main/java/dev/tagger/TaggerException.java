package dev.tagger;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception type of Tagger: unchecked, with a {@link Reason} callers can switch on and, where
 * the failure concerns a document, that document's id.
 *
 * <p>Messages name the input, the value and the limit involved; they never carry document text,
 * prompts or API keys. Subtypes exist only where callers act differently:
 * {@link dev.tagger.repair.RepairException}, {@link dev.tagger.spi.BackendException} and
 * {@link ConfigException}.
 */
public class TaggerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String documentId;

    /**
     * @param reason what went wrong; not null
     * @param documentId the id of the document concerned, or the empty string when none is
     * @param message what went wrong, naming input, value and limit; not null
     */
    public TaggerException(Reason reason, String documentId, String message) {
        this(reason, documentId, message, null);
    }

    /**
     * @param reason what went wrong; not null
     * @param documentId the id of the document concerned, or the empty string when none is
     * @param message what went wrong, naming input, value and limit; not null
     * @param cause the underlying failure, may be null
     */
    public TaggerException(Reason reason, String documentId, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.documentId = documentId == null ? "" : documentId;
    }

    /** Creates an exception that concerns no particular document. */
    public TaggerException(Reason reason, String message) {
        this(reason, "", message, null);
    }

    /** @return why this failed; never null */
    public Reason reason() {
        return reason;
    }

    /** @return the id of the document concerned, if the failure concerns one */
    public Optional<String> documentId() {
        return documentId.isEmpty() ? Optional.empty() : Optional.of(documentId);
    }

    @Override
    public String getMessage() {
        String base = super.getMessage();
        return documentId.isEmpty() ? base : "document '" + documentId + "': " + base;
    }

    /** Why a Tagger operation failed. */
    public enum Reason {
        /** A tag list that cannot be read: malformed JSON, wrong shape, empty. */
        INVALID_TAG_SET,
        /** Two tags of one list share a name (after normalisation) or an id. */
        DUPLICATE_TAG,
        /** A document whose text is empty or blank. */
        EMPTY_DOCUMENT,
        /** An argument outside its allowed range, such as a maximum below 1. */
        INVALID_ARGUMENT,
        /** A configuration value that cannot be used. */
        INVALID_CONFIG,
        /** A backend name that no registered provider answers to. */
        UNKNOWN_BACKEND,
        /** A model reply with nothing JSON-like in it. */
        NO_JSON,
        /** A reply that ends before its JSON value does and cannot be completed. */
        TRUNCATED,
        /** A reply nested deeper than the repairer's bound. */
        TOO_DEEP,
        /** A reply longer than the repairer's bound. */
        TOO_LONG,
        /** A reply that parses but cannot be turned into tags of the set. */
        UNUSABLE_REPLY,
        /** A transport failure talking to a backend: timeout, refused connection, 5xx, 429. */
        BACKEND_UNAVAILABLE,
        /** A backend that rejects the request itself (4xx other than 429, bad model name). */
        BACKEND_REJECTED,
        /** The per-document deadline ran out. */
        DEADLINE_EXCEEDED,
        /** Reading or writing a file or stream failed. */
        IO
    }
}
