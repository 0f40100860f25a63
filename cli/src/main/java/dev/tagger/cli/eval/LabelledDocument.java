package dev.tagger.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One labelled document of an evaluation set: a line {@code {"id":"…","text":"…","gold":["…"],
 * "acceptable":["…"]}} of a JSON Lines file.
 *
 * @param id the document's id; not null
 * @param text its text; not null, may be blank (tagging it then fails and is counted as a failure)
 * @param gold the tags it should get, at most a few, best first; empty when no tag fits
 * @param acceptable further tags that are not wrong but not required; may be empty
 */
public record LabelledDocument(String id, String text, List<String> gold, List<String> acceptable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public LabelledDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        gold = List.copyOf(gold);
        acceptable = List.copyOf(acceptable);
    }

    /**
     * Reads a JSON Lines file; blank lines are skipped, other fields ignored.
     *
     * @throws TaggerException {@code IO} when the file cannot be read; {@code INVALID_ARGUMENT} naming
     *     the file and line when a line is not an object with a string {@code id}, a string
     *     {@code text}, an array of strings {@code gold} and, if present, an array of strings
     *     {@code acceptable}
     */
    public static List<LabelledDocument> readJsonl(Path file) {
        List<LabelledDocument> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark is not part of the first document
                }
                if (line.isBlank()) {
                    continue;
                }
                out.add(parse(line, file + " line " + n));
            }
        } catch (IOException e) {
            throw new TaggerException(TaggerException.Reason.IO, "",
                    "cannot read " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, file + " holds no labelled documents");
        }
        return out;
    }

    /**
     * Parses one line.
     *
     * @param where names the line in messages, such as {@code dev.jsonl line 3}
     * @throws TaggerException {@code INVALID_ARGUMENT} naming the line and the problem
     */
    public static LabelledDocument parse(String line, String where) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw bad(where, "is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (n == null || !n.isObject()) {
            throw bad(where, "is not a JSON object");
        }
        JsonNode id = n.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw bad(where, "has no string \"id\"");
        }
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) {
            throw bad(where, "has no string \"text\"");
        }
        return new LabelledDocument(id.asText(), text.asText(), strings(n, "gold", true, where),
                strings(n, "acceptable", false, where));
    }

    private static List<String> strings(JsonNode n, String field, boolean required, String where) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            if (required) {
                throw bad(where, "has no \"" + field + "\" array (use [] when no tag fits)");
            }
            return List.of();
        }
        if (!a.isArray()) {
            throw bad(where, "has a \"" + field + "\" that is not an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : a) {
            if (!e.isTextual()) {
                throw bad(where, "has a non-string entry in \"" + field + "\": " + e);
            }
            out.add(e.asText());
        }
        return out;
    }

    private static TaggerException bad(String where, String problem) {
        return new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, where + " " + problem);
    }

    @Override
    public String toString() {
        return "LabelledDocument[id=" + id + ", text=" + text.length() + " chars, gold=" + gold + "]";
    }
}
