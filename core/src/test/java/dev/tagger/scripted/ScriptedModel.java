package dev.tagger.scripted;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.language.LanguageModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process model for tests: a chat model and a completion model that answer with scripted replies,
 * in order (the last one repeats), and record every request. Thread-safe.
 */
public final class ScriptedModel implements ChatModel, LanguageModel {

    /**
     * One request as the model received it.
     *
     * @param system the system message, if any
     * @param user the user message, or the whole text for a completion
     * @param parameters the chat request's parameters; null for completions
     */
    public record Sent(Optional<String> system, String user, ChatRequestParameters parameters) {
    }

    private final List<String> replies;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /** @param replies the replies, in order; not empty */
    public ScriptedModel(List<String> replies) {
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("at least one reply is needed");
        }
        this.replies = List.copyOf(replies);
    }

    /** @return the live list of requests received */
    public List<Sent> sent() {
        return sent;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Optional<String> system = Optional.empty();
        StringBuilder user = new StringBuilder();
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                system = Optional.of(s.text());
            } else if (m instanceof UserMessage u) {
                user.append(u.singleText());
            }
        }
        sent.add(new Sent(system, user.toString(), request.parameters()));
        String reply = reply();
        return ChatResponse.builder().aiMessage(AiMessage.from(reply))
                .tokenUsage(new TokenUsage(user.length() / 4, reply.length() / 4)).finishReason(FinishReason.STOP).build();
    }

    @Override
    public Response<String> generate(String prompt) {
        sent.add(new Sent(Optional.empty(), prompt, null));
        String reply = reply();
        return new Response<>(reply, new TokenUsage(prompt.length() / 4, reply.length() / 4), FinishReason.STOP);
    }

    private String reply() {
        int i = next.getAndIncrement();
        String r = replies.get(Math.min(i, replies.size() - 1));
        return switch (r) {
            case "!invalid-request" -> throw new InvalidRequestException("response_format json_schema is not supported");
            case "!unavailable" -> throw new RetriableException("connection reset");
            default -> r;
        };
    }
}
