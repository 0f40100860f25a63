package dev.tagger.examples;

import dev.tagger.Attempt;
import dev.tagger.Document;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import java.io.PrintStream;

/**
 * What happened behind a result: status, the backend that answered, each attempt with its outcome and
 * duration, the repairs applied to the model's reply, the labels dropped, tokens and total time.
 *
 * <pre>
 * java -cp cli/target/tagger.jar:examples/target/tagger-examples-0.1.0-SNAPSHOT.jar dev.tagger.examples.Diagnostics
 * java -Dtagger.fallback=ollama,embedded -cp … dev.tagger.examples.Diagnostics   # see the fallback at work
 * </pre>
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    /** @param args optionally the name of a bundled document (default {@code quill-web.md}) */
    public static void main(String[] args) {
        run(TaggerConfig.load(), args.length > 0 ? args[0] : "quill-web.md", System.out);
    }

    static void run(TaggerConfig config, String documentName, PrintStream out) {
        Document doc = new Document(documentName.replaceFirst("\\.md$", ""), Bundled.document(documentName));
        try (Tagger tagger = Tagger.builder().tags(Bundled.tags()).config(config).build()) {
            TagResult r = tagger.tag(doc);
            dev.tagger.Diagnostics d = r.diagnostics();

            out.println("result:   " + r.toJson());
            out.println("status:   " + r.status() + "   (OK, REPAIRED, FALLBACK or FAILED)");
            out.println("backend:  " + (r.backend().isEmpty() ? "(none answered)" : r.backend()) + " of " + tagger.backendNames());
            out.println("attempts: " + r.attempts());
            for (Attempt a : d.attempts()) {
                out.printf("  #%d %-14s %-8s %5d ms%s%n", a.number(), a.backend(), a.outcome(), a.duration().toMillis(),
                        a.problem().isEmpty() ? "" : "  " + a.problem());
                if (!a.candidates().isEmpty()) {
                    out.println("     proposed: " + String.join(", ", a.candidates()));
                }
            }
            out.println("repairs:  " + (d.repairs().isEmpty() ? "none" : String.join(", ", d.repairs())));
            out.println("dropped:  " + (d.dropped().isEmpty() ? "none" : d.dropped().size() + " labels"));
            d.dropped().forEach(label -> out.println("  " + label));
            out.println("tokens:   " + d.tokens().input() + " in, " + d.tokens().output() + " out");
            out.println("elapsed:  " + d.elapsed().toMillis() + " ms");
        }
    }
}
