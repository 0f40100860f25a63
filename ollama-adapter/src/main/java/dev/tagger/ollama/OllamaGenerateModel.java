package dev.tagger.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.tagger.backend.JsonHttp;
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
        ObjectNode body = JsonHttp.object();
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
        JsonNode reply = JsonHttp.post(http, url, java.util.Map.of(), body, "/api/generate");
        if (!reply.path("response").isTextual()) {
            throw new UncheckedIOException("the reply of /api/generate has no \"response\"", new java.io.IOException("no response"));
        }
        Integer in = JsonHttp.count(reply, "prompt_eval_count");
        Integer out = JsonHttp.count(reply, "eval_count");
        FinishReason finish = "length".equals(reply.path("done_reason").asText()) ? FinishReason.LENGTH : FinishReason.STOP;
        return Response.from(reply.get("response").asText(), new TokenUsage(in, out), finish);
    }
}
