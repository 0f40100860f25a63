package dev.tagger;

import dev.tagger.repair.RepairException;
import dev.tagger.resolve.Resolution;
import dev.tagger.resolve.Resolver;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendProvider;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import dev.tagger.spi.TokenUsage;
import dev.tagger.spi.UnusableReplyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags documents with tags from one tag set, through a chain of backends.
 *
 * <pre>{@code
 * Tagger tagger = Tagger.builder().tags(TagSet.fromJson(tagsJson)).maxTags(3).build(); // embedded default
 * TagResult r = tagger.tag(new Document("7628", readmeText));
 * r.toJson();   // {"id":"7628","tags":["ai","benchmark"]}
 * }</pre>
 *
 * <p>Each document goes to the first backend of the chain; an answer that cannot be used gets a
 * corrective re-ask (language models only), and a backend that fails or keeps answering badly hands the
 * document to the next backend. Whatever happens, the result holds only tags of the set, at most the
 * maximum, and the caller's id; when every backend failed its status is {@link Status#FAILED}.
 *
 * <p>Configuration read here: {@code tagger.max-reasks} (corrective re-asks per backend, default 1),
 * {@code tagger.max-attempts} (transport attempts per call, default 3), {@code tagger.retry.initial-wait}
 * (default {@code PT0.5S}) and {@code tagger.retry.max-wait} (default {@code PT30S}, also the bound on a
 * server's {@code Retry-After}) for exponential backoff with jitter, {@code tagger.circuit.window}
 * (10), {@code tagger.circuit.minimum-calls} (5), {@code tagger.circuit.failure-rate} (percent, 50),
 * {@code tagger.circuit.open-for} ({@code PT30S}) for each backend's circuit breaker, and
 * {@code tagger.deadline} (default {@code PT180S}), the bound on all attempts for one document.
 *
 * <p>Immutable; safe for use by many threads at once. Close it to release the backends.
 */
public final class Tagger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tagger.class);

    private final TagSet tags;
    private final int maxTags;
    private final int maxReasks;
    private final List<Backend> chain;
    private final List<Resilience> guards;
    private final Duration deadline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TaggerConfig config;

    private Tagger(Builder b, TaggerConfig config, List<Backend> chain) {
        this.tags = b.tags;
        this.config = config;
        this.maxTags = config.maxTags();
        this.maxReasks = config.getInt(TaggerConfig.MAX_REASKS, 0, 10);
        this.deadline = config.getDuration(TaggerConfig.DEADLINE);
        if (deadline.isZero()) {
            throw new ConfigException(TaggerConfig.describe(config.setting(TaggerConfig.DEADLINE).orElseThrow()) + " must be positive");
        }
        this.chain = List.copyOf(chain);
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        List<Resilience> g = new ArrayList<>();
        for (Backend backend : this.chain) {
            g.add(Resilience.of(backend.name(), config, clock));
        }
        this.guards = List.copyOf(g);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the tag set */
    public TagSet tags() {
        return tags;
    }

    /** @return the maximum number of tags per document */
    public int maxTags() {
        return maxTags;
    }

    /** @return the names of the backends, in the order they are tried */
    public List<String> backendNames() {
        return chain.stream().map(Backend::name).toList();
    }

    /** @return the configuration this tagger was built from */
    public TaggerConfig config() {
        return config;
    }

    /**
     * Tags one document.
     *
     * <p>Each backend of the chain in turn: transport faults are retried with backoff, an unusable
     * answer is re-asked with the reason; a backend whose retries and re-asks are spent, that rejects
     * the request, or whose circuit is open hands over to the next one. No attempt starts after the
     * deadline ({@code tagger.deadline}) has passed, and no call may outlast it.
     *
     * @param document the document; not null
     * @return the result; never null, status {@link Status#FAILED} when no backend gave a usable answer
     */
    public TagResult tag(Document document) {
        Objects.requireNonNull(document, "document");
        Instant start = clock.instant();
        Instant end = start.plus(deadline);
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Backend backend = chain.get(i);
            Step step = tryBackend(backend, guards.get(i), document, end, attempts);
            if (step.result != null) {
                Resolution res = step.result;
                Status status;
                if (i > 0) {
                    status = Status.FALLBACK;
                } else if (clean(attempts)) {
                    status = Status.OK;
                } else {
                    status = Status.REPAIRED;
                }
                return new TagResult(document.id(), res.tags(), status, backend.name(), new Diagnostics(attempts, since(start)));
            }
            if (step.stop) {
                log.debug("doc {}: stopped after {} attempts (deadline of {} passed, or interrupted)", document.id(), attempts.size(), deadline);
                return new TagResult(document.id(), List.of(), Status.FAILED, "", new Diagnostics(attempts, since(start)));
            }
        }
        log.debug("doc {}: no backend of {} gave a usable answer", document.id(), backendNames());
        return new TagResult(document.id(), List.of(), Status.FAILED, "", new Diagnostics(attempts, since(start)));
    }

    /** No re-ask was needed and the used answer needed no repair: transport retries alone leave a result OK. */
    private static boolean clean(List<Attempt> attempts) {
        Attempt used = attempts.get(attempts.size() - 1);
        return used.repairs().isEmpty() && used.dropped().isEmpty()
                && attempts.stream().noneMatch(a -> a.outcome() == Attempt.Outcome.UNUSABLE);
    }

    /** What came of one backend: a usable resolution, or none (and whether the whole chain must stop). */
    private record Step(Resolution result, boolean stop) {
    }

    private Step tryBackend(Backend backend, Resilience guard, Document document, Instant end, List<Attempt> attempts) {
        String name = backend.name();
        BackendRequest request = new BackendRequest(document, tags, maxTags, List.of());
        Retry.AsyncContext<Object> retry = guard.retry.asyncContext();
        int reasks = 0;
        while (true) {
            int number = attempts.size() + 1;
            Duration remaining = Duration.between(clock.instant(), end);
            if (remaining.isNegative() || remaining.isZero()) {
                attempts.add(failed(name, number, Duration.ZERO, "deadline of " + deadline + " passed; not called"));
                log.debug("doc {}: attempt {} on {} skipped: deadline of {} passed", document.id(), number, name, deadline);
                return new Step(null, true);
            }
            if (!guard.breaker.tryAcquirePermission()) {
                attempts.add(failed(name, number, Duration.ZERO, "circuit open; not called"));
                log.debug("doc {}: attempt {} on {} skipped: circuit open", document.id(), number, name);
                return new Step(null, false);
            }
            Instant t0 = clock.instant();
            long n0 = System.nanoTime();
            Proposal proposal = null;
            String unusable = null; // why the answer could not be used, once there was one
            try {
                proposal = backend.propose(request.withTimeLimit(remaining));
            } catch (UnusableReplyException | RepairException e) {
                guard.breaker.onSuccess(System.nanoTime() - n0, TimeUnit.NANOSECONDS);
                Duration took = since(t0);
                String raw = e instanceof UnusableReplyException u ? u.rawReply() : "";
                TokenUsage used = e instanceof UnusableReplyException u ? u.usage() : TokenUsage.NONE;
                unusable = e.getMessage();
                attempts.add(new Attempt(name, number, Attempt.Outcome.UNUSABLE, took, raw,
                        List.of(), List.of(), used, unusable));
            } catch (BackendException e) {
                guard.breaker.onError(System.nanoTime() - n0, TimeUnit.NANOSECONDS, e);
                Duration took = since(t0);
                attempts.add(failed(name, number, took, e.getMessage()));
                long waitMillis = retry.onError(e);
                log.debug("doc {}: attempt {} on {} failed after {} ms ({}): {}", document.id(), number, name, took.toMillis(),
                        e.isRetryable() ? (waitMillis >= 0 ? "retry in " + waitMillis + " ms" : "retries spent") : "not retryable",
                        e.getMessage());
                if (waitMillis < 0) {
                    return new Step(null, false);
                }
                Duration wait = Duration.ofMillis(waitMillis);
                if (!clock.instant().plus(wait).isBefore(end)) {
                    // the next backend may still answer in the time left
                    log.debug("doc {}: no retry on {}: waiting {} ms would pass the deadline", document.id(), name, waitMillis);
                    return new Step(null, false);
                }
                if (!pause(wait)) {
                    attempts.add(failed(name, attempts.size() + 1, Duration.ZERO, "interrupted while waiting to retry; not called"));
                    return new Step(null, true);
                }
                continue;
            } catch (RuntimeException e) {
                guard.breaker.onError(System.nanoTime() - n0, TimeUnit.NANOSECONDS, e);
                // a faulty backend must not lose the document: record it and move on
                String problem = e.getClass().getName() + ": " + e.getMessage();
                Duration took = since(t0);
                attempts.add(failed(name, number, took, problem));
                log.debug("doc {}: attempt {} on {} threw after {} ms: {}", document.id(), number, name, took.toMillis(), problem);
                return new Step(null, false);
            }
            if (proposal != null) {
                guard.breaker.onSuccess(System.nanoTime() - n0, TimeUnit.NANOSECONDS);
                Duration took = since(t0);
                Resolution res = Resolver.resolve(proposal, tags, maxTags, document.id());
                List<String> dropped = new ArrayList<>(res.dropped());
                List<String> repairs = new ArrayList<>(proposal.repairs());
                res.adjusted().forEach(a -> repairs.add("TAG_NAME_MATCHED: " + a));
                if (res.usable()) {
                    retry.onComplete();
                    attempts.add(new Attempt(name, number, Attempt.Outcome.USED, took,
                            proposal.rawReply(), repairs, dropped, proposal.usage(), "", shown(proposal)));
                    log.debug("doc {}: attempt {} on {} used after {} ms: {} tags", document.id(), number, name, took.toMillis(), res.tags().size());
                    return new Step(res, false);
                }
                unusable = res.problem().orElseThrow();
                attempts.add(new Attempt(name, number, Attempt.Outcome.UNUSABLE, took,
                        proposal.rawReply(), repairs, dropped, proposal.usage(), unusable, shown(proposal)));
            }
            // the model answered, but nothing usable came of it: re-ask with the reason, or hand over
            log.debug("doc {}: attempt {} on {} unusable: {}", document.id(), number, name, unusable);
            if (backend.acceptsCorrections() && reasks < maxReasks) {
                reasks++;
                request = request.withCorrection(unusable);
                retry = guard.retry.asyncContext();
                continue;
            }
            return new Step(null, false);
        }
    }

    /** The proposal's candidates as the diagnostics show them: {@code 'ai' 0.712}, or the label alone. */
    private static List<String> shown(Proposal proposal) {
        List<String> out = new ArrayList<>(proposal.candidates().size());
        for (Candidate c : proposal.candidates()) {
            String label = Resolver.shown(c.value());
            out.add(c.score().isPresent() ? label + " " + String.format(java.util.Locale.ROOT, "%.3f", c.score().getAsDouble()) : label);
        }
        return out;
    }

    /** @return false when interrupted: the document gives up, keeping the thread's interrupt flag */
    private boolean pause(Duration wait) {
        if (Thread.currentThread().isInterrupted()) {
            // an interrupted caller wants out: no more calls, not a burst of instant retries
            return false;
        }
        if (wait.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Attempt failed(String backend, int number, Duration took, String problem) {
        return new Attempt(backend, number, Attempt.Outcome.FAILED, took, "", List.of(), List.of(),
                TokenUsage.NONE, problem);
    }

    private Duration since(Instant t0) {
        return Duration.between(t0, clock.instant());
    }

    /** Closes every backend of the chain. */
    @Override
    public void close() {
        chain.forEach(Tagger::closeQuietly);
    }

    private static void closeQuietly(Backend b) {
        try {
            b.close();
        } catch (Exception e) {
            log.debug("closing backend {} failed: {}", b.name(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "Tagger[" + tags.size() + " tags, max " + maxTags + ", backends " + backendNames() + "]";
    }

    /** Waits between transport retries. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param duration how long; positive
         * @throws InterruptedException when interrupted; the document then gives up
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Builds a {@link Tagger}; each {@link #build()} returns a new one. */
    public static final class Builder {
        private TagSet tags;
        private TaggerConfig config;
        private Integer maxTags;
        private final List<Backend> backends = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder() {
        }

        /** The allowed tags; required. */
        public Builder tags(TagSet tags) {
            this.tags = Objects.requireNonNull(tags, "tags");
            return this;
        }

        /**
         * The most tags per document; overrides {@code tagger.max-tags} (default 3).
         *
         * @throws TaggerException {@code INVALID_ARGUMENT} when below 1
         */
        public Builder maxTags(int maxTags) {
            if (maxTags < 1) {
                throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, "max tags must be at least 1, got " + maxTags);
            }
            this.maxTags = maxTags;
            return this;
        }

        /** The configuration; {@link TaggerConfig#load()} when not given. */
        public Builder config(TaggerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Backend instances to use, in order, instead of those the configuration names. For backends
         * built in code; configuration alone can pick any registered backend by name.
         */
        public Builder backends(Backend... backends) {
            this.backends.clear();
            this.backends.addAll(List.of(backends));
            return this;
        }

        /**
         * The clock that times attempts, the deadline and the circuit breakers' open state; the system
         * clock by default.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the tagger waits between transport retries; {@link Thread#sleep} by default. A test
         * passes one that records the wait (and advances its clock) and returns at once.
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return a new tagger
         * @throws TaggerException {@code INVALID_ARGUMENT} when no tag set was given;
         *     {@link ConfigException} for invalid configuration or an unknown backend
         */
        public Tagger build() {
            if (tags == null) {
                throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, "a tag set is required: call tags(TagSet)");
            }
            TaggerConfig cfg = config != null ? config : TaggerConfig.load();
            if (maxTags != null) {
                cfg = cfg.toBuilder().maxTags(maxTags).build();
            }
            if (!backends.isEmpty()) {
                return new Tagger(this, cfg, backends);
            }
            // backends made here are this tagger's to close, also when a later step fails
            List<Backend> made = new ArrayList<>();
            try {
                Map<String, BackendProvider> providers = Backends.providers();
                for (String name : cfg.chain()) {
                    made.add(Backends.create(name, cfg, providers));
                }
                return new Tagger(this, cfg, made);
            } catch (RuntimeException e) {
                made.forEach(Tagger::closeQuietly);
                throw e;
            }
        }
    }
}
