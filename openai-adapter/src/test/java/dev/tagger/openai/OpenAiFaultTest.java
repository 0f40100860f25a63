package dev.tagger.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Status;
import dev.tagger.TagResult;
import dev.tagger.testkit.AbstractFaultTest;
import dev.tagger.testkit.FaultTable;
import dev.tagger.testkit.TaggerFixture;
import org.junit.jupiter.api.Test;

/**
 * The shared fault scenarios against a WireMock server speaking {@code /v1/chat/completions} (the
 * schema goes as {@code response_format}), and how an OpenAI-compatible server rejects a bad key.
 */
class OpenAiFaultTest extends AbstractFaultTest {

    OpenAiFaultTest() {
        super(OpenAiWire.WIRE);
    }

    @Test
    void badKeyIsNotRetriedAndFallsBack() {
        stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));

        TagResult r = fixture().set("tagger.fallback", "openai,canned").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.backend()).isEqualTo("canned");
        assertThat(r.diagnostics().attempts().get(0).problem()).startsWith("openai: HTTP 401: ");
        assertThat(chatCalls()).isEqualTo(1);
        FaultTable.row("401 bad key (not retried), fallback canned", outcome(r), chatCalls());
    }
}
