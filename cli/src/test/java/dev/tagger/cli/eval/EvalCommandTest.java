package dev.tagger.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.tagger.cli.TaggerCli;
import picocli.CommandLine;

class EvalCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    /** Runs {@code tagger eval ARGS} as the command line does, error reporting included. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "eval";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine cl = TaggerCli.commandLine(new TaggerCli(new java.io.ByteArrayInputStream(new byte[0])),
                new PrintWriter(out, true), new PrintWriter(err, true));
        int exit = cl.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    static String resource(String name) throws Exception {
        return Path.of(EvalCommandTest.class.getResource(name).toURI()).toString();
    }

    @Test
    void printsTheFiguresAndWritesTheReport() throws Exception {
        Path report = dir.resolve("report.json");
        Run r = run("--tags", resource("tags.json"), "--in", resource("labelled.jsonl"), "--backend", "fake-eval",
                "--report", report.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("backend: fake-eval", "micro:  precision 0.800  recall 0.429  F1 0.558",
                "macro:", "exact match: 0.286   at least one correct: 0.429", "documents/s",
                "predicted tags outside the list: 0", "per tag:", "worst documents:", "d6", "ERROR");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("backend").asText()).isEqualTo("fake-eval");
        assertThat(json.get("documents")).hasSize(7);
        assertThat(json.get("documents").get(1).get("id").asText()).isEqualTo("d2");
        assertThat(json.get("documents").get(1).get("predicted").get(0).asText()).isEqualTo("database");
    }

    @Test
    void comparesSeveralBackendsInOneRun() throws Exception {
        Path report = dir.resolve("both.json");
        Run r = run("--tags", resource("tags.json"), "--in", resource("labelled.jsonl"),
                "--backend", "fake-eval,fake-eval", "--max", "1", "--report", report.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("comparison (7 documents, max 1):");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("runs")).hasSize(2);
        // --max 1 keeps only the first of d1's two tags
        assertThat(json.get("runs").get(0).get("documents").get(0).get("predicted")).hasSize(1);
    }

    @Test
    void exitsOneWhenEveryDocumentFails() throws Exception {
        Path in = dir.resolve("fail.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"FAIL\",\"gold\":[\"ai\"]}\n{\"id\":\"b\",\"text\":\"FAIL\",\"gold\":[]}\n");
        Run r = run("--tags", resource("tags.json"), "--in", in.toString(), "--backend", "fake-eval");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("documents: 2 (failed: 2)");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("--backend", "nope"), "unknown backend 'nope'; known backends: "),
                Arguments.of(List.of("--max", "0"), "--max must be at least 1, got 0"),
                Arguments.of(List.of("--tags", "/no/such/tags.json"), "cannot read tag list /no/such/tags.json"),
                Arguments.of(List.of("--in", "/no/such/in.jsonl"), "cannot read /no/such/in.jsonl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void exitsTwoOnBadInputNamingTheProblem(List<String> override, String message) throws Exception {
        List<String> args = new ArrayList<>(List.of("--tags", resource("tags.json"), "--in", resource("labelled.jsonl"),
                "--backend", "fake-eval"));
        for (int i = 0; i < override.size(); i += 2) {
            int at = args.indexOf(override.get(i));
            if (at < 0) {
                args.add(override.get(i));
                args.add(override.get(i + 1));
            } else {
                args.set(at + 1, override.get(i + 1));
            }
        }
        Run r = run(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        if (message.startsWith("unknown backend")) {
            assertThat(r.err()).contains("embedded", "embedding-baseline", "fake-eval");
        }
    }

    @Test
    void exitsTwoOnAMalformedLineNamingIt() throws Exception {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"tags: ai\",\"gold\":[]}\n{\"id\":\"b\",\"text\":\"x\"}\n");
        Run r = run("--tags", resource("tags.json"), "--in", in.toString(), "--backend", "fake-eval");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(in + " line 2 has no \"gold\" array (use [] when no tag fits)");
    }
}
