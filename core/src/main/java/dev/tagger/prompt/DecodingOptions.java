package dev.tagger.prompt;

import java.util.List;
import java.util.Objects;

/**
 * How a model should decode its answer, per profile. Adapters map these onto their server's
 * parameters: Ollama {@code options.temperature}, {@code options.num_predict},
 * {@code options.num_ctx}, {@code options.seed}, {@code options.stop}; OpenAI-compatible
 * {@code temperature}, {@code max_tokens}, {@code seed}, {@code stop} (the context size is the
 * server's own there and only bounds the prompt budget).
 *
 * @param temperature sampling temperature, 0 (greedy, the default of every built-in profile) to 2
 * @param maxAnswerTokens the most tokens the model may write, at least 1; the budget keeps this much
 *     of the context free
 * @param contextTokens the model's context window in tokens, prompt and answer together
 * @param seed the sampling seed, for servers that support one
 * @param stopSequences texts that end the answer; empty for none
 */
public record DecodingOptions(double temperature, int maxAnswerTokens, int contextTokens, int seed,
                              List<String> stopSequences) {

    /**
     * @throws IllegalArgumentException when a value is out of range or the answer does not fit the
     *     context
     */
    public DecodingOptions {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (maxAnswerTokens < 1) {
            throw new IllegalArgumentException("maxAnswerTokens must be >= 1, got " + maxAnswerTokens);
        }
        if (contextTokens <= maxAnswerTokens) {
            throw new IllegalArgumentException("contextTokens (" + contextTokens
                    + ") must be larger than maxAnswerTokens (" + maxAnswerTokens + ")");
        }
        stopSequences = List.copyOf(Objects.requireNonNull(stopSequences, "stopSequences"));
        for (String s : stopSequences) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("a stop sequence must not be empty");
            }
        }
    }
}
