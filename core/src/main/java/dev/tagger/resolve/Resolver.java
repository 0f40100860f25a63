package dev.tagger.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a backend's candidates into tags of the set: the only place where tags are decided.
 *
 * <p>A label is tried as an exact name, then as an id, then as a normalised name, then as a near miss
 * ({@link TagSet#match}). Objects are read by their {@code name} (or {@code tag}, {@code label}),
 * then their {@code id}; a string holding commas is split; nested arrays are flattened. Labels naming
 * no tag are dropped and recorded, repeats removed, and the count capped at the maximum.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class Resolver {

    private static final List<String> TAG_KEYS = List.of("tags", "tag", "labels", "label", "categories", "topics", "keywords");
    private static final List<String> NAME_KEYS = List.of("name", "tag", "label", "title", "value");
    private static final int MAX_LABELS = 10_000;
    /** The longest answered id a problem quotes. */
    private static final int MAX_SHOWN_ID = 40;

    private Resolver() {
    }

    /**
     * Resolves a proposal.
     *
     * @param proposal the backend's proposal
     * @param tags the allowed tags
     * @param maxTags the most tags to keep, at least 1
     * @param documentId the caller's id; an answer naming another id is unusable
     */
    public static Resolution resolve(Proposal proposal, TagSet tags, int maxTags, String documentId) {
        Set<Tag> chosen = new LinkedHashSet<>();
        List<String> dropped = new ArrayList<>();
        List<String> adjusted = new ArrayList<>();
        List<JsonNode> labels = new ArrayList<>();
        for (Candidate c : proposal.candidates()) {
            flatten(c.value(), labels, 0);
        }
        int unknown = 0;
        for (JsonNode label : labels) {
            Optional<TagSet.Match> m = match(label, tags);
            String shown = shown(label);
            if (m.isEmpty()) {
                dropped.add(shown + ": not in the tag list");
                unknown++;
                continue;
            }
            Tag t = m.get().tag();
            if (m.get().kind() != TagSet.MatchKind.EXACT && !(label.isNumber() || isIdMatch(label, t))) {
                adjusted.add(shown + " -> " + quoted(t.name()) + " (" + m.get().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            }
            if (chosen.contains(t)) {
                dropped.add(shown + ": repeats " + quoted(t.name()));
            } else if (chosen.size() >= maxTags) {
                dropped.add(shown + ": over the maximum of " + maxTags);
            } else {
                chosen.add(t);
            }
        }
        Optional<String> problem = Optional.empty();
        if (proposal.answeredId().isPresent() && !proposal.answeredId().get().equals(documentId)) {
            problem = Optional.of("the answer's id is " + shownId(proposal.answeredId().get())
                    + " but the document's id is " + quoted(documentId));
        } else if (chosen.isEmpty() && unknown > 0) {
            problem = Optional.of("none of the " + unknown + " tags given is in the tag list");
        }
        return new Resolution(new ArrayList<>(chosen), dropped, adjusted, problem);
    }

    /**
     * Reads the candidates and the id out of a model's answer: an object with a {@code tags} member
     * (any case, or {@code labels}, {@code categories}…), a bare array, or a string of names.
     *
     * @return the proposal's candidates and answered id; candidates empty when the answer holds none
     */
    public static Answer readAnswer(JsonNode answer) {
        if (answer.isArray() || answer.isTextual()) {
            return new Answer(List.of(Candidate.of(answer)), Optional.empty(), true);
        }
        if (answer.isObject()) {
            Optional<String> id = Optional.empty();
            JsonNode tagsNode = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey().strip().toLowerCase(Locale.ROOT);
                if (k.equals("id") && (e.getValue().isTextual() || e.getValue().isNumber())) {
                    id = Optional.of(e.getValue().asText());
                } else if (tagsNode == null && TAG_KEYS.contains(k)) {
                    tagsNode = e.getValue();
                }
            }
            if (tagsNode != null && !tagsNode.isNull()) {
                return new Answer(List.of(Candidate.of(tagsNode)), id, true);
            }
            if (tagsNode == null) {
                // a single tag object such as {"id":17,"name":"ai"} is a proposal of that tag
                for (String nk : NAME_KEYS) {
                    if (answer.has(nk)) {
                        return new Answer(List.of(Candidate.of(answer)), Optional.empty(), true);
                    }
                }
            }
            return new Answer(List.of(), id, tagsNode != null);
        }
        return new Answer(List.of(), Optional.empty(), false);
    }

    /**
     * What an answer holds.
     *
     * @param candidates the labels it proposes
     * @param answeredId the id it names, if any
     * @param hasTags whether it has a place for tags at all (an empty array counts)
     */
    public record Answer(List<Candidate> candidates, Optional<String> answeredId, boolean hasTags) {
        public Answer {
            candidates = List.copyOf(candidates);
        }
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (out.size() >= MAX_LABELS || depth > 8) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                flatten(n, out, depth + 1);
            }
        } else if (node.isTextual()) {
            String s = node.asText();
            if (s.indexOf(',') >= 0 || s.indexOf(';') >= 0 || s.indexOf('\n') >= 0) {
                for (String part : s.split("[,;\\n]")) {
                    String p = cleanLabel(part);
                    if (!p.isEmpty()) {
                        out.add(TextNode.valueOf(p));
                    }
                }
            } else {
                out.add(node);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.add(node);
        }
    }

    private static String cleanLabel(String s) {
        // indices, not repeated substring(1): a label of a million quotes must not take quadratic time
        int a = 0;
        int b = s.length();
        while (a < b && (Character.isWhitespace(s.charAt(a)) || "\"'`#[]".indexOf(s.charAt(a)) >= 0)) {
            a++;
        }
        while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || "\"'`[].".indexOf(s.charAt(b - 1)) >= 0)) {
            b--;
        }
        return s.substring(a, b);
    }

    private static Optional<TagSet.Match> match(JsonNode label, TagSet tags) {
        if (label.isTextual()) {
            return matchText(label.asText(), tags);
        }
        if (label.isIntegralNumber()) {
            return tags.byId(label.asText()).map(t -> new TagSet.Match(t, TagSet.MatchKind.EXACT));
        }
        if (label.isObject()) {
            for (String nk : NAME_KEYS) {
                JsonNode n = caseInsensitive(label, nk);
                if (n != null && n.isTextual()) {
                    Optional<TagSet.Match> m = matchText(n.asText(), tags);
                    if (m.isPresent()) {
                        return m;
                    }
                }
            }
            JsonNode id = caseInsensitive(label, "id");
            if (id != null && (id.isTextual() || id.isIntegralNumber())) {
                return tags.byId(id.asText()).map(t -> new TagSet.Match(t, TagSet.MatchKind.EXACT));
            }
        }
        return Optional.empty();
    }

    private static Optional<TagSet.Match> matchText(String text, TagSet tags) {
        Optional<Tag> exact = tags.byName(text);
        if (exact.isPresent()) {
            return Optional.of(new TagSet.Match(exact.get(), TagSet.MatchKind.EXACT));
        }
        String cleaned = cleanLabel(text);
        Optional<Tag> byId = tags.byId(cleaned);
        if (byId.isPresent() && tags.byKey(cleaned).isEmpty()) {
            return Optional.of(new TagSet.Match(byId.get(), TagSet.MatchKind.EXACT));
        }
        return tags.match(cleaned.isEmpty() ? text : cleaned);
    }

    private static JsonNode caseInsensitive(JsonNode obj, String key) {
        JsonNode n = obj.get(key);
        if (n != null) {
            return n;
        }
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.strip().equalsIgnoreCase(key)) {
                return obj.get(k);
            }
        }
        return null;
    }

    private static boolean isIdMatch(JsonNode label, Tag t) {
        return label.isTextual() && cleanLabel(label.asText()).equals(t.id());
    }

    /**
     * A label as diagnostics show it: text quoted ({@code 'ai'}), anything else as JSON, cut to 80
     * characters.
     */
    public static String shown(JsonNode label) {
        String s = label.isTextual() ? quoted(label.asText()) : label.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /**
     * The id a model answered, as a problem shows it: the problem becomes the corrective re-ask, outside
     * the document's fence, so an id that does not look like one (a sentence a document made the model
     * write there) is described, not quoted.
     */
    private static String shownId(String id) {
        boolean plain = !id.isEmpty() && id.length() <= MAX_SHOWN_ID
                && id.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-_.:/#".indexOf(c) >= 0));
        return plain ? quoted(id) : "another one (" + id.length() + " characters, not shown)";
    }

    private static String quoted(String s) {
        return "'" + s + "'";
    }
}
