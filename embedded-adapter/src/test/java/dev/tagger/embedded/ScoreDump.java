package dev.tagger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.TagSet;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A bench main for tuning, not a test: writes, per labelled document, the raw evidence the embedded
 * backend scores (similarity of every chunk to every tag, term mentions, calibration means) as JSON
 * Lines, so that pooling and thresholds can be compared without embedding again.
 *
 * <pre>
 * java -cp … dev.tagger.embedded.ScoreDump TAGS.json IN.jsonl OUT.jsonl [key=value…]
 * </pre>
 * The key=value pairs are {@code tagger.embedded.*} settings (chunking, model).
 */
public final class ScoreDump {

    private ScoreDump() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TagSet tags = TagSet.fromJson(Path.of(args[0]));
        EmbeddedSettings s = BenchArgs.settings(args, 3);
        EmbeddedBackend backend = new EmbeddedBackend("embedded", s, TagTexts.bundled());
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            TagIndex index = backend.index(tags);
            ObjectNode head = json.createObjectNode();
            ArrayNode names = head.putArray("tags");
            ArrayNode means = head.putArray("neutral");
            for (int t = 0; t < index.size(); t++) {
                names.add(index.tags().get(t).name());
                means.add(index.neutralMean(t));
            }
            w.write(head.toString());
            w.newLine();
            long t0 = System.nanoTime();
            int n = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode d = json.readTree(line);
                EmbeddedBackend.Analysis a = backend.analyse(d.get("text").asText(), tags);
                ObjectNode o = json.createObjectNode();
                o.put("id", d.get("id").asText());
                o.set("gold", d.get("gold"));
                o.set("acceptable", d.get("acceptable"));
                ArrayNode sims = o.putArray("sims");
                for (double[] row : a.similarities()) {
                    ArrayNode r = sims.addArray();
                    for (double v : row) {
                        r.add(Math.round(v * 1e5) / 1e5);
                    }
                }
                ArrayNode words = o.putArray("words");
                a.chunks().forEach(c -> words.add(c.text().split("\\s").length));
                ArrayNode kinds = o.putArray("kinds");
                a.chunks().forEach(c -> kinds.add(c.kind().name()));
                ArrayNode ll = o.putArray("leadMentions");
                ArrayNode bl = o.putArray("bodyMentions");
                for (int t = 0; t < index.size(); t++) {
                    ll.add(a.leadMentions()[t]);
                    bl.add(a.bodyMentions()[t]);
                }
                w.write(o.toString());
                w.newLine();
                n++;
            }
            System.err.printf("%d documents in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }
}
