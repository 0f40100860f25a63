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
 * @param candidates the labels the backend proposed, best first, with the backend's score where it
 *     gave one ({@code 'ai' 0.712}); empty when the call gave no proposal
 */
public record Attempt(String backend, int number, Outcome outcome, Duration duration, String rawReply,
                      List<String> repairs, List<String> dropped, TokenUsage usage, String problem,
                      List<String> candidates) {

    /** An attempt without a list of candidates: a failed call, or a backend that proposed none. */
    public Attempt(String backend, int number, Outcome outcome, Duration duration, String rawReply,
                   List<String> repairs, List<String> dropped, TokenUsage usage, String problem) {
        this(backend, number, outcome, duration, rawReply, repairs, dropped, usage, problem, List.of());
    }

    public Attempt {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rawReply, "rawReply");
        repairs = List.copyOf(repairs);
        dropped = List.copyOf(dropped);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(problem, "problem");
        candidates = List.copyOf(candidates);
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
