package dev.tagger.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.langchain4j.model.output.Response;
import dev.tagger.Backends;
import dev.tagger.ConfigException;
import dev.tagger.Status;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import dev.tagger.backend.HttpTransport;
import dev.tagger.spi.TokenUsage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama backend's wire format, token usage and configuration, against WireMock. */
@WireMockTest
class OllamaBackendTest {

    private Fixture fixture;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        fixture = new Fixture(wm.getHttpBaseUrl());
    }

    @Test
    void chatRequestCarriesModelMessagesFormatAndOptions() {
        stubFor(post("/api/chat").willReturn(okJson(Fixture.chatReply("{\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\"]}"))));

        TagResult r = fixture.set("tagger.seed", "42").tagger().tag(Fixture.DOC);

        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai", "benchmark");
        JsonNode body = Fixture.json(findAll(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo(Fixture.MODEL);
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.get("format").asText()).isEqualTo("json");
        JsonNode last = body.get("messages").get(body.get("messages").size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("user");
        assertThat(last.get("content").asText()).contains("A 7B language model for mathematical reasoning", "benchmark", "game-engine");
        JsonNode options = body.get("options");
        assertThat(options.get("temperature").asDouble()).isZero();
        assertThat(options.get("num_ctx").asInt()).isEqualTo(4096);
        assertThat(options.get("num_predict").asInt()).isEqualTo(768);
        assertThat(options.get("seed").asInt()).isEqualTo(42);
    }

    @Test
    void tokenUsageComesFromTheServersCounts() {
        stubFor(post("/api/chat").willReturn(okJson(Fixture.chatReply("{\"id\":\"7628\",\"tags\":[\"ai\"]}"))));

        TagResult r = fixture.tagger().tag(Fixture.DOC);

        assertThat(r.diagnostics().tokens()).isEqualTo(new TokenUsage(412, 17));
        assertThat(r.diagnostics().attempts().get(0).rawReply()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"ai\"]}");
    }

    @Test
    void constrainedDecodingCanBeTurnedOff() {
        stubFor(post("/api/chat").willReturn(okJson(Fixture.chatReply("{\"id\":\"7628\",\"tags\":[\"ai\"]}"))));

        fixture.set("tagger.constrained-decoding", "false").tagger().tag(Fixture.DOC);

        JsonNode body = Fixture.json(findAll(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString());
        assertThat(body.has("format")).isFalse();
    }

    @Test
    void generateEndpointIsCalledRawWithOptionsAndReportsUsage(WireMockRuntimeInfo wm) {
        stubFor(post("/api/generate").willReturn(okJson(Fixture.generateReply("\"ai\", \"llm\""))));
        HttpTransport transport = HttpTransport.create();
        OllamaGenerateModel model = new OllamaGenerateModel(
                transport.httpClientBuilder().readTimeout(Duration.ofSeconds(5)).build(), wm.getHttpBaseUrl() + "/",
                Fixture.MODEL, new OllamaGenerateModel.Options(0.0, 4096, 64, 7, List.of("]", "\n")));

        Response<String> r = model.generate("...\n{\"id\":\"7628\",\"tags\":[");

        assertThat(r.content()).isEqualTo("\"ai\", \"llm\"");
        assertThat(r.tokenUsage().inputTokenCount()).isEqualTo(398);
        assertThat(r.tokenUsage().outputTokenCount()).isEqualTo(9);
        JsonNode body = Fixture.json(findAll(postRequestedFor(urlEqualTo("/api/generate"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo(Fixture.MODEL);
        assertThat(body.get("prompt").asText()).endsWith("{\"id\":\"7628\",\"tags\":[");
        assertThat(body.get("raw").asBoolean()).isTrue();
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.get("options").toString())
                .isEqualTo("{\"temperature\":0.0,\"num_ctx\":4096,\"num_predict\":64,\"seed\":7,\"stop\":[\"]\",\"\\n\"]}");
    }

    @Test
    void providerIsFoundByName() {
        assertThat(Backends.providers()).containsKeys("ollama", "canned");
        assertThat(Backends.create("ollama", fixture.config()).name()).isEqualTo("ollama");
    }

    @Test
    void missingModelNamesTheKeyAndTheEnvironmentVariable() {
        TaggerConfig cfg = TaggerConfig.builder().backend("ollama").build();

        assertThatThrownBy(() -> Backends.create("ollama", cfg))
                .isInstanceOf(ConfigException.class)
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.INVALID_CONFIG);
        assertThatThrownBy(() -> Backends.create("ollama", cfg))
                .hasMessageContaining("tagger.ollama.model is not set")
                .hasMessageContaining("TAGGER_OLLAMA_MODEL");
    }

    @Test
    void invalidBaseUrlIsAConfigError() {
        TaggerConfig cfg = TaggerConfig.builder().set("tagger.ollama.model", "m").set("tagger.ollama.base-url", "localhost:11434").build();

        assertThatThrownBy(() -> Backends.create("ollama", cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessage("tagger.ollama.base-url='localhost:11434' is not an http or https URL (such as http://localhost:11434)");
    }
}
