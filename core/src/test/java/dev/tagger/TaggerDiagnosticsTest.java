package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerDiagnosticsTest {

    static final TagSet TAGS = TagSet.ofNames("ai", "benchmark", "cli", "database");

    /** A backend proposing fixed scored names, the way the embedded default does. */
    static Backend scored(List<Candidate> candidates) {
        return new Backend() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public Proposal propose(BackendRequest request) {
                return Proposal.of(candidates);
            }
        };
    }

    @Test
    void scoredCandidatesAreShownBestFirstWithTheirScores() {
        Tagger tagger = Tagger.builder().tags(TAGS).maxTags(2).config(TaggerConfig.defaults())
                .backends(scored(List.of(Candidate.named("ai", 0.7123), Candidate.named("benchmark", 0.68),
                        Candidate.named("bitcoin", 0.5))))
                .build();

        TagResult r = tagger.tag(new Document("d1", "A language model."));

        assertThat(r.names()).containsExactly("ai", "benchmark");
        assertThat(r.diagnostics().attempts().get(0).candidates())
                .containsExactly("'ai' 0.712", "'benchmark' 0.680", "'bitcoin' 0.500");
        assertThat(r.toExplainJson(OutputFormat.NAMES)).contains("\"candidates\":[\"'ai' 0.712\",\"'benchmark' 0.680\",\"'bitcoin' 0.500\"]");
        assertThat(r.diagnostics().dropped()).containsExactly("'bitcoin': not in the tag list");
    }

    @Test
    void aFailedCallHasNoCandidates() {
        Backend down = new Backend() {
            @Override
            public String name() {
                return "down";
            }

            @Override
            public Proposal propose(BackendRequest request) {
                throw dev.tagger.spi.BackendException.rejected("down", "HTTP 401", null);
            }
        };
        TagResult r = Tagger.builder().tags(TAGS).config(TaggerConfig.defaults()).backends(down).build()
                .tag(new Document("d1", "text"));

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.toJson()).isEqualTo("{\"id\":\"d1\",\"tags\":[]}");
        assertThat(r.diagnostics().attempts()).singleElement().satisfies(a -> {
            assertThat(a.candidates()).isEmpty();
            assertThat(a.problem()).isEqualTo("down: HTTP 401");
        });
        assertThat(r.toExplainJson(OutputFormat.NAMES)).doesNotContain("candidates");
    }

    @Test
    void anInterruptedCallerGetsNoBurstOfInstantRetries() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Backend flaky = new Backend() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public Proposal propose(BackendRequest request) {
                calls.incrementAndGet();
                throw dev.tagger.spi.BackendException.unavailable("flaky", "HTTP 503", null);
            }
        };
        Tagger tagger = Tagger.builder().tags(TAGS)
                .config(TaggerConfig.builder().set("tagger.max-attempts", "5").set("tagger.retry.initial-wait", "0").build())
                .backends(flaky).build();

        Thread.currentThread().interrupt();
        TagResult r;
        try {
            r = tagger.tag(new Document("d1", "text"));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
        }

        assertThat(calls.get()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.diagnostics().attempts()).last().extracting(Attempt::problem).asString().contains("interrupted");
    }
}
