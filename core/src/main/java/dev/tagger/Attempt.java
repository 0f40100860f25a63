package dev.tagger;

import dev.tagger.spi.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One call to one backend while tagging a document.
 *
 * @param backend the backend's name
 * @param number 1 for the first call of this document, counting across backends
 * @param outcome what came of it
 * @param duration how long the call took
 * @param rawReply the model's raw reply; empty when it had none
 * @param repairs the repairs applied to the reply
 * @param dropped labels that named no tag of the set, or went past the maximum, each with why
 * @param usage tokens the call used
 * @param problem why the attempt failed or was unusable; empty when it succeeded
 */
public record Attempt(String backend, int number, Outcome outcome, Duration duration, String rawReply,
                      List<String> repairs, List<String> dropped, TokenUsage usage, String problem) {

    public Attempt {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rawReply, "rawReply");
        repairs = List.copyOf(repairs);
        dropped = List.copyOf(dropped);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(problem, "problem");
    }

    /** What came of an attempt. */
    public enum Outcome {
        /** The answer was used. */
        USED,
        /** The model answered, but nothing usable came of it; a re-ask or the next backend followed. */
        UNUSABLE,
        /** The call failed: transport fault, rejection, timeout, open circuit. */
        FAILED
    }
}
