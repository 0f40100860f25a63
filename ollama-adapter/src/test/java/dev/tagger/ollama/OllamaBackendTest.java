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
import dev.tagger.testkit.TaggerFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama backend's wire format, token usage and configuration, against WireMock. */
@WireMockTest
class OllamaBackendTest {

    private TaggerFixture fixture;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        fixture = OllamaWire.fixture(wm.getHttpBaseUrl());
    }

    @Test
    void jsonProfileSendsSystemAndUserMessagesTheSchemaAsFormatAndOptions() {
        stubFor(post("/api/chat").willReturn(okJson(OllamaWire.chatBody("{\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\"]}"))));

        TagResult r = fixture.tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai", "benchmark");
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo(OllamaWire.MODEL);
        assertThat(body.get("stream").asBoolean()).isFalse();
        JsonNode messages = body.get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user");
        assertThat(messages.get(1).get("content").asText())
                .contains("A 7B language model for mathematical reasoning", "\"game-engine \"", "{\"id\":\"7628\",\"tags\":[...]}");
        JsonNode format = body.get("format");
        assertThat(format.isObject()).as("a JSON schema, not \"json\"").isTrue();
        assertThat(format.at("/properties/id/const").asText()).isEqualTo("7628");
        assertThat(format.at("/properties/tags/maxItems").asInt()).isEqualTo(3);
        assertThat(format.at("/properties/tags/items/enum")).extracting(JsonNode::asText)
                .containsExactly("ai", "benchmark", "3d", "game-engine ", "llm");
        JsonNode options = body.get("options");
        assertThat(options.get("temperature").asDouble()).isZero();
        assertThat(options.get("num_ctx").asInt()).isEqualTo(4096);
        assertThat(options.get("num_predict").asInt()).isEqualTo(256);
        assertThat(options.get("seed").asInt()).isEqualTo(42);
    }

    @Test
    void tokenUsageComesFromTheServersCounts() {
        stubFor(post("/api/chat").willReturn(okJson(OllamaWire.chatBody("{\"id\":\"7628\",\"tags\":[\"ai\"]}"))));

        TagResult r = fixture.tagger().tag(TaggerFixture.DOC);

        assertThat(r.diagnostics().tokens()).isEqualTo(new TokenUsage(412, 17));
        assertThat(r.diagnostics().attempts().get(0).rawReply()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"ai\"]}");
    }

    @Test
    void jsonSchemaCanBeTurnedOffByConfiguration() {
        stubFor(post("/api/chat").willReturn(okJson(OllamaWire.chatBody("{\"id\":\"7628\",\"tags\":[\"ai\"]}"))));

        fixture.set("tagger.json-schema", "false").tagger().tag(TaggerFixture.DOC);

        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString());
        assertThat(body.has("format")).isFalse();
    }

    @Test
    void deepSeekMathModelGetsOneUserTurnAskingForABoxedAnswer() {
        stubFor(post("/api/chat").willReturn(okJson(OllamaWire.chatBody(
                "The document describes a language model for mathematics.\n\\boxed{{\"id\":\"7628\",\"tags\":[\"llm\",\"ai\"]}}"))));

        TagResult r = fixture.set("tagger.profile", "").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("llm", "ai");
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString());
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText())
                .endsWith("Please reason step by step, and put your final answer within \\boxed{}.");
        assertThat(body.has("format")).isFalse();
        assertThat(body.at("/options/num_predict").asInt()).isEqualTo(768);
        assertThat(body.at("/options/num_ctx").asInt()).isEqualTo(4096);
    }

    @Test
    void completionProfileCallsGenerateRawAndPutsTheAnswerPrefixBack() {
        stubFor(post("/api/generate").willReturn(okJson(OllamaWire.generateBody("\"llm\", \"benchmark\""))));

        TagResult r = fixture.set("tagger.profile", "completion").tagger().tag(TaggerFixture.DOC);

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"llm\",\"benchmark\"]}");
        assertThat(r.diagnostics().tokens()).isEqualTo(new TokenUsage(398, 9));
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo("/api/generate"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo(OllamaWire.MODEL);
        assertThat(body.get("raw").asBoolean()).isTrue();
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.get("prompt").asText()).endsWith("Answer: {\"id\":\"7628\",\"tags\":[");
        assertThat(body.get("options").toString())
                .isEqualTo("{\"temperature\":0.0,\"num_ctx\":4096,\"num_predict\":64,\"seed\":42,\"stop\":[\"]\",\"\\n\"]}");
    }

    @Test
    void generateEndpointIsCalledRawWithOptionsAndReportsUsage(WireMockRuntimeInfo wm) {
        stubFor(post("/api/generate").willReturn(okJson(OllamaWire.generateBody("\"ai\", \"llm\""))));
        HttpTransport transport = HttpTransport.create();
        OllamaGenerateModel model = new OllamaGenerateModel(
                transport.httpClientBuilder().readTimeout(Duration.ofSeconds(5)).build(), wm.getHttpBaseUrl() + "/",
                OllamaWire.MODEL, new OllamaGenerateModel.Options(0.0, 4096, 64, 7, List.of("]", "\n")));

        Response<String> r = model.generate("...\n{\"id\":\"7628\",\"tags\":[");

        assertThat(r.content()).isEqualTo("\"ai\", \"llm\"");
        assertThat(r.tokenUsage().inputTokenCount()).isEqualTo(398);
        assertThat(r.tokenUsage().outputTokenCount()).isEqualTo(9);
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo("/api/generate"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo(OllamaWire.MODEL);
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
