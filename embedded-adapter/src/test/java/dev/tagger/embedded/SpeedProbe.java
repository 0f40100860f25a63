package dev.tagger.embedded;

import dev.tagger.TagSet;
import java.nio.file.Path;
import java.util.List;

/**
 * A bench main, not a test: splits the embedded backend's time per document into cleaning and term
 * counting versus embedding. {@code java -cp … dev.tagger.embedded.SpeedProbe TAGS.json IN.jsonl [key=value…]}
 */
public final class SpeedProbe {

    private SpeedProbe() {
    }

    public static void main(String[] args) throws Exception {
        TagSet tags = TagSet.fromJson(Path.of(args[0]));
        EmbeddedSettings s = BenchArgs.settings(args, 2);
        EmbeddedBackend backend = new EmbeddedBackend("embedded", s, TagTexts.bundled());
        List<String> texts = BenchArgs.texts(Path.of(args[1]));
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
