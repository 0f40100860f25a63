package dev.tagger.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.tagger.backend.JsonHttp;
import dev.langchain4j.model.language.LanguageModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The OpenAI-compatible {@code /v1/completions} endpoint as a LangChain4j {@link LanguageModel}, for
 * base models behind vLLM, llama.cpp server or LM Studio. LangChain4j's {@code OpenAiLanguageModel}
 * sends neither {@code max_tokens} (OpenAI's default is 16), {@code stop} nor {@code seed}, which a
 * few-shot completion prompt needs.
 *
 * <p>Request: {@code {"model","prompt","max_tokens","temperature","seed","stop"}}; reply:
 * {@code {"choices":[{"text","finish_reason"}],"usage":{"prompt_tokens","completion_tokens"}}}.
 * Thread-safe.
 */
final class OpenAiCompletionModel implements LanguageModel {


    private final HttpClient http;
    private final String url;
    private final String apiKey;
    private final String model;
    private final Options options;

    /** Decoding options of {@code /v1/completions}. */
    record Options(double temperature, int maxTokens, Integer seed, List<String> stop) {
        Options {
            stop = List.copyOf(stop);
        }
    }

    /**
     * @param apiKey the bearer key, or the empty string for servers without one
     */
    OpenAiCompletionModel(HttpClient http, String baseUrl, String apiKey, String model, Options options) {
        this.http = Objects.requireNonNull(http, "http");
        this.url = baseUrl.replaceAll("/+$", "") + "/completions";
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Response<String> generate(String prompt) {
        ObjectNode body = JsonHttp.object();
        body.put("model", model);
        body.put("prompt", prompt);
        body.put("max_tokens", options.maxTokens());
        body.put("temperature", options.temperature());
        if (options.seed() != null) {
            body.put("seed", options.seed());
        }
        if (!options.stop().isEmpty()) {
            // OpenAI accepts at most 4 stop sequences
            options.stop().stream().limit(4).forEach(body.putArray("stop")::add);
        }
        body.put("stream", false);
        JsonNode reply = JsonHttp.post(http, url,
                apiKey.isEmpty() ? java.util.Map.of() : java.util.Map.of("Authorization", "Bearer " + apiKey), body, "/v1/completions");
        JsonNode choice = reply.path("choices").path(0);
        if (!choice.path("text").isTextual()) {
            throw new UncheckedIOException("the reply of /v1/completions has no choices[0].text", new IOException("no choices[0].text"));
        }
        JsonNode usage = reply.path("usage");
        Integer in = JsonHttp.count(usage, "prompt_tokens");
        Integer out = JsonHttp.count(usage, "completion_tokens");
        FinishReason finish = "length".equals(choice.path("finish_reason").asText()) ? FinishReason.LENGTH : FinishReason.STOP;
        return Response.from(choice.get("text").asText(), new TokenUsage(in, out), finish);
    }

    @Override
    public String toString() {
        return "OpenAiCompletionModel[" + url + ", " + model + "]";
    }
}
