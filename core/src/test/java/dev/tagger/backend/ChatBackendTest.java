package dev.tagger.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Document;
import dev.tagger.TagSet;
import dev.tagger.TaggerException;
import dev.tagger.prompt.Profile;
import dev.tagger.prompt.PromptBuilder;
import dev.tagger.scripted.ScriptedModel;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Proposal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatBackendTest {

    static final BackendRequest REQUEST = new BackendRequest(new Document("7", "An embedded key-value store in Rust."),
            TagSet.ofNames("database", "rust", "game-engine "), 2, List.of());

    static List<String> labels(Proposal p) {
        return p.candidates().stream().flatMap(c -> c.value().isArray()
                ? java.util.stream.StreamSupport.stream(c.value().spliterator(), false) : java.util.stream.Stream.of(c.value()))
                .map(n -> n.asText()).toList();
    }

    @Test
    void aCompletionProfileOnAChatModelSendsOneUserMessageAndPutsThePrefixBack() {
        ScriptedModel model = new ScriptedModel(List.of("\"rust\", \"database\""));
        ChatBackend b = ChatBackend.builder().name("t").chatModel(model)
                .prompts(PromptBuilder.builder().profile(Profile.COMPLETION).build()).build();

        Proposal p = b.propose(REQUEST);

        assertThat(labels(p)).containsExactly("rust", "database");
        assertThat(p.answeredId()).hasValue("7");
        assertThat(p.rawReply()).isEqualTo("\"rust\", \"database\"");
        assertThat(model.sent().get(0).system()).isEmpty();
        assertThat(model.sent().get(0).user()).endsWith("{\"id\":\"7\",\"tags\":[");
        assertThat(model.sent().get(0).parameters().stopSequences()).containsExactly("]", "\n");
    }

    @Test
    void aChatProfileOnACompletionModelSendsSystemAndUserAsOneText() {
        ScriptedModel model = new ScriptedModel(List.of("{\"id\":\"7\",\"tags\":[\"rust\"]}"));
        PromptBuilder prompts = PromptBuilder.defaults();
        ChatBackend b = ChatBackend.builder().name("t").languageModel(model).prompts(prompts).build();

        Proposal p = b.propose(REQUEST);

        assertThat(labels(p)).containsExactly("rust");
        assertThat(model.sent().get(0).user()).isEqualTo(prompts.render(REQUEST).completionText())
                .startsWith("You are a precise document tagger.");
    }

    @Test
    void schemaIsNotSentWhenTheAdapterTurnsItOff() {
        ScriptedModel model = new ScriptedModel(List.of("{\"id\":\"7\",\"tags\":[\"rust\"]}"));
        ChatBackend b = ChatBackend.builder().name("t").chatModel(model).jsonSchema(false).build();

        b.propose(REQUEST);

        assertThat(model.sent().get(0).parameters().responseFormat()).isNull();
        assertThat(b.sendsJsonSchema()).isFalse();
    }

    @Test
    void aTransportFaultIsNotTakenForASchemaRejection() {
        ScriptedModel model = new ScriptedModel(List.of("!unavailable", "{\"id\":\"7\",\"tags\":[\"rust\"]}"));
        ChatBackend b = ChatBackend.builder().name("t").chatModel(model).build();

        assertThatThrownBy(() -> b.propose(REQUEST))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("t: RetriableException: connection reset")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue())
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.BACKEND_UNAVAILABLE);
        assertThat(model.sent()).hasSize(1);
        assertThat(b.sendsJsonSchema()).isTrue();
        assertThat(b.propose(REQUEST).candidates()).isNotEmpty();
        assertThat(model.sent().get(1).parameters().responseFormat()).isNotNull();
    }

    @Test
    void aSchemaRejectionIsRememberedByTheBackend() {
        ScriptedModel model = new ScriptedModel(List.of("!invalid-request", "{\"id\":\"7\",\"tags\":[\"rust\"]}"));
        ChatBackend b = ChatBackend.builder().name("t").chatModel(model).build();

        b.propose(REQUEST);
        b.propose(REQUEST);

        assertThat(model.sent()).extracting(s -> s.parameters().responseFormat() != null).containsExactly(true, false, false);
        assertThat(b.sendsJsonSchema()).isFalse();
    }

    @Test
    void aRequestRejectedWithAndWithoutTheSchemaKeepsTheSchemaOn() {
        ScriptedModel model = new ScriptedModel(List.of("!invalid-request", "!invalid-request", "{\"id\":\"7\",\"tags\":[\"rust\"]}"));
        ChatBackend b = ChatBackend.builder().name("t").chatModel(model).build();

        assertThatThrownBy(() -> b.propose(REQUEST))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse())
                .extracting(e -> ((TaggerException) e).reason()).isEqualTo(TaggerException.Reason.BACKEND_REJECTED);
        assertThat(b.sendsJsonSchema()).isTrue();
        b.propose(REQUEST);
        assertThat(model.sent()).extracting(s -> s.parameters().responseFormat() != null).containsExactly(true, false, true);
    }

    @Test
    void theAdapterReadsTheProfileAndDecodingFromTheBackendsPrompts() {
        PromptBuilder prompts = PromptBuilder.builder().profile(Profile.DEEPSEEK_MATH).build();
        ChatBackend b = ChatBackend.builder().name("t").chatModel(new ScriptedModel(List.of("x"))).prompts(prompts).build();

        assertThat(b.prompts().profile().name()).isEqualTo(Profile.DEEPSEEK_MATH);
        assertThat(b.prompts().decoding().contextTokens()).isEqualTo(4096);
    }
}
