package dev.tagger;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration alone switches the default tagger to Ollama: a properties file, the environment or
 * system properties, with no code change. (In package {@code dev.tagger} to pass an environment map.)
 */
@WireMockTest
class OllamaConfigSwitchTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> sources() {
        Function<String, TaggerConfig> file = url -> {
            try {
                Path p = dir.resolve("tagger-" + System.nanoTime() + ".properties");
                Files.writeString(p, "tagger.backend=ollama\ntagger.ollama.base-url=" + url + "\ntagger.ollama.model=deepseek-math\n");
                return TaggerConfig.load(p, Map.of(), new Properties());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Function<String, TaggerConfig> env = url -> TaggerConfig.load(null,
                Map.of("TAGGER_BACKEND", "ollama", "TAGGER_OLLAMA_BASE_URL", url, "TAGGER_OLLAMA_MODEL", "deepseek-math"), new Properties());
        Function<String, TaggerConfig> system = url -> {
            Properties p = new Properties();
            p.setProperty("tagger.backend", "ollama");
            p.setProperty("tagger.ollama.base-url", url);
            p.setProperty("tagger.ollama.model", "deepseek-math");
            return TaggerConfig.load(null, Map.of(), p);
        };
        return Stream.of(Arguments.of("properties file", file), Arguments.of("environment", env),
                Arguments.of("system properties", system));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void configurationAlonePicksOllama(String source, Function<String, TaggerConfig> load, WireMockRuntimeInfo wm) {
        stubFor(post("/api/chat").willReturn(okJson("{\"model\":\"deepseek-math\",\"created_at\":\"2026-11-24T12:00:00Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"id\\\":\\\"d1\\\",\\\"tags\\\":[\\\"ai\\\"]}\"},"
                + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":30,\"eval_count\":8}")));

        try (Tagger tagger = Tagger.builder().tags(TagSet.ofNames("ai", "web")).config(load.apply(wm.getHttpBaseUrl())).build()) {
            TagResult r = tagger.tag(new Document("d1", "A language model."));

            assertThat(tagger.backendNames()).containsExactly("ollama");
            assertThat(r.toJson()).isEqualTo("{\"id\":\"d1\",\"tags\":[\"ai\"]}");
            assertThat(r.backend()).isEqualTo("ollama");
        }
        verify(1, postRequestedFor(urlEqualTo("/api/chat")));
    }
}
