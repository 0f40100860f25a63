package dev.tagger.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tagger.Attempt;
import dev.tagger.Status;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.testkit.CannedBackendProvider;
import dev.tagger.testkit.FaultTable;
import dev.tagger.testkit.TaggerFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Ollama backend against a WireMock server speaking {@code /api/chat}: transport faults, 429 with
 * Retry-After, timeouts, unusable replies and re-asks, the circuit breaker, the deadline, a server
 * refusing {@code format}. Retries wait zero (or a recording sleeper); nothing here sleeps.
 */
@WireMockTest
class OllamaFaultTest {

    private static final String CHAT = "/api/chat";
    private static final String GOOD = "{\"id\":\"7628\",\"tags\":[\"ai\"]}";

    private TaggerFixture fixture;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        fixture = OllamaWire.fixture(wm.getHttpBaseUrl());
        CannedBackendProvider.reset();
    }

    @AfterAll
    static void writeTable() {
        FaultTable.write("fault-table-ollama.md");
    }

    static Stream<Arguments> transportFaults() {
        return Stream.of(
                Arguments.of("HTTP 500", aResponse().withStatus(500).withBody("{\"error\":\"llama runner process has terminated\"}")),
                Arguments.of("HTTP 502", aResponse().withStatus(502).withBody("<html><body>Bad Gateway</body></html>")),
                Arguments.of("HTTP 503", aResponse().withStatus(503).withBody("{\"error\":\"server busy\"}")),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("empty reply", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                Arguments.of("random bytes then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
                Arguments.of("200 that is not the API's JSON", aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html>proxy login</html>")));
    }

    @ParameterizedTest(name = "{0} then success")
    @MethodSource("transportFaults")
    void transportFaultIsRetriedThenTheAnswerIsUsed(String fault, ResponseDefinitionBuilder first) {
        stubFor(post(CHAT).inScenario("fault").whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("recovered"));
        stubFor(post(CHAT).inScenario("fault").whenScenarioStateIs("recovered").willReturn(okJson(OllamaWire.chatBody(GOOD))));

        TagResult r = fixture.tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.diagnostics().attempts()).extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.FAILED, Attempt.Outcome.USED);
        assertThat(r.diagnostics().attempts().get(0).problem()).startsWith("ollama: ").isNotBlank();
        assertThat(chatCalls()).isEqualTo(2);
        FaultTable.row(fault + ", then 200", outcome(r), chatCalls());
    }

    @Test
    void rateLimitHonoursRetryAfterBoundedByMaxWait() {
        stubFor(post(CHAT).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"error\":\"too many requests\"}"))
                .willSetStateTo("again"));
        stubFor(post(CHAT).inScenario("429").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600"))
                .willSetStateTo("ok"));
        stubFor(post(CHAT).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(OllamaWire.chatBody(GOOD))));

        TagResult r = fixture.set("tagger.retry.max-wait", "PT20S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(20));
        assertThat(r.diagnostics().attempts().get(0).problem()).contains("HTTP 429");
        assertThat(chatCalls()).isEqualTo(3);
        FaultTable.row("429 Retry-After: 7, 429 Retry-After: 3600, then 200 (waits 7 s, 20 s = max-wait)", outcome(r), chatCalls());
    }

    @Test
    void replySlowerThanTheTimeoutIsRetried() {
        stubFor(post(CHAT).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(OllamaWire.chatBody(GOOD)).withFixedDelay(1500)).willSetStateTo("fast"));
        stubFor(post(CHAT).inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(OllamaWire.chatBody(GOOD))));

        TagResult r = fixture.set("tagger.timeout", "PT0.3S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.diagnostics().attempts().get(0).problem()).isEqualTo("ollama: timed out: no reply within PT0.3S");
        assertThat(chatCalls()).isEqualTo(2);
        FaultTable.row("reply slower (1.5 s) than the timeout (0.3 s), then 200", outcome(r), chatCalls());
    }

    @Test
    void retriesSpentHandOverToTheFallback() {
        stubFor(post(CHAT).willReturn(aResponse().withStatus(503)));

        TagResult r = fixture.set("tagger.fallback", "ollama,canned").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.backend()).isEqualTo("canned");
        assertThat(r.tags()).extracting(Tag::name).containsExactly("3d");
        assertThat(chatCalls()).isEqualTo(3);
        FaultTable.row("503 on every call (max-attempts 3), fallback canned", outcome(r), chatCalls());
    }

    @Test
    void rejectionIsNotRetried() {
        stubFor(post(CHAT).willReturn(aResponse().withStatus(404).withBody("{\"error\":\"model 'deepseek-math:7b-instruct' not found\"}")));

        TagResult r = fixture.set("tagger.fallback", "ollama,canned").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.diagnostics().attempts().get(0).problem())
                .isEqualTo("ollama: HTTP 404: {\"error\":\"model 'deepseek-math:7b-instruct' not found\"}");
        assertThat(chatCalls()).isEqualTo(1);
        FaultTable.row("404 model not found (not retried), fallback canned", outcome(r), chatCalls());
    }

    static Stream<Arguments> unusableReplies() {
        return Stream.of(
                Arguments.of("prose only", "The document is about artificial intelligence and benchmarks."),
                Arguments.of("JSON with only unknown tags", "{\"id\":\"7628\",\"tags\":[\"cooking\",\"gardening\"]}"),
                Arguments.of("truncated JSON", "{\"id\":\"7628\",\"tags\":[\"cook"),
                Arguments.of("the wrong id", "{\"id\":\"9999\",\"tags\":[\"ai\"]}"),
                Arguments.of("a think block with no answer", "<think>It is a language model, so the tags could be ai and llm.</think>"),
                Arguments.of("an empty boxed answer", "The tags are ai and llm. The final answer is \\boxed{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableReplies")
    void unusableReplyIsReaskedWithTheReasonThenFallsBack(String kind, String content) {
        stubFor(post(CHAT).willReturn(okJson(OllamaWire.chatBody(content))));

        TagResult r = fixture.set("tagger.fallback", "ollama,canned").set("tagger.max-reasks", "1").tagger().tag(TaggerFixture.DOC);

        List<LoggedRequest> requests = findAll(postRequestedFor(urlEqualTo(CHAT)));
        assertThat(requests).hasSize(2);
        assertThat(r.diagnostics().attempts()).extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.UNUSABLE, Attempt.Outcome.UNUSABLE, Attempt.Outcome.USED);
        String reason = r.diagnostics().attempts().get(0).problem();
        assertThat(reason).isNotBlank();
        assertThat(lastUserMessage(requests.get(0))).doesNotContain(reason);
        assertThat(lastUserMessage(requests.get(1))).contains(reason);
        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.backend()).isEqualTo("canned");
        assertThat(CannedBackendProvider.calls()).isEqualTo(1);
        FaultTable.row("200 with " + kind + " (re-ask carries \"" + reason + "\"), again, fallback canned", outcome(r), chatCalls());
    }

    @Test
    void reaskThatGetsAUsableAnswerEndsRepaired() {
        stubFor(post(CHAT).inScenario("reask").whenScenarioStateIs(STARTED)
                .willReturn(okJson(OllamaWire.chatBody("{\"id\":\"9999\",\"tags\":[\"ai\"]}"))).willSetStateTo("fixed"));
        stubFor(post(CHAT).inScenario("reask").whenScenarioStateIs("fixed").willReturn(okJson(OllamaWire.chatBody(GOOD))));

        TagResult r = fixture.tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.REPAIRED);
        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(lastUserMessage(findAll(postRequestedFor(urlEqualTo(CHAT))).get(1)))
                .contains(r.diagnostics().attempts().get(0).problem())
                .contains("9999", "7628");
        FaultTable.row("200 with the wrong id, re-ask answers", outcome(r), chatCalls());
    }

    @Test
    void openCircuitSendsTheNextDocumentToTheFallbackWithoutCallingTheServer() {
        stubFor(post(CHAT).willReturn(aResponse().withStatus(500)));
        Tagger tagger = fixture.set("tagger.fallback", "ollama,canned").set("tagger.max-attempts", "2")
                .set("tagger.circuit.minimum-calls", "2").set("tagger.circuit.window", "4").tagger();

        TagResult first = tagger.tag(TaggerFixture.DOC);
        int callsAfterFirst = chatCalls();
        TagResult second = tagger.tag(TaggerFixture.DOC);

        assertThat(callsAfterFirst).isEqualTo(2);
        assertThat(chatCalls()).as("the open circuit keeps the broken server out").isEqualTo(2);
        assertThat(first.status()).isEqualTo(Status.FALLBACK);
        assertThat(second.status()).isEqualTo(Status.FALLBACK);
        assertThat(second.tags()).extracting(Tag::name).containsExactly("3d");
        assertThat(second.diagnostics().attempts()).extracting(Attempt::backend, Attempt::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ollama", "circuit open; not called"),
                        org.assertj.core.groups.Tuple.tuple("canned", ""));
        FaultTable.row("500 always; circuit opens after 2 failures: 1st document", outcome(first), callsAfterFirst);
        FaultTable.row("500 always; 2nd document with the circuit open", outcome(second), chatCalls() - callsAfterFirst);
    }

    @Test
    void deadlineBoundsAllAttemptsOfADocument() {
        stubFor(post(CHAT).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")));
        MutableClock clock = new MutableClock();
        Tagger tagger = Tagger.builder().tags(TaggerFixture.TAGS)
                .config(fixture.set("tagger.deadline", "PT10S").set("tagger.max-attempts", "10").config())
                .clock(clock).sleeper(d -> {
                    fixture.waits.add(d);
                    clock.advance(d);
                }).build();

        TagResult r = tagger.tag(TaggerFixture.DOC);

        // calls at 0, 4 and 8 s; the next wait would end at 12 s, past the 10 s deadline
        assertThat(chatCalls()).isEqualTo(3);
        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.tags()).isEmpty();
        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[]}");
        FaultTable.row("503 Retry-After: 4 always, deadline 10 s, max-attempts 10", outcome(r), chatCalls());
    }

    @Test
    void deadlineCapsTheTimeoutOfACall() {
        stubFor(post(CHAT).willReturn(okJson(OllamaWire.chatBody(GOOD)).withFixedDelay(3000)));

        TagResult r = fixture.set("tagger.timeout", "PT30S").set("tagger.deadline", "PT0.4S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.diagnostics().attempts().get(0).problem()).matches("ollama: timed out: no reply within PT0\\.[0-4]\\d*S");
        assertThat(chatCalls()).isEqualTo(1);
        FaultTable.row("reply slower (3 s) than the deadline (0.4 s; timeout 30 s)", outcome(r), chatCalls());
    }

    @Test
    void serverRefusingFormatIsAskedWithoutItFromThenOn() {
        stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.format"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid format: expected \\\"json\\\" or a JSON schema\"}")));
        stubFor(post(CHAT).withRequestBody(not(matchingJsonPath("$.format")))
                .willReturn(okJson(OllamaWire.chatBody(GOOD))));
        Tagger tagger = fixture.tagger();

        TagResult first = tagger.tag(TaggerFixture.DOC);
        TagResult second = tagger.tag(TaggerFixture.DOC);

        List<LoggedRequest> requests = findAll(postRequestedFor(urlEqualTo(CHAT)));
        assertThat(requests).extracting(q -> TaggerFixture.json(q.getBodyAsString()).has("format")).containsExactly(true, false, false);
        assertThat(first.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(second.tags()).extracting(Tag::name).containsExactly("ai");
        FaultTable.row("400 naming the format: asked again without it (1st document)", outcome(first), 2);
        FaultTable.row("... 2nd document: asked without format at once", outcome(second), 1);
    }

    // ---- helpers ----

    private static int chatCalls() {
        return findAll(postRequestedFor(urlEqualTo(CHAT))).size();
    }

    private static String lastUserMessage(LoggedRequest request) {
        var messages = TaggerFixture.json(request.getBodyAsString()).get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    static String outcome(TagResult r) {
        return r.status() + " " + r.tags().stream().map(Tag::name).toList() + " via " + (r.backend().isEmpty() ? "-" : r.backend())
                + "; attempts " + r.diagnostics().attempts().stream().map(a -> a.backend() + ":" + a.outcome()).toList();
    }

    /** A clock that moves only when told. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
