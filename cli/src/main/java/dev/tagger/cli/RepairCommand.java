package dev.tagger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.TaggerException;
import dev.tagger.TaggerException.Reason;
import dev.tagger.extract.ReplyReader;
import dev.tagger.repair.JsonRepair;
import dev.tagger.repair.Repaired;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tagger repair}: turns one raw model reply into JSON, or a JSON Lines file of them.
 *
 * <p>Without {@code --raw} the answer is first found in the reply ({@code <think>} blocks,
 * {@code \boxed{}}, code fences, prose; the last complete value wins) by {@link ReplyReader}; with
 * {@code --raw} the whole text is repaired as near-JSON by {@link JsonRepair}.
 */
@Command(name = "repair", versionProvider = TaggerCli.Version.class,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Finds the JSON answer in a raw model reply, repairs it and prints it on one line.",
                "With --jsonl, reads lines {\"input\":\"…\"} and writes one line per input, in order:",
                "  {\"output\":<value>}  or  {\"output\":null,\"error\":\"…\"}",
                "Blank lines are skipped; a malformed line gives an error line and the run goes on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (with --jsonl: whatever the lines held)",
                "2:bad input or usage: missing file, FILE and --jsonl together",
                "3:nothing JSON-like in the reply (one line on standard error says why)"})
final class RepairCommand implements Callable<Integer> {

    // a line with anything after its object is malformed, not silently cut short
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @ParentCommand
    private TaggerCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--raw", description = "Skip the answer-finding: repair the whole text as near-JSON (values one per line or comma-separated become an array; side by side on one line, the last wins).")
    private boolean raw;

    @Option(names = "--jsonl", paramLabel = "IN.jsonl", description = "Repair each {\"input\":\"…\"} line of this file (- for standard input).")
    private String jsonl;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The reply (default: standard input).")
    private String file;

    @Override
    public Integer call() {
        if (jsonl != null && file != null) {
            throw new ParameterException(spec.commandLine(), "give either FILE or --jsonl, not both");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonl != null) {
            repairLines(out);
            return TaggerCli.EXIT_OK;
        }
        String reply = Inputs.readText(file == null ? Inputs.STDIN : file, cli.stdin(), "reply");
        out.println(repair(reply).value().toString());
        out.flush();
        return TaggerCli.EXIT_OK;
    }

    private Repaired repair(String reply) {
        return raw ? JsonRepair.repairWithReport(reply) : ReplyReader.read(reply);
    }

    private void repairLines(PrintWriter out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(jsonl), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                out.println(repairLine(line, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + jsonl + " failed", e);
        } finally {
            out.flush();
        }
    }

    /** One output line for one input line; never throws for what the line holds. */
    String repairLine(String line, int number) {
        ObjectNode result = JSON.createObjectNode();
        String input;
        try {
            input = inputOf(line, number);
        } catch (TaggerException e) {
            return failure(result, e.getMessage());
        }
        try {
            result.set("output", repair(input).value());
            return result.toString();
        } catch (TaggerException e) {
            return failure(result, "line " + number + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // the repairer must never throw anything else; if it does, this line says so and the run goes on
            return failure(result, "line " + number + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String failure(ObjectNode result, String message) {
        result.removeAll();
        result.putNull("output");
        result.put("error", TaggerCli.oneLine(message));
        return result.toString();
    }

    private static String inputOf(String line, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new TaggerException(Reason.INVALID_ARGUMENT, "line " + number + ": not a JSON object: "
                    + e.getOriginalMessage() + " at column " + e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            throw new TaggerException(Reason.INVALID_ARGUMENT, "line " + number + ": expected {\"input\":\"…\"}, found "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        JsonNode input = node.get("input");
        if (input == null || !input.isTextual()) {
            throw new TaggerException(Reason.INVALID_ARGUMENT, "line " + number + ": no string \"input\" member"
                    + (input == null ? "" : " (found " + input.getNodeType() + ")"));
        }
        return input.asText();
    }

    private InputStream open(String arg) throws IOException {
        if (Inputs.STDIN.equals(arg)) {
            return cli.stdin();
        }
        Path path = Inputs.path(arg, "input file");
        Inputs.checkReadable(path, "input file");
        return Files.newInputStream(path);
    }
}
