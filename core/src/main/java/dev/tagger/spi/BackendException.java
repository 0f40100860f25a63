package dev.tagger.spi;

import dev.tagger.TaggerException;
import java.time.Duration;
import java.util.Optional;

/**
 * A backend failed to give a reply. {@link #isRetryable()} tells transport faults worth another try
 * (timeouts, refused or reset connections, 5xx, 429) from rejections that will fail again (400, 401,
 * unknown model). A 429 or 503 may carry the server's {@code Retry-After}.
 *
 * <p>Messages never carry API keys, prompts or document text.
 */
public final class BackendException extends TaggerException {

    private static final long serialVersionUID = 1L;

    private final String backend;
    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * @param reason {@code BACKEND_UNAVAILABLE}, {@code BACKEND_REJECTED} or {@code DEADLINE_EXCEEDED}
     * @param backend the backend's name
     * @param message what failed, with status code or exception class; no secrets
     * @param retryable whether the same call may succeed later
     * @param retryAfter the server's requested wait, or null when it gave none
     * @param cause the underlying exception, may be null
     */
    public BackendException(Reason reason, String backend, String message, boolean retryable,
                            Duration retryAfter, Throwable cause) {
        super(reason, "", backend + ": " + message, cause);
        this.backend = backend;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A retryable {@code BACKEND_UNAVAILABLE} failure. */
    public static BackendException unavailable(String backend, String message, Throwable cause) {
        return new BackendException(Reason.BACKEND_UNAVAILABLE, backend, message, true, null, cause);
    }

    /** A non-retryable {@code BACKEND_REJECTED} failure. */
    public static BackendException rejected(String backend, String message, Throwable cause) {
        return new BackendException(Reason.BACKEND_REJECTED, backend, message, false, null, cause);
    }

    /** @return the name of the backend that failed */
    public String backend() {
        return backend;
    }

    /** @return whether the same call may succeed on another try */
    public boolean isRetryable() {
        return retryable;
    }

    /** @return the wait the server asked for, if it asked */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
