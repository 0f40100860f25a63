package dev.tagger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@link ReplyCorpus} to a folder, one {@code NAME.txt} per reply, so other tools (the
 * {@code jsonrepair} npm package, see {@code bench/jsonrepair-bench.mjs}) can run on the same text.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.tagger.bench.WriteCorpus bench/target/corpus}.
 */
public final class WriteCorpus {

    private WriteCorpus() {
    }

    /** @param args the folder to write to */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/corpus");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : ReplyCorpus.replies().entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".txt"), e.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + ReplyCorpus.replies().size() + " replies to " + dir.toAbsolutePath());
    }
}
