package dev.tagger.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.tagger.TaggerException.Reason;
import dev.tagger.spi.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What LangChain4j throws, mapped onto retryable or not, with the server's Retry-After kept. */
class FailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("429 with Retry-After", new RateLimitException(new HttpStatusException(429, "HTTP 429: slow down", Duration.ofSeconds(7))),
                        true, Reason.BACKEND_UNAVAILABLE, "x: HTTP 429: slow down"),
                Arguments.of("408", new HttpException(408, "request timeout"), true, Reason.BACKEND_UNAVAILABLE, "x: HTTP 408: request timeout"),
                Arguments.of("500", new InternalServerException(new HttpStatusException(500, "HTTP 500", null)), true, Reason.BACKEND_UNAVAILABLE, "x: HTTP 500"),
                Arguments.of("503", new HttpException(503, "overloaded"), true, Reason.BACKEND_UNAVAILABLE, "x: HTTP 503: overloaded"),
                Arguments.of("400", new InvalidRequestException(new HttpStatusException(400, "HTTP 400: bad", null)), false, Reason.BACKEND_REJECTED, "x: HTTP 400: bad"),
                Arguments.of("401", new AuthenticationException(new HttpStatusException(401, "HTTP 401: key", null)), false, Reason.BACKEND_REJECTED, "x: HTTP 401: key"),
                Arguments.of("404", new HttpException(404, "model not found"), false, Reason.BACKEND_REJECTED, "x: HTTP 404: model not found"),
                Arguments.of("timeout", new TimeoutException(new HttpTimeoutException("no reply within PT1S")), true, Reason.BACKEND_UNAVAILABLE,
                        "x: timed out: no reply within PT1S"),
                Arguments.of("connection reset", new UncheckedIOException("connection failed: SocketException Connection reset",
                        new IOException("Connection reset")), true, Reason.BACKEND_UNAVAILABLE, "x: connection failed: SocketException Connection reset"),
                Arguments.of("bare IOException", new RuntimeException(new java.net.ConnectException("Connection refused")), true,
                        Reason.BACKEND_UNAVAILABLE, "x: connection failed: ConnectException Connection refused"),
                Arguments.of("reply not JSON", new RuntimeException(new JsonParseException(null, "Unexpected character ('<')")), true,
                        Reason.BACKEND_UNAVAILABLE, "x: the server's reply is not the API's JSON: Unexpected character ('<')"),
                Arguments.of("library bug", new NullPointerException("choices"), false, Reason.BACKEND_UNAVAILABLE,
                        "x: unexpected failure: NullPointerException: choices"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void mapsFailure(String name, RuntimeException thrown, boolean retryable, Reason reason, String message) {
        BackendException e = Failures.translate("x", thrown);

        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.getCause()).isSameAs(thrown);
    }

    @Test
    void keepsRetryAfter() {
        BackendException e = Failures.translate("x", new RateLimitException(new HttpStatusException(429, "HTTP 429", Duration.ofSeconds(7))));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "120 | PT2M",
            "0 | PT0S",
            "Tue, 24 Nov 2026 12:01:30 GMT | PT1M30S",
            "Tue, 24 Nov 2026 11:00:00 GMT | PT0S",
            "soon | null",
            "-5 | null"})
    void readsRetryAfter(String header, String expected) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

        Duration d = HttpTransport.parseRetryAfter(header, clock);

        assertThat(d).isEqualTo(expected == null ? null : Duration.parse(expected));
    }

    @Test
    void blanksCredentialsEchoedByTheServer() {
        String body = "{\"error\":\"Incorrect API key provided: sk-abc123secret\", \"other\":\"k-9f9f9f\"}";

        String out = HttpTransport.redact(body, Map.of("Authorization", List.of("Bearer sk-abc123secret"),
                "api-key", List.of("k-9f9f9f"), "Content-Type", List.of("application/json")));

        assertThat(out).isEqualTo("{\"error\":\"Incorrect API key provided: ****\", \"other\":\"****\"}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"error\":\"invalid format: expected json or a schema\"} | true",
            "400 | response_format json_schema is not supported | true",
            "422 | unknown field: schema | true",
            "400 | context length exceeded | false",
            "500 | schema engine crashed | false"})
    void recognisesARefusedSchema(int status, String body, boolean refused) {
        RuntimeException thrown = new InvalidRequestException(new HttpStatusException(status, "HTTP " + status + ": " + body, null));

        assertThat(Failures.refusesSchema(thrown)).isEqualTo(refused);
    }
}
