package dev.tagger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The tags of one document, and how they came about.
 *
 * <p>Whatever happened, {@link #toJson()} is valid JSON with the caller's id and at most the maximum
 * number of tags, all of them from the caller's set.
 *
 * @param id the caller's document id, unchanged
 * @param tags the tags, best first; empty when nothing fits or tagging failed
 * @param status how the result came about
 * @param backend the name of the backend whose answer was used; empty when none was
 * @param diagnostics every attempt and the total time
 */
public record TagResult(String id, List<Tag> tags, Status status, String backend, Diagnostics diagnostics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TagResult {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** @return the number of backend calls made */
    public int attempts() {
        return diagnostics.attempts().size();
    }

    /** @return the tag names exactly as given */
    public List<String> names() {
        return tags.stream().map(Tag::name).toList();
    }

    /** @return {@code {"id":"7628","tags":["ai","benchmark"]}} */
    public String toJson() {
        return toJson(OutputFormat.NAMES);
    }

    /** @return {@code {"id":…,"tags":[…]}} with tags written as the format says */
    public String toJson(OutputFormat format) {
        return toJsonNode(format).toString();
    }

    /** @return the result as a Jackson tree, tags written as the format says */
    public ObjectNode toJsonNode(OutputFormat format) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        ArrayNode arr = root.putArray("tags");
        for (Tag t : tags) {
            switch (format) {
                case NAMES -> arr.add(t.name());
                case IDS -> addId(arr, t);
                case OBJECTS -> {
                    ObjectNode o = arr.addObject();
                    if (t.numericId()) {
                        o.put("id", Long.parseLong(t.id()));
                    } else {
                        o.put("id", t.id());
                    }
                    o.put("name", t.name());
                }
            }
        }
        return root;
    }

    private static void addId(ArrayNode arr, Tag t) {
        if (t.numericId()) {
            arr.add(Long.parseLong(t.id()));
        } else {
            arr.add(t.id());
        }
    }

    /**
     * The whole result as one JSON object: {@code id}, {@code tags}, {@code status}, {@code backend},
     * {@code attempts}, {@code elapsedMs}, {@code tokens} and each attempt with its raw reply, repairs,
     * dropped labels, the candidates proposed (with scores where the backend gives them), duration and
     * token counts.
     */
    public String toExplainJson(OutputFormat format) {
        ObjectNode root = toJsonNode(format);
        root.put("status", status.name());
        root.put("backend", backend);
        root.put("attempts", attempts());
        root.put("elapsedMs", diagnostics.elapsed().toMillis());
        ObjectNode tok = root.putObject("tokens");
        tok.put("input", diagnostics.tokens().input());
        tok.put("output", diagnostics.tokens().output());
        ArrayNode list = root.putArray("diagnostics");
        for (Attempt a : diagnostics.attempts()) {
            ObjectNode o = list.addObject();
            o.put("attempt", a.number());
            o.put("backend", a.backend());
            o.put("outcome", a.outcome().name());
            o.put("durationMs", a.duration().toMillis());
            if (!a.problem().isEmpty()) {
                o.put("problem", a.problem());
            }
            o.put("rawReply", a.rawReply());
            a.repairs().forEach(o.putArray("repairs")::add);
            a.dropped().forEach(o.putArray("dropped")::add);
            if (!a.candidates().isEmpty()) {
                a.candidates().forEach(o.putArray("candidates")::add);
            }
            ObjectNode t = o.putObject("tokens");
            t.put("input", a.usage().input());
            t.put("output", a.usage().output());
        }
        return root.toString();
    }

    @Override
    public String toString() {
        return "TagResult[id=" + id + ", tags=" + names() + ", status=" + status + ", backend=" + backend
                + ", attempts=" + attempts() + "]";
    }
}
