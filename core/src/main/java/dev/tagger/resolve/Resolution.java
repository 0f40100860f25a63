package dev.tagger.resolve;

import dev.tagger.Tag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tags resolved from one proposal.
 *
 * @param tags tags of the set, best first, no duplicates, at most the maximum
 * @param dropped labels that named no tag, repeated one, or went past the maximum, each with why
 * @param adjusted labels that matched only after normalisation or as a near miss ({@code "Game Engine" -> "game-engine "})
 * @param problem why the proposal is unusable and worth a re-ask, if it is
 */
public record Resolution(List<Tag> tags, List<String> dropped, List<String> adjusted, Optional<String> problem) {

    public Resolution {
        tags = List.copyOf(tags);
        dropped = List.copyOf(dropped);
        adjusted = List.copyOf(adjusted);
        Objects.requireNonNull(problem, "problem");
    }

    /** @return whether the proposal can be used as it is */
    public boolean usable() {
        return problem.isEmpty();
    }
}
