package dev.tagger.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.tagger.TaggerException.Reason;
import dev.tagger.spi.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Maps what a LangChain4j model throws onto a {@link BackendException}, retryable or not.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>failure</th><th>retryable</th></tr>
 *   <tr><td>HTTP 408, 425, 429, 5xx (Retry-After kept)</td><td>yes</td></tr>
 *   <tr><td>HTTP 4xx otherwise (bad request, key, model)</td><td>no</td></tr>
 *   <tr><td>timeout; refused, reset or garbled connection; empty reply</td><td>yes</td></tr>
 *   <tr><td>a 2xx reply that is not the API's JSON</td><td>yes</td></tr>
 *   <tr><td>LangChain4j's retriable / non-retriable types without an HTTP status</td><td>as typed</td></tr>
 *   <tr><td>anything else (a bug in a library)</td><td>no</td></tr>
 * </table>
 */
final class Failures {

    private static final int MAX_MESSAGE = 300;

    private Failures() {
    }

    static BackendException translate(String backend, Throwable e) {
        HttpException http = find(e, HttpException.class);
        if (http != null) {
            int status = http.statusCode();
            Duration retryAfter = http instanceof HttpStatusException s ? s.retryAfter().orElse(null) : null;
            String msg = http instanceof HttpStatusException
                    ? http.getMessage()
                    : "HTTP " + status + ": " + abbreviate(String.valueOf(http.getMessage()));
            boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
            return new BackendException(retryable ? Reason.BACKEND_UNAVAILABLE : Reason.BACKEND_REJECTED,
                    backend, msg, retryable, retryAfter, e);
        }
        if (find(e, TimeoutException.class) != null || find(e, HttpTimeoutException.class) != null
                || find(e, java.net.SocketTimeoutException.class) != null) {
            Throwable t = find(e, HttpTimeoutException.class);
            return BackendException.unavailable(backend, "timed out" + (t != null && t.getMessage() != null ? ": " + t.getMessage() : ""), e);
        }
        UncheckedIOException io = find(e, UncheckedIOException.class);
        if (io != null) {
            return BackendException.unavailable(backend, abbreviate(io.getMessage()), e);
        }
        if (find(e, JsonProcessingException.class) != null) {
            return BackendException.unavailable(backend, "the server's reply is not the API's JSON: "
                    + abbreviate(firstLine(find(e, JsonProcessingException.class).getOriginalMessage())), e);
        }
        if (find(e, IOException.class) != null) {
            IOException x = find(e, IOException.class);
            return BackendException.unavailable(backend, "connection failed: " + x.getClass().getSimpleName()
                    + (x.getMessage() == null ? "" : " " + abbreviate(x.getMessage())), e);
        }
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()));
        if (e instanceof AuthenticationException || e instanceof InvalidRequestException
                || e instanceof ModelNotFoundException || e instanceof NonRetriableException) {
            return BackendException.rejected(backend, what, e);
        }
        if (e instanceof RetriableException) {
            return BackendException.unavailable(backend, what, e);
        }
        return new BackendException(Reason.BACKEND_UNAVAILABLE, backend, "unexpected failure: " + what, false, null, e);
    }

    /**
     * Whether a failure is a server refusing constrained decoding: LangChain4j's
     * {@code UnsupportedFeatureException}, or HTTP 400 or 422 (or LangChain4j's
     * {@code InvalidRequestException} without a status) whose message names the {@code format},
     * {@code response_format} or the {@code schema}.
     */
    static boolean refusesSchema(Throwable e) {
        if (find(e, dev.langchain4j.exception.UnsupportedFeatureException.class) != null) {
            return true;
        }
        HttpException http = find(e, HttpException.class);
        boolean badRequest = http != null
                ? http.statusCode() == 400 || http.statusCode() == 422
                : find(e, InvalidRequestException.class) != null;
        if (!badRequest) {
            return false;
        }
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = t.getCause(), depth++) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("format") || m.contains("schema")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE - 3) + "..." : one;
    }
}
