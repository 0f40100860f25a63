package dev.tagger.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Document;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds taggers on the Ollama backend for WireMock tests: zero waits, a recording sleeper. */
final class Fixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TagSet TAGS = TagSet.fromJson("[{\"id\":1,\"name\":\"ai\"},{\"id\":2,\"name\":\"benchmark\"},"
            + "{\"id\":3,\"name\":\"3d\"},{\"id\":4,\"name\":\"game-engine \"},{\"id\":5,\"name\":\"llm\"}]");
    static final Document DOC = new Document("7628", "# MathLM\nA 7B language model for mathematical reasoning, with a benchmark suite.");
    static final String MODEL = "deepseek-math:7b-instruct";

    final List<Duration> waits = new ArrayList<>();
    private final String baseUrl;
    private final Map<String, String> settings = new LinkedHashMap<>();

    Fixture(String baseUrl) {
        this.baseUrl = baseUrl;
        settings.put("tagger.backend", "ollama");
        settings.put("tagger.ollama.base-url", baseUrl);
        settings.put("tagger.ollama.model", MODEL);
        // the default profile, whatever the model's name suggests; tests of other profiles set their own
        settings.put("tagger.profile", "json");
        settings.put("tagger.retry.initial-wait", "0");
        settings.put("tagger.max-attempts", "3");
        settings.put("tagger.max-reasks", "1");
    }

    Fixture set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    TaggerConfig config() {
        return TaggerConfig.builder().setAll(settings).build();
    }

    Tagger tagger() {
        return Tagger.builder().tags(TAGS).config(config()).sleeper(waits::add).build();
    }

    /** An Ollama {@code /api/chat} reply (non-streaming), as the API documentation shows it. */
    static String chatReply(String content) {
        ObjectNode r = JSON.createObjectNode();
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
    static String generateReply(String response) {
        ObjectNode r = JSON.createObjectNode();
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

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
