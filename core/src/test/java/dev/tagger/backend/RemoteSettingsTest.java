package dev.tagger.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteSettingsTest {

    private static final String KEY = "tagger.test.base-url";
    private static final String DEFAULT = "http://localhost:11434";

    private static TaggerConfig config(String key, String value) {
        return TaggerConfig.builder().set(key, value).build();
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://localhost:8000/v1       | http://localhost:8000/v1",
            "https://api.openai.com/v1/     | https://api.openai.com/v1",
            "'  http://10.0.0.7:11434//  '  | http://10.0.0.7:11434",
            "HTTPS://Example.com            | HTTPS://Example.com"})
    void baseUrlIsStrippedOfWhiteSpaceAndTrailingSlashes(String value, String expected) {
        assertThat(RemoteSettings.baseUrl(config(KEY, value), KEY, DEFAULT, DEFAULT)).isEqualTo(expected);
    }

    @Test
    void baseUrlDefaultsWhenTheKeyIsNotSet() {
        assertThat(RemoteSettings.baseUrl(TaggerConfig.builder().build(), KEY, DEFAULT + "/", DEFAULT)).isEqualTo(DEFAULT);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "localhost:11434     | tagger.test.base-url='localhost:11434' is not an http or https URL (such as http://localhost:11434 or http://10.0.0.7:11434)",
            "ftp://example.com   | tagger.test.base-url='ftp://example.com' is not an http or https URL (such as http://localhost:11434 or http://10.0.0.7:11434)",
            "http:///v1          | tagger.test.base-url='http:///v1' is not an http or https URL (such as http://localhost:11434 or http://10.0.0.7:11434)",
            "http://a b          | tagger.test.base-url='http://a b' is not a URL: Illegal character in authority at index 7: http://a b"})
    void baseUrlThatIsNotAnHttpUrlNamesKeyValueAndExamples(String value, String message) {
        assertThatThrownBy(() -> RemoteSettings.baseUrl(config(KEY, value), KEY, DEFAULT, DEFAULT + " or http://10.0.0.7:11434"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void timeoutIsReadFromTheCommonKey() {
        assertThat(RemoteSettings.timeout(config(TaggerConfig.TIMEOUT, "PT2.5S"))).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void zeroTimeoutIsRefused() {
        assertThatThrownBy(() -> RemoteSettings.timeout(config(TaggerConfig.TIMEOUT, "PT0S")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("tagger.timeout must be positive");
    }
}
