package dev.tagger.backend;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The HTTP transport of Tagger's language-model adapters: a LangChain4j {@link HttpClient} over
 * {@code java.net.http}, handed to a LangChain4j model through its builder's
 * {@code httpClientBuilder(...)}. It does two things LangChain4j's JDK client does not:
 * <ul>
 *   <li>an error reply becomes an {@link HttpStatusException} that keeps the server's
 *       {@code Retry-After} (seconds or an HTTP date), so that retries can honour it, and whose message
 *       has the request's credentials blanked out;</li>
 *   <li>{@link #withTimeLimit} caps the timeout of the calls made inside it by what is left of the
 *       document's deadline.</li>
 * </ul>
 * Transport faults surface as LangChain4j's {@link TimeoutException} (timeouts) or
 * {@link UncheckedIOException} (refused, reset or garbled connections).
 *
 * <p>One transport per backend; safe for use by many threads at once (the time limit is per thread).
 */
public final class HttpTransport {

    private static final int MAX_ERROR_BODY = 300;
    /** How much of a streamed error body is read: enough that a key near the cut is redacted whole. */
    private static final int ERROR_BODY_READ = 8 * 1024;
    private static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "api-key", "x-api-key", "proxy-authorization");

    /** Per thread: the {@link System#nanoTime()} by which the calls inside {@link #withTimeLimit} must end. */
    private final ThreadLocal<Long> endNanos = new ThreadLocal<>();
    private final Clock clock;

    private HttpTransport(Clock clock) {
        this.clock = clock;
    }

    /** @return a new transport */
    public static HttpTransport create() {
        return new HttpTransport(Clock.systemUTC());
    }

    /**
     * @return a builder for LangChain4j model builders' {@code httpClientBuilder(...)}; the model sets
     *     its timeouts on it
     */
    public HttpClientBuilder httpClientBuilder() {
        return new Builder(this);
    }

    /**
     * Runs a call whose HTTP requests must all end within {@code limit} from now (each also within the
     * model's own timeout, whichever ends first). A request started after the limit fails at once
     * with LangChain4j's {@link TimeoutException}.
     */
    public <T> T withTimeLimit(Duration limit, Supplier<T> call) {
        Objects.requireNonNull(limit, "limit");
        Long previous = endNanos.get();
        long end = System.nanoTime() + Math.min(limit.toNanos(), Long.MAX_VALUE / 4);
        endNanos.set(previous == null ? end : Math.min(previous, end));
        try {
            return call.get();
        } finally {
            if (previous == null) {
                endNanos.remove();
            } else {
                endNanos.set(previous);
            }
        }
    }

    /** @return the timeout for a request starting now: the model's, capped by the time limit; null for none */
    Duration effectiveTimeout(Duration readTimeout) {
        Long end = endNanos.get();
        if (end == null) {
            return readTimeout;
        }
        Duration left = Duration.ofNanos(end - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw new TimeoutException(new HttpTimeoutException("no time left before the deadline"));
        }
        // whole milliseconds: java.net.http rounds anyway, and messages stay readable
        left = Duration.ofMillis(Math.max(1, left.toMillis()));
        return readTimeout == null || left.compareTo(readTimeout) < 0 ? left : readTimeout;
    }

    /**
     * Reads {@code Retry-After}: delay seconds ({@code 120}) or an HTTP date.
     *
     * @return the wait, never negative; null when absent or unreadable
     */
    static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,10}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Blanks the request's credentials wherever a server echoed them. */
    static String redact(String text, Map<String, List<String>> requestHeaders) {
        String out = text;
        for (Map.Entry<String, List<String>> h : requestHeaders.entrySet()) {
            if (!CREDENTIAL_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String v : h.getValue()) {
                String secret = v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).strip() : v.strip();
                if (secret.length() >= 4) {
                    out = out.replace(secret, "****");
                }
            }
        }
        return out;
    }

    private static final class Builder implements HttpClientBuilder {
        private final HttpTransport transport;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(HttpTransport transport) {
            this.transport = transport;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder()
                    // model servers speak HTTP/1.1; an h2c upgrade attempt only adds a round of headers
                    .version(java.net.http.HttpClient.Version.HTTP_1_1);
            if (connectTimeout != null) {
                b.connectTimeout(connectTimeout);
            }
            return new Client(transport, b.build(), readTimeout);
        }
    }

    private static final class Client implements HttpClient {
        private final HttpTransport transport;
        private final java.net.http.HttpClient jdk;
        private final Duration readTimeout;

        Client(HttpTransport transport, java.net.http.HttpClient jdk, Duration readTimeout) {
            this.transport = transport;
            this.jdk = jdk;
            this.readTimeout = readTimeout;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            Duration timeout = transport.effectiveTimeout(readTimeout);
            HttpResponse<byte[]> response;
            try {
                response = jdk.send(toJdk(request, timeout), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                throw new TimeoutException(new HttpTimeoutException("no reply within " + timeout));
            } catch (IOException e) {
                throw new UncheckedIOException(describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException(e);
            }
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                Duration retryAfter = parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), transport.clock);
                throw new HttpStatusException(status, errorMessage(status, new String(response.body(), StandardCharsets.UTF_8),
                        request.headers()), retryAfter);
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            // streaming is not used by Tagger; supported for completeness, without the time limit cap
            try {
                HttpResponse<InputStream> response = jdk.send(toJdk(request, readTimeout), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() < 200 || response.statusCode() >= 300) {
                    String body;
                    try (InputStream in = response.body()) {
                        // read well past the cut, so a key is redacted whole before the message is shortened
                        body = new String(in.readNBytes(ERROR_BODY_READ), StandardCharsets.UTF_8);
                    }
                    listener.onError(new HttpStatusException(response.statusCode(),
                            errorMessage(response.statusCode(), body, request.headers()),
                            parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), transport.clock)));
                    return;
                }
                try (InputStream in = response.body()) {
                    parser.parse(in, listener);
                }
            } catch (IOException e) {
                listener.onError(new UncheckedIOException(describe(e), e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                listener.onError(e);
            }
        }

        /** {@code HTTP 400: body}, credentials of the request redacted first, then one line, shortened. */
        private static String errorMessage(int status, String body, Map<String, List<String>> headers) {
            String one = redact(body, headers).replaceAll("\\s+", " ").strip();
            if (one.length() > MAX_ERROR_BODY) {
                one = one.substring(0, MAX_ERROR_BODY) + "...";
            }
            return "HTTP " + status + (one.isEmpty() ? "" : ": " + one);
        }

        private static java.net.http.HttpRequest toJdk(HttpRequest request, Duration timeout) {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()));
            request.headers().forEach((name, values) -> {
                for (String v : values) {
                    b.header(name, v);
                }
            });
            if ((request.formDataFields() != null && !request.formDataFields().isEmpty())
                    || (request.formDataFiles() != null && !request.formDataFiles().isEmpty())) {
                throw new UnsupportedOperationException("multipart form data is not supported by Tagger's transport");
            }
            String body = request.body();
            b.method(request.method().name(), body == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (timeout != null) {
                b.timeout(timeout);
            }
            return b.build();
        }

        private static String describe(IOException e) {
            List<String> parts = new ArrayList<>();
            for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
                parts.add(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage()));
            }
            return "connection failed: " + String.join(" <- ", parts);
        }
    }
}
