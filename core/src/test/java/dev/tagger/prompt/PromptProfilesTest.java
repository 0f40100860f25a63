package dev.tagger.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.ConfigException;
import dev.tagger.Document;
import dev.tagger.TagSet;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import dev.tagger.spi.BackendRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptProfilesTest {

    static final String EN_ENDING = "Please reason step by step, and put your final answer within \\boxed{}.";
    static final String ZH_ENDING = "请通过逐步推理来解答问题,并把最终答案放置于\\boxed{}中。";
    static final String CONTRACT_END = "where \"tags\" lists at most 3 of the allowed tags.";

    static Stream<Arguments> shapes() {
        return Stream.of(
                // profile, document, system message?, shape, user ends with, answer prefix, schema?, language
                Arguments.of(Profile.JSON, Fixtures.readme(), true, Profile.Shape.CHAT, CONTRACT_END, "", true,
                        PromptLanguage.ENGLISH),
                Arguments.of(Profile.JSON, Fixtures.chineseReadme(), true, Profile.Shape.CHAT, CONTRACT_END, "", true,
                        PromptLanguage.ENGLISH),
                Arguments.of(Profile.DEEPSEEK_MATH, Fixtures.readme(), false, Profile.Shape.CHAT, "\n" + EN_ENDING, "",
                        false, PromptLanguage.ENGLISH),
                Arguments.of(Profile.DEEPSEEK_MATH, Fixtures.chineseReadme(), false, Profile.Shape.CHAT, "\n" + ZH_ENDING,
                        "", false, PromptLanguage.CHINESE),
                Arguments.of(Profile.COMPLETION, Fixtures.readme(), false, Profile.Shape.COMPLETION,
                        "\nAnswer: {\"id\":\"7628\",\"tags\":[", "{\"id\":\"7628\",\"tags\":[", false, PromptLanguage.ENGLISH));
    }

    @ParameterizedTest(name = "{0} ({7})")
    @MethodSource("shapes")
    void rendersTheShapeOfItsProfile(String profile, String text, boolean system, Profile.Shape shape, String ending,
                                     String prefix, boolean schema, PromptLanguage language) {
        RenderedPrompt p = PromptBuilder.builder().profile(profile).estimator(Fixtures.CL100K).build()
                .render(Fixtures.request("7628", text));

        assertThat(p.system().isPresent()).isEqualTo(system);
        assertThat(p.shape()).isEqualTo(shape);
        assertThat(p.user()).endsWith(ending);
        assertThat(p.answerPrefix()).isEqualTo(prefix);
        assertThat(p.jsonSchema().isPresent()).isEqualTo(schema);
        assertThat(p.language()).isEqualTo(language);
        assertThat(p.profile()).isEqualTo(profile);
        assertThat(p.decoding().temperature()).isZero();
        assertThat(p.estimatedTokens()).isPositive().isLessThanOrEqualTo(p.budget().limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {Profile.JSON, Profile.DEEPSEEK_MATH, Profile.COMPLETION})
    void listsEveryAllowedTagAsAQuotedNameKeepingItsSpaces(String profile) {
        RenderedPrompt p = PromptBuilder.builder().profile(profile).build().render(Fixtures.readmeRequest());

        for (String name : Fixtures.tags().names()) {
            assertThat(p.user()).contains("\"" + name + "\"");
        }
        assertThat(p.user()).contains("\"game-engine \", ").contains("\"declarative-gui \", ");
    }

    @ParameterizedTest
    @ValueSource(strings = {Profile.JSON, Profile.DEEPSEEK_MATH, Profile.COMPLETION})
    void statesTheMaximumAndTheOutputContractWithTheCallersId(String profile) {
        BackendRequest r = new BackendRequest(new Document("a\"7", Fixtures.readme()), Fixtures.tags(), 2, List.of());

        RenderedPrompt p = PromptBuilder.builder().profile(profile).build().render(r);

        assertThat(p.user()).contains("{\"id\":\"a\\\"7\",\"tags\":[").containsAnyOf("at most 2 ", "Max tags: 2\n");
    }

    @Test
    void deepSeekMathPutsEverythingInTheUserTurnAndNothingAfterTheCardSentence() {
        RenderedPrompt p = PromptBuilder.builder().profile(Profile.DEEPSEEK_MATH).build().render(Fixtures.readmeRequest());

        assertThat(p.system()).isEmpty();
        assertThat(p.messages()).hasSize(1);
        assertThat(p.user()).contains("at most 3 tags", "Allowed tags: \"3d\"", "<document>");
        assertThat(p.user().lines().reduce((a, b) -> b)).hasValue(EN_ENDING);
        assertThat(p.decoding().contextTokens()).isEqualTo(4096);
        assertThat(p.decoding().maxAnswerTokens()).isEqualTo(768);
    }

    @Test
    void completionEndsInsideTheAnswerAndStopsAtTheEndOfTheArray() {
        RenderedPrompt p = PromptBuilder.builder().profile(Profile.COMPLETION).build().render(Fixtures.readmeRequest());

        assertThat(p.user()).endsWith("{\"id\":\"7628\",\"tags\":[");
        assertThat(p.completionText()).isEqualTo(p.user());
        assertThat(p.decoding().stopSequences()).containsExactly("]", "\n");
        // the few-shot examples answer in the same form, one line each
        assertThat(p.user()).contains("Answer: {\"id\":\"101\",\"tags\":[\"cli\",\"database\"]}\n");
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of(PromptLanguage.AUTO, Fixtures.readme(), EN_ENDING),
                Arguments.of(PromptLanguage.AUTO, Fixtures.chineseReadme(), ZH_ENDING),
                Arguments.of(PromptLanguage.CHINESE, Fixtures.readme(), ZH_ENDING),
                Arguments.of(PromptLanguage.ENGLISH, Fixtures.chineseReadme(), EN_ENDING));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("languages")
    void deepSeekMathPicksTheChineseVariantWhenDetectedOrConfigured(PromptLanguage language, String text, String ending) {
        RenderedPrompt p = PromptBuilder.builder().profile(Profile.DEEPSEEK_MATH).language(language).build()
                .render(Fixtures.request("1", text));

        assertThat(p.user()).endsWith(ending);
    }

    static Stream<Arguments> chineseDetection() {
        String codeHeavyChinese = "# 工具\n\n这是一个用于处理日志文件的命令行工具,支持过滤和统计。\n\n```java\n"
                + "public final class LogFilter implements Predicate<String> {\n".repeat(20) + "```\n";
        return Stream.of(
                Arguments.of("English README", Fixtures.readme(), false),
                Arguments.of("Chinese README", Fixtures.chineseReadme(), true),
                Arguments.of("English with one Chinese line", Fixtures.readme() + "\n中文说明见 README_zh.md\n", false),
                Arguments.of("Chinese prose, long English code", codeHeavyChinese, true),
                Arguments.of("Japanese kana only", "これはテストです。ひらがなとカタカナ。", false),
                Arguments.of("no letters", "12345 ---- ****", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chineseDetection")
    void detectsChineseByTheShareOfHanCharactersInTheProse(String what, String text, boolean chinese) {
        assertThat(PromptBuilder.isChinese(text)).isEqualTo(chinese);
    }

    @ParameterizedTest
    @ValueSource(strings = {Profile.JSON, Profile.DEEPSEEK_MATH, Profile.COMPLETION})
    void correctiveReAskCarriesTheReasonOfTheUnusableAnswer(String profile) {
        PromptBuilder b = PromptBuilder.builder().profile(profile).build();
        BackendRequest first = Fixtures.readmeRequest();
        BackendRequest again = first.withCorrection("none of the 2 tags given is in the tag list");

        RenderedPrompt p0 = b.render(first);
        RenderedPrompt p1 = b.render(again);

        assertThat(p0.user()).doesNotContain("previous answer");
        assertThat(p1.user()).contains("Your previous answer could not be used: none of the 2 tags given is in the tag list.");
        // the correction goes after the document and before the profile's closing line
        assertThat(p1.user().indexOf("Your previous answer")).isGreaterThan(p1.user().indexOf("</document>"));
        assertThat(p1.user()).endsWith(p0.user().substring(p0.user().lastIndexOf('\n')));
    }

    @Test
    void correctionInChineseForChineseDocumentsAndOnlyTheLastReasonsBounded() {
        BackendRequest r = Fixtures.request("1", Fixtures.chineseReadme());
        for (int i = 1; i <= 5; i++) {
            r = r.withCorrection("reason " + i + " " + "x".repeat(i == 5 ? 1000 : 1));
        }

        RenderedPrompt p = PromptBuilder.builder().profile(Profile.DEEPSEEK_MATH).build().render(r);

        assertThat(p.user()).contains("你之前的回答无法使用:reason 3 x; reason 4 x; reason 5 xxx")
                .doesNotContain("reason 2").doesNotContain("x".repeat(300)).endsWith(ZH_ENDING);
    }

    @Test
    void jsonSchemaFixesTheIdAndEnumeratesTheNamesExactly() {
        TagSet tags = TagSet.ofNames("ai", "game-engine ", "rust");
        BackendRequest r = new BackendRequest(new Document("7628", "A Rust game engine."), tags, 2, List.of());

        JsonNode s = PromptBuilder.defaults().render(r).jsonSchemaNode().orElseThrow();

        assertThat(s.at("/type").asText()).isEqualTo("object");
        assertThat(s.at("/properties/id/const").asText()).isEqualTo("7628");
        assertThat(s.at("/properties/tags/maxItems").asInt()).isEqualTo(2);
        assertThat(s.at("/properties/tags").has("uniqueItems")).as("strict OpenAI servers reject uniqueItems").isFalse();
        List<String> names = new ArrayList<>();
        s.at("/properties/tags/items/enum").forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactly("ai", "game-engine ", "rust");
        assertThat(s.at("/required").toString()).isEqualTo("[\"id\",\"tags\"]");
        assertThat(s.at("/additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void jsonSchemaCanBeTurnedOffByBuilderOrConfiguration() {
        TaggerConfig off = TaggerConfig.builder().set(PromptBuilder.JSON_SCHEMA, "false").build();

        assertThat(PromptBuilder.builder().jsonSchema(false).build().render(Fixtures.readmeRequest()).jsonSchema()).isEmpty();
        assertThat(PromptBuilder.from(off, "").render(Fixtures.readmeRequest()).jsonSchema()).isEmpty();
        assertThat(PromptBuilder.from(TaggerConfig.defaults(), "").render(Fixtures.readmeRequest()).jsonSchema()).isPresent();
    }

    static Stream<Arguments> configuredDecoding() {
        return Stream.of(
                // settings, model, profile, context, answer, temperature, seed
                Arguments.of(List.of(), "", Profile.JSON, 4096, 256, 0.0, 42),
                Arguments.of(List.of(), "deepseek-math-7b-rl", Profile.DEEPSEEK_MATH, 4096, 768, 0.0, 42),
                Arguments.of(List.of(), "deepseek-math-7b-base", Profile.COMPLETION, 4096, 64, 0.0, 42),
                Arguments.of(List.of("tagger.profile=deepseek-math"), "llama3.1", Profile.DEEPSEEK_MATH, 4096, 768, 0.0, 42),
                Arguments.of(List.of("tagger.context-tokens=8192", "tagger.answer-tokens=512", "tagger.temperature=0.3",
                        "tagger.seed=7"), "", Profile.JSON, 8192, 512, 0.3, 7));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configuredDecoding")
    void decodingOptionsComeFromTheProfileUnlessConfigured(List<String> settings, String model, String profile,
                                                            int context, int answer, double temperature, int seed) {
        TaggerConfig.Builder cb = TaggerConfig.builder();
        settings.forEach(s -> cb.set(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1)));

        PromptBuilder b = PromptBuilder.from(cb.build(), model, Fixtures.CL100K);

        assertThat(b.profile().name()).isEqualTo(profile);
        assertThat(b.decoding()).isEqualTo(new DecodingOptions(temperature, answer, context, seed,
                b.profile().stopSequences()));
        assertThat(b.render(Fixtures.readmeRequest()).decoding()).isEqualTo(b.decoding());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(PromptBuilder.TEMPERATURE, "hot", "tagger.temperature='hot' (builder) is not a number in [0, 2]"),
                Arguments.of(PromptBuilder.TEMPERATURE, "3", "tagger.temperature='3' (builder) is not a number in [0, 2]"),
                Arguments.of(PromptBuilder.LANGUAGE, "fr", "tagger.prompt.language='fr' (builder) is not one of auto, en, zh"),
                Arguments.of(PromptBuilder.JSON_SCHEMA, "maybe", "tagger.json-schema='maybe' (builder) is not a boolean"),
                Arguments.of(TaggerConfig.PROFILE, "gpt", "tagger.profile='gpt' (builder): unknown prompt profile 'gpt';"
                        + " built-in profiles: json, deepseek-math, completion"),
                Arguments.of(TaggerConfig.ANSWER_TOKENS, "4000", "leaves no room for a prompt after 4000 answer tokens"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSettings")
    void unusableSettingsAreConfigErrorsNamingKeyAndValue(String key, String value, String message) {
        TaggerConfig cfg = TaggerConfig.builder().set(key, value).build();

        assertThatThrownBy(() -> PromptBuilder.from(cfg, ""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.INVALID_CONFIG);
    }

    @Test
    void defaultsKeepTheJsonProfile() {
        PromptBuilder b = PromptBuilder.defaults();

        assertThat(b.profile()).isEqualTo(Profile.json());
        assertThat(b.contextTokens()).isEqualTo(4096);
        assertThat(b.render(Fixtures.readmeRequest()).system()).isPresent();
    }
}
