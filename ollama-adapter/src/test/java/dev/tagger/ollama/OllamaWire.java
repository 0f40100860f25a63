package dev.tagger.ollama;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.testkit.TaggerFixture;
import dev.tagger.testkit.Wire;
import java.util.Map;

/** Ollama's wire for the shared scenarios of {@code dev.tagger.testkit}, and the reply bodies Ollama writes. */
final class OllamaWire implements Wire {

    static final OllamaWire WIRE = new OllamaWire();
    static final String MODEL = "deepseek-math:7b-instruct";

    private OllamaWire() {
    }

    /** A fixture for the Ollama backend on WireMock at {@code httpBaseUrl}. */
    static TaggerFixture fixture(String httpBaseUrl) {
        return new TaggerFixture(WIRE, httpBaseUrl);
    }

    /** An Ollama {@code /api/chat} reply (non-streaming), as the API documentation shows it. */
    static String chatBody(String content) {
        ObjectNode r = TaggerFixture.JSON.createObjectNode();
        r.put("model", MODEL);
        r.put("created_at", "2026-11-24T12:00:00.123456789Z");
        ObjectNode m = r.putObject("message");
        m.put("role", "assistant");
        m.put("content", content);
        r.put("done_reason", "stop");
        r.put("done", true);
        r.put("total_duration", 4883583458L);
        r.put("load_duration", 1334875L);
        r.put("prompt_eval_count", 412);
        r.put("prompt_eval_duration", 342546000L);
        r.put("eval_count", 17);
        r.put("eval_duration", 4535599000L);
        return r.toString();
    }

    /** An Ollama {@code /api/generate} reply (non-streaming). */
    static String generateBody(String response) {
        ObjectNode r = TaggerFixture.JSON.createObjectNode();
        r.put("model", MODEL);
        r.put("created_at", "2026-11-24T12:00:00.123456789Z");
        r.put("response", response);
        r.put("done", true);
        r.put("done_reason", "stop");
        r.put("total_duration", 5043500667L);
        r.put("prompt_eval_count", 398);
        r.put("eval_count", 9);
        return r.toString();
    }

    @Override
    public String backend() {
        return OllamaBackendProvider.NAME;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public Map<String, String> settings(String httpBaseUrl, String model) {
        return Map.of(OllamaBackendProvider.BASE_URL, httpBaseUrl, OllamaBackendProvider.MODEL, model);
    }

    @Override
    public String chatPath() {
        return "/api/chat";
    }

    @Override
    public String chatReply(String content) {
        return chatBody(content);
    }

    @Override
    public String completionPath() {
        return "/api/generate";
    }

    @Override
    public String completionReply(String text) {
        return generateBody(text);
    }

    @Override
    public String schemaField() {
        return "format";
    }

    @Override
    public String schemaPointer() {
        return "/format";
    }

    @Override
    public String schemaRefusalBody() {
        return "{\"error\":\"invalid format: expected \\\"json\\\" or a JSON schema\"}";
    }

    @Override
    public String serverErrorBody(int status) {
        return switch (status) {
            case 429 -> "{\"error\":\"too many requests\"}";
            case 500 -> "{\"error\":\"llama runner process has terminated\"}";
            default -> "{\"error\":\"server busy\"}";
        };
    }
}
