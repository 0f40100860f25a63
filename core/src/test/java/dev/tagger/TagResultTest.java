package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.spi.TokenUsage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagResultTest {

    static final TagSet TAGS = TagSet.fromJson("[{\"id\":17,\"name\":\"ai\"},{\"id\":\"a7\",\"name\":\"ui\"},{\"id\":81,\"name\":\"game-engine \"}]");

    static TagResult result() {
        Attempt a = new Attempt("ollama", 1, Attempt.Outcome.USED, Duration.ofMillis(12), "{\"tags\":[\"ai\",]}",
                List.of("TRAILING_COMMA"), List.of("'x': not in the tag list"), new TokenUsage(100, 7), "");
        return new TagResult("7628", TAGS.tags(), Status.REPAIRED, "ollama", new Diagnostics(List.of(a), Duration.ofMillis(15)));
    }

    @Test
    void writesNamesExactlyAsGiven() {
        assertThat(result().toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"ai\",\"ui\",\"game-engine \"]}");
    }

    @Test
    void writesIdsInTheKindTheyWereGiven() {
        assertThat(result().toJson(OutputFormat.IDS)).isEqualTo("{\"id\":\"7628\",\"tags\":[17,\"a7\",81]}");
    }

    @Test
    void writesObjects() {
        assertThat(result().toJson(OutputFormat.OBJECTS)).isEqualTo(
                "{\"id\":\"7628\",\"tags\":[{\"id\":17,\"name\":\"ai\"},{\"id\":\"a7\",\"name\":\"ui\"},{\"id\":81,\"name\":\"game-engine \"}]}");
    }

    @Test
    void explainCarriesStatusBackendAttemptsAndDiagnostics() {
        String json = result().toExplainJson(OutputFormat.NAMES);

        assertThat(json).contains("\"status\":\"REPAIRED\"", "\"backend\":\"ollama\"", "\"attempts\":1",
                "\"repairs\":[\"TRAILING_COMMA\"]", "\"dropped\":[\"'x': not in the tag list\"]",
                "\"tokens\":{\"input\":100,\"output\":7}", "\"rawReply\":\"{\\\"tags\\\":[\\\"ai\\\",]}\"");
    }

    @Test
    void idIsEscapedNotInjected() {
        TagResult r = new TagResult("a\"b", List.of(), Status.FAILED, "", new Diagnostics(List.of(), Duration.ZERO));

        assertThat(r.toJson()).isEqualTo("{\"id\":\"a\\\"b\",\"tags\":[]}");
    }
}
