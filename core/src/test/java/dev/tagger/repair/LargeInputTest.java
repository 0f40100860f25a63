package dev.tagger.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.tagger.TaggerException.Reason;
import dev.tagger.extract.ReplyReader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-megabyte hostile replies go through both layers once: each ends in a value or a
 * {@link RepairException}, never a stack overflow or another exception. How fast they finish is measured
 * by {@code RepairBenchmark} in the bench module, not here.
 */
class LargeInputTest {

    private static final int MB = 1 << 20;

    static Stream<Arguments> hostile() {
        // the outcome of the generic repair and of the reply reader: a Reason, or the kind of value
        return Stream.of(
                arguments("open brackets", "[".repeat(MB), Reason.TOO_DEEP, Reason.TOO_DEEP),
                arguments("open braces", "{".repeat(MB), Reason.TOO_DEEP, Reason.TOO_DEEP),
                arguments("quotes", "\"".repeat(MB), JsonNodeType.STRING, JsonNodeType.STRING),
                arguments("backslashes", "\\".repeat(MB), Reason.NO_JSON, Reason.NO_JSON),
                arguments("quote then backslashes", "\"" + "\\".repeat(MB), JsonNodeType.STRING, JsonNodeType.STRING),
                arguments("escaped quotes", "\\\"".repeat(MB / 2), Reason.NO_JSON, Reason.NO_JSON),
                arguments("function calls", "f(".repeat(MB / 2), Reason.TOO_DEEP, Reason.NO_JSON),
                arguments("string concatenation", "\"a\" +".repeat(MB / 5), JsonNodeType.STRING, JsonNodeType.STRING),
                arguments("unterminated strings", "[" + "\"a, ".repeat(MB / 4) + "]", JsonNodeType.ARRAY, JsonNodeType.ARRAY),
                arguments("quotes inside words", "[\"" + "a\" b ".repeat(MB / 5) + "]", JsonNodeType.ARRAY, JsonNodeType.ARRAY),
                // a lone minus reads as -0, as in jsonrepair; the reader finds one in the prose
                arguments("list bullets", "- ".repeat(MB / 2), Reason.NO_JSON, JsonNodeType.NUMBER),
                arguments("closed nesting", ("[".repeat(500) + "]".repeat(500)).repeat(MB / 1000), JsonNodeType.ARRAY, JsonNodeType.ARRAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void endsInAValueOrARepairException(String name, String text, Object repaired, Object read) {
        assertThat(outcome(() -> JsonRepair.repairWithReport(text))).as("JsonRepair: " + name).isEqualTo(repaired);
        assertThat(outcome(() -> ReplyReader.read(text))).as("ReplyReader: " + name).isEqualTo(read);
    }

    /** The reason of the RepairException, or the kind of the value: anything else thrown fails the test. */
    private static Object outcome(java.util.function.Supplier<Repaired> read) {
        try {
            return read.get().value().getNodeType();
        } catch (RepairException e) {
            return e.reason();
        }
    }
}
