package dev.tagger.backend;

import dev.langchain4j.model.chat.ChatModel;
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
import dev.tagger.spi.UnusableReplyException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend over a LangChain4j {@link ChatModel} (chat endpoints) or {@link LanguageModel}
 * (completion endpoints): prompt, call, extract, repair, read the answer. Adapters build the model
 * from configuration and hand it here, so every language-model backend shares one pipeline.
 *
 * <p>The {@link PromptBuilder} decides the prompt: chat profiles go to a {@link ChatModel} as a system
 * message (when the profile has one) and a user message, with temperature, answer tokens, stop
 * sequences and, for schema profiles, the JSON schema as the request's {@code responseFormat};
 * completion profiles go to a {@link LanguageModel} as plain text, and their reply is read with the
 * prompt's answer prefix put back ({@link RenderedPrompt#reassemble}). Options LangChain4j has no
 * per-request field for (seed, context size, and everything for a {@link LanguageModel}) are the
 * adapter's to set on its model, from {@link PromptBuilder#decoding()}.
 *
 * <p>Thread-safe when the model is, as LangChain4j's HTTP models are.
 */
public final class ChatBackend implements Backend {

    private static final Logger log = LoggerFactory.getLogger(ChatBackend.class);

    private final String name;
    private final ChatModel chatModel;
    private final LanguageModel languageModel;
    private final PromptBuilder prompts;
    private final boolean constrained;
    private final AtomicBoolean schemaRejected = new AtomicBoolean();

    private ChatBackend(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        if ((b.chatModel == null) == (b.languageModel == null)) {
            throw new IllegalArgumentException("exactly one of chatModel and languageModel must be set");
        }
        this.chatModel = b.chatModel;
        this.languageModel = b.languageModel;
        this.prompts = b.prompts;
        this.constrained = b.jsonSchema;
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
                ChatResponse r = chat(prompt);
                reply = r.aiMessage() == null || r.aiMessage().text() == null ? "" : r.aiMessage().text();
                usage = usage(r.tokenUsage(), prompt.estimatedTokens());
            } else {
                Response<String> r = languageModel.generate(prompt.completionText());
                reply = r.content() == null ? "" : r.content();
                usage = usage(r.tokenUsage(), prompt.estimatedTokens());
            }
        } catch (RuntimeException e) {
            throw translate(e);
        }
        // a completion prompt ends inside the answer: read the reply with that start put back
        Repaired repaired;
        try {
            repaired = ReplyReader.read(prompt.reassemble(reply));
        } catch (RepairException e) {
            // keep what the model said for the diagnostics; the core re-asks with the reason
            throw new UnusableReplyException(e.reason(), e.getMessage(), reply, usage, e);
        }
        Resolver.Answer answer = Resolver.readAnswer(repaired.value());
        if (!answer.hasTags()) {
            // {} or {"id":"7628"}: the model answered, but not the question; an empty "tags" list is an answer
            throw new UnusableReplyException(TaggerException.Reason.UNUSABLE_REPLY, "the answer has no \"tags\" list",
                    reply, usage, null);
        }
        return new Proposal(answer.candidates(), answer.answeredId(), reply,
                repaired.repairs().stream().map(Repair::name).toList(), usage);
    }

    /**
     * Sends a chat prompt, with its JSON schema unless this backend's server has rejected one: a server
     * without structured output that refuses the request gets it once more without the schema, and
     * when that succeeds this backend does not send a schema again. When it fails too, the schema was
     * not the problem: the failure propagates and the schema stays on.
     */
    private ChatResponse chat(RenderedPrompt prompt) {
        boolean withSchema = constrained && prompt.jsonSchema().isPresent() && !schemaRejected.get();
        if (!withSchema) {
            return chatModel.chat(prompt.chatRequest(false));
        }
        try {
            return chatModel.chat(prompt.chatRequest(true));
        } catch (RuntimeException e) {
            if (!rejectsRequest(e)) {
                throw e;
            }
            ChatResponse r = chatModel.chat(prompt.chatRequest(false));
            // only a request that succeeds without the schema proves the schema was the problem
            schemaRejected.set(true);
            log.debug("backend {}: request with a JSON schema rejected ({}); sending without one from now on",
                    name, e.getClass().getSimpleName());
            return r;
        }
    }

    /**
     * Whether the server refused the request for its schema: LangChain4j's unsupported feature, or
     * HTTP 400/422 naming the {@code format}, {@code response_format} or the {@code schema}.
     */
    private static boolean rejectsRequest(RuntimeException e) {
        return Failures.refusesSchema(e);
    }

    /** @return whether this backend still sends JSON schemas (false after a server rejected one) */
    public boolean sendsJsonSchema() {
        return constrained && !schemaRejected.get();
    }

    /** @return how this backend builds prompts; adapters read its profile and decoding options */
    public PromptBuilder prompts() {
        return prompts;
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
        private boolean jsonSchema = true;

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

        /**
         * Whether to send the prompt's JSON schema (when its profile has one) in the chat request's
         * {@code responseFormat}; true by default. Turn it off for servers known to lack structured
         * output; a server that rejects a schema at run time is detected anyway.
         */
        public Builder jsonSchema(boolean send) {
            this.jsonSchema = send;
            return this;
        }

        /** @return a new backend */
        public ChatBackend build() {
            return new ChatBackend(this);
        }
    }
}
