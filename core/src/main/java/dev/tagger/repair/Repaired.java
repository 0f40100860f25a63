package dev.tagger.repair;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A JSON value and the repairs that made it.
 *
 * @param value the repaired value
 * @param repairs what was fixed, in the order met; empty for valid JSON
 */
public record Repaired(JsonNode value, List<Repair> repairs) {
    public Repaired {
        Objects.requireNonNull(value, "value");
        repairs = List.copyOf(repairs);
    }
}
