package dev.tagger.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One label a backend proposes: a tag name ({@code "ai"}), an id ({@code 17} or {@code "17"}), an
 * object ({@code {"id":17,"name":"ai"}}) or a comma-separated string ({@code "ai, benchmark"}), with
 * the backend's score where it has one. Only the core's resolver decides whether it becomes a tag.
 *
 * @param value the label as the backend gave it; not null
 * @param score higher is better; empty for backends that do not score
 */
public record Candidate(JsonNode value, OptionalDouble score) {

    public Candidate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(score, "score");
    }

    /** An unscored candidate. */
    public static Candidate of(JsonNode value) {
        return new Candidate(value, OptionalDouble.empty());
    }

    /** A scored name. */
    public static Candidate named(String name, double score) {
        return new Candidate(TextNode.valueOf(name), OptionalDouble.of(score));
    }
}
