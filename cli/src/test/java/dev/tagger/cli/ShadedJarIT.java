package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Backends;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code cli/target/tagger.jar} with {@code java -jar}: an integration test, run by
 * failsafe in {@code mvn verify} after {@code package} has built the jar.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "tagger.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsThere() {
        assertThat(JAR).as("package builds the runnable jar before verify runs this").isRegularFile();
    }

    record Proc(int exit, String out, String err) {
    }

    private Proc java(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        Path in = Files.writeString(dir.resolve("stdin.txt"), stdin, StandardCharsets.UTF_8);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TAGGER_"));
        Process p = pb.start();
        // a guard against a hung child, not a timing assertion
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not finish");
        }
        return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsItsVersion() throws Exception {
        Proc p = java("", "--version");

        assertThat(p.exit()).isZero();
        assertThat(p.out()).startsWith("tagger 0.");
    }

    @Test
    void repairsStandardInputToUtf8JsonWithNothingElseOnEitherStream() throws Exception {
        Proc p = java("Tags: {'tags': ['café', 'ai',]}", "repair");

        assertThat(p.exit()).isZero();
        assertThat(p.out()).isEqualTo("{\"tags\":[\"café\",\"ai\"]}" + System.lineSeparator());
        assertThat(p.err()).isEmpty();
    }

    @Test
    void listsEveryBackendOfTheClassPathFromTheMergedServiceFiles() throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.json"), "[\"ai\"]");
        Path doc = Files.writeString(dir.resolve("doc.md"), "about ai");

        Proc p = java("", "tag", "--backend", "no-such", "--tags", tags.toString(), doc.toString());

        assertThat(p.exit()).isEqualTo(2);
        assertThat(p.out()).isEmpty();
        assertThat(p.err().lines()).singleElement().asString().contains("unknown backend 'no-such'; known backends: ");
        // the jar holds the main code only: providers compiled from test sources are not in it
        List<String> real = Backends.providers().entrySet().stream()
                .filter(e -> !fromTestSources(e.getValue()))
                .map(java.util.Map.Entry::getKey).toList();
        List<String> testOnly = Backends.providers().entrySet().stream()
                .filter(e -> fromTestSources(e.getValue()))
                .map(java.util.Map.Entry::getKey).toList();
        if (real.isEmpty()) {
            assertThat(p.err()).contains("(none on the class path)");
        } else {
            real.forEach(name -> assertThat(p.err()).contains(name));
        }
        testOnly.forEach(name -> assertThat(p.err()).doesNotContain(name));
    }

    private static boolean fromTestSources(Object provider) {
        String where = String.valueOf(provider.getClass().getProtectionDomain().getCodeSource().getLocation());
        return where.contains("test-classes") || where.endsWith("-tests.jar");
    }

    @Test
    void tagsTheBundledExampleWithTheEmbeddedDefault() throws Exception {
        Proc p = java("", "tag", "--tags", "../examples/tags.json", "../examples/docs/lumen-math.md");

        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out().lines()).hasSize(1);
        JsonNode r = JSON.readTree(p.out());
        assertThat(r.get("id").asText()).isEqualTo("lumen-math");
        assertThat(r.get("tags").size()).isBetween(1, 3);
    }
}
