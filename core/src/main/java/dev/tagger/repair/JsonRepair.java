package dev.tagger.repair;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Turns near-JSON into JSON, the way the {@code jsonrepair} library does: quotes, commas, colons,
 * brackets, comments, Python literals, truncation, code fences and the other damage named by
 * {@link Repair}. Several top-level values one per line or separated by commas become one array of
 * all of them; values side by side on one line with nothing between them give the last one. To find the answer in a whole model reply (think blocks, {@code \boxed{}}, prose) use
 * {@link dev.tagger.extract.ReplyReader} instead.
 *
 * <p>One pass over the text, linear in its length; nesting is bounded by {@value NearJsonParser#MAX_DEPTH}
 * levels and the text by {@value NearJsonParser#MAX_LENGTH} characters, so hostile input fails fast with a
 * {@link RepairException} and never overflows the stack.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class JsonRepair {

    /** Longest text accepted, in characters; longer text fails with {@code TOO_LONG}. */
    public static final int MAX_LENGTH = NearJsonParser.MAX_LENGTH;

    private JsonRepair() {
    }

    /**
     * Repairs a near-JSON text.
     *
     * @param text the text; not null
     * @return the JSON value it holds
     * @throws RepairException {@code NO_JSON} when nothing JSON-like is in it (blank text, or text past a
     *         complete value that cannot be read), {@code TOO_DEEP} or {@code TOO_LONG} past the bounds
     */
    public static JsonNode repair(String text) {
        return repairWithReport(text).value();
    }

    /**
     * Repairs a near-JSON text and says what was fixed.
     *
     * @param text the text; not null
     * @return the JSON value and the repairs applied, in the order met
     * @throws RepairException {@code NO_JSON} when nothing JSON-like is in it, {@code TOO_DEEP} or
     *         {@code TOO_LONG} past the bounds
     */
    public static Repaired repairWithReport(String text) {
        Objects.requireNonNull(text, "text");
        return new NearJsonParser(text).parse();
    }
}
