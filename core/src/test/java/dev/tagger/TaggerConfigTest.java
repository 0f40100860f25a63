package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerConfigTest {

    @Test
    void defaultsPickTheEmbeddedBackendAndThreeTags() {
        TaggerConfig cfg = TaggerConfig.defaults();

        assertThat(cfg.chain()).containsExactly("embedded");
        assertThat(cfg.maxTags()).isEqualTo(3);
    }

    @Test
    void laterLayersWinFileThenEnvThenSystemProperty(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.properties"),
                "tagger.backend=ollama\ntagger.max-tags=4\ntagger.ollama.model=deepseek-math\ntagger.profile=json\n");
        Map<String, String> env = Map.of("TAGGER_MAX_TAGS", "5", "TAGGER_OLLAMA_BASE_URL", "http://h:1", "PATH", "/bin");
        Properties sys = new Properties();
        sys.setProperty("tagger.max-tags", "6");

        TaggerConfig cfg = TaggerConfig.load(file, env, sys);

        assertThat(cfg.chain()).containsExactly("ollama");
        assertThat(cfg.maxTags()).isEqualTo(6);
        assertThat(cfg.get("tagger.ollama.base-url")).contains("http://h:1");
        assertThat(cfg.setting("tagger.ollama.base-url")).get().extracting(TaggerConfig.Setting::source)
                .isEqualTo("env TAGGER_OLLAMA_BASE_URL");
        assertThat(cfg.get("tagger.ollama.model")).contains("deepseek-math");
        assertThat(cfg.toBuilder().maxTags(2).build().maxTags()).isEqualTo(2);
    }

    @Test
    void invalidValueNamesKeySourceAndValue() {
        assertThatThrownBy(() -> TaggerConfig.load(null, Map.of("TAGGER_MAX_TAGS", "abc"), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("tagger.max-tags='abc' (env TAGGER_MAX_TAGS) is not an integer");
    }

    @Test
    void outOfRangeValueNamesTheRange() {
        assertThatThrownBy(() -> TaggerConfig.builder().maxTags(0).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tagger.max-tags='0' (builder) is out of range [1, 100]");
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        assertThatThrownBy(() -> TaggerConfig.load(dir.resolve("missing.properties")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.properties");
    }

    @Test
    void fallbackChainStartsWithTheConfiguredBackend() {
        TaggerConfig cfg = TaggerConfig.builder().backend("openai").fallback("embedded").build();

        assertThat(cfg.chain()).containsExactly("openai", "embedded");
        assertThat(TaggerConfig.builder().fallback("ollama", "openai", "embedded").build().chain())
                .containsExactly("ollama", "openai", "embedded");
    }

    @Test
    void durationsTakeSecondsOrIso() {
        TaggerConfig cfg = TaggerConfig.builder().set("tagger.timeout", "2.5").set("tagger.deadline", "PT1M").build();

        assertThat(cfg.getDuration("tagger.timeout")).isEqualTo(Duration.ofMillis(2500));
        assertThat(cfg.getDuration("tagger.deadline")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> TaggerConfig.builder().set("tagger.timeout", "soon").build())
                .hasMessageContaining("tagger.timeout='soon' (builder) is not a duration");
    }

    @Test
    void toStringAndErrorsRedactSecrets() {
        TaggerConfig cfg = TaggerConfig.load(null, Map.of("TAGGER_OPENAI_API_KEY", "sk-live-123456"), new Properties());

        assertThat(cfg.get("tagger.openai.api-key")).contains("sk-live-123456");
        assertThat(cfg.toString()).doesNotContain("sk-live-123456").contains("****");
        assertThatThrownBy(() -> cfg.getInt("tagger.openai.api-key", 0, 1)).hasMessageNotContaining("sk-live");
    }

    @Test
    void keysMatchWhateverTheirSeparators() {
        TaggerConfig cfg = TaggerConfig.builder().set("TAGGER_OLLAMA_BASE_URL", "http://x").build();

        assertThat(cfg.get("tagger.ollama.base-url")).contains("http://x");
        assertThat(TaggerConfig.envName("tagger.ollama.base-url")).isEqualTo("TAGGER_OLLAMA_BASE_URL");
    }

    @Test
    void requireNamesKeyAndEnvironmentVariable() {
        assertThatThrownBy(() -> TaggerConfig.defaults().require("tagger.ollama.model"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tagger.ollama.model is not set").hasMessageContaining("TAGGER_OLLAMA_MODEL");
    }

    @Test
    void aSettingPrintedOnItsOwnRedactsSecrets() {
        TaggerConfig cfg = TaggerConfig.builder().set("tagger.openai.api-key", "sk-live-123456").build();

        assertThat(cfg.setting("tagger.openai.api-key")).get().hasToString("tagger.openai.api-key='****' (builder)");
        assertThat(cfg.setting("tagger.openai.api-key").orElseThrow().describe()).doesNotContain("sk-live");
    }

    @Test
    void anEmptyValueCountsAsUnsetForEveryTypedReader() {
        TaggerConfig cfg = TaggerConfig.load(null, Map.of("TAGGER_RETRY_MAX_WAIT", "", "TAGGER_CIRCUIT_WINDOW", ""), new Properties());

        assertThat(cfg.getDuration("tagger.retry.max-wait", Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(cfg.getInt("tagger.circuit.window", 1, 100, 10)).isEqualTo(10);
        assertThat(cfg.getBoolean("tagger.circuit.window", true)).isTrue();
    }

    @Test
    void decimalsAreReadInRangeWithKeySourceAndValueInErrors() {
        TaggerConfig cfg = TaggerConfig.builder().set("tagger.embedded.margin", "0.15").build();

        assertThat(cfg.getDouble("tagger.embedded.margin", 0, 10, 0.12)).isEqualTo(0.15);
        assertThat(cfg.getDouble("tagger.embedded.min-score", -10, 10, 0.66)).isEqualTo(0.66);
        assertThatThrownBy(() -> TaggerConfig.builder().set("tagger.embedded.margin", "wide").build()
                .getDouble("tagger.embedded.margin", 0, 10, 0.12))
                .isInstanceOf(ConfigException.class).hasMessage("tagger.embedded.margin='wide' (builder) is not a number");
        assertThatThrownBy(() -> cfg.getDouble("tagger.embedded.margin", 0, 0.1, 0.12))
                .hasMessage("tagger.embedded.margin='0.15' (builder) is out of range [0.0, 0.1]");
    }
}
