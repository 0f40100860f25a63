package dev.tagger.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Document;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds taggers on one adapter's backend for WireMock tests: the {@code json} profile, retries that
 * wait zero into a recording sleeper ({@link #waits}), 3 attempts and 1 re-ask unless {@link #set}
 * says otherwise. Not thread-safe: one per test.
 */
public final class TaggerFixture {

    /** The mapper for reading request and reply bodies. */
    public static final ObjectMapper JSON = new ObjectMapper();
    /** Five tags, one with a trailing space in its name. */
    public static final TagSet TAGS = TagSet.fromJson("[{\"id\":1,\"name\":\"ai\"},{\"id\":2,\"name\":\"benchmark\"},"
            + "{\"id\":3,\"name\":\"3d\"},{\"id\":4,\"name\":\"game-engine \"},{\"id\":5,\"name\":\"llm\"}]");
    /** A short README with id {@code 7628}. */
    public static final Document DOC = new Document("7628", "# MathLM\nA 7B language model for mathematical reasoning, with a benchmark suite.");

    /** The waits the tagger asked its sleeper for, in order. */
    public final List<Duration> waits = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    /** A fixture for {@code wire}'s backend on a server at {@code httpBaseUrl}, asking for {@code wire.model()}. */
    public TaggerFixture(Wire wire, String httpBaseUrl) {
        settings.put("tagger.backend", wire.backend());
        settings.putAll(wire.settings(httpBaseUrl, wire.model()));
        // the default profile, whatever the model's name suggests; tests of other profiles set their own
        settings.put("tagger.profile", "json");
        settings.put("tagger.retry.initial-wait", "0");
        settings.put("tagger.max-attempts", "3");
        settings.put("tagger.max-reasks", "1");
    }

    /** Sets one configuration key; returns this fixture. */
    public TaggerFixture set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** The configuration as set so far. */
    public TaggerConfig config() {
        return TaggerConfig.builder().setAll(settings).build();
    }

    /** A new tagger on {@link #TAGS} with this configuration, sleeping into {@link #waits}. */
    public Tagger tagger() {
        return Tagger.builder().tags(TAGS).config(config()).sleeper(waits::add).build();
    }

    /** Reads {@code body} as JSON; fails the test when it is not. */
    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
