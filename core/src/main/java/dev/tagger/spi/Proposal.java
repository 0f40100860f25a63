package dev.tagger.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one backend call proposes: candidate labels, best first, and what it saw on the way.
 *
 * @param candidates the labels proposed, best first; may be empty (nothing fits)
 * @param answeredId the document id the model wrote in its answer, if it wrote one
 * @param rawReply the model's raw reply, or the empty string for backends without one
 * @param repairs names of the repairs applied to the reply (see {@code dev.tagger.repair.Repair})
 * @param usage tokens used by the call
 */
public record Proposal(List<Candidate> candidates, Optional<String> answeredId, String rawReply,
                       List<String> repairs, TokenUsage usage) {

    public Proposal {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(answeredId, "answeredId");
        Objects.requireNonNull(rawReply, "rawReply");
        repairs = List.copyOf(repairs);
        Objects.requireNonNull(usage, "usage");
    }

    /** A proposal of scored candidates with no model reply behind it. */
    public static Proposal of(List<Candidate> candidates) {
        return new Proposal(candidates, Optional.empty(), "", List.of(), TokenUsage.NONE);
    }
}
