package dev.tagger.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "deepseek-math-7b-instruct | deepseek-math",
            "deepseek-ai/deepseek-math-7b-rl | deepseek-math",
            "deepseek-math:7b-instruct-q4_K_M | deepseek-math",
            "DeepSeek-Math-7B-RL | deepseek-math",
            "deepseek-math | deepseek-math",
            "deepseek-math-7b-base | completion",
            "deepseek-ai/deepseek-math-7b-base | completion",
            "qwen2.5:7b-base | completion",
            "llama3.1:8b | json",
            "gpt-4o-mini | json",
            "world-model-rl-free | json",
            "database-assistant | json",
            "'' | json"})
    void picksTheProfileFromTheModelName(String model, String profile) {
        assertThat(Profile.forModel(model).name()).isEqualTo(profile);
    }

    @Test
    void configuredProfileWinsOverTheModelName() {
        TaggerConfig cfg = TaggerConfig.builder().profile("completion").build();

        assertThat(Profile.resolve(cfg, "deepseek-math-7b-instruct").name()).isEqualTo(Profile.COMPLETION);
        assertThat(Profile.resolve(TaggerConfig.defaults(), "deepseek-math-7b-instruct").name()).isEqualTo(Profile.DEEPSEEK_MATH);
    }

    @Test
    void unknownProfileNameListsTheBuiltInOnes() {
        assertThatThrownBy(() -> Profile.named("chatml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown prompt profile 'chatml'; built-in profiles: json, deepseek-math, completion"
                        + " (or a path to a .profile file)");
    }

    @Test
    void builtInProfilesDescribeTheirShapeAndOptions() {
        assertThat(Profile.json()).satisfies(p -> {
            assertThat(p.shape()).isEqualTo(Profile.Shape.CHAT);
            assertThat(p.systemMessage()).isTrue();
            assertThat(p.jsonSchema()).isTrue();
            assertThat(p.supports(PromptLanguage.CHINESE)).isFalse();
        });
        assertThat(Profile.named("DeepSeek-Math")).satisfies(p -> {
            assertThat(p.systemMessage()).isFalse();
            assertThat(p.jsonSchema()).isFalse();
            assertThat(p.supports(PromptLanguage.CHINESE)).isTrue();
            assertThat(p.contextTokens()).isEqualTo(4096);
        });
        assertThat(Profile.named(Profile.COMPLETION)).satisfies(p -> {
            assertThat(p.shape()).isEqualTo(Profile.Shape.COMPLETION);
            assertThat(p.stopSequences()).containsExactly("]", "\n");
            assertThat(p.answerTokens()).isEqualTo(64);
        });
        assertThat(Profile.json().withJsonSchema(false).jsonSchema()).isFalse();
        assertThat(Profile.json().withJsonSchema(false)).isNotEqualTo(Profile.json());
    }

    @Test
    void loadsACustomProfileFromAFileWithItsTemplatesBesideIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("terse.profile"), "shape=chat\nuser=terse.txt\ncorrection=fix.txt\n"
                + "answer-tokens=100\nstop=[\"\\\\n\\\\n\"]\n");
        Files.writeString(dir.resolve("terse.txt"), "Tags for {{id}} from {{tags}}, max {{max}}:\n{{document}}\n{{correction}}\n");
        Files.writeString(dir.resolve("fix.txt"), "Bad: {{reason}}");
        TaggerConfig cfg = TaggerConfig.builder().profile(dir.resolve("terse.profile").toString()).build();

        PromptBuilder b = PromptBuilder.from(cfg, "");
        RenderedPrompt p = b.render(Fixtures.request("9", "A tiny CLI.").withCorrection("no JSON"));

        assertThat(b.profile().name()).isEqualTo("terse");
        assertThat(p.system()).isEmpty();
        assertThat(p.user()).startsWith("Tags for \"9\" from \"3d\", ").contains("max 3:\nA tiny CLI.\nBad: no JSON");
        assertThat(p.decoding().stopSequences()).containsExactly("\n\n");
        assertThat(p.decoding().maxAnswerTokens()).isEqualTo(100);
    }

    @Test
    void customProfileWithAnUnknownKeyOrMissingTemplateIsAConfigError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.profile"), "user=u.txt\ntemprature=0.2\n");
        Files.writeString(dir.resolve("b.profile"), "user=missing.txt\n");

        assertThatThrownBy(() -> Profile.load(dir.resolve("a.profile")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'temprature'");
        assertThatThrownBy(() -> Profile.load(dir.resolve("b.profile")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read prompt file")
                .hasMessageContaining("missing.txt");
    }

    @Test
    void aFractionalTokenCountIsAnErrorNotSilentlyCut(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("f.profile"), "user=f.txt\ncontext-tokens=4096.9\n");
        Files.writeString(dir.resolve("f.txt"), "{{document}}");
        Files.writeString(dir.resolve("correction.txt"), "Bad: {{reason}}");

        assertThatThrownBy(() -> Profile.load(dir.resolve("f.profile")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("context-tokens='4096.9' is not a whole number");
    }

    @Test
    void aUserTemplateThatDoesNotEndWithItsAnswerPrefixFailsWhenLoadedNotPerDocument(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("c.profile"), "shape=completion\nuser=c.txt\nanswer-prefix={\"tags\":[\n");
        Files.writeString(dir.resolve("c.txt"), "Tags for {{document}}\nAnswer: {\"tags\":[\nthen more");
        Files.writeString(dir.resolve("correction.txt"), "Bad: {{reason}}");

        assertThatThrownBy(() -> Profile.load(dir.resolve("c.profile")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.profile")
                .hasMessageContaining("user template does not end with its answer-prefix");
    }
}
