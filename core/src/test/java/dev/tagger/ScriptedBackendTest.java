package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.tagger.scripted.ScriptedBackendProvider;
import dev.tagger.scripted.ScriptedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * End to end through the backend SPI: {@code tagger.backend=scripted} finds the test-only provider by
 * {@link java.util.ServiceLoader}; its {@code ChatBackend} renders the prompt, the scripted model
 * replies, and the reply is extracted, repaired and resolved into the result's JSON.
 */
class ScriptedBackendTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String README = resource("docs/lumenstore-readme.md");
    static final TagSet TAGS = TagSet.fromJson(resource("tags/tags.json"));
    static final Document DOC = new Document("7628", README);

    static String resource(String path) {
        try (InputStream in = ScriptedBackendTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tagger over the scripted backend, and the key its requests are recorded under. */
    record Scripted(Tagger tagger, String transcript) {
        List<ScriptedModel.Sent> sent() {
            return ScriptedBackendProvider.transcript(transcript);
        }
    }

    static Scripted tagger(String model, String... replies) {
        String key = UUID.randomUUID().toString();
        try {
            TaggerConfig cfg = TaggerConfig.builder().backend("scripted")
                    .set(ScriptedBackendProvider.REPLIES, JSON.writeValueAsString(replies))
                    .set(ScriptedBackendProvider.MODEL, model)
                    .set(ScriptedBackendProvider.TRANSCRIPT, key)
                    .build();
            return new Scripted(Tagger.builder().tags(TAGS).maxTags(3).config(cfg).build(), key);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void configurationAlonePicksTheScriptedBackendAndACleanAnswerIsOk() {
        Scripted s = tagger("llama3.1:8b", "{\"id\":\"7628\",\"tags\":[\"key-value\",\"storage\",\"rust\"]}");

        TagResult r = s.tagger().tag(DOC);

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"key-value\",\"storage\",\"rust\"]}");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.backend()).isEqualTo("scripted");
        ScriptedModel.Sent sent = s.sent().get(0);
        assertThat(sent.system()).isPresent();
        assertThat(sent.user()).contains("\"game-engine \"", "<document>", "{\"id\":\"7628\",\"tags\":[...]}");
        assertThat(sent.parameters().temperature()).isZero();
        assertThat(sent.parameters().responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(sent.parameters().responseFormat().jsonSchema().name()).isEqualTo("tagger_answer");
    }

    @Test
    void aMessyAnswerIsExtractedRepairedAndResolved() {
        Scripted s = tagger("llama3.1:8b", "Sure! Here are the tags:\n```json\n"
                + "{\"id\":\"7628\",\"tags\":[\"Key Value\",\"storage\",\"blockchain-magic\",\"rust\",\"database\",]}\n```");

        TagResult r = s.tagger().tag(DOC);

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"key-value\",\"storage\",\"rust\"]}");
        assertThat(r.status()).isEqualTo(Status.REPAIRED);
        assertThat(r.diagnostics().dropped()).anyMatch(d -> d.contains("blockchain-magic"));
    }

    @Test
    void anUnusableAnswerIsReAskedWithItsReasonAndTheSecondAnswerIsUsed() {
        Scripted s = tagger("llama3.1:8b",
                "{\"id\":\"7628\",\"tags\":[\"blockchain-magic\"]}",
                "{\"id\":\"7628\",\"tags\":[\"database\",\"embedded\"]}");

        TagResult r = s.tagger().tag(DOC);

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"database\",\"embedded\"]}");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.diagnostics().attempts().get(0).outcome()).isEqualTo(Attempt.Outcome.UNUSABLE);
        String reason = r.diagnostics().attempts().get(0).problem();
        assertThat(reason).isNotBlank();
        List<ScriptedModel.Sent> sent = s.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).user()).doesNotContain("previous answer");
        assertThat(sent.get(1).user()).contains("Your previous answer could not be used: " + reason);
    }

    @Test
    void aReplyWithNoJsonIsReAskedToo() {
        Scripted s = tagger("llama3.1:8b", "I am not sure which tags fit this document.",
                "{\"id\":\"7628\",\"tags\":[\"database\"]}");

        TagResult r = s.tagger().tag(DOC);

        assertThat(r.names()).containsExactly("database");
        assertThat(s.sent().get(1).user()).contains("Your previous answer could not be used: "
                + r.diagnostics().attempts().get(0).problem().replaceAll("\\s+", " ").strip());
    }

    @Test
    void anUnusableReplyIsKeptInTheDiagnosticsWithItsReason() {
        Scripted s = tagger("llama3.1:8b", "I am not sure which tags fit this document.",
                "{\"id\":\"7628\",\"tags\":[\"database\"]}");

        TagResult r = s.tagger().tag(DOC);

        Attempt first = r.diagnostics().attempts().get(0);
        assertThat(first.outcome()).isEqualTo(Attempt.Outcome.UNUSABLE);
        assertThat(first.rawReply()).isEqualTo("I am not sure which tags fit this document.");
        assertThat(first.problem()).isNotBlank().doesNotContain("I am not sure");
        assertThat(r.diagnostics().rawReplies()).containsExactly("I am not sure which tags fit this document.",
                "{\"id\":\"7628\",\"tags\":[\"database\"]}");
        assertThat(r.status()).isEqualTo(Status.REPAIRED);
    }

    @Test
    void deepSeekMathGetsNoSystemMessageAndItsBoxedAnswerIsRead() {
        Scripted s = tagger("deepseek-math-7b-instruct", "The document describes an embedded key-value store. "
                + "It stores data, so storage fits; it is written in Rust.\n"
                + "\\boxed{{\"id\":\"7628\",\"tags\":[\"storage\",\"key-value\",\"rust\"]}}");

        TagResult r = s.tagger().tag(DOC);

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"storage\",\"key-value\",\"rust\"]}");
        ScriptedModel.Sent sent = s.sent().get(0);
        assertThat(sent.system()).isEmpty();
        assertThat(sent.user()).endsWith("\nPlease reason step by step, and put your final answer within \\boxed{}.");
        assertThat(sent.parameters().responseFormat()).isNull();
        assertThat(sent.parameters().maxOutputTokens()).isEqualTo(768);
    }

    @Test
    void aBaseModelCompletesTheArrayAndTheAnswerPrefixIsPutBack() {
        Scripted s = tagger("deepseek-math-7b-base", "\"key-value\", \"database\"");

        TagResult r = s.tagger().tag(DOC);

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"key-value\",\"database\"]}");
        assertThat(s.sent().get(0).user()).endsWith("Answer: {\"id\":\"7628\",\"tags\":[");
        assertThat(s.sent().get(0).parameters()).isNull();
    }

    @Test
    void aServerThatRejectsTheSchemaIsAskedAgainWithoutItFromThenOn() {
        Scripted s = tagger("llama3.1:8b", "!invalid-request",
                "{\"id\":\"7628\",\"tags\":[\"database\"]}",
                "{\"id\":\"7629\",\"tags\":[\"storage\"]}");

        TagResult first = s.tagger().tag(DOC);
        TagResult second = s.tagger().tag(new Document("7629", "An object storage service."));

        assertThat(first.names()).containsExactly("database");
        assertThat(second.toJson()).isEqualTo("{\"id\":\"7629\",\"tags\":[\"storage\"]}");
        List<ScriptedModel.Sent> sent = s.sent();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).parameters().responseFormat()).isNotNull();
        assertThat(sent.get(1).parameters().responseFormat()).isNull();
        assertThat(sent.get(2).parameters().responseFormat()).isNull();
    }

    @Test
    void anUnknownBackendNameListsTheKnownOnes() {
        TaggerConfig cfg = TaggerConfig.builder().backend("olama").build();

        assertThatThrownBy(() -> Tagger.builder().tags(TAGS).config(cfg).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown backend 'olama'; known backends: ")
                .hasMessageContaining("scripted")
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.UNKNOWN_BACKEND);
    }

    @Test
    void theScriptedBackendIsFoundByTheServiceLoader() {
        assertThat(Backends.providers()).containsKey("scripted");
    }

    @Test
    void missingRepliesAreAConfigErrorNamingTheKey() {
        TaggerConfig cfg = TaggerConfig.builder().backend("scripted").build();

        assertThatThrownBy(() -> Tagger.builder().tags(TAGS).config(cfg).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tagger.scripted.replies is not set");
    }
}
