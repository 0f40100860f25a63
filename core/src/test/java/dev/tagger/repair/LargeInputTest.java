package dev.tagger.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
        return Stream.of(
                arguments("open brackets", "[".repeat(MB), Reason.TOO_DEEP),
                arguments("open braces", "{".repeat(MB), Reason.TOO_DEEP),
                arguments("quotes", "\"".repeat(MB), null),
                arguments("backslashes", "\\".repeat(MB), Reason.NO_JSON),
                arguments("quote then backslashes", "\"" + "\\".repeat(MB), null),
                arguments("escaped quotes", "\\\"".repeat(MB / 2), Reason.NO_JSON),
                arguments("function calls", "f(".repeat(MB / 2), Reason.TOO_DEEP),
                arguments("string concatenation", "\"a\" +".repeat(MB / 5), null),
                arguments("unterminated strings", "[" + "\"a, ".repeat(MB / 4) + "]", null),
                arguments("quotes inside words", "[\"" + "a\" b ".repeat(MB / 5) + "]", null),
                arguments("list bullets", "- ".repeat(MB / 2), Reason.NO_JSON),
                arguments("closed nesting", ("[".repeat(500) + "]".repeat(500)).repeat(MB / 1000), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void endsInAValueOrARepairException(String name, String text, Reason expected) {
        Reason got = reasonOrNull(() -> JsonRepair.repairWithReport(text));
        if (expected != null) {
            assertThat(got).as(name).isEqualTo(expected);
        }
        reasonOrNull(() -> ReplyReader.read(text));
    }

    private static Reason reasonOrNull(java.util.function.Supplier<Repaired> read) {
        try {
            assertThat(read.get().value()).isNotNull();
            return null;
        } catch (RepairException e) {
            return e.reason();
        }
    }
}
