package dev.tagger.openai;

import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.tagger.testkit.AbstractSeedRequestBodiesTest;
import java.util.OptionalInt;

/**
 * Evidence: the seed request's bodies on an OpenAI-compatible {@code /v1/chat/completions} and
 * {@code /v1/completions}, with cl100k's token count beside the builder's estimate.
 */
class SeedRequestBodiesTest extends AbstractSeedRequestBodiesTest {

    SeedRequestBodiesTest() {
        super(OpenAiWire.WIRE);
    }

    @Override
    protected String model(String profile) {
        return switch (profile) {
            case "json" -> "deepseek-chat";
            case "completion" -> "deepseek-math-7b-base";
            default -> "deepseek-math-7b-instruct";
        };
    }

    @Override
    protected OptionalInt referenceTokens(String promptText) {
        return OptionalInt.of(new OpenAiTokenCountEstimator("gpt-4").estimateTokenCountInText(promptText));
    }
}
