package dev.tagger.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
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
import dev.tagger.backend.HttpTransport;
import dev.tagger.spi.TokenUsage;
import dev.tagger.testkit.TaggerFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible backend's wire format, token usage and configuration, against WireMock. */
@WireMockTest
class OpenAiBackendTest {

    private static final String CHAT = "/v1/chat/completions";

    private TaggerFixture fixture;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        fixture = OpenAiWire.fixture(wm.getHttpBaseUrl());
    }

    @Test
    void chatRequestCarriesModelMessagesResponseFormatAndOptions() {
        stubFor(post(CHAT).willReturn(okJson(OpenAiWire.chatBody("{\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\"]}"))));

        TagResult r = fixture.set("tagger.openai.api-key", OpenAiWire.KEY).tagger().tag(TaggerFixture.DOC);

        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai", "benchmark");
        verify(postRequestedFor(urlEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer " + OpenAiWire.KEY)));
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo(CHAT))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo(OpenAiWire.MODEL);
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("tagger_answer");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema/properties/id/const").asText()).isEqualTo("7628");
        assertThat(body.at("/response_format/json_schema/schema/properties/tags/maxItems").asInt()).isEqualTo(3);
        assertThat(body.at("/response_format/json_schema/schema/properties/tags/items/enum")).extracting(JsonNode::asText)
                .containsExactly("ai", "benchmark", "3d", "game-engine ", "llm");
        JsonNode messages = body.get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user");
        assertThat(messages.get(1).get("content").asText()).contains("A 7B language model for mathematical reasoning", "\"game-engine \"");
        assertThat(body.get("temperature").asDouble()).isZero();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("seed").asInt()).isEqualTo(42);
        assertThat(body.path("stream").asBoolean(false)).isFalse();
    }

    @Test
    void serverWithoutKeyGetsNoAuthorizationHeader() {
        stubFor(post(CHAT).willReturn(okJson(OpenAiWire.chatBody("{\"id\":\"7628\",\"tags\":[\"ai\"]}"))));

        TagResult r = fixture.tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("ai");
        verify(1, postRequestedFor(urlEqualTo(CHAT)).withHeader("Authorization", absent()));
    }

    @Test
    void tokenUsageComesFromTheServersUsage() {
        stubFor(post(CHAT).willReturn(okJson(OpenAiWire.chatBody("{\"id\":\"7628\",\"tags\":[\"ai\"]}"))));

        TagResult r = fixture.tagger().tag(TaggerFixture.DOC);

        assertThat(r.diagnostics().tokens()).isEqualTo(new TokenUsage(512, 21));
    }

    @Test
    void deepSeekMathModelGetsOneUserTurnAndNoResponseFormat() {
        stubFor(post(CHAT).willReturn(okJson(OpenAiWire.chatBody(
                "It is a math language model.\n\\boxed{{\"id\":\"7628\",\"tags\":[\"llm\"]}}"))));

        TagResult r = fixture.set("tagger.profile", "").tagger().tag(TaggerFixture.DOC);

        assertThat(r.tags()).extracting(Tag::name).containsExactly("llm");
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo(CHAT))).get(0).getBodyAsString());
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText())
                .endsWith("Please reason step by step, and put your final answer within \\boxed{}.");
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(768);
    }

    @Test
    void completionProfileCallsCompletionsAndPutsTheAnswerPrefixBack() {
        stubFor(post("/v1/completions").willReturn(okJson(OpenAiWire.completionBody("\"llm\", \"benchmark\""))));

        TagResult r = fixture.set("tagger.profile", "completion").tagger().tag(TaggerFixture.DOC);

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"llm\",\"benchmark\"]}");
        assertThat(r.diagnostics().tokens()).isEqualTo(new TokenUsage(480, 6));
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo("/v1/completions"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo(OpenAiWire.MODEL);
        assertThat(body.get("prompt").asText()).endsWith("Answer: {\"id\":\"7628\",\"tags\":[");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("temperature").asDouble()).isZero();
        assertThat(body.get("seed").asInt()).isEqualTo(42);
        assertThat(body.get("stop").toString()).isEqualTo("[\"]\",\"\\n\"]");
    }

    @Test
    void completionEndpointCarriesPromptMaxTokensStopAndSeed(WireMockRuntimeInfo wm) {
        stubFor(post("/v1/completions").willReturn(okJson(OpenAiWire.completionBody("\"ai\", \"llm\""))));
        OpenAiCompletionModel model = new OpenAiCompletionModel(
                HttpTransport.create().httpClientBuilder().readTimeout(Duration.ofSeconds(5)).build(),
                wm.getHttpBaseUrl() + "/v1/", OpenAiWire.KEY, OpenAiWire.MODEL,
                new OpenAiCompletionModel.Options(0.0, 64, 7, List.of("]", "\n")));

        Response<String> r = model.generate("...\n{\"id\":\"7628\",\"tags\":[");

        assertThat(r.content()).isEqualTo("\"ai\", \"llm\"");
        assertThat(r.tokenUsage().inputTokenCount()).isEqualTo(480);
        assertThat(r.tokenUsage().outputTokenCount()).isEqualTo(6);
        verify(postRequestedFor(urlEqualTo("/v1/completions")).withHeader("Authorization", equalTo("Bearer " + OpenAiWire.KEY)));
        JsonNode body = TaggerFixture.json(findAll(postRequestedFor(urlEqualTo("/v1/completions"))).get(0).getBodyAsString());
        assertThat(body.toString()).isEqualTo("{\"model\":\"" + OpenAiWire.MODEL + "\",\"prompt\":\"...\\n{\\\"id\\\":\\\"7628\\\",\\\"tags\\\":[\","
                + "\"max_tokens\":64,\"temperature\":0.0,\"seed\":7,\"stop\":[\"]\",\"\\n\"],\"stream\":false}");
    }

    @Test
    void providerIsFoundByName() {
        assertThat(Backends.providers()).containsKeys("openai", "canned");
        assertThat(Backends.create("openai", fixture.config()).name()).isEqualTo("openai");
    }

    @Test
    void missingModelNamesTheKeyAndTheEnvironmentVariable() {
        TaggerConfig cfg = TaggerConfig.builder().backend("openai").build();

        assertThatThrownBy(() -> Backends.create("openai", cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tagger.openai.model is not set")
                .hasMessageContaining("TAGGER_OPENAI_MODEL");
    }

    @Test
    void invalidBaseUrlIsAConfigError() {
        TaggerConfig cfg = TaggerConfig.builder().set("tagger.openai.model", "m").set("tagger.openai.base-url", "api.deepseek.com").build();

        assertThatThrownBy(() -> Backends.create("openai", cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tagger.openai.base-url='api.deepseek.com' is not an http or https URL");
    }
}
