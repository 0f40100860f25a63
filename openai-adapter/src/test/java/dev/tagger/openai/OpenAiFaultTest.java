package dev.tagger.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAI-compatible backend against a WireMock server speaking {@code /v1/chat/completions}:
 * transport faults, 429 with Retry-After, timeouts, unusable replies and re-asks, the circuit breaker,
 * a server refusing {@code response_format}. Retries wait zero or into a recording sleeper.
 */
@WireMockTest
class OpenAiFaultTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final String GOOD = "{\"id\":\"7628\",\"tags\":[\"ai\"]}";

    private TaggerFixture fixture;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        fixture = OpenAiWire.fixture(wm.getHttpBaseUrl());
        CannedBackendProvider.reset();
    }

    @AfterAll
    static void writeTable() {
        FaultTable.write("fault-table-openai.md");
    }

    static Stream<Arguments> transportFaults() {
        return Stream.of(
                Arguments.of("HTTP 500", aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")),
                Arguments.of("HTTP 502", aResponse().withStatus(502).withBody("<html><body>Bad Gateway</body></html>")),
                Arguments.of("HTTP 503", aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"The engine is currently overloaded\"}}")),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("empty reply", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                Arguments.of("random bytes then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
                Arguments.of("200 that is not the API's JSON", aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html>captive portal</html>")));
    }

    @ParameterizedTest(name = "{0} then success")
    @MethodSource("transportFaults")
    void transportFaultIsRetriedThenTheAnswerIsUsed(String fault, ResponseDefinitionBuilder first) {
        stubFor(post(CHAT).inScenario("fault").whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("recovered"));
        stubFor(post(CHAT).inScenario("fault").whenScenarioStateIs("recovered").willReturn(okJson(OpenAiWire.chatBody(GOOD))));

        TagResult r = fixture.tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.diagnostics().attempts()).extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.FAILED, Attempt.Outcome.USED);
        assertThat(r.diagnostics().attempts().get(0).problem()).startsWith("openai: ");
        assertThat(chatCalls()).isEqualTo(2);
        FaultTable.row(fault + ", then 200", outcome(r), chatCalls());
    }

    @Test
    void rateLimitHonoursRetryAfterSecondsAndHttpDate() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(65));
        stubFor(post(CHAT).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("date"));
        stubFor(post(CHAT).inScenario("429").whenScenarioStateIs("date")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", inFiveSeconds))
                .willSetStateTo("ok"));
        stubFor(post(CHAT).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(OpenAiWire.chatBody(GOOD))));

        TagResult r = fixture.set("tagger.retry.max-wait", "PT30S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(fixture.waits).hasSize(2);
        assertThat(fixture.waits.get(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(fixture.waits.get(1)).as("an HTTP date a minute away, bounded by max-wait").isEqualTo(Duration.ofSeconds(30));
        assertThat(chatCalls()).isEqualTo(3);
        FaultTable.row("429 Retry-After: 2, 429 Retry-After: <date +65 s>, then 200 (waits 2 s, 30 s = max-wait)", outcome(r), chatCalls());
    }

    @Test
    void replySlowerThanTheTimeoutIsRetried() {
        stubFor(post(CHAT).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(OpenAiWire.chatBody(GOOD)).withFixedDelay(1500)).willSetStateTo("fast"));
        stubFor(post(CHAT).inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(OpenAiWire.chatBody(GOOD))));

        TagResult r = fixture.set("tagger.timeout", "PT0.3S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.diagnostics().attempts().get(0).problem()).isEqualTo("openai: timed out: no reply within PT0.3S");
        assertThat(chatCalls()).isEqualTo(2);
        FaultTable.row("reply slower (1.5 s) than the timeout (0.3 s), then 200", outcome(r), chatCalls());
    }

    @Test
    void badKeyIsNotRetriedAndFallsBack() {
        stubFor(post(CHAT).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));

        TagResult r = fixture.set("tagger.fallback", "openai,canned").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.backend()).isEqualTo("canned");
        assertThat(r.diagnostics().attempts().get(0).problem()).startsWith("openai: HTTP 401: ");
        assertThat(chatCalls()).isEqualTo(1);
        FaultTable.row("401 bad key (not retried), fallback canned", outcome(r), chatCalls());
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
        stubFor(post(CHAT).willReturn(okJson(OpenAiWire.chatBody(content))));

        TagResult r = fixture.set("tagger.fallback", "openai,canned").set("tagger.max-reasks", "1").tagger().tag(TaggerFixture.DOC);

        List<LoggedRequest> requests = findAll(postRequestedFor(urlEqualTo(CHAT)));
        assertThat(requests).hasSize(2);
        String reason = r.diagnostics().attempts().get(0).problem();
        assertThat(reason).isNotBlank();
        assertThat(lastUserMessage(requests.get(0))).doesNotContain(reason);
        assertThat(lastUserMessage(requests.get(1))).contains(reason);
        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(CannedBackendProvider.calls()).isEqualTo(1);
        FaultTable.row("200 with " + kind + ", re-asked, again, fallback canned", outcome(r), chatCalls());
    }

    @Test
    void openCircuitSendsTheNextDocumentToTheFallbackWithoutCallingTheServer() {
        stubFor(post(CHAT).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Tagger tagger = fixture.set("tagger.fallback", "openai,canned").set("tagger.max-attempts", "3")
                .set("tagger.circuit.minimum-calls", "3").set("tagger.circuit.window", "5").tagger();

        TagResult first = tagger.tag(TaggerFixture.DOC);
        int callsAfterFirst = chatCalls();
        TagResult second = tagger.tag(TaggerFixture.DOC);
        TagResult third = tagger.tag(TaggerFixture.DOC);

        assertThat(callsAfterFirst).isEqualTo(3);
        assertThat(chatCalls()).isEqualTo(3);
        assertThat(List.of(first, second, third)).extracting(TagResult::status).containsOnly(Status.FALLBACK);
        assertThat(third.diagnostics().attempts().get(0).problem()).isEqualTo("circuit open; not called");
        assertThat(CannedBackendProvider.calls()).isEqualTo(3);
        FaultTable.row("connection reset always; circuit opens after 3: 1st document", outcome(first), callsAfterFirst);
        FaultTable.row("... 2nd and 3rd documents with the circuit open", outcome(third), chatCalls() - callsAfterFirst);
    }

    @Test
    void serverRefusingResponseFormatIsAskedWithoutItFromThenOn() {
        stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.response_format"))
                .willReturn(aResponse().withStatus(400).withBody("{\"object\":\"error\",\"message\":\"response_format of type json_schema is not supported by this model\",\"type\":\"BadRequestError\",\"code\":400}")));
        stubFor(post(CHAT).withRequestBody(not(matchingJsonPath("$.response_format")))
                .willReturn(okJson(OpenAiWire.chatBody(GOOD))));
        Tagger tagger = fixture.tagger();

        TagResult first = tagger.tag(TaggerFixture.DOC);
        TagResult second = tagger.tag(TaggerFixture.DOC);

        List<LoggedRequest> requests = findAll(postRequestedFor(urlEqualTo(CHAT)));
        assertThat(requests).extracting(q -> TaggerFixture.json(q.getBodyAsString()).has("response_format")).containsExactly(true, false, false);
        assertThat(first.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(second.tags()).extracting(Tag::name).containsExactly("ai");
        FaultTable.row("400 naming response_format: asked again without it (1st document)", outcome(first), 2);
        FaultTable.row("... 2nd document: asked without response_format at once", outcome(second), 1);
    }

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
}
