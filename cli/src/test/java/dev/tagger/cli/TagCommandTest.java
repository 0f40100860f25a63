package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Numeric and string ids, and a name with a trailing space as in the seed list. */
    private static final String TAGS = """
            [{"id":77,"name":"cli"},{"id":"a7","name":"python"},{"id":12,"name":"game-engine "},{"id":5,"name":"database"}]
            """;

    /** "python" three times, "cli" twice, "game-engine" once, "database" never. */
    private static final String DOC = """
            # snake-run
            A python CLI that runs python scripts, a small game-engine demo and more python.
            Install the cli with pip.
            """;

    /** One transport attempt per backend: failures move on at once, with no backoff to wait through. */
    private static final String ONE_CALL = "-Dtagger.max-attempts=1";

    @TempDir
    Path dir;

    private Path tags;
    private Path doc;

    @BeforeEach
    void files() throws IOException {
        tags = write("tags.json", TAGS);
        doc = write("snake-run.md", DOC);
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static Cli.Run tag(String... args) {
        List<String> all = new ArrayList<>(List.of("tag", "--backend", "test-keywords"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void printsOneLineOfTagNamesBestFirstWithTheFileNameAsId() {
        Cli.Run run = tag("--tags", tags.toString(), doc.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly("{\"id\":\"snake-run\",\"tags\":[\"python\",\"cli\",\"game-engine \"]}");
    }

    @ParameterizedTest(name = "--format {0}")
    @MethodSource("formats")
    void writesTagsInTheRequestedFormatWithIdsOfTheKindGiven(String format, String expected) {
        Cli.Run run = tag("--tags", tags.toString(), "--max", "2", "--format", format, doc.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(expected + System.lineSeparator());
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("names", "{\"id\":\"snake-run\",\"tags\":[\"python\",\"cli\"]}"),
                Arguments.of("ids", "{\"id\":\"snake-run\",\"tags\":[\"a7\",77]}"),
                Arguments.of("objects", "{\"id\":\"snake-run\",\"tags\":[{\"id\":\"a7\",\"name\":\"python\"},{\"id\":77,\"name\":\"cli\"}]}"),
                Arguments.of("IDS", "{\"id\":\"snake-run\",\"tags\":[\"a7\",77]}"));
    }

    @Test
    void readsAPlainListOfNames() throws IOException {
        Path names = write("names.json", "[\"database\", \"python\"]");

        Cli.Run run = tag("--tags", names.toString(), "--format", "ids", doc.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"id\":\"snake-run\",\"tags\":[\"python\"]}");
    }

    @Test
    void capsTheTagsAtMax() {
        Cli.Run run = tag("--tags", tags.toString(), "--max", "1", doc.toString());

        assertThat(run.out().strip()).isEqualTo("{\"id\":\"snake-run\",\"tags\":[\"python\"]}");
    }

    @Test
    void echoesTheGivenIdAsAString() {
        Cli.Run run = tag("--tags", tags.toString(), "--id", "7628", "--max", "1", doc.toString());

        assertThat(run.out().strip()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"python\"]}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fileNames")
    void derivesTheIdFromTheFileName(String fileName, String expectedId) throws IOException {
        Path file = write(fileName, DOC);

        Cli.Run run = tag("--tags", tags.toString(), file.toString());

        assertThat(JSON.readTree(run.out()).get("id").asText()).isEqualTo(expectedId);
    }

    static Stream<Arguments> fileNames() {
        return Stream.of(
                Arguments.of("README.md", "README"),
                Arguments.of("notes.v2.txt", "notes.v2"),
                Arguments.of("NOTICE", "NOTICE"),
                Arguments.of(".profile", ".profile"),
                Arguments.of("sub/7628.md", "7628"));
    }

    @Test
    void readsTheDocumentFromStandardInputWithIdStdin() {
        Cli.Run run = Cli.runWithStdin(DOC, "tag", "--backend", "test-keywords", "--tags", tags.toString(), "--max", "1", "-");

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"id\":\"stdin\",\"tags\":[\"python\"]}");
    }

    @Test
    void readsTheTagListFromStandardInput() {
        Cli.Run run = Cli.runWithStdin("[\"cli\"]", "tag", "--backend", "test-keywords", "--tags", "-", doc.toString());

        assertThat(run.out().strip()).isEqualTo("{\"id\":\"snake-run\",\"tags\":[\"cli\"]}");
    }

    @Test
    void readsUtf8WithAByteOrderMarkAndKeepsNonAsciiNames() throws IOException {
        Path list = write("bom.json", "\uFEFF[\"café\",\"thé\"]");
        Path text = write("menu.md", "\uFEFFle café du coin, café noir");

        Cli.Run run = tag("--tags", list.toString(), text.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"id\":\"menu\",\"tags\":[\"café\"]}");
    }

    @Test
    void explainPrintsTheWholeResultAsOneJsonObject() throws IOException {
        Cli.Run run = tag("--tags", tags.toString(), "--explain", "--format", "ids", doc.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).hasSize(1);
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("id").asText()).isEqualTo("snake-run");
        assertThat(r.get("tags").toString()).isEqualTo("[\"a7\",77,12]");
        assertThat(r.get("status").asText()).isEqualTo("OK");
        assertThat(r.get("backend").asText()).isEqualTo("test-keywords");
        assertThat(r.get("attempts").asInt()).isEqualTo(1);
        assertThat(r.get("diagnostics")).hasSize(1);
        assertThat(r.get("diagnostics").get(0).get("outcome").asText()).isEqualTo("USED");
    }

    @Test
    void failedTaggingPrintsTheEmptyResultAndExitsOne() throws IOException {
        Cli.Run run = Cli.run("tag", "--backend", "test-down", ONE_CALL, "--tags", tags.toString(), doc.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().strip()).isEqualTo("{\"id\":\"snake-run\",\"tags\":[]}");
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("tagger tag: document 'snake-run' got no tags: every backend failed")
                .contains("test-down: connection refused by 127.0.0.1:9");
    }

    @Test
    void failedTaggingWithExplainSaysWhyInTheResult() throws IOException {
        Cli.Run run = Cli.run("tag", "--backend", "test-down", ONE_CALL, "--explain", "--tags", tags.toString(), doc.toString());

        assertThat(run.exit()).isEqualTo(1);
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("status").asText()).isEqualTo("FAILED");
        assertThat(r.get("diagnostics").get(0).get("problem").asText()).contains("connection refused");
    }

    @Test
    void fallbackChainFromMinusDAnswersWithTheNextBackend() throws IOException {
        Cli.Run run = Cli.run("-Dtagger.fallback=test-down,test-keywords", ONE_CALL, "tag", "--explain", "--max", "1",
                "--tags", tags.toString(), doc.toString());

        assertThat(run.exit()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("status").asText()).isEqualTo("FALLBACK");
        assertThat(r.get("backend").asText()).isEqualTo("test-keywords");
        assertThat(r.get("attempts").asInt()).isEqualTo(2);
        assertThat(r.get("tags").toString()).isEqualTo("[\"python\"]");
    }

    @Test
    void configFileReachesTheBackend() throws IOException {
        Path config = write("tagger.properties", "tagger.backend=test-keyed\ntagger.test-keyed.label=database\n");

        Cli.Run run = Cli.run("tag", "--config", config.toString(), "--tags", tags.toString(), doc.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"id\":\"snake-run\",\"tags\":[\"database\"]}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"before", "after"})
    void minusDOverridesTheConfigFileBeforeOrAfterTheSubcommand(String where) throws IOException {
        Path config = write("tagger.properties", "tagger.backend=test-keyed\ntagger.test-keyed.label=database\n");
        List<String> args = new ArrayList<>();
        if (where.equals("before")) {
            args.addAll(List.of("--config", config.toString(), "-Dtagger.test-keyed.label=cli", "-v", "tag"));
        } else {
            args.addAll(List.of("tag", "--config", config.toString(), "-Dtagger.test-keyed.label=cli", "-v"));
        }
        args.addAll(List.of("--tags", tags.toString(), doc.toString()));

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"id\":\"snake-run\",\"tags\":[\"cli\"]}");
    }

    @Test
    void backendOptionWinsOverTheConfiguredBackend() throws IOException {
        Path config = write("tagger.properties", "tagger.backend=test-down\n");

        Cli.Run run = Cli.run("tag", "--config", config.toString(), "--backend", "TEST-KEYWORDS", "--max", "1",
                "--tags", tags.toString(), doc.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"id\":\"snake-run\",\"tags\":[\"python\"]}");
    }

    /** A bad input: files to write, arguments (with {@code TAGS} and {@code DOC} for their paths), exit code, message. */
    record BadInput(String name, String tagsJson, String docText, List<String> args, int exit, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadInput> badInputs() {
        String t = "[{\"id\":1,\"name\":\"python\"}]";
        return Stream.of(
                new BadInput("missing document", t, null, List.of("--tags", "TAGS", "DIR/nope.md"), 2, "document not found: "),
                new BadInput("document is a directory", t, null, List.of("--tags", "TAGS", "DIR"), 2, "is a directory, not a file"),
                new BadInput("missing tag list", null, DOC, List.of("--tags", "DIR/none.json", "DOC"), 2, "tag list not found: "),
                new BadInput("empty tag list file", "", DOC, List.of("--tags", "TAGS", "DOC"), 2, "tag list is empty"),
                new BadInput("empty tag array", "[]", DOC, List.of("--tags", "TAGS", "DOC"), 2, "tag list is empty"),
                new BadInput("malformed tag list", "[{\"id\":1,", DOC, List.of("--tags", "TAGS", "DOC"), 2, "tag list is not valid JSON"),
                new BadInput("tag list not an array", "{\"ai\":1}", DOC, List.of("--tags", "TAGS", "DOC"), 2, "must be a JSON array"),
                new BadInput("tag without a name", "[{\"id\":1}]", DOC, List.of("--tags", "TAGS", "DOC"), 2, "tag #0 has no string \"name\""),
                new BadInput("duplicate tag names", "[\"Game Engine\",\"game-engine \"]", DOC, List.of("--tags", "TAGS", "DOC"), 2,
                        "duplicate tag name 'game-engine '"),
                new BadInput("duplicate tag ids", "[{\"id\":1,\"name\":\"a\"},{\"id\":1,\"name\":\"b\"}]", DOC,
                        List.of("--tags", "TAGS", "DOC"), 2, "duplicate tag id 1"),
                new BadInput("max zero", t, DOC, List.of("--tags", "TAGS", "--max", "0", "DOC"), 2, "--max must be at least 1, got 0"),
                new BadInput("max negative", t, DOC, List.of("--tags", "TAGS", "--max", "-3", "DOC"), 2, "--max must be at least 1, got -3"),
                new BadInput("max not a number", t, DOC, List.of("--tags", "TAGS", "--max", "two", "DOC"), 2, "'two' is not an int"),
                new BadInput("max above the limit", t, DOC, List.of("--tags", "TAGS", "--max", "1000", "DOC"), 2,
                        "tagger.max-tags='1000'"),
                new BadInput("empty document", t, "", List.of("--tags", "TAGS", "DOC"), 2, "document text is empty"),
                new BadInput("blank document", t, " \n\t\n", List.of("--tags", "TAGS", "DOC"), 2, "document text is empty"),
                new BadInput("unknown backend", t, DOC, List.of("--tags", "TAGS", "--backend", "nope", "DOC"), 2,
                        "unknown backend 'nope'; known backends: "),
                new BadInput("unknown format", t, DOC, List.of("--tags", "TAGS", "--format", "xml", "DOC"), 2,
                        "'xml' is not a format: use names, ids or objects"),
                new BadInput("no --tags", t, DOC, List.of("DOC"), 2, "Missing required option: '--tags=TAGS.json'"),
                new BadInput("no document", t, DOC, List.of("--tags", "TAGS"), 2, "Missing required parameter: 'FILE|-'"),
                new BadInput("unknown option", t, DOC, List.of("--tags", "TAGS", "--colour", "DOC"), 2, "Unknown option: '--colour'"),
                new BadInput("both from stdin", t, DOC, List.of("--tags", "-", "-"), 2, "cannot both be read from standard input"),
                new BadInput("invalid configuration value", t, DOC, List.of("-Dtagger.max-reasks=lots", "--tags", "TAGS", "DOC"), 2,
                        "tagger.max-reasks='lots' (builder) is not an integer"),
                new BadInput("-D outside tagger.*", t, DOC, List.of("-Dfoo.bar=1", "--tags", "TAGS", "DOC"), 2,
                        "-Dfoo.bar: only tagger.* keys can be set this way"),
                new BadInput("missing --config file", t, DOC, List.of("--config", "DIR/none.properties", "--tags", "TAGS", "DOC"), 2,
                        "configuration file not found: "),
                new BadInput("backend needs a key that is not set", t, DOC, List.of("--backend", "test-keyed", "--tags", "TAGS", "DOC"), 2,
                        "tagger.test-keyed.label is not set"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineNamingTheProblem(BadInput bad) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("bad"));
        Path tagsFile = sub.resolve("tags.json");
        Path docFile = sub.resolve("doc.md");
        if (bad.tagsJson() != null) {
            Files.writeString(tagsFile, bad.tagsJson());
        }
        if (bad.docText() != null) {
            Files.writeString(docFile, bad.docText());
        }
        Function<String, String> path = a -> a.replace("TAGS", tagsFile.toString()).replace("DOC", docFile.toString())
                .replace("DIR", sub.toString());
        List<String> args = new ArrayList<>(List.of("tag"));
        if (!bad.args().contains("--backend")) {
            args.addAll(List.of("--backend", "test-keywords"));
        }
        bad.args().stream().map(path).forEach(args::add);

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(bad.exit());
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("tagger tag: ").contains(bad.message());
    }

    @Test
    void unknownBackendListsTheKnownOnes() {
        Cli.Run run = tagWithBackend("nope");

        assertThat(run.err()).contains("test-down", "test-keyed", "test-keywords");
    }

    private Cli.Run tagWithBackend(String name) {
        return Cli.run("tag", "--backend", name, "--tags", tags.toString(), doc.toString());
    }

    @Test
    void verbosePrintsTheStackTraceOfAFailure() {
        Cli.Run run = Cli.run("tag", "-v", "--backend", "nope", "--tags", tags.toString(), doc.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines().get(0)).contains("unknown backend 'nope'");
        assertThat(run.errLines()).anySatisfy(l -> assertThat(l).contains("at dev.tagger.Backends.create"));
    }
}
