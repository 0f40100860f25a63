package dev.tagger.examples;

import dev.tagger.TagSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The example tag list and documents bundled into this jar (the same files as {@code examples/tags.json}
 * and {@code examples/docs/*.md}, which the command line reads).
 */
final class Bundled {

    /** The bundled documents, by file name. */
    static final List<String> DOCUMENTS = List.of("lumen-math.md", "quill-web.md", "sift-cli.md", "ember-2d.md");

    private Bundled() {
    }

    /** @return the bundled tag list: 40 software topics in the request's {@code [{"id":17,"name":"ai"},…]} form */
    static TagSet tags() {
        return TagSet.fromJson(text("tags.json"));
    }

    /** @return the text of a bundled document, such as {@code lumen-math.md} */
    static String document(String fileName) {
        return text("docs/" + fileName);
    }

    private static String text(String name) {
        try (InputStream in = Bundled.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/tagger/examples/" + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
