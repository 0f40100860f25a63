package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.tagger.repair.RepairException;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import dev.tagger.spi.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Transport retries, Retry-After, circuit breaking, re-asks, fallback and the deadline, on scripted backends. */
class TaggerResilienceTest {

    private static final TagSet TAGS = TagSet.ofNames("ai", "benchmark", "3d");
    private static final Document DOC = new Document("7628", "a document about a language model benchmark");

    private final MutableClock clock = new MutableClock();
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void retriesTransportFaultsThenUsesTheAnswer() {
        Scripted llm = new Scripted("llm", unavailable(null), unavailable(null), answer("ai"));
        TagResult r = tagger(Map.of(), llm).tag(DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(llm.calls()).isEqualTo(3);
        assertThat(r.diagnostics().attempts()).extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.FAILED, Attempt.Outcome.FAILED, Attempt.Outcome.USED);
        assertThat(waits).as("zero waits configured: nothing to sleep").isEmpty();
    }

    @Test
    void stopsAfterMaxAttemptsAndFallsBack() {
        Scripted llm = new Scripted("llm", unavailable(null), unavailable(null), unavailable(null), answer("ai"));
        Scripted other = new Scripted("other", answer("3d"));
        TagResult r = tagger(Map.of("tagger.max-attempts", "3"), llm, other).tag(DOC);

        assertThat(llm.calls()).isEqualTo(3);
        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.backend()).isEqualTo("other");
        assertThat(r.tags()).extracting(Tag::name).containsExactly("3d");
    }

    @Test
    void doesNotRetryARejection() {
        Scripted llm = new Scripted("llm", BackendException.rejected("llm", "HTTP 401: bad key", null), answer("ai"));
        Scripted other = new Scripted("other", answer("3d"));
        TagResult r = tagger(Map.of(), llm, other).tag(DOC);

        assertThat(llm.calls()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.diagnostics().attempts().get(0).problem()).contains("HTTP 401");
        assertThat(waits).isEmpty();
    }

    @Test
    void honoursRetryAfterBoundedByMaxWait() {
        Scripted llm = new Scripted("llm", unavailable(Duration.ofSeconds(2)), unavailable(Duration.ofHours(1)), answer("ai"));
        TagResult r = tagger(Map.of("tagger.retry.max-wait", "PT5S", "tagger.retry.initial-wait", "PT0.1S"), llm).tag(DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void backsOffExponentiallyWithJitter() {
        Scripted llm = new Scripted("llm", unavailable(null), unavailable(null), unavailable(null), answer("ai"));
        tagger(Map.of("tagger.max-attempts", "4", "tagger.retry.initial-wait", "PT1S", "tagger.retry.max-wait", "PT30S"), llm).tag(DOC);

        assertThat(waits).hasSize(3);
        // 1 s, 2 s, 4 s, each randomised by +-50%
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(6000));
    }

    @Test
    void reasksWithTheReasonThenFallsBack() {
        Scripted llm = new Scripted("llm", answer("nope"), answer("nada"), answer("ai"));
        Scripted other = new Scripted("other", answer("3d"));
        TagResult r = tagger(Map.of("tagger.max-reasks", "1"), llm, other).tag(DOC);

        assertThat(llm.calls()).isEqualTo(2);
        assertThat(llm.requests.get(0).corrections()).isEmpty();
        assertThat(llm.requests.get(1).corrections()).containsExactly("none of the 1 tags given is in the tag list");
        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.diagnostics().attempts()).extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.UNUSABLE, Attempt.Outcome.UNUSABLE, Attempt.Outcome.USED);
    }

    @Test
    void reaskAfterUnreadableReplyCarriesTheRepairError() {
        Scripted llm = new Scripted("llm", new RepairException(TaggerException.Reason.NO_JSON, "no JSON value in a reply of 12 characters"),
                answer("ai"));
        TagResult r = tagger(Map.of(), llm).tag(DOC);

        assertThat(r.status()).isEqualTo(Status.REPAIRED);
        assertThat(llm.requests.get(1).corrections()).containsExactly("no JSON value in a reply of 12 characters");
    }

    @Test
    void openCircuitSendsLaterDocumentsStraightToTheFallback() {
        Scripted llm = Scripted.always("llm", () -> unavailable(null));
        Scripted other = Scripted.always("other", () -> answer("3d"));
        Tagger tagger = tagger(Map.of("tagger.max-attempts", "2", "tagger.circuit.minimum-calls", "2",
                "tagger.circuit.window", "4", "tagger.circuit.open-for", "PT60S"), llm, other);

        TagResult first = tagger.tag(DOC);
        TagResult second = tagger.tag(DOC);

        assertThat(first.status()).isEqualTo(Status.FALLBACK);
        assertThat(second.status()).isEqualTo(Status.FALLBACK);
        assertThat(llm.calls()).isEqualTo(2);
        assertThat(second.diagnostics().attempts().get(0).problem()).isEqualTo("circuit open; not called");

        clock.advance(Duration.ofSeconds(61));
        tagger.tag(DOC);
        assertThat(llm.calls()).as("half-open after open-for: one trial call").isEqualTo(3);
    }

    @Test
    void deadlineBoundsAllAttemptsAndCapsEachCall() {
        // each call takes 4 s of (fake) time and fails; a 10 s deadline allows calls at 0, 4 and 8 s
        Scripted llm = Scripted.always("llm", () -> unavailable(null));
        llm.onCall = req -> clock.advance(Duration.ofSeconds(4));
        Scripted other = Scripted.always("other", () -> answer("3d"));
        TagResult r = tagger(Map.of("tagger.deadline", "PT10S", "tagger.max-attempts", "10", "tagger.max-reasks", "0"), llm, other).tag(DOC);

        assertThat(llm.calls()).isEqualTo(3);
        assertThat(other.calls()).isZero();
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(llm.requests).extracting(BackendRequest::timeLimit)
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(6), Duration.ofSeconds(2));
        assertThat(r.diagnostics().attempts()).last().extracting(Attempt::problem).isEqualTo("deadline of PT10S passed; not called");
        assertThat(r.diagnostics().elapsed()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void retryWaitThatWouldPassTheDeadlineHandsOverToTheNextBackend() {
        Scripted llm = new Scripted("llm", unavailable(Duration.ofSeconds(30)), answer("ai"));
        Scripted other = new Scripted("other", answer("3d"));
        TagResult r = tagger(Map.of("tagger.deadline", "PT10S", "tagger.retry.max-wait", "PT60S"), llm, other).tag(DOC);

        assertThat(llm.calls()).isEqualTo(1);
        assertThat(waits).isEmpty();
        assertThat(r.status()).isEqualTo(Status.FALLBACK);
    }

    @Test
    void interruptedWaitGivesUpAndKeepsTheInterruptFlag() {
        Scripted llm = new Scripted("llm", unavailable(Duration.ofSeconds(1)), answer("ai"));
        TaggerConfig cfg = TaggerConfig.builder().build();
        Tagger tagger = Tagger.builder().tags(TAGS).config(cfg).backends(llm).clock(clock)
                .sleeper(d -> {
                    throw new InterruptedException();
                }).build();

        TagResult r = tagger.tag(DOC);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void invalidRetrySettingsAreConfigErrors() {
        TaggerConfig cfg = TaggerConfig.builder().set("tagger.retry.initial-wait", "PT10S").set("tagger.retry.max-wait", "PT1S").build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tagger.builder().tags(TAGS).config(cfg).backends(new Scripted("llm")).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("tagger.retry.initial-wait=PT10S is longer than tagger.retry.max-wait=PT1S");
    }

    // ---- fixtures ----

    private Tagger tagger(Map<String, String> settings, Backend... backends) {
        TaggerConfig cfg = TaggerConfig.builder()
                .set("tagger.retry.initial-wait", "0")
                .setAll(settings)
                .build();
        return Tagger.builder().tags(TAGS).config(cfg).backends(backends).clock(clock)
                .sleeper(d -> {
                    waits.add(d);
                    clock.advance(d);
                })
                .build();
    }

    private static BackendException unavailable(Duration retryAfter) {
        return new BackendException(TaggerException.Reason.BACKEND_UNAVAILABLE, "llm", "HTTP 503", true, retryAfter, null);
    }

    private static Proposal answer(String label) {
        return new Proposal(List.of(Candidate.of(TextNode.valueOf(label))), Optional.of("7628"), "{\"tags\":[\"" + label + "\"]}",
                List.of(), new TokenUsage(10, 5));
    }

    /** A backend that plays a script: a proposal to return or an exception to throw per call. */
    static final class Scripted implements Backend {
        private final String name;
        private final Deque<Object> script;
        private final java.util.function.Supplier<Object> forever;
        final List<BackendRequest> requests = new ArrayList<>();
        java.util.function.Consumer<BackendRequest> onCall = r -> { };

        Scripted(String name, Object... steps) {
            this.name = name;
            this.script = new ArrayDeque<>(List.of(steps));
            this.forever = null;
        }

        private Scripted(String name, java.util.function.Supplier<Object> forever) {
            this.name = name;
            this.script = new ArrayDeque<>();
            this.forever = forever;
        }

        static Scripted always(String name, java.util.function.Supplier<Object> step) {
            return new Scripted(name, step);
        }

        int calls() {
            return requests.size();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean acceptsCorrections() {
            return true;
        }

        @Override
        public Proposal propose(BackendRequest request) {
            requests.add(request);
            onCall.accept(request);
            Object step = forever != null ? forever.get() : script.removeFirst();
            if (step instanceof RuntimeException e) {
                throw e;
            }
            return (Proposal) step;
        }
    }

    /** A clock that moves only when told. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
