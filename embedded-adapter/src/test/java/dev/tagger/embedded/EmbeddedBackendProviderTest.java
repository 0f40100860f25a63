package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Backends;
import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedBackendProviderTest {

    @Test
    void serviceLoaderFindsBothProvidersByName() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().name()))
                .contains("embedded", "embedding-baseline");
        assertThat(Backends.providers()).containsKeys("embedded", "embedding-baseline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "embedding-baseline"})
    void createsTheNamedBackendFromDefaultConfiguration(String name) {
        try (Backend b = Backends.create(name, TaggerConfig.defaults())) {
            assertThat(b.name()).isEqualTo(name);
            assertThat(b.acceptsCorrections()).isFalse();
        }
    }

    @Test
    void embeddedIsTheDefaultBackend() {
        assertThat(TaggerConfig.defaults().chain()).containsExactly("embedded");
    }

    @Test
    void readsItsSettingsFromConfiguration() {
        TaggerConfig cfg = TaggerConfig.builder()
                .set("tagger.embedded.model", "all-minilm-l6-v2-q")
                .set("tagger.embedded.min-score", "0.5")
                .set("tagger.embedded.margin", "0.2")
                .set("tagger.embedded.max-chunks", "5")
                .set("tagger.embedded.body-pooling", "MEAN")
                .set("tagger.embedded.calibrate", "true")
                .set("tagger.embedded.mentions-per-line", "0")
                .set("tagger.embedded.drop-orders", "false")
                .build();
        EmbeddedSettings s = EmbeddedSettings.from(cfg);
        assertThat(s.model()).isEqualTo(EmbeddingModels.ALL_MINILM_L6_V2_Q);
        assertThat(s.minScore()).isEqualTo(0.5);
        assertThat(s.margin()).isEqualTo(0.2);
        assertThat(s.maxChunks()).isEqualTo(5);
        assertThat(s.bodyPooling()).isEqualTo("mean");
        assertThat(s.calibrate()).isTrue();
        assertThat(s.mentionsPerLine()).isZero();
        assertThat(s.dropOrders()).isFalse();
        assertThat(EmbeddedSettings.from(TaggerConfig.defaults())).isEqualTo(EmbeddedSettings.defaults());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("tagger.embedded.model", "gpt-9",
                        "tagger.embedded.model='gpt-9' (builder) names no known embedding model; known: bge-small-en-v15-q, all-minilm-l6-v2-q"),
                Arguments.of("tagger.embedded.min-score", "high", "tagger.embedded.min-score='high' (builder) is not a number"),
                Arguments.of("tagger.embedded.margin", "-1", "tagger.embedded.margin='-1' (builder) is out of range [0.0, 10.0]"),
                Arguments.of("tagger.embedded.lead-weight", "1.5", "tagger.embedded.lead-weight='1.5' (builder) is out of range [0.0, 1.0]"),
                Arguments.of("tagger.embedded.max-chunks", "0", "tagger.embedded.max-chunks='0' (builder) is out of range [1, 1000]"),
                Arguments.of("tagger.embedded.body-pooling", "median", "tagger.embedded.body-pooling='median' (builder) is not a pooling (max or mean)"),
                Arguments.of("tagger.embedded.calibrate", "maybe", "tagger.embedded.calibrate='maybe' (builder) is not a boolean (true or false)"),
                Arguments.of("tagger.embedded.mentions-per-line", "-1", "tagger.embedded.mentions-per-line='-1' (builder) is out of range [0, 1000]"),
                Arguments.of("tagger.embedded.drop-orders", "yes please", "tagger.embedded.drop-orders='yes please' (builder) is not a boolean (true or false)"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSettings")
    void rejectsAnInvalidSettingNamingKeySourceAndValue(String key, String value, String message) {
        TaggerConfig cfg = TaggerConfig.builder().set(key, value).build();
        for (BackendProvider p : new BackendProvider[] {new EmbeddedBackendProvider(), new BaselineBackendProvider()}) {
            assertThatThrownBy(() -> p.create(cfg))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(message)
                    .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.INVALID_CONFIG);
        }
    }
}
