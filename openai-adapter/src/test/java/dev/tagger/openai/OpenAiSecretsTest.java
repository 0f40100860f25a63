package dev.tagger.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.tagger.Attempt;
import dev.tagger.Backends;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.testkit.TaggerFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The API key never shows: not in DEBUG logs of any attempt, not in exception messages or stack
 * traces, not in {@code toString()}, even when the server echoes it back in an error body.
 */
@WireMockTest
class OpenAiSecretsTest {

    private static final String CHAT = "/v1/chat/completions";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Logger> watched = new ArrayList<>();
    private TaggerFixture fixture;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        fixture = OpenAiWire.fixture(wm.getHttpBaseUrl()).set("tagger.openai.api-key", OpenAiWire.KEY);
        logs.start();
        for (String name : List.of("dev.tagger", "dev.langchain4j")) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            l.setLevel(Level.TRACE);
            l.addAppender(logs);
            watched.add(l);
        }
    }

    @AfterEach
    void tearDown() {
        watched.forEach(l -> l.detachAppender(logs));
    }

    @Test
    void keyEchoedInErrorBodiesNeverReachesLogsOrResults() {
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + OpenAiWire.KEY + ". You can find your API key at "
                + "https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
        stubFor(post(CHAT).inScenario("k").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream said: Bearer " + OpenAiWire.KEY)).willSetStateTo("401"));
        stubFor(post(CHAT).inScenario("k").whenScenarioStateIs("401").willReturn(aResponse().withStatus(401).withBody(echo)));

        TagResult r;
        try (Tagger tagger = fixture.tagger()) {
            r = tagger.tag(TaggerFixture.DOC);
            assertThat(tagger.toString()).doesNotContain(OpenAiWire.KEY);
            assertThat(tagger.config().toString()).doesNotContain(OpenAiWire.KEY).contains("tagger.openai.api-key='****'");
        }

        assertThat(r.diagnostics().attempts()).hasSize(2);
        assertThat(r.diagnostics().attempts()).extracting(Attempt::problem)
                .allSatisfy(p -> assertThat(p).doesNotContain(OpenAiWire.KEY))
                .anySatisfy(p -> assertThat(p).contains("Incorrect API key provided: ****"));
        assertThat(logs.list).as("one DEBUG line per attempt at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(logs.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(OpenAiWire.KEY);
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(OpenAiWire.KEY);
            }
        });
    }

    @Test
    void backendExceptionAndItsCausesCarryNoKey() {
        stubFor(post(CHAT).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + OpenAiWire.KEY + "\"}}")));
        Backend backend = Backends.create("openai", fixture.config());

        BackendException e = catchThrowableOfType(BackendException.class,
                () -> backend.propose(new BackendRequest(TaggerFixture.DOC, TaggerFixture.TAGS, 3, List.of())));

        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(OpenAiWire.KEY).contains("HTTP 401");
        assertThat(e.isRetryable()).isFalse();
        assertThat(backend.toString()).doesNotContain(OpenAiWire.KEY);
    }

    @Test
    void successfulCallsLogNoKey() {
        stubFor(post(CHAT).willReturn(okJson(OpenAiWire.chatBody("{\"id\":\"7628\",\"tags\":[\"ai\"]}"))));

        TaggerConfig cfg = fixture.config();
        try (Tagger tagger = Tagger.builder().tags(TaggerFixture.TAGS).config(cfg).build()) {
            tagger.tag(TaggerFixture.DOC);
        }

        assertThat(logs.list).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(OpenAiWire.KEY));
    }
}
