package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RepairCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void findsTheAnswerInProseAndPrintsItOnOneLine() throws IOException {
        Path reply = write("reply.txt", "Sure! Here are the tags:\n{\"id\": \"7628\",\n \"tags\": [\"ai\", \"math\",]}\nHope this helps.");

        Cli.Run run = Cli.run("repair", reply.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly("{\"id\":\"7628\",\"tags\":[\"ai\",\"math\"]}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stdinForms")
    void readsTheReplyFromStandardInput(String name, List<String> args) {
        Cli.Run run = Cli.runWithStdin("{'tags': ['café', 'ai']}", args.toArray(String[]::new));

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"tags\":[\"café\",\"ai\"]}");
    }

    static Stream<Arguments> stdinForms() {
        return Stream.of(
                Arguments.of("no argument", List.of("repair")),
                Arguments.of("dash", List.of("repair", "-")),
                Arguments.of("raw, no argument", List.of("repair", "--raw")),
                Arguments.of("raw, dash", List.of("repair", "--raw", "-")));
    }

    @Test
    void rawRepairsTheWholeTextAsNearJson() {
        Cli.Run run = Cli.runWithStdin("{tags: ['ai', '3d',], /* two */ id: '9'}", "repair", "--raw");

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"tags\":[\"ai\",\"3d\"],\"id\":\"9\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noJson")
    void nothingJsonLikeExitsThreeWithOneLineOnStandardError(String name, String reply, List<String> args) {
        Cli.Run run = Cli.runWithStdin(reply, args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("tagger repair: ");
    }

    static Stream<Arguments> noJson() {
        return Stream.of(
                Arguments.of("prose only", "I am sorry, I cannot assign tags to this document.", List.of("repair")),
                Arguments.of("empty reply", "", List.of("repair")),
                Arguments.of("blank reply, raw", "  \n ", List.of("repair", "--raw")),
                Arguments.of("empty reply, raw", "", List.of("repair", "--raw")));
    }

    @Test
    void missingReplyFileExitsTwo() {
        Cli.Run run = Cli.run("repair", dir.resolve("none.txt").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains("reply not found: ");
    }

    @Test
    void jsonlWritesOneLinePerInputInOrderWithErrorLinesForBadOnes() throws IOException {
        Path in = write("in.jsonl", String.join("\n",
                "{\"input\":\"Answer: {\\\"tags\\\":[\\\"ai\\\",]}\"}",
                "",
                "{\"input\":\"no json here at all.\"}",
                "this line is not JSON",
                "{\"text\":\"no input member\"}",
                "{\"input\":42}",
                "[\"an array\"]",
                "{\"input\":\"{\\\"a\\\":1}\"} trailing",
                "{\"input\":\"{'tags':['3d']}\"}",
                ""));

        Cli.Run run = Cli.run("repair", "--jsonl", in.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("{\"output\":{\"tags\":[\"ai\"]}}");
        assertError(lines.get(1), "line 3: ");
        assertError(lines.get(2), "line 4: not a JSON object");
        assertError(lines.get(3), "line 5: no string \"input\" member");
        assertError(lines.get(4), "line 6: no string \"input\" member (found NUMBER)");
        assertError(lines.get(5), "line 7: expected {\"input\":\"…\"}, found ARRAY");
        assertError(lines.get(6), "line 8: not a JSON object");
        assertThat(lines.get(7)).isEqualTo("{\"output\":{\"tags\":[\"3d\"]}}");
    }

    private static void assertError(String line, String message) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
        assertThat(n.fieldNames()).toIterable().containsExactly("output", "error");
        assertThat(n.get("output").isNull()).isTrue();
        assertThat(n.get("error").asText()).startsWith(message);
    }

    @Test
    void jsonlRawRepairsEachInputAsNearJson() throws IOException {
        Path in = write("raw.jsonl", "{\"input\":\"[1,2,]\"}\n{\"input\":\"\"}\n");

        Cli.Run run = Cli.run("repair", "--raw", "--jsonl", in.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).isEqualTo("{\"output\":[1,2]}");
        assertError(run.outLines().get(1), "line 2: ");
    }

    @Test
    void jsonlReadsStandardInput() {
        Cli.Run run = Cli.runWithStdin("{\"input\":\"{\\\"x\\\":true}\"}\n", "repair", "--jsonl", "-");

        assertThat(run.outLines()).containsExactly("{\"output\":{\"x\":true}}");
    }

    @Test
    void jsonlWithAFileArgumentTooIsAUsageError() throws IOException {
        Path in = write("in.jsonl", "{\"input\":\"{}\"}\n");

        Cli.Run run = Cli.run("repair", "--jsonl", in.toString(), in.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains("give either FILE or --jsonl, not both");
    }

    @Test
    void missingJsonlFileExitsTwo() {
        Cli.Run run = Cli.run("repair", "--jsonl", dir.resolve("none.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("input file not found: ");
    }
}
