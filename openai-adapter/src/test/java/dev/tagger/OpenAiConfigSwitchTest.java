package dev.tagger;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Configuration alone switches to any OpenAI-compatible server, with the key from the environment
 * or none at all. (In package {@code dev.tagger} to pass an environment map.)
 */
@WireMockTest
class OpenAiConfigSwitchTest {

    private static final String REPLY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1764000000,"
            + "\"model\":\"local\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"{\\\"id\\\":\\\"d1\\\",\\\"tags\\\":[\\\"ai\\\"]}\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":9,\"total_tokens\":49}}";

    @BeforeEach
    void stub() {
        stubFor(post("/v1/chat/completions").willReturn(okJson(REPLY)));
    }

    @Test
    void environmentAlonePicksTheServerModelAndKey(WireMockRuntimeInfo wm) {
        Map<String, String> env = new HashMap<>();
        env.put("TAGGER_BACKEND", "openai");
        env.put("TAGGER_OPENAI_BASE_URL", wm.getHttpBaseUrl() + "/v1");
        env.put("TAGGER_OPENAI_MODEL", "local");
        env.put("TAGGER_OPENAI_API_KEY", "sk-from-env-0123456789");

        TagResult r = tag(TaggerConfig.load(null, env, new Properties()));

        assertThat(r.toJson()).isEqualTo("{\"id\":\"d1\",\"tags\":[\"ai\"]}");
        assertThat(r.backend()).isEqualTo("openai");
        verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer sk-from-env-0123456789")));
    }

    @Test
    void systemPropertiesAlonePickALocalServerWithoutKey(WireMockRuntimeInfo wm) {
        Properties p = new Properties();
        p.setProperty("tagger.backend", "openai");
        p.setProperty("tagger.openai.base-url", wm.getHttpBaseUrl() + "/v1");
        p.setProperty("tagger.openai.model", "local");

        TagResult r = tag(TaggerConfig.load(null, Map.of(), p));

        assertThat(r.toJson()).isEqualTo("{\"id\":\"d1\",\"tags\":[\"ai\"]}");
        verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
    }

    private static TagResult tag(TaggerConfig cfg) {
        try (Tagger tagger = Tagger.builder().tags(TagSet.ofNames("ai", "web")).config(cfg).build()) {
            return tagger.tag(new Document("d1", "A language model."));
        }
    }
}
