package dev.tagger.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TagSet;
import dev.tagger.TaggerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bench main, not a test: splits the embedded backend's time per document into cleaning and term
 * counting versus embedding. {@code java -cp … dev.tagger.embedded.SpeedProbe TAGS.json IN.jsonl [key=value…]}
 */
public final class SpeedProbe {

    private SpeedProbe() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TagSet tags = TagSet.fromJson(Path.of(args[0]));
        TaggerConfig.Builder cb = TaggerConfig.builder();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            cb.set(kv[0], kv[1]);
        }
        EmbeddedSettings s = EmbeddedSettings.from(cb.build());
        EmbeddedBackend backend = new EmbeddedBackend("embedded", s, TagTexts.bundled());
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                texts.add(json.readTree(line).get("text").asText());
            }
        }
        TagIndex index = backend.index(tags);
        Chunker chunker = new Chunker(s.leadWords(), s.chunkWords(), s.maxChunks());
        for (int round = 0; round < 2; round++) {
            long clean = 0, count = 0, embed = 0;
            int chunks = 0;
            for (String text : texts) {
                long t0 = System.nanoTime();
                MarkdownCleaner.CleanText ct = MarkdownCleaner.clean(text, s.dropOrders());
                List<Chunker.Chunk> cs = chunker.chunks(ct);
                long t1 = System.nanoTime();
                index.mentions(ct.body(), s.mentionsPerLine());
                long t2 = System.nanoTime();
                TagIndex.embed(s.model().model(), cs.stream().map(Chunker.Chunk::text).toList());
                long t3 = System.nanoTime();
                clean += t1 - t0;
                count += t2 - t1;
                embed += t3 - t2;
                chunks += cs.size();
            }
            System.out.printf("round %d: %d docs, %d chunks; clean+chunk %.2f s, term counting %.2f s, embedding %.2f s (%.1f docs/s)%n",
                    round, texts.size(), chunks, clean / 1e9, count / 1e9, embed / 1e9, texts.size() / ((clean + count + embed) / 1e9));
        }
    }
}
