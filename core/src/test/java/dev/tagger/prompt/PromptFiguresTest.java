package dev.tagger.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.spi.BackendRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed request (a 10 KB README and 90 tags, from the shared folder; skipped when absent) and
 * the project's own example README (60 tags) under each profile: each fits the 4,096-token context with
 * room for the answer, measured with cl100k. Prints the figures:
 * {@code mvn -o -q -B -pl core test -Dtest=PromptFiguresTest} then read
 * {@code core/target/surefire-reports/dev.tagger.prompt.PromptFiguresTest-output.txt}.
 */
class PromptFiguresTest {

    @ParameterizedTest
    @ValueSource(strings = {Profile.JSON, Profile.DEEPSEEK_MATH, Profile.COMPLETION})
    void seedRequestFitsTheContextUnderEachProfile(String profile) {
        BackendRequest seed = Fixtures.seedRequest();
        PromptBuilder builder = PromptBuilder.builder().profile(profile).estimator(Fixtures.CL100K).build();

        RenderedPrompt p = builder.render(seed);

        BudgetReport b = p.budget();
        System.out.printf("seed %-13s raw request %d tokens; prompt before budget %d, after %d (limit %d = context %d"
                        + " - answer %d - margin); document %d -> %d tokens; steps %s%n",
                profile, Fixtures.CL100K.estimateTokenCountInText(Fixtures.seedRequestText()), b.promptTokensBefore(),
                b.promptTokensAfter(), b.limit(), builder.contextTokens(), builder.answerTokens(),
                b.documentTokensBefore(), b.documentTokensAfter(), b.steps());
        assertThat(p.estimatedTokens()).isEqualTo(b.promptTokensAfter()).isLessThanOrEqualTo(b.limit());

        // the default, tokenizer-free estimator: more conservative, so the same prompt is trimmed harder
        RenderedPrompt c = PromptBuilder.builder().profile(profile).build().render(seed);
        System.out.printf("seed %-13s conservative estimator: prompt before %d, after %d; steps %s; cl100k of that prompt %d%n",
                profile, c.budget().promptTokensBefore(), c.budget().promptTokensAfter(), c.budget().steps(),
                c.shape() == Profile.Shape.CHAT ? Fixtures.CL100K.estimateTokenCountInMessages(c.messages())
                        : Fixtures.CL100K.estimateTokenCountInText(c.user()) + 1);
        assertThat(c.estimatedTokens()).isLessThanOrEqualTo(c.budget().limit());
        assertThat(p.estimatedTokens() + p.decoding().maxAnswerTokens()).isLessThan(p.decoding().contextTokens());
        assertThat(p.user()).contains("\"game-engine \"", "\"declarative-gui \"");
    }

    @ParameterizedTest
    @ValueSource(strings = {Profile.JSON, Profile.DEEPSEEK_MATH, Profile.COMPLETION})
    void exampleReadmeFitsTheContextUnderEachProfile(String profile) {
        PromptBuilder builder = PromptBuilder.builder().profile(profile).estimator(Fixtures.CL100K).build();

        RenderedPrompt p = builder.render(Fixtures.readmeRequest());

        BudgetReport b = p.budget();
        System.out.printf("example %-13s prompt before budget %d, after %d (limit %d); document %d -> %d tokens; steps %s%n",
                profile, b.promptTokensBefore(), b.promptTokensAfter(), b.limit(), b.documentTokensBefore(),
                b.documentTokensAfter(), b.steps());
        assertThat(p.estimatedTokens()).isLessThanOrEqualTo(b.limit());
        assertThat(b.tailTrimmed()).isFalse();
    }
}
