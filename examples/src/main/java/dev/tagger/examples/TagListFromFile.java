package dev.tagger.examples;

import dev.tagger.Document;
import dev.tagger.OutputFormat;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Your own tag list from a file, and your own documents: tags each file given and prints one line of
 * JSON per document, tags written by id.
 *
 * <pre>
 * java -cp cli/target/tagger.jar:examples/target/tagger-examples-0.1.0-SNAPSHOT.jar \
 *     dev.tagger.examples.TagListFromFile examples/tags.json examples/docs/*.md
 * {"id":"ember-2d","tags":[79,…]}
 * …
 * </pre>
 *
 * A bad tag list fails fast with a {@link TaggerException} whose reason says what is wrong
 * ({@code INVALID_TAG_SET}, {@code DUPLICATE_TAG}); a file that cannot be read is reported and skipped.
 */
public final class TagListFromFile {

    private TagListFromFile() {
    }

    /** @param args the tag list file, then one or more documents */
    public static void main(String[] args) {
        System.exit(run(TaggerConfig.load(), args, System.out, System.err));
    }

    static int run(TaggerConfig config, String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println("usage: TagListFromFile TAGS.json FILE...");
            return 2;
        }
        TagSet tags;
        try {
            tags = TagSet.fromJson(Path.of(args[0]));                   // [{"id":77,"name":"3d"},…] or ["3d",…]
        } catch (TaggerException e) {
            err.println(e.reason() + ": " + e.getMessage());
            return 2;
        }
        int exit = 0;
        // one Tagger for all documents: it is thread-safe and keeps what it computed for the tag list
        try (Tagger tagger = Tagger.builder().tags(tags).config(config).build()) {
            for (int i = 1; i < args.length; i++) {
                Path file = Path.of(args[i]);
                try {
                    String id = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                    TagResult result = tagger.tag(new Document(id, Files.readString(file)));
                    out.println(result.toJson(OutputFormat.IDS));
                } catch (IOException | TaggerException e) {
                    err.println(file + ": " + e.getMessage());
                    exit = 1;
                }
            }
        }
        return exit;
    }
}
