package dev.tagger;

import dev.tagger.spi.BackendException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * The transport retry policy and circuit breaker of one backend, built from configuration.
 *
 * <p>Retries: Resilience4j {@link Retry} over retryable {@link BackendException}s, at most
 * {@code tagger.max-attempts} calls, waiting an exponentially growing, randomised interval
 * ({@code tagger.retry.initial-wait}, doubling, ±50%, at most {@code tagger.retry.max-wait}); a
 * server's {@code Retry-After} replaces the interval, bounded by {@code tagger.retry.max-wait}.
 * Resilience4j decides (through {@link Retry#asyncContext()}) whether and how long to wait; the
 * {@link Tagger} does the waiting, through its injected {@link Tagger.Sleeper}.
 *
 * <p>Circuit breaker: Resilience4j {@link CircuitBreaker} over the last {@code tagger.circuit.window}
 * calls; once at least {@code tagger.circuit.minimum-calls} were made and
 * {@code tagger.circuit.failure-rate} percent of them failed, the circuit opens for
 * {@code tagger.circuit.open-for} and the chain skips the backend. Unusable replies do not count as
 * failures (the server works; the answer was bad).
 */
final class Resilience {

    static final String INITIAL_WAIT = "tagger.retry.initial-wait";
    static final String MAX_WAIT = "tagger.retry.max-wait";
    static final String CIRCUIT_WINDOW = "tagger.circuit.window";
    static final String CIRCUIT_MINIMUM_CALLS = "tagger.circuit.minimum-calls";
    static final String CIRCUIT_FAILURE_RATE = "tagger.circuit.failure-rate";
    static final String CIRCUIT_OPEN_FOR = "tagger.circuit.open-for";

    private static final double MULTIPLIER = 2.0;
    private static final double RANDOMIZATION = 0.5;

    final Retry retry;
    final CircuitBreaker breaker;

    private Resilience(Retry retry, CircuitBreaker breaker) {
        this.retry = retry;
        this.breaker = breaker;
    }

    static Resilience of(String backend, TaggerConfig config, Clock clock) {
        int maxAttempts = config.getInt(TaggerConfig.MAX_ATTEMPTS, 1, 20);
        Duration initial = config.getDuration(INITIAL_WAIT, Duration.ofMillis(500));
        Duration maxWait = config.getDuration(MAX_WAIT, Duration.ofSeconds(30));
        if (initial.compareTo(maxWait) > 0) {
            throw new ConfigException(INITIAL_WAIT + "=" + initial + " is longer than " + MAX_WAIT + "=" + maxWait);
        }
        IntervalFunction backoff = initial.isZero()
                ? attempt -> 0L
                : IntervalFunction.ofExponentialRandomBackoff(initial, MULTIPLIER, RANDOMIZATION, maxWait.isZero() ? initial : maxWait);
        IntervalBiFunction<Object> interval = (attempt, either) -> waitMillis(attempt, either, backoff, maxWait);
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .retryOnException(t -> t instanceof BackendException b && b.isRetryable())
                .intervalBiFunction(interval)
                .failAfterMaxAttempts(false)
                .build();

        int window = config.getInt(CIRCUIT_WINDOW, 1, 10_000, 10);
        int minimumCalls = config.getInt(CIRCUIT_MINIMUM_CALLS, 1, 10_000, 5);
        int failureRate = config.getInt(CIRCUIT_FAILURE_RATE, 1, 100, 50);
        Duration openFor = config.getDuration(CIRCUIT_OPEN_FOR, Duration.ofSeconds(30));
        if (openFor.isZero()) {
            throw new ConfigException(CIRCUIT_OPEN_FOR + " must be positive, got " + openFor);
        }
        CircuitBreakerConfig cbConfig = CircuitBreakerConfig.custom()
                .slidingWindow(window, Math.min(minimumCalls, window), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(failureRate)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build();
        return new Resilience(Retry.of(backend, retryConfig), CircuitBreaker.of(backend, cbConfig));
    }

    private static long waitMillis(int attempt, Either<Throwable, Object> either, IntervalFunction backoff, Duration maxWait) {
        if (either.isLeft() && either.getLeft() instanceof BackendException b && b.retryAfter().isPresent()) {
            Duration asked = b.retryAfter().get();
            return (asked.compareTo(maxWait) > 0 ? maxWait : asked).toMillis();
        }
        return backoff.apply(attempt);
    }
}
