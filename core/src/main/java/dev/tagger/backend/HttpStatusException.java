package dev.tagger.backend;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error reply, as LangChain4j's {@link HttpException}, plus the server's {@code Retry-After}
 * (which LangChain4j's own clients drop). Thrown by {@link HttpTransport}; LangChain4j's models keep it
 * as the cause of the exception they map it to.
 *
 * <p>The message is the status code and the start of the reply body, with the request's credentials
 * (bearer tokens, API-key headers) blanked out.
 */
public final class HttpStatusException extends HttpException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param statusCode the HTTP status
     * @param message the status and the start of the body; no secrets
     * @param retryAfter the server's {@code Retry-After}, or null when it sent none
     */
    public HttpStatusException(int statusCode, String message, Duration retryAfter) {
        super(statusCode, message);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the server asked for with {@code Retry-After}, if it asked */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
