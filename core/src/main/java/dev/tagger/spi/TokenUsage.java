package dev.tagger.spi;

/**
 * Tokens one call used, as the server reported them, or as estimated where it reported none.
 *
 * @param input prompt tokens, 0 or more
 * @param output completion tokens, 0 or more
 */
public record TokenUsage(int input, int output) {

    /** No tokens: for backends that do not use a language model. */
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, got input=" + input + ", output=" + output);
        }
    }

    /** @return input + output */
    public int total() {
        return input + output;
    }

    /** @return the sum of both usages */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(input + other.input, output + other.output);
    }
}
