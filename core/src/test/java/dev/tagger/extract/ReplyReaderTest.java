package dev.tagger.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException.Reason;
import dev.tagger.repair.Repair;
import dev.tagger.repair.RepairException;
import dev.tagger.repair.Repaired;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replies to a tagging prompt, one table per way a model wraps its answer. */
class ReplyReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void check(String reply, String expectedJson, Repair step) throws Exception {
        Repaired r = ReplyReader.read(reply);
        JsonNode expected = MAPPER.readTree(expectedJson);
        assertThat(r.value()).as("answer read from <%s>", reply).isEqualTo(expected);
        if (step != null) {
            assertThat(r.repairs()).as("repairs of <%s>", reply).contains(step);
        }
    }

    static Stream<Arguments> thinkBlocks() {
        return Stream.of(
                arguments("<think>\nslow pages, so performance. maybe {\"tags\":[\"ui\"]}?\n</think>\n{\"id\":\"7628\",\"tags\":[\"performance\"]}",
                        "{\"id\":\"7628\",\"tags\":[\"performance\"]}"),
                arguments("<THINK>billing</THINK>{\"id\":\"7628\",\"tags\":[\"billing\"],}", "{\"id\":\"7628\",\"tags\":[\"billing\"]}"),
                arguments("reasoning with no opening tag {\"tags\":[\"x\"]}</think>{\"id\":\"7628\",\"tags\":[\"ai\"]}",
                        "{\"id\":\"7628\",\"tags\":[\"ai\"]}"),
                arguments("{\"id\":\"7628\",\"tags\":[\"ai\"]}\n<think>second thoughts that never end", "{\"id\":\"7628\",\"tags\":[\"ai\"]}"));
    }

    @ParameterizedTest
    @MethodSource("thinkBlocks")
    void dropsThinkBlocksBeforeTheAnswer(String reply, String expected) throws Exception {
        check(reply, expected, Repair.THINK_BLOCK);
    }

    static Stream<Arguments> boxed() {
        return Stream.of(
                arguments("The final answer is $\\boxed{{\"id\":\"7628\",\"tags\":[\"bug\",\"security\"]}}$",
                        "{\"id\":\"7628\",\"tags\":[\"bug\",\"security\"]}"),
                arguments("\\[\n\\boxed{\\{\"id\":\"7628\",\"tags\":[\"performance\"]\\}}\n\\]", "{\"id\":\"7628\",\"tags\":[\"performance\"]}"),
                arguments("First \\boxed{ui}. On reflection: \\boxed{ai, benchmark}", "[\"ai\",\"benchmark\"]"),
                arguments("So the tags are \\boxed{\\text{ai}, \\text{game-engine}}.", "[\"ai\",\"game-engine\"]"),
                arguments("\\boxed{[\"ai\", '3d']}", "[\"ai\",\"3d\"]"),
                arguments("Answer: {\"tags\":[\"ui\"]} then \\boxed{{\"tags\":[\"ai\"]", "{\"tags\":[\"ai\"]}"));
    }

    @ParameterizedTest
    @MethodSource("boxed")
    void takesTheLastBoxedAnswer(String reply, String expected) throws Exception {
        check(reply, expected, Repair.BOXED);
    }

    static Stream<Arguments> fences() {
        return Stream.of(
                arguments("```JSON\n{\"id\": \"7628\", \"tags\": [\"billing\", \"question\"]}\n```", "{\"id\":\"7628\",\"tags\":[\"billing\",\"question\"]}"),
                arguments("Here:\n```json\n{\"tags\":[\"ai\"]}\n```\nUse {placeholders} in your template.", "{\"tags\":[\"ai\"]}"),
                arguments("```\n{\"tags\":[\"a\"]}\n```\nbetter:\n```json\n{\"tags\":[\"b\"]}\n```", "{\"tags\":[\"b\"]}"),
                arguments("```json\n{\"id\":\"7628\",\"tags\":[\"ai\",", "{\"id\":\"7628\",\"tags\":[\"ai\"]}"));
    }

    @ParameterizedTest
    @MethodSource("fences")
    void readsTheLastFencedAnswer(String reply, String expected) throws Exception {
        check(reply, expected, Repair.CODE_FENCE);
    }

    static Stream<Arguments> prose() {
        return Stream.of(
                arguments("Sure! Here is the tagged item:\n{\"id\":\"7628\",\"tags\":[\"bug\",\"ui\"]}", "{\"id\":\"7628\",\"tags\":[\"bug\",\"ui\"]}"),
                arguments("Answer:\n{\"id\":\"7628\",\"tags\":[]}\n(None of the listed tags [see above] applies.)", "{\"id\":\"7628\",\"tags\":[]}"),
                arguments("First draft: {\"id\":\"7628\",\"tags\":[\"a\",\"b\",\"c\",\"d\"]}\nCorrected:\n{\"id\":\"7628\",\"tags\":[\"a\",\"b\",\"c\"]}",
                        "{\"id\":\"7628\",\"tags\":[\"a\",\"b\",\"c\"]}"),
                arguments("Here it is: {\u201cid\u201d: \u201c7628\u201d, \u201ctags\u201d: [\u201cdocs\u201d]}", "{\"id\":\"7628\",\"tags\":[\"docs\"]}"),
                arguments("Result: {\"id\": \"7628\", \"tags\": [\"docs\",]}", "{\"id\":\"7628\",\"tags\":[\"docs\"]}"),
                arguments("Tags: [\"ai\", \"3d\"] (from the list)", "[\"ai\",\"3d\"]"),
                arguments("{\"id\":\"7628\",\"tags\":[\"ai\"]}\nIn a template you would write {name} [1].", "{\"id\":\"7628\",\"tags\":[\"ai\"]}"),
                arguments("The tags are [ai, benchmark].", "[\"ai\",\"benchmark\"]"),
                arguments("I picked {\"id\":\"7628\",\"tags\":[\"ai\"]} and then wrote {\"id\":\"7628\",\"tags\":[\"ai\",\"b", "{\"id\":\"7628\",\"tags\":[\"ai\",\"b\"]}"));
    }

    @ParameterizedTest
    @MethodSource("prose")
    void findsTheLastCompleteValueInProse(String reply, String expected) throws Exception {
        check(reply, expected, Repair.PROSE);
    }

    static Stream<Arguments> plainReplies() {
        return Stream.of(
                arguments("{\"id\":\"7628\",\"tags\":[\"question\"]}\n{\"id\":\"7628\",\"tags\":[\"question\",\"docs\"]}",
                        "{\"id\":\"7628\",\"tags\":[\"question\",\"docs\"]}"),
                arguments("{'id': '7628', 'tags': ['bug'], 'confident': True}", "{\"id\":\"7628\",\"tags\":[\"bug\"],\"confident\":true}"),
                arguments("{\"id\":\"7628\",\"tags\":[\"bug\",\"perf", "{\"id\":\"7628\",\"tags\":[\"bug\",\"perf\"]}"),
                arguments("  \"ai\"  ", "\"ai\""));
    }

    @ParameterizedTest
    @MethodSource("plainReplies")
    void repairsTheAnswerItself(String reply, String expected) throws Exception {
        check(reply, expected, null);
    }

    static Stream<Arguments> noAnswer() {
        return Stream.of(
                arguments("I cannot tag this document.", "no JSON value in a reply of 27 characters"),
                arguments("", "no JSON value in a reply of 0 characters"),
                arguments("<think>the user wants tags, let me look at {\"tags\":[\"ai\"", "the reply ends inside a <think> block opened at offset 0 with no answer after it"),
                arguments("The answer is \\boxed{}", "the last \\boxed{} of the reply is empty"),
                arguments("\\boxed{ , }", "the last \\boxed{} of the reply holds no value"));
    }

    @ParameterizedTest
    @MethodSource("noAnswer")
    void throwsNoJsonWhenTheReplyHoldsNoAnswer(String reply, String message) {
        assertThatThrownBy(() -> ReplyReader.read(reply))
                .isInstanceOf(RepairException.class)
                .hasMessage(message)
                .extracting(e -> ((RepairException) e).reason())
                .isEqualTo(Reason.NO_JSON);
    }

    @Test
    void listsExtractionStepsBeforeTheRepairsOfTheJson() {
        Repaired r = ReplyReader.read("<think>hm</think>Sure: ```json\n{'tags': ['ai',]}\n```");
        assertThat(r.repairs()).containsExactly(Repair.THINK_BLOCK, Repair.CODE_FENCE, Repair.SINGLE_QUOTES, Repair.TRAILING_COMMA);
    }

    @Test
    void reportsNoRepairForACleanReply() {
        assertThat(ReplyReader.read("{\"id\":\"7628\",\"tags\":[\"ai\"]}").repairs()).isEqualTo(List.of());
    }

    @Test
    void throwsTooLongPastTheBound() {
        String huge = "x".repeat(ReplyReader.MAX_LENGTH + 1);
        assertThatThrownBy(() -> ReplyReader.read(huge))
                .isInstanceOf(RepairException.class)
                .hasMessage("reply of 10485761 characters is longer than the limit of 10485760")
                .extracting(e -> ((RepairException) e).reason())
                .isEqualTo(Reason.TOO_LONG);
    }
}
