package dev.tagger.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.model.language.LanguageModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Ollama's {@code /api/generate} in raw mode, as a LangChain4j {@link LanguageModel}: the prompt goes
 * to the model as is, without the model's chat template, which is what a base model's few-shot
 * completion prompt needs. LangChain4j's {@code OllamaLanguageModel} cannot send {@code "raw":true}.
 *
 * <p>Request: {@code {"model","prompt","raw":true,"stream":false,"options":{temperature,num_ctx,
 * num_predict,seed,stop}}}; reply: {@code {"response","done_reason","prompt_eval_count","eval_count"}}.
 * Thread-safe.
 */
final class OllamaGenerateModel implements LanguageModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String url;
    private final String model;
    private final Options options;

    /** Decoding options of {@code /api/generate}. */
    record Options(double temperature, int numCtx, int numPredict, Integer seed, List<String> stop) {
        Options {
            stop = List.copyOf(stop);
        }
    }

    OllamaGenerateModel(HttpClient http, String baseUrl, String model, Options options) {
        this.http = Objects.requireNonNull(http, "http");
        this.url = baseUrl.replaceAll("/+$", "") + "/api/generate";
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Response<String> generate(String prompt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        body.put("raw", true);
        body.put("stream", false);
        ObjectNode o = body.putObject("options");
        o.put("temperature", options.temperature());
        o.put("num_ctx", options.numCtx());
        o.put("num_predict", options.numPredict());
        if (options.seed() != null) {
            o.put("seed", options.seed());
        }
        if (!options.stop().isEmpty()) {
            options.stop().forEach(o.putArray("stop")::add);
        }
        SuccessfulHttpResponse r = http.execute(HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(url)
                .addHeader("Content-Type", "application/json")
                .body(body.toString())
                .build());
        JsonNode reply;
        try {
            reply = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the reply of /api/generate is not JSON", new java.io.IOException(e));
        }
        if (reply == null || !reply.path("response").isTextual()) {
            throw new UncheckedIOException("the reply of /api/generate has no \"response\"", new java.io.IOException("no response"));
        }
        Integer in = reply.hasNonNull("prompt_eval_count") ? reply.get("prompt_eval_count").asInt() : null;
        Integer out = reply.hasNonNull("eval_count") ? reply.get("eval_count").asInt() : null;
        FinishReason finish = "length".equals(reply.path("done_reason").asText()) ? FinishReason.LENGTH : FinishReason.STOP;
        return Response.from(reply.get("response").asText(), new TokenUsage(in, out), finish);
    }
}
