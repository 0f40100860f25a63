package dev.tagger.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.testkit.TaggerFixture;
import dev.tagger.testkit.Wire;
import java.util.Map;

/**
 * The OpenAI-compatible wire for the shared scenarios of {@code dev.tagger.testkit}, and the reply
 * bodies such a server writes.
 */
final class OpenAiWire implements Wire {

    static final OpenAiWire WIRE = new OpenAiWire();
    static final String MODEL = "deepseek-math-7b-instruct";
    static final String KEY = "sk-tagger-test-5f3c9a1e7d2b4c6a8e0f";

    private OpenAiWire() {
    }

    /** A fixture for the OpenAI-compatible backend on WireMock at {@code httpBaseUrl} (no key). */
    static TaggerFixture fixture(String httpBaseUrl) {
        return new TaggerFixture(WIRE, httpBaseUrl);
    }

    /** An OpenAI {@code /v1/chat/completions} reply, as the API reference shows it. */
    static String chatBody(String content) {
        ObjectNode r = TaggerFixture.JSON.createObjectNode();
        r.put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
        r.put("object", "chat.completion");
        r.put("created", 1764000000L);
        r.put("model", MODEL);
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode m = choice.putObject("message");
        m.put("role", "assistant");
        m.put("content", content);
        m.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode u = r.putObject("usage");
        u.put("prompt_tokens", 512);
        u.put("completion_tokens", 21);
        u.put("total_tokens", 533);
        r.put("system_fingerprint", "fp_44709d6fcb");
        return r.toString();
    }

    /** An OpenAI {@code /v1/completions} reply. */
    static String completionBody(String text) {
        ObjectNode r = TaggerFixture.JSON.createObjectNode();
        r.put("id", "cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7");
        r.put("object", "text_completion");
        r.put("created", 1764000000L);
        r.put("model", MODEL);
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("text", text);
        choice.put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode u = r.putObject("usage");
        u.put("prompt_tokens", 480);
        u.put("completion_tokens", 6);
        u.put("total_tokens", 486);
        return r.toString();
    }

    @Override
    public String backend() {
        return OpenAiBackendProvider.NAME;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public Map<String, String> settings(String httpBaseUrl, String model) {
        return Map.of(OpenAiBackendProvider.BASE_URL, httpBaseUrl + "/v1", OpenAiBackendProvider.MODEL, model);
    }

    @Override
    public String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    public String chatReply(String content) {
        return chatBody(content);
    }

    @Override
    public String completionPath() {
        return "/v1/completions";
    }

    @Override
    public String completionReply(String text) {
        return completionBody(text);
    }

    @Override
    public String schemaField() {
        return "response_format";
    }

    @Override
    public String schemaPointer() {
        return "/response_format/json_schema/schema";
    }

    @Override
    public String schemaRefusalBody() {
        return "{\"object\":\"error\",\"message\":\"response_format of type json_schema is not supported by this model\","
                + "\"type\":\"BadRequestError\",\"code\":400}";
    }

    @Override
    public String serverErrorBody(int status) {
        return switch (status) {
            case 429 -> "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
            case 500 -> "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}";
            default -> "{\"error\":{\"message\":\"The engine is currently overloaded\"}}";
        };
    }
}
