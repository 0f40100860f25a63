package dev.tagger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered, immutable list of the tags a caller allows.
 *
 * <p>Read from the request's form {@code [{"id":77,"name":"3d"},…]} (an optional
 * {@code "description"} member is kept), a plain {@code ["3d","agent",…]}, or a file holding either.
 * Names are unique after {@linkplain Tag#normalise normalisation}, ids are unique as given.
 *
 * <p>Lookups, from strict to lenient: {@link #byId}, {@link #byName} (exact), {@link #find} (exact,
 * then normalised, then a near miss within a small edit distance when exactly one tag is nearest).
 *
 * <p>Immutable; safe for use by many threads at once.
 */
public final class TagSet implements Iterable<Tag> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Tag> tags;
    private final Map<String, Tag> byId;
    private final Map<String, Tag> byName;
    private final Map<String, Tag> byKey;

    private TagSet(List<Tag> tags) {
        if (tags.isEmpty()) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET, "tag list is empty");
        }
        this.tags = List.copyOf(tags);
        Map<String, Tag> ids = new HashMap<>();
        Map<String, Tag> names = new HashMap<>();
        Map<String, Tag> keys = new HashMap<>();
        for (Tag t : this.tags) {
            Tag prev = keys.putIfAbsent(t.key(), t);
            if (prev != null) {
                throw new TaggerException(TaggerException.Reason.DUPLICATE_TAG,
                        "duplicate tag name '" + t.name() + "' (same as '" + prev.name() + "')");
            }
            prev = ids.putIfAbsent(t.id(), t);
            if (prev != null) {
                throw new TaggerException(TaggerException.Reason.DUPLICATE_TAG,
                        "duplicate tag id " + t.id() + " ('" + prev.name() + "' and '" + t.name() + "')");
            }
            names.put(t.name(), t);
        }
        this.byId = Map.copyOf(ids);
        this.byName = Map.copyOf(names);
        this.byKey = Map.copyOf(keys);
    }

    /**
     * @param tags the tags, in order; not empty
     * @throws TaggerException {@code INVALID_TAG_SET} when empty, {@code DUPLICATE_TAG} on a repeated
     *     name or id
     */
    public static TagSet of(List<Tag> tags) {
        return new TagSet(tags);
    }

    /** A set of tags known by name only. */
    public static TagSet ofNames(String... names) {
        List<Tag> list = new ArrayList<>(names.length);
        for (String n : names) {
            list.add(Tag.named(n));
        }
        return new TagSet(list);
    }

    /**
     * Reads {@code [{"id":77,"name":"3d"},…]} or {@code ["3d",…]}.
     *
     * @throws TaggerException {@code INVALID_TAG_SET} naming what is wrong and where
     */
    public static TagSet fromJson(String json) {
        JsonNode root;
        try {
            // a byte-order mark, as editors on Windows write, is not part of the list
            root = JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JsonProcessingException e) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET,
                    "tag list is not valid JSON: " + e.getOriginalMessage()
                            + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || root.isMissingNode()) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET, "tag list is empty");
        }
        if (!root.isArray()) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET,
                    "tag list must be a JSON array of names or {\"id\",\"name\"} objects, found " + root.getNodeType());
        }
        List<Tag> list = new ArrayList<>(root.size());
        int i = 0;
        for (JsonNode n : root) {
            list.add(tagAt(n, i++));
        }
        return new TagSet(list);
    }

    /**
     * Reads a tag list from a UTF-8 file.
     *
     * @throws TaggerException {@code IO} when the file cannot be read, {@code INVALID_TAG_SET} when its
     *     content is not a tag list
     */
    public static TagSet fromJson(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TaggerException(TaggerException.Reason.IO, "",
                    "cannot read tag list " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        try {
            return fromJson(text);
        } catch (TaggerException e) {
            throw new TaggerException(e.reason(), "", file + ": " + e.getMessage(), e);
        }
    }

    private static Tag tagAt(JsonNode n, int index) {
        if (n.isTextual()) {
            return Tag.named(n.asText());
        }
        if (!n.isObject()) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET,
                    "tag #" + index + " must be a name or an {\"id\",\"name\"} object, found " + n.getNodeType());
        }
        JsonNode name = n.get("name");
        if (name == null || !name.isTextual()) {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET,
                    "tag #" + index + " has no string \"name\"");
        }
        JsonNode id = n.get("id");
        JsonNode desc = n.get("description");
        String description = desc != null && desc.isTextual() ? desc.asText() : "";
        Tag tag;
        if (id == null || id.isNull()) {
            tag = Tag.named(name.asText());
        } else if (id.isIntegralNumber()) {
            tag = Tag.of(id.asLong(), name.asText());
        } else if (id.isTextual()) {
            tag = Tag.of(id.asText(), name.asText());
        } else {
            throw new TaggerException(TaggerException.Reason.INVALID_TAG_SET,
                    "tag #" + index + " ('" + name.asText() + "') has an id that is neither an integer nor a string: " + id);
        }
        return tag.withDescription(description);
    }

    /** @return the tags in the order given; unmodifiable */
    public List<Tag> tags() {
        return tags;
    }

    /** @return the names exactly as given, in order */
    public List<String> names() {
        List<String> out = new ArrayList<>(tags.size());
        for (Tag t : tags) {
            out.add(t.name());
        }
        return Collections.unmodifiableList(out);
    }

    /** @return how many tags there are */
    public int size() {
        return tags.size();
    }

    /** @return the tag with exactly this id */
    public Optional<Tag> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return the tag with exactly this name (spaces included) */
    public Optional<Tag> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return the tag whose normalised name equals the label's */
    public Optional<Tag> byKey(String label) {
        return Optional.ofNullable(byKey.get(Tag.normalise(label)));
    }

    /**
     * Finds the tag a label names: exact name, then normalised name, then a near miss.
     *
     * @return the match, or empty when no tag is named or near-missed unambiguously
     */
    public Optional<Tag> find(String label) {
        return match(label).map(Match::tag);
    }

    /**
     * Like {@link #find} but says how the label matched. A near miss is an edit distance of at most 1
     * for keys of 4–7 characters and 2 for longer ones (keys of 3 characters or fewer must match
     * exactly), and only when one tag alone is nearest: never a semantic guess.
     */
    public Optional<Match> match(String label) {
        Tag t = byName.get(label);
        if (t != null) {
            return Optional.of(new Match(t, MatchKind.EXACT));
        }
        String key = Tag.normalise(label);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        t = byKey.get(key);
        if (t != null) {
            return Optional.of(new Match(t, MatchKind.NORMALISED));
        }
        int limit = key.length() <= 3 ? 0 : key.length() <= 7 ? 1 : 2;
        if (limit == 0) {
            return Optional.empty();
        }
        Tag best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<String, Tag> e : byKey.entrySet()) {
            String k = e.getKey();
            if (k.length() <= 3 || Math.abs(k.length() - key.length()) > limit) {
                continue;
            }
            int d = EditDistance.bounded(key, k, limit);
            if (d < bestDistance) {
                best = e.getValue();
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && d <= limit) {
                tie = true;
            }
        }
        if (best == null || bestDistance > limit || tie) {
            return Optional.empty();
        }
        return Optional.of(new Match(best, MatchKind.NEAR_MISS));
    }

    /** A tag found for a label, and how. */
    public record Match(Tag tag, MatchKind kind) {
    }

    /** How a label matched a tag. */
    public enum MatchKind {
        /** The label is the tag's name, character for character. */
        EXACT,
        /** The label equals the name after normalisation (case, spacing, {@code _} and {@code -}). */
        NORMALISED,
        /** The label is within a small edit distance of exactly one tag's normalised name. */
        NEAR_MISS
    }

    @Override
    public Iterator<Tag> iterator() {
        return tags.iterator();
    }

    /** Writes the set back as {@code [{"id":77,"name":"3d"},…]}, ids in the kind they were given. */
    public String toJson() {
        var arr = JSON.createArrayNode();
        for (Tag t : tags) {
            var o = arr.addObject();
            if (t.numericId()) {
                o.put("id", Long.parseLong(t.id()));
            } else {
                o.put("id", t.id());
            }
            o.put("name", t.name());
            if (!t.description().isEmpty()) {
                o.put("description", t.description());
            }
        }
        return arr.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagSet other && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return tags.hashCode();
    }

    @Override
    public String toString() {
        return "TagSet[" + tags.size() + " tags]";
    }

}
