package dev.tagger.ollama;

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
 * The shared fault scenarios against a WireMock server speaking Ollama's {@code /api/chat} (the
 * schema goes as {@code format}), and how Ollama rejects a request for a model it does not have.
 */
class OllamaFaultTest extends AbstractFaultTest {

    OllamaFaultTest() {
        super(OllamaWire.WIRE);
    }

    @Test
    void rejectionIsNotRetried() {
        stubFor(post("/api/chat").willReturn(aResponse().withStatus(404).withBody("{\"error\":\"model 'deepseek-math:7b-instruct' not found\"}")));

        TagResult r = fixture().set("tagger.fallback", "ollama,canned").tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.FALLBACK);
        assertThat(r.diagnostics().attempts().get(0).problem())
                .isEqualTo("ollama: HTTP 404: {\"error\":\"model 'deepseek-math:7b-instruct' not found\"}");
        assertThat(chatCalls()).isEqualTo(1);
        FaultTable.row("404 model not found (not retried), fallback canned", outcome(r), chatCalls());
    }
}
