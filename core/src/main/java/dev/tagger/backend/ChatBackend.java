package dev.tagger.backend;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.language.LanguageModel;
import dev.langchain4j.model.output.Response;
import dev.tagger.extract.ReplyReader;
import dev.tagger.prompt.PromptBuilder;
import dev.tagger.prompt.RenderedPrompt;
import dev.tagger.TaggerException;
import dev.tagger.repair.Repair;
import dev.tagger.repair.RepairException;
import dev.tagger.repair.Repaired;
import dev.tagger.resolve.Resolver;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Proposal;
import dev.tagger.spi.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A backend over a LangChain4j {@link ChatModel} (chat endpoints) or {@link LanguageModel}
 * (completion endpoints): prompt, call, extract, repair, read the answer. Adapters build the model
 * from configuration and hand it here, so every language-model backend shares one pipeline.
 *
 * <p>Thread-safe when the model is, as LangChain4j's HTTP models are.
 */
public final class ChatBackend implements Backend {

    private final String name;
    private final ChatModel chatModel;
    private final LanguageModel languageModel;
    private final PromptBuilder prompts;

    private ChatBackend(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        if ((b.chatModel == null) == (b.languageModel == null)) {
            throw new IllegalArgumentException("exactly one of chatModel and languageModel must be set");
        }
        this.chatModel = b.chatModel;
        this.languageModel = b.languageModel;
        this.prompts = b.prompts;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean acceptsCorrections() {
        return true;
    }

    @Override
    public Proposal propose(BackendRequest request) {
        RenderedPrompt prompt = prompts.render(request);
        String reply;
        TokenUsage usage;
        try {
            if (chatModel != null) {
                List<ChatMessage> messages = new ArrayList<>();
                prompt.system().ifPresent(s -> messages.add(SystemMessage.from(s)));
                messages.add(UserMessage.from(prompt.user()));
                ChatResponse r = chatModel.chat(ChatRequest.builder().messages(messages).build());
                reply = r.aiMessage() == null || r.aiMessage().text() == null ? "" : r.aiMessage().text();
                usage = usage(r.tokenUsage(), prompt.estimatedTokens());
            } else {
                Response<String> r = languageModel.generate(prompt.user());
                reply = r.content() == null ? "" : r.content();
                usage = usage(r.tokenUsage(), prompt.estimatedTokens());
            }
        } catch (RuntimeException e) {
            throw translate(e);
        }
        Repaired repaired = ReplyReader.read(reply);
        Resolver.Answer answer = Resolver.readAnswer(repaired.value());
        if (!answer.hasTags()) {
            // {} or {"id":"7628"}: the model answered, but not the question; an empty "tags" list is an answer
            throw new RepairException(TaggerException.Reason.UNUSABLE_REPLY, "the answer has no \"tags\" list");
        }
        return new Proposal(answer.candidates(), answer.answeredId(), reply,
                repaired.repairs().stream().map(Repair::name).toList(), usage);
    }

    private static TokenUsage usage(dev.langchain4j.model.output.TokenUsage u, int estimatedInput) {
        if (u == null) {
            return new TokenUsage(estimatedInput, 0);
        }
        int in = u.inputTokenCount() == null ? estimatedInput : u.inputTokenCount();
        int out = u.outputTokenCount() == null ? 0 : u.outputTokenCount();
        return new TokenUsage(in, out);
    }

    /** Maps LangChain4j's exceptions onto retryable or not; see {@link Failures}. */
    BackendException translate(RuntimeException e) {
        return Failures.translate(name, e);
    }

    /** Builds a {@link ChatBackend}. */
    public static final class Builder {
        private String name;
        private ChatModel chatModel;
        private LanguageModel languageModel;
        private PromptBuilder prompts = PromptBuilder.defaults();

        private Builder() {
        }

        /** The name results and logs show, such as {@code ollama}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A chat model; mutually exclusive with {@link #languageModel}. */
        public Builder chatModel(ChatModel model) {
            this.chatModel = model;
            return this;
        }

        /** A completion model; mutually exclusive with {@link #chatModel}. */
        public Builder languageModel(LanguageModel model) {
            this.languageModel = model;
            return this;
        }

        /** How prompts are built; the default profile otherwise. */
        public Builder prompts(PromptBuilder prompts) {
            this.prompts = Objects.requireNonNull(prompts, "prompts");
            return this;
        }

        /** @return a new backend */
        public ChatBackend build() {
            return new ChatBackend(this);
        }
    }
}
