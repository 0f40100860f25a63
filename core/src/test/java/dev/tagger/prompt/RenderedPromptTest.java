package dev.tagger.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderedPromptTest {

    static final RenderedPrompt COMPLETION = PromptBuilder.builder().profile(Profile.COMPLETION).build()
            .render(Fixtures.request("7628", "A key-value store in Rust."));

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`\"rust\",\"storage\"`                  | `{\"id\":\"7628\",\"tags\":[\"rust\",\"storage\"]}`",
            "`\"rust\", \"storage\"\n`                | `{\"id\":\"7628\",\"tags\":[\"rust\", \"storage\"]}`",
            "`\"rust\",`                             | `{\"id\":\"7628\",\"tags\":[\"rust\"]}`",
            "``                                      | `{\"id\":\"7628\",\"tags\":[]}`",
            "`\"rust\"]}`                            | `{\"id\":\"7628\",\"tags\":[\"rust\"]}`",
            "`\"rust\"] and more prose`              | `{\"id\":\"7628\",\"tags\":[\"rust\"] and more prose`",
            "`{\"id\":\"7628\",\"tags\":[\"rust\"`   | `{\"id\":\"7628\",\"tags\":[\"rust\"]}`"})
    void completionReplyIsReadWithTheAnswerPrefixPutBack(String reply, String answer) {
        assertThat(COMPLETION.reassemble(reply.replace("\\n", "\n"))).isEqualTo(answer);
    }

    @Test
    void chatReplyIsReadAsItCame() {
        RenderedPrompt p = PromptBuilder.defaults().render(Fixtures.readmeRequest());

        assertThat(p.answerPrefix()).isEmpty();
        assertThat(p.reassemble("  {\"tags\":[\"ai\"]} ")).isEqualTo("  {\"tags\":[\"ai\"]} ");
    }

    @Test
    void chatRequestCarriesMessagesDecodingAndTheSchemaAsResponseFormat() {
        RenderedPrompt p = PromptBuilder.defaults().render(Fixtures.readmeRequest());

        ChatRequest with = p.chatRequest(true);
        ChatRequest without = p.chatRequest(false);

        assertThat(with.messages()).hasSize(2);
        assertThat(with.messages().get(0)).isInstanceOf(SystemMessage.class);
        assertThat(((UserMessage) with.messages().get(1)).singleText()).isEqualTo(p.user());
        assertThat(with.parameters().temperature()).isZero();
        assertThat(with.parameters().maxOutputTokens()).isEqualTo(256);
        assertThat(with.parameters().responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(with.parameters().responseFormat().jsonSchema().name()).isEqualTo(RenderedPrompt.SCHEMA_NAME);
        assertThat(((JsonRawSchema) with.parameters().responseFormat().jsonSchema().rootElement()).schema())
                .isEqualTo(p.jsonSchema().orElseThrow());
        assertThat(without.parameters().responseFormat()).isNull();
    }

    @Test
    void completionStopSequencesGoIntoTheRequestParameters() {
        assertThat(COMPLETION.chatRequest(true).parameters().stopSequences()).containsExactly("]", "\n");
        assertThat(COMPLETION.chatRequest(true).parameters().responseFormat()).isNull();
    }

    @Test
    void toStringNeverShowsTheDocument() {
        RenderedPrompt p = PromptBuilder.defaults().render(Fixtures.request("1", "secret-project-codename Zebra"));

        assertThat(p.toString()).doesNotContain("Zebra").contains("json", "estimatedTokens=");
    }

    @Test
    void legacyConstructorGivesAPlainChatPrompt() {
        RenderedPrompt p = new RenderedPrompt(Optional.of("sys"), "user", 12);

        assertThat(p.messages()).hasSize(2);
        assertThat(p.reassemble("x")).isEqualTo("x");
        assertThat(p.jsonSchema()).isEmpty();
        assertThat(p.budget().steps()).isEqualTo(List.of());
    }
}
