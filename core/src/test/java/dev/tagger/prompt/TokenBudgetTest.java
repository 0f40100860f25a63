package dev.tagger.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;
import dev.tagger.Document;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.TaggerException;
import dev.tagger.spi.BackendRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenBudgetTest {

    static final List<String> NOISE_ORDER = Arrays.stream(MarkdownNoise.values()).map(MarkdownNoise::label).toList();

    static String documentPart(RenderedPrompt p) {
        String u = p.user();
        return u.substring(u.lastIndexOf("<document>\n") + 11, u.lastIndexOf("\n</document>"));
    }

    @Test
    void aDocumentThatFitsIsSentExactlyAsGiven() {
        RenderedPrompt p = PromptBuilder.builder().estimator(Fixtures.CL100K).contextTokens(8192).build()
                .render(Fixtures.readmeRequest());

        assertThat(p.budget().untouched()).isTrue();
        assertThat(p.budget().promptTokensBefore()).isEqualTo(p.budget().promptTokensAfter()).isEqualTo(p.estimatedTokens());
        assertThat(documentPart(p)).isEqualTo(Fixtures.readme());
    }

    @Test
    void noiseIsStrippedBeforeAnyOfTheTailIsCut() {
        PromptBuilder b = PromptBuilder.builder().estimator(Fixtures.CL100K).contextTokens(3000).build();

        RenderedPrompt p = b.render(Fixtures.readmeRequest());

        assertThat(p.budget().steps()).isNotEmpty().doesNotContain(BudgetReport.TAIL);
        assertThat(p.budget().promptTokensBefore()).isGreaterThan(p.budget().limit());
        assertThat(p.estimatedTokens()).isLessThanOrEqualTo(p.budget().limit());
        // the end of the document survives: only noise went
        assertThat(documentPart(p)).doesNotContain("img.shields.io", "<!--")
                .endsWith(Fixtures.readme().substring(Fixtures.readme().length() - 300));
    }

    @Test
    void tailIsCutAtALineBoundaryOnlyAfterEveryNoiseCleaner() {
        PromptBuilder b = PromptBuilder.builder().estimator(Fixtures.CL100K).contextTokens(1500).build();

        RenderedPrompt p = b.render(Fixtures.readmeRequest());

        List<String> steps = p.budget().steps();
        assertThat(steps).last().isEqualTo(BudgetReport.TAIL);
        assertThat(steps.subList(0, steps.size() - 1)).isSubsetOf(NOISE_ORDER)
                .containsAll(List.of("badges", "html-tags", "link-urls"));
        assertThat(p.estimatedTokens()).isLessThanOrEqualTo(p.budget().limit());
        String doc = documentPart(p);
        assertThat(doc).endsWith(PromptBuilder.TRUNCATION_MARK.strip()).startsWith("Introduction");
        String kept = doc.substring(0, doc.length() - PromptBuilder.TRUNCATION_MARK.length());
        String cleaned = Fixtures.readme();
        for (MarkdownNoise n : MarkdownNoise.values()) {
            cleaned = n.apply(cleaned);
        }
        // a prefix of the cleaned text, ending where a line ended
        assertThat(cleaned).startsWith(kept);
        assertThat(cleaned.charAt(kept.length())).isEqualTo('\n');
    }

    static Stream<Arguments> budgets() {
        List<Arguments> out = new ArrayList<>();
        for (String profile : Profile.builtIns()) {
            for (int context : new int[] {1100, 1500, 2000, 2600, 3200, 4096}) {
                out.add(Arguments.of(profile, context));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1} tokens")
    @MethodSource("budgets")
    void promptAndAnswerFitTheContextByARealTokenizer(String profile, int context) {
        PromptBuilder b = PromptBuilder.builder().profile(profile).estimator(Fixtures.CL100K).contextTokens(context)
                .answerTokens(Math.min(context / 4, Profile.named(profile).answerTokens())).build();

        RenderedPrompt p = b.render(Fixtures.readmeRequest());

        int measured = p.shape() == Profile.Shape.CHAT
                ? Fixtures.CL100K.estimateTokenCountInMessages(p.messages())
                : Fixtures.CL100K.estimateTokenCountInText(p.user()) + 1;
        assertThat(measured).isEqualTo(p.estimatedTokens()).isLessThanOrEqualTo(b.promptLimit());
        assertThat(measured + p.decoding().maxAnswerTokens()).isLessThan(context);
        assertThat(p.user()).contains("</document>");
    }

    @Test
    void theConservativeDefaultEstimatorKeepsThePromptWithinARealTokenizersCount() {
        PromptBuilder b = PromptBuilder.builder().profile(Profile.DEEPSEEK_MATH).contextTokens(2000).build();

        RenderedPrompt p = b.render(Fixtures.readmeRequest());

        assertThat(Fixtures.CL100K.estimateTokenCountInMessages(p.messages())).isLessThanOrEqualTo(p.estimatedTokens());
        assertThat(p.estimatedTokens()).isLessThanOrEqualTo(b.promptLimit());
    }

    @Test
    void aDocumentOfOneEndlessLineIsCutAtASpace() {
        String text = IntStream.range(0, 3000).mapToObj(i -> "word" + i).reduce((a, c) -> a + " " + c).orElseThrow();

        RenderedPrompt p = PromptBuilder.builder().estimator(Fixtures.CL100K).contextTokens(1500).build()
                .render(Fixtures.request("1", text));

        String doc = documentPart(p);
        String kept = doc.substring(0, doc.length() - PromptBuilder.TRUNCATION_MARK.length());
        assertThat(text).startsWith(kept);
        assertThat(text.charAt(kept.length())).isEqualTo(' ');
        assertThat(p.estimatedTokens()).isLessThanOrEqualTo(p.budget().limit());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {Profile.JSON, Profile.DEEPSEEK_MATH, Profile.COMPLETION})
    void aShortDocumentIsUntouchedUnderEveryProfile(String profile) {
        String text = "  <b>Tiny</b> [CLI](https://x.example) for CSV files.  \n\n\n\n<!-- note -->\n";

        RenderedPrompt p = PromptBuilder.builder().profile(profile).build().render(Fixtures.request("1", text));

        assertThat(p.budget().untouched()).isTrue();
        assertThat(documentPart(p)).isEqualTo(text);
    }

    @Test
    void aHugeDocumentIsCutToTheContextWithoutMeasuringAllOfIt() {
        String paragraph = Fixtures.readme();
        String huge = paragraph.repeat(300); // about 2.8 MB
        int[] measured = {0};
        TokenCountEstimator counting = new TokenCountEstimator() {
            @Override
            public int estimateTokenCountInText(String text) {
                measured[0] = Math.max(measured[0], text.length());
                return Fixtures.CL100K.estimateTokenCountInText(text);
            }

            @Override
            public int estimateTokenCountInMessage(ChatMessage message) {
                return Fixtures.CL100K.estimateTokenCountInMessage(message);
            }

            @Override
            public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
                for (ChatMessage m : messages) {
                    if (m instanceof UserMessage u) {
                        measured[0] = Math.max(measured[0], u.singleText().length());
                    }
                }
                return Fixtures.CL100K.estimateTokenCountInMessages(messages);
            }
        };
        PromptBuilder b = PromptBuilder.builder().estimator(counting).build();

        RenderedPrompt p = b.render(Fixtures.request("1", huge));

        assertThat(p.estimatedTokens()).isLessThanOrEqualTo(b.promptLimit());
        assertThat(p.budget().tailTrimmed()).isTrue();
        assertThat(measured[0]).isLessThan(PromptBuilder.MAX_CHARS_PER_TOKEN * b.promptLimit() + 5_000);
        assertThat(documentPart(p)).startsWith("Introduction");
        int whole = Fixtures.CL100K.estimateTokenCountInText(huge);
        assertThat(p.budget().documentTokensBefore()).isBetween(whole * 9 / 10, whole * 11 / 10);
    }

    @Test
    void aTagListThatFillsTheContextIsRefusedWithTheFigures() {
        List<Tag> many = IntStream.range(0, 2000).mapToObj(i -> Tag.of(i, "tag-number-" + i)).toList();
        BackendRequest r = new BackendRequest(new Document("7628", Fixtures.readme()), TagSet.of(many), 3, List.of());

        assertThatThrownBy(() -> PromptBuilder.builder().estimator(Fixtures.CL100K).build().render(r))
                .isInstanceOf(TaggerException.class)
                .hasMessageStartingWith("document '7628': the json prompt without the document already takes ")
                .hasMessageContaining("(2000 tags)")
                .hasMessageContaining("of the limit of 3635 (context 4096 - answer 256 - margin 205)")
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.INVALID_ARGUMENT);
    }

    @Test
    void estimatesComeFromTheGivenEstimator() {
        TokenCountEstimator fixed = new TokenCountEstimator() {
            @Override
            public int estimateTokenCountInText(String text) {
                return text.length();
            }

            @Override
            public int estimateTokenCountInMessage(ChatMessage message) {
                return 0;
            }

            @Override
            public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
                int n = 0;
                for (ChatMessage m : messages) {
                    n += ((UserMessage) m).singleText().length(); // DeepSeekMath sends one user message
                }
                return n;
            }
        };

        RenderedPrompt p = PromptBuilder.builder().profile(Profile.DEEPSEEK_MATH).estimator(fixed).contextTokens(100_000)
                .build().render(Fixtures.readmeRequest());

        assertThat(p.estimatedTokens()).isEqualTo(p.user().length());
    }
}
