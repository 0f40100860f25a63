package dev.tagger.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.TaggerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LabelledDocumentTest {

    @Test
    void readsALineWithOptionalAcceptableTags() {
        LabelledDocument d = LabelledDocument.parse("{\"id\":7628,\"text\":\"t\",\"gold\":[\"ai\"],\"lang\":\"en\"}", "x line 1");
        assertThat(d.id()).isEqualTo("7628");
        assertThat(d.gold()).containsExactly("ai");
        assertThat(d.acceptable()).isEmpty();
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("l.jsonl"),
                "\uFEFF{\"id\":\"a\",\"text\":\"t\",\"gold\":[\"ai\"]}\n{\"id\":\"b\",\"text\":\"u\",\"gold\":[]}\n");

        assertThat(LabelledDocument.readJsonl(f)).extracting(LabelledDocument::id).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[1,2]                                      | is not a JSON object",
            "{\"id\":                                   | is not valid JSON (JsonEOFException)",
            "{\"text\":\"t\",\"gold\":[]}               | has no string \"id\"",
            "{\"id\":\"a\",\"gold\":[]}                 | has no string \"text\"",
            "{\"id\":\"a\",\"text\":\"t\"}              | has no \"gold\" array (use [] when no tag fits)",
            "{\"id\":\"a\",\"text\":\"t\",\"gold\":\"ai\"} | has a \"gold\" that is not an array",
            "{\"id\":\"a\",\"text\":\"t\",\"gold\":[1]} | has a non-string entry in \"gold\": 1",
            "{\"id\":\"a\",\"text\":\"t\",\"gold\":[],\"acceptable\":{}} | has a \"acceptable\" that is not an array"})
    void rejectsAMalformedLineNamingItAndTheProblem(String line, String problem) {
        assertThatThrownBy(() -> LabelledDocument.parse(line, "in.jsonl line 4"))
                .isInstanceOf(TaggerException.class)
                .hasMessage("in.jsonl line 4 " + problem)
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.INVALID_ARGUMENT);
    }
}
