package dev.tagger.spi;

import dev.tagger.Document;
import dev.tagger.TagSet;
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
 */
public record BackendRequest(Document document, TagSet tags, int maxTags, List<String> corrections) {

    public BackendRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(tags, "tags");
        if (maxTags < 1) {
            throw new IllegalArgumentException("maxTags must be >= 1, got " + maxTags);
        }
        corrections = List.copyOf(corrections);
    }

    /** @return this request with one more correction */
    public BackendRequest withCorrection(String problem) {
        var list = new java.util.ArrayList<>(corrections);
        list.add(problem);
        return new BackendRequest(document, tags, maxTags, list);
    }
}
