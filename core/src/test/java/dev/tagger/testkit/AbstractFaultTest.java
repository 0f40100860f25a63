package dev.tagger.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tagger.Attempt;
import dev.tagger.Status;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An adapter's backend against a WireMock server speaking its chat endpoint: transport faults, 429
 * with Retry-After (seconds and an HTTP date), timeouts, unusable replies and re-asks, the circuit
 * breaker, the deadline, a server refusing the schema field. Retries wait zero (or into a recording
 * sleeper); nothing here sleeps. An adapter runs these scenarios by extending this class with its
 * {@link Wire}, and adds its own (such as how its server rejects a request) beside them; the
 * outcomes go to {@code target/fault-table-<backend>.md}.
 */
public abstract class AbstractFaultTest extends AbstractWireTest {

    private static final String GOOD = "{\"id\":\"7628\",\"tags\":[\"ai\"]}";

    /** A test of the backend {@code wire} speaks to. */
    protected AbstractFaultTest(Wire wire) {
        super(wire);
    }

    @AfterAll
    void writeTable() {
        FaultTable.write("fault-table-" + wire().backend() + ".md");
    }

    Stream<Arguments> transportFaults() {
        return Stream.of(
                Arguments.of("HTTP 500", aResponse().withStatus(500).withBody(wire().serverErrorBody(500))),
                Arguments.of("HTTP 502", aResponse().withStatus(502).withBody("<html><body>Bad Gateway</body></html>")),
                Arguments.of("HTTP 503", aResponse().withStatus(503).withBody(wire().serverErrorBody(503))),
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
        stubFor(post(wire().chatPath()).inScenario("fault").whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("recovered"));
        stubFor(post(wire().chatPath()).inScenario("fault").whenScenarioStateIs("recovered").willReturn(okJson(wire().chatReply(GOOD))));

        TagResult r = fixture().tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.diagnostics().attempts()).extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.FAILED, Attempt.Outcome.USED);
        assertThat(r.diagnostics().attempts().get(0).problem()).startsWith(wire().backend() + ": ").isNotBlank();
        assertThat(chatCalls()).isEqualTo(2);
        FaultTable.row(fault + ", then 200", outcome(r), chatCalls());
    }

    @Test
    void rateLimitHonoursRetryAfterBoundedByMaxWait() {
        stubFor(post(wire().chatPath()).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody(wire().serverErrorBody(429)))
                .willSetStateTo("again"));
        stubFor(post(wire().chatPath()).inScenario("429").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600"))
                .willSetStateTo("ok"));
        stubFor(post(wire().chatPath()).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(wire().chatReply(GOOD))));

        TagResult r = fixture().set("tagger.retry.max-wait", "PT20S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(fixture().waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(20));
        assertThat(r.diagnostics().attempts().get(0).problem()).contains("HTTP 429");
        assertThat(chatCalls()).isEqualTo(3);
        FaultTable.row("429 Retry-After: 7, 429 Retry-After: 3600, then 200 (waits 7 s, 20 s = max-wait)", outcome(r), chatCalls());
    }

    @Test
    void rateLimitHonoursRetryAfterSecondsAndHttpDate() {
        String inSixtyFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(65));
        stubFor(post(wire().chatPath()).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody(wire().serverErrorBody(429)))
                .willSetStateTo("date"));
        stubFor(post(wire().chatPath()).inScenario("429").whenScenarioStateIs("date")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", inSixtyFiveSeconds))
                .willSetStateTo("ok"));
        stubFor(post(wire().chatPath()).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(wire().chatReply(GOOD))));

        TagResult r = fixture().set("tagger.retry.max-wait", "PT30S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(fixture().waits).hasSize(2);
        assertThat(fixture().waits.get(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(fixture().waits.get(1)).as("an HTTP date a minute away, bounded by max-wait").isEqualTo(Duration.ofSeconds(30));
        assertThat(chatCalls()).isEqualTo(3);
        FaultTable.row("429 Retry-After: 2, 429 Retry-After: <date +65 s>, then 200 (waits 2 s, 30 s = max-wait)", outcome(r), chatCalls());
    }

    @Test
    void replySlowerThanTheTimeoutIsRetried() {
        stubFor(post(wire().chatPath()).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(wire().chatReply(GOOD)).withFixedDelay(1500)).willSetStateTo("fast"));
        stubFor(post(wire().chatPath()).inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(wire().chatReply(GOOD))));

        TagResult r = fixture().set("tagger.timeout", "PT0.3S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(r.diagnostics().attempts().get(0).problem()).isEqualTo(wire().backend() + ": timed out: no reply within PT0.3S");
        assertThat(chatCalls()).isEqualTo(2);
        FaultTable.row("reply slower (1.5 s) than the timeout (0.3 s), then 200", outcome(r), chatCalls());
    }

    @Test
    void retriesSpentHandOverToTheFallback() {
        stubFor(post(wire().chatPath()).willReturn(aResponse().withStatus(503)));

        TagResult r = fixture().set("tagger.fallback", wire().backend() + ",canned").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.backend()).isEqualTo("canned");
        assertThat(r.tags()).extracting(Tag::name).containsExactly("3d");
        assertThat(chatCalls()).isEqualTo(3);
        FaultTable.row("503 on every call (max-attempts 3), fallback canned", outcome(r), chatCalls());
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
        stubFor(post(wire().chatPath()).willReturn(okJson(wire().chatReply(content))));

        TagResult r = fixture().set("tagger.fallback", wire().backend() + ",canned").set("tagger.max-reasks", "1").tagger()
                .tag(TaggerFixture.DOC);

        List<LoggedRequest> requests = chatRequests();
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
        stubFor(post(wire().chatPath()).inScenario("reask").whenScenarioStateIs(STARTED)
                .willReturn(okJson(wire().chatReply("{\"id\":\"9999\",\"tags\":[\"ai\"]}"))).willSetStateTo("fixed"));
        stubFor(post(wire().chatPath()).inScenario("reask").whenScenarioStateIs("fixed").willReturn(okJson(wire().chatReply(GOOD))));

        TagResult r = fixture().tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.REPAIRED);
        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(lastUserMessage(chatRequests().get(1)))
                .contains(r.diagnostics().attempts().get(0).problem())
                .contains("9999", "7628");
        FaultTable.row("200 with the wrong id, re-ask answers", outcome(r), chatCalls());
    }

    @Test
    void openCircuitSendsTheNextDocumentToTheFallbackWithoutCallingTheServer() {
        stubFor(post(wire().chatPath()).willReturn(aResponse().withStatus(500)));
        Tagger tagger = fixture().set("tagger.fallback", wire().backend() + ",canned").set("tagger.max-attempts", "2")
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
                .containsExactly(tuple(wire().backend(), "circuit open; not called"), tuple("canned", ""));
        FaultTable.row("500 always; circuit opens after 2 failures: 1st document", outcome(first), callsAfterFirst);
        FaultTable.row("500 always; 2nd document with the circuit open", outcome(second), chatCalls() - callsAfterFirst);
    }

    @Test
    void openCircuitAfterConnectionResetsKeepsEveryLaterDocumentOffTheServer() {
        stubFor(post(wire().chatPath()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Tagger tagger = fixture().set("tagger.fallback", wire().backend() + ",canned").set("tagger.max-attempts", "3")
                .set("tagger.circuit.minimum-calls", "3").set("tagger.circuit.window", "5").tagger();

        TagResult first = tagger.tag(TaggerFixture.DOC);
        int callsAfterFirst = chatCalls();
        TagResult second = tagger.tag(TaggerFixture.DOC);
        TagResult third = tagger.tag(TaggerFixture.DOC);

        assertThat(callsAfterFirst).isEqualTo(3);
        assertThat(chatCalls()).as("the open circuit keeps the broken server out").isEqualTo(3);
        assertThat(List.of(first, second, third)).extracting(TagResult::status).containsOnly(Status.FALLBACK);
        assertThat(third.diagnostics().attempts().get(0).problem()).isEqualTo("circuit open; not called");
        assertThat(CannedBackendProvider.calls()).isEqualTo(3);
        FaultTable.row("connection reset always; circuit opens after 3: 1st document", outcome(first), callsAfterFirst);
        FaultTable.row("... 2nd and 3rd documents with the circuit open", outcome(third), chatCalls() - callsAfterFirst);
    }

    @Test
    void deadlineBoundsAllAttemptsOfADocument() {
        stubFor(post(wire().chatPath()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")));
        MutableClock clock = new MutableClock();
        Tagger tagger = Tagger.builder().tags(TaggerFixture.TAGS)
                .config(fixture().set("tagger.deadline", "PT10S").set("tagger.max-attempts", "10").config())
                .clock(clock).sleeper(d -> {
                    fixture().waits.add(d);
                    clock.advance(d);
                }).build();

        TagResult r = tagger.tag(TaggerFixture.DOC);

        // calls at 0, 4 and 8 s; the next wait would end at 12 s, past the 10 s deadline
        assertThat(chatCalls()).isEqualTo(3);
        assertThat(fixture().waits).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.tags()).isEmpty();
        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[]}");
        FaultTable.row("503 Retry-After: 4 always, deadline 10 s, max-attempts 10", outcome(r), chatCalls());
    }

    @Test
    void deadlineCapsTheTimeoutOfACall() {
        stubFor(post(wire().chatPath()).willReturn(okJson(wire().chatReply(GOOD)).withFixedDelay(3000)));

        TagResult r = fixture().set("tagger.timeout", "PT30S").set("tagger.deadline", "PT0.4S").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.diagnostics().attempts().get(0).problem())
                .matches(wire().backend() + ": timed out: no reply within PT0\\.[0-4]\\d*S");
        assertThat(chatCalls()).isEqualTo(1);
        FaultTable.row("reply slower (3 s) than the deadline (0.4 s; timeout 30 s)", outcome(r), chatCalls());
    }

    @Test
    void serverRefusingTheSchemaFieldIsAskedWithoutItFromThenOn() {
        String field = wire().schemaField();
        stubFor(post(wire().chatPath()).withRequestBody(matchingJsonPath("$." + field))
                .willReturn(aResponse().withStatus(400).withBody(wire().schemaRefusalBody())));
        stubFor(post(wire().chatPath()).withRequestBody(not(matchingJsonPath("$." + field)))
                .willReturn(okJson(wire().chatReply(GOOD))));
        Tagger tagger = fixture().tagger();

        TagResult first = tagger.tag(TaggerFixture.DOC);
        TagResult second = tagger.tag(TaggerFixture.DOC);

        assertThat(chatRequests()).extracting(q -> TaggerFixture.json(q.getBodyAsString()).has(field))
                .containsExactly(true, false, false);
        assertThat(first.tags()).extracting(Tag::name).containsExactly("ai");
        assertThat(second.tags()).extracting(Tag::name).containsExactly("ai");
        FaultTable.row("400 naming " + field + ": asked again without it (1st document)", outcome(first), 2);
        FaultTable.row("... 2nd document: asked without " + field + " at once", outcome(second), 1);
    }

    // ---- for the adapters' own scenarios ----

    /** A result in one line of the fault table: status, tags, backend and each attempt's outcome. */
    protected static String outcome(TagResult r) {
        return r.status() + " " + r.tags().stream().map(Tag::name).toList() + " via " + (r.backend().isEmpty() ? "-" : r.backend())
                + "; attempts " + r.diagnostics().attempts().stream().map(a -> a.backend() + ":" + a.outcome()).toList();
    }

    private static String lastUserMessage(LoggedRequest request) {
        var messages = TaggerFixture.json(request.getBodyAsString()).get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    /** A clock that moves only when told. */
    private static final class MutableClock extends Clock {
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
