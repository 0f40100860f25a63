package dev.tagger.spi;

import dev.tagger.Document;
import dev.tagger.TagSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One request to a backend.
 *
 * @param document the document to tag
 * @param tags the allowed tags
 * @param maxTags the most tags wanted, at least 1
 * @param corrections why earlier answers to this request were unusable, oldest first; empty on the
 *     first ask. A backend that can re-ask (a language model) tells the model; others ignore it.
 * @param timeLimit the most time this one call may take: what is left of the document's deadline. A
 *     backend that talks to a server caps its own timeout by it; {@link #NO_LIMIT} when unbounded.
 */
public record BackendRequest(Document document, TagSet tags, int maxTags, List<String> corrections,
                             Duration timeLimit) {

    /** The time limit of a request whose caller set none. */
    public static final Duration NO_LIMIT = Duration.ofDays(365);

    public BackendRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(tags, "tags");
        if (maxTags < 1) {
            throw new IllegalArgumentException("maxTags must be >= 1, got " + maxTags);
        }
        corrections = List.copyOf(corrections);
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
    }

    /** A request without a time limit. */
    public BackendRequest(Document document, TagSet tags, int maxTags, List<String> corrections) {
        this(document, tags, maxTags, corrections, NO_LIMIT);
    }

    /** @return this request with one more correction */
    public BackendRequest withCorrection(String problem) {
        var list = new java.util.ArrayList<>(corrections);
        list.add(problem);
        return new BackendRequest(document, tags, maxTags, list, timeLimit);
    }

    /** @return this request with another time limit; positive */
    public BackendRequest withTimeLimit(Duration limit) {
        return new BackendRequest(document, tags, maxTags, corrections, limit);
    }
}
