package dev.tagger;

import dev.tagger.spi.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What happened while tagging one document: every attempt, in order, and the total time.
 *
 * @param attempts the calls made, in order
 * @param elapsed wall time from the start of {@code tag} to the result
 */
public record Diagnostics(List<Attempt> attempts, Duration elapsed) {

    public Diagnostics {
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return the raw replies of all attempts that had one, in order */
    public List<String> rawReplies() {
        List<String> out = new ArrayList<>();
        for (Attempt a : attempts) {
            if (!a.rawReply().isEmpty()) {
                out.add(a.rawReply());
            }
        }
        return out;
    }

    /** @return the repairs of all attempts, in order */
    public List<String> repairs() {
        List<String> out = new ArrayList<>();
        attempts.forEach(a -> out.addAll(a.repairs()));
        return out;
    }

    /** @return the labels dropped in all attempts, each with why */
    public List<String> dropped() {
        List<String> out = new ArrayList<>();
        attempts.forEach(a -> out.addAll(a.dropped()));
        return out;
    }

    /** @return tokens used by all attempts */
    public TokenUsage tokens() {
        TokenUsage t = TokenUsage.NONE;
        for (Attempt a : attempts) {
            t = t.plus(a.usage());
        }
        return t;
    }
}
