package dev.tagger.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.TaggerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The mains against a keyword-matching test backend; {@link EmbeddedExamplesTest} runs the real default. */
class ExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TaggerConfig KEYWORDS = TaggerConfig.builder().backend("test-keywords").build();

    static final List<String> DOCUMENTS = Bundled.DOCUMENTS;

    @Test
    void bundledTagListIsTheRequestShapeWithATrailingSpaceName() {
        TagSet tags = Bundled.tags();

        assertThat(tags.size()).isEqualTo(40);
        assertThat(tags.tags()).allMatch(Tag::numericId);
        assertThat(tags.byName("game-engine ")).isPresent();
        assertThat(tags.find("Game Engine")).map(Tag::name).hasValue("game-engine ");
    }

    @Test
    void bundledTagListIsTheSameFileTheCommandLineUses() throws IOException {
        Path file = Path.of("tags.json");

        assertThat(TagSet.fromJson(file)).isEqualTo(Bundled.tags());
    }

    @ParameterizedTest
    @FieldSource("DOCUMENTS")
    void bundledDocumentsAreTheFilesTheCommandLineUses(String name) throws IOException {
        assertThat(Bundled.document(name)).isEqualTo(Files.readString(Path.of("docs", name))).hasSizeGreaterThan(500);
    }

    @Test
    void quickStartPrintsTheResultAsOneLineOfJson() throws IOException {
        String out = capture(o -> QuickStart.run(KEYWORDS, o));

        assertThat(out.lines()).hasSize(1);
        JsonNode r = JSON.readTree(out);
        assertThat(r.get("id").asText()).isEqualTo("lumen-math");
        // the keyword backend counts names: "math" is all over the document
        assertThat(r.get("tags").get(0).asText()).isEqualTo("math");
        assertThat(r.get("tags").size()).isBetween(1, 3);
    }

    @Test
    void tagListFromFileTagsEachDocumentWithIds(@TempDir Path dir) throws IOException {
        Path tags = dir.resolve("tags.json");
        Files.writeString(tags, "[{\"id\":7,\"name\":\"lua\"},{\"id\":\"r9\",\"name\":\"rust\"}]");
        Path a = dir.resolve("a.md");
        Files.writeString(a, "A Lua game, scripted in lua.");
        Path b = dir.resolve("b.md");
        Files.writeString(b, "A Rust tool.");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int[] exit = new int[1];
        String out = capture(o -> exit[0] = TagListFromFile.run(KEYWORDS,
                new String[] {tags.toString(), a.toString(), b.toString()}, o, new PrintStream(err, true, StandardCharsets.UTF_8)));

        assertThat(exit[0]).isZero();
        assertThat(out.lines()).containsExactly("{\"id\":\"a\",\"tags\":[7]}", "{\"id\":\"b\",\"tags\":[\"r9\"]}");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void tagListFromFileNamesTheProblemWithABadList(@TempDir Path dir) throws IOException {
        Path tags = dir.resolve("tags.json");
        Files.writeString(tags, "[\"lua\",\"Lua\"]");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = TagListFromFile.run(KEYWORDS, new String[] {tags.toString(), "x.md"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("DUPLICATE_TAG: ").contains("duplicate tag name 'Lua'");
    }

    @Test
    void diagnosticsShowsTheFallbackAndEachAttempt() {
        // one transport attempt per backend: the failure moves on at once, with no backoff to wait through
        TaggerConfig chain = TaggerConfig.builder().fallback("test-down", "test-keywords").set("tagger.max-attempts", "1").build();

        String out = capture(o -> Diagnostics.run(chain, "quill-web.md", o));

        assertThat(out).contains("status:   FALLBACK", "backend:  test-keywords of [test-down, test-keywords]", "attempts: 2",
                "repairs:  none", "tokens:   0 in, 0 out");
        // the keyword backend proposes every name it finds; the core keeps 3 and says why it dropped the rest
        assertThat(out).containsPattern("dropped:  \\d+ labels\\R  '[a-z-]+': over the maximum of 3");
        assertThat(out.lines().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("result:   {\"id\":\"quill-web\",\"tags\":["));
        assertThat(out.lines().filter(l -> l.startsWith("  #")))
                .satisfiesExactly(
                        l -> assertThat(l).contains("#1 test-down", "FAILED", "connection refused"),
                        l -> assertThat(l).contains("#2 test-keywords", "USED"));
    }

    interface Body {
        void run(PrintStream out) throws IOException;
    }

    static String capture(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            body.run(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
