package dev.tagger.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Document;
import dev.tagger.Status;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples with the real embedded default: the bundled documents must get tags a reader would
 * expect. Runs when the {@code embedded} backend is on the class path.
 */
class EmbeddedExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Tagger tagger;

    @BeforeAll
    static void loadOnce() {
        tagger = Tagger.builder().tags(Bundled.tags()).maxTags(3).config(TaggerConfig.defaults()).build();
    }

    @AfterAll
    static void close() {
        if (tagger != null) {
            tagger.close();
        }
    }

    @Test
    void quickStartTagsTheModelProjectWithTagsOfTheList() throws IOException {
        String out = ExamplesTest.capture(o -> QuickStart.run(TaggerConfig.defaults(), o));

        JsonNode r = JSON.readTree(out);
        assertThat(r.get("id").asText()).isEqualTo("lumen-math");
        assertThat(r.get("tags").size()).isBetween(1, 3);
        TagSet tags = Bundled.tags();
        r.get("tags").forEach(t -> assertThat(tags.byName(t.asText())).as(t.asText()).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void bundledDocumentGetsAnExpectedTagAndOnlyTagsOfTheList(String doc, List<String> expectedAny) {
        TagResult r = tagger.tag(new Document(doc, Bundled.document(doc)));

        TagSet tags = Bundled.tags();
        assertThat(r.status()).isNotEqualTo(Status.FAILED);
        assertThat(r.tags()).hasSizeBetween(1, 3).allMatch(t -> tags.byName(t.name()).isPresent());
        assertThat(r.names()).containsAnyElementsOf(expectedAny);
    }

    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of("lumen-math.md", List.of("ai", "llm", "machine-learning", "math")),
                Arguments.of("quill-web.md", List.of("web-framework", "backend", "rest-api", "http", "java")),
                Arguments.of("sift-cli.md", List.of("cli", "terminal", "logging", "search", "rust")),
                Arguments.of("ember-2d.md", List.of("game-engine ", "graphics", "scripting")));
    }
}
