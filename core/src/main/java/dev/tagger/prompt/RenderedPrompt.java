package dev.tagger.prompt;

import java.util.Objects;
import java.util.Optional;

/**
 * A prompt ready to send.
 *
 * @param system the system message, empty for profiles that fold instructions into the user turn
 * @param user the user turn (chat) or the whole prompt text (completion)
 * @param estimatedTokens the prompt's size by the builder's token estimator
 */
public record RenderedPrompt(Optional<String> system, String user, int estimatedTokens) {
    public RenderedPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }
}
