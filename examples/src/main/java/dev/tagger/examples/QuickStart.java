package dev.tagger.examples;

import dev.tagger.Document;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import java.io.PrintStream;

/**
 * The shortest use of Tagger: a tag list, a document, the embedded default backend (no server, no
 * key), and the result as JSON.
 *
 * <pre>
 * java -cp cli/target/tagger.jar:examples/target/tagger-examples-0.1.0-SNAPSHOT.jar dev.tagger.examples.QuickStart
 * {"id":"lumen-math","tags":[…]}
 * </pre>
 *
 * Any {@code tagger.*} key set as a system property or {@code TAGGER_*} variable applies, so
 * {@code -Dtagger.backend=ollama} runs the same code against a local Ollama server.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** @param args none */
    public static void main(String[] args) {
        run(TaggerConfig.load(), System.out);
    }

    static void run(TaggerConfig config, PrintStream out) {
        TagSet tags = Bundled.tags();                                   // [{"id":17,"name":"ai"},…]
        Document doc = new Document("lumen-math", Bundled.document("lumen-math.md"));

        try (Tagger tagger = Tagger.builder().tags(tags).maxTags(3).config(config).build()) {
            TagResult result = tagger.tag(doc);
            out.println(result.toJson());                               // {"id":"lumen-math","tags":[…]}
        }
    }
}
