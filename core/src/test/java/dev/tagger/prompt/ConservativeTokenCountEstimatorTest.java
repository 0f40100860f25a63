package dev.tagger.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConservativeTokenCountEstimatorTest {

    static final ConservativeTokenCountEstimator ESTIMATOR = ConservativeTokenCountEstimator.instance();

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("English README", Fixtures.readme()),
                Arguments.of("Chinese README", Fixtures.chineseReadme()),
                Arguments.of("JSON tag list", Fixtures.resource("tags/tags.json")),
                Arguments.of("rendered json prompt", PromptBuilder.defaults().render(Fixtures.readmeRequest()).user()),
                Arguments.of("numbers and URLs", "https://example.org/a/b?c=1234567890&d=0xDEADBEEF 3.14159 2026-11-24"),
                Arguments.of("emoji and accents", "Café 🚀 naïve résumé — “quotes” 🤗"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void neverCountsFewerTokensThanCl100kAndAtMostTwiceAsMany(String what, String text) {
        int real = Fixtures.CL100K.estimateTokenCountInText(text);

        int estimate = ESTIMATOR.estimateTokenCountInText(text);

        assertThat(estimate).isGreaterThanOrEqualTo(real).isLessThanOrEqualTo(Math.max(8, real * 2));
    }

    @Test
    void randomStringsAreTheKnownUnderestimateButWithinAQuarter() {
        java.util.Random random = new java.util.Random(1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder base64 = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            base64.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }

        int real = Fixtures.CL100K.estimateTokenCountInText(base64.toString());

        assertThat(ESTIMATOR.estimateTokenCountInText(base64.toString())).isBetween(real * 3 / 4, real);
    }

    @Test
    void messagesCostTheirTextPlusOverhead() {
        var messages = List.of(SystemMessage.from("You tag."), UserMessage.from("Tag this."));

        assertThat(ESTIMATOR.estimateTokenCountInMessages(messages)).isEqualTo(
                ConservativeTokenCountEstimator.PER_REPLY + 2 * ConservativeTokenCountEstimator.PER_MESSAGE
                        + ESTIMATOR.estimateTokenCountInText("You tag.") + ESTIMATOR.estimateTokenCountInText("Tag this."));
        assertThat(ESTIMATOR.estimateTokenCountInText("")).isZero();
    }
}
