package dev.tagger.prompt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.tagger.Document;
import dev.tagger.TagSet;
import dev.tagger.spi.BackendRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test documents, tag lists and the cl100k estimator. */
final class Fixtures {

    /** A real BPE tokenizer (cl100k through jtokkit), offline. */
    static final TokenCountEstimator CL100K = new OpenAiTokenCountEstimator("gpt-4");

    /** The shared seed fixtures; tests using them skip when the folder is absent. */
    static final Path SHARED = dev.tagger.testkit.SharedFolder.fixtures();

    private Fixtures() {
    }

    static String resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readme() {
        return resource("docs/lumenstore-readme.md");
    }

    static String chineseReadme() {
        return resource("docs/chinese-readme.md");
    }

    static TagSet tags() {
        return TagSet.fromJson(resource("tags/tags.json"));
    }

    static BackendRequest request(String id, String text) {
        return new BackendRequest(new Document(id, text), tags(), 3, List.of());
    }

    static BackendRequest readmeRequest() {
        return request("7628", readme());
    }

    /** The seed request's document and tags, or the test is skipped when the shared folder is absent. */
    static BackendRequest seedRequest() {
        dev.tagger.testkit.SharedFolder.Seed seed = dev.tagger.testkit.SharedFolder.assumeSeed();
        return new BackendRequest(new Document("7628", seed.readme()), seed.tags(), 3, List.of());
    }

    static String seedRequestText() {
        Path p = SHARED.resolve("seed-request.txt");
        assumeTrue(Files.isReadable(p), "seed fixtures absent: " + SHARED);
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
