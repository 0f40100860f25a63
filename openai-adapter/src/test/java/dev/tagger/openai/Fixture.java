package dev.tagger.openai;

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

/** Builds taggers on the OpenAI-compatible backend for WireMock tests: zero waits, a recording sleeper. */
final class Fixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TagSet TAGS = TagSet.fromJson("[{\"id\":1,\"name\":\"ai\"},{\"id\":2,\"name\":\"benchmark\"},"
            + "{\"id\":3,\"name\":\"3d\"},{\"id\":4,\"name\":\"game-engine \"},{\"id\":5,\"name\":\"llm\"}]");
    static final Document DOC = new Document("7628", "# MathLM\nA 7B language model for mathematical reasoning, with a benchmark suite.");
    static final String MODEL = "deepseek-math-7b-instruct";
    static final String KEY = "sk-tagger-test-5f3c9a1e7d2b4c6a8e0f";

    final List<Duration> waits = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    Fixture(String baseUrl) {
        settings.put("tagger.backend", "openai");
        settings.put("tagger.openai.base-url", baseUrl + "/v1");
        settings.put("tagger.openai.model", MODEL);
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

    /** An OpenAI {@code /v1/chat/completions} reply, as the API reference shows it. */
    static String chatReply(String content) {
        ObjectNode r = JSON.createObjectNode();
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
    static String completionReply(String text) {
        ObjectNode r = JSON.createObjectNode();
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

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
