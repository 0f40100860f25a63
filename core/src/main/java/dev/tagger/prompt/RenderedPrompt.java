package dev.tagger.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A prompt ready to send, with everything an adapter needs to send it: the chat shape, the decoding
 * options, the JSON schema for constrained decoding when the profile uses one, and the answer prefix
 * that a completion prompt already wrote.
 *
 * <p>Chat profiles send {@link #system()} (when present) and {@link #user()} as two messages;
 * completion profiles send {@link #completionText()} as plain text, and the reply continues the
 * answer inside its JSON, so read {@link #reassemble(String)} of the reply, never the bare reply.
 *
 * @param system the system message; empty for profiles that fold instructions into the user turn
 *     (DeepSeekMath) and for completion profiles
 * @param user the user turn (chat) or the whole prompt text (completion)
 * @param estimatedTokens the prompt's size by the builder's token estimator, message overhead included
 * @param answerPrefix the start of the answer the prompt already wrote ({@code {"id":"7628","tags":[}
 *     for the completion profile); the empty string for chat profiles
 * @param decoding temperature, answer and context sizes, seed and stop sequences
 * @param jsonSchema the JSON schema that constrains the answer, as JSON text, when the profile uses
 *     constrained decoding; empty otherwise
 * @param shape chat or completion
 * @param language the language of the instructions
 * @param budget what the token budget did to the document
 * @param profile the name of the profile that rendered this prompt
 */
public record RenderedPrompt(Optional<String> system, String user, int estimatedTokens, String answerPrefix,
                             DecodingOptions decoding, Optional<String> jsonSchema, Profile.Shape shape,
                             PromptLanguage language, BudgetReport budget, String profile) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Name under which the schema is sent (OpenAI {@code response_format.json_schema.name}). */
    public static final String SCHEMA_NAME = "tagger_answer";

    public RenderedPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(answerPrefix, "answerPrefix");
        Objects.requireNonNull(decoding, "decoding");
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(profile, "profile");
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimatedTokens must be >= 0, got " + estimatedTokens);
        }
    }

    /**
     * A chat prompt with default decoding (temperature 0, 768 answer tokens, 4,096 context), no schema
     * and no budget report: for tests and backends that build their own text.
     */
    public RenderedPrompt(Optional<String> system, String user, int estimatedTokens) {
        this(system, user, estimatedTokens, "", new DecodingOptions(0, 768, 4096, 0, List.of()), Optional.empty(),
                Profile.Shape.CHAT, PromptLanguage.ENGLISH,
                new BudgetReport(estimatedTokens, estimatedTokens, estimatedTokens, 0, 0, List.of()), "custom");
    }

    /**
     * The text of the answer to read: the reply itself for chat prompts; for a completion prompt, the
     * {@link #answerPrefix()} followed by the reply, closed with {@code ]}} when the model stopped at
     * the stop sequence {@code ]} (servers drop the stop sequence from the reply). A reply that
     * repeats the prefix (servers that echo the prompt) is not prefixed twice.
     *
     * @param reply the model's reply; not null
     * @return the answer text to extract and repair
     */
    public String reassemble(String reply) {
        Objects.requireNonNull(reply, "reply");
        if (answerPrefix.isEmpty()) {
            return reply;
        }
        int echoed = reply.indexOf(answerPrefix);
        String rest = echoed >= 0 ? reply.substring(echoed + answerPrefix.length()) : reply;
        String text = answerPrefix + rest;
        if (rest.indexOf(']') < 0) {
            text = text.stripTrailing();
            // the model stopped at "]" or a newline: close the array and the object it opened
            if (text.endsWith(",")) {
                text = text.substring(0, text.length() - 1);
            }
            text += "]}";
        }
        return text;
    }

    /** @return the schema as a fresh Jackson tree, when the profile uses one */
    public Optional<JsonNode> jsonSchemaNode() {
        return jsonSchema.map(s -> {
            try {
                return JSON.readTree(s);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The schema as LangChain4j's {@link ResponseFormat} (type JSON, a raw schema named
     * {@value #SCHEMA_NAME}), which {@code langchain4j-open-ai} sends as {@code response_format}
     * json_schema and {@code langchain4j-ollama} as {@code format}.
     *
     * @return the response format, when the profile uses a schema
     */
    public Optional<ResponseFormat> responseFormat() {
        return jsonSchema.map(s -> ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(SCHEMA_NAME).rootElement(JsonRawSchema.from(s)).build())
                .build());
    }

    /** @return the system message (if any) and the user turn, as LangChain4j messages */
    public List<ChatMessage> messages() {
        List<ChatMessage> messages = new ArrayList<>(2);
        system.ifPresent(s -> messages.add(SystemMessage.from(s)));
        messages.add(UserMessage.from(user));
        return messages;
    }

    /**
     * A LangChain4j chat request for this prompt: the {@link #messages()}, and as parameters the
     * temperature, the most answer tokens, the stop sequences and, when {@code withSchema} and the
     * profile has one, the {@link #responseFormat()}. Provider-specific options (seed, context size)
     * are the adapter's to set on its model, from {@link #decoding()}.
     *
     * @param withSchema whether to ask for constrained decoding (when the profile has a schema)
     */
    public ChatRequest chatRequest(boolean withSchema) {
        var params = ChatRequestParameters.builder()
                .temperature(decoding.temperature())
                .maxOutputTokens(decoding.maxAnswerTokens());
        if (!decoding.stopSequences().isEmpty()) {
            params.stopSequences(decoding.stopSequences());
        }
        if (withSchema) {
            responseFormat().ifPresent(params::responseFormat);
        }
        return ChatRequest.builder().messages(messages()).parameters(params.build()).build();
    }

    /**
     * The prompt as one plain text, for completion endpoints: the user text for completion profiles;
     * for chat profiles sent to a completion model, the system message, a blank line and the user turn.
     */
    public String completionText() {
        return system.map(s -> s + "\n\n" + user).orElse(user);
    }

    @Override
    public String toString() {
        // never the text: prompts carry documents
        return "RenderedPrompt[profile=" + profile + ", shape=" + shape + ", language=" + language
                + ", estimatedTokens=" + estimatedTokens + ", system=" + system.isPresent()
                + ", schema=" + jsonSchema.isPresent() + ", budget=" + budget.steps() + "]";
    }
}
