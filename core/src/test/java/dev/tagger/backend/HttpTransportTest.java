package dev.tagger.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.TimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transport's per-call time limit: it caps the model's timeout, never raises it, and ends with the call. */
class HttpTransportTest {

    private final HttpTransport transport = HttpTransport.create();

    @Test
    void withoutALimitTheModelsTimeoutHolds() {
        assertThat(transport.effectiveTimeout(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aShorterLimitCapsTheTimeout() {
        Duration d = transport.withTimeLimit(Duration.ofSeconds(5), () -> transport.effectiveTimeout(Duration.ofSeconds(60)));

        assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aLongerLimitLeavesTheTimeout() {
        Duration d = transport.withTimeLimit(Duration.ofHours(1), () -> transport.effectiveTimeout(Duration.ofSeconds(60)));

        assertThat(d).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void nestedLimitsKeepTheEarlierEnd() {
        Duration d = transport.withTimeLimit(Duration.ofSeconds(5),
                () -> transport.withTimeLimit(Duration.ofHours(1), () -> transport.effectiveTimeout(null)));

        assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(transport.effectiveTimeout(null)).as("the limit ends with the call").isNull();
    }

    @Test
    void aRequestAfterTheLimitFailsAtOnce() {
        assertThatThrownBy(() -> transport.withTimeLimit(Duration.ofNanos(1), () -> {
            long until = System.nanoTime() + 1_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return transport.effectiveTimeout(Duration.ofSeconds(60));
        })).isInstanceOf(TimeoutException.class)
                .hasRootCauseMessage("no time left before the deadline");
    }
}
