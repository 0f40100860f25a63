package dev.tagger.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

/** A bench main, not a test: prints the chunks the embedded backend embeds for a file. */
public final class ChunkPrinter {

    private ChunkPrinter() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedSettings s = EmbeddedSettings.defaults();
        var clean = MarkdownCleaner.clean(Files.readString(Path.of(args[0])));
        System.out.println("title: " + clean.title());
        for (Chunker.Chunk c : new Chunker(s.leadWords(), s.chunkWords(), s.maxChunks()).chunks(clean)) {
            System.out.println((c.lead() ? "LEAD: " : "BODY: ") + c.text());
        }
    }
}
