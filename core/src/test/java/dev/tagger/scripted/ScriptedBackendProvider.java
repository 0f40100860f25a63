package dev.tagger.scripted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import dev.tagger.backend.ChatBackend;
import dev.tagger.prompt.Profile;
import dev.tagger.prompt.PromptBuilder;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A backend provider registered only in core's tests (META-INF/services under src/test/resources): it
 * proves that configuration alone picks a backend through {@link java.util.ServiceLoader}. It builds the
 * same {@link ChatBackend} the real adapters build, over an in-process {@link ScriptedModel} that gives
 * scripted replies instead of calling a server.
 *
 * <p>Keys: {@value #REPLIES} (a JSON array of replies, given in order, the last one repeating; a reply
 * {@code !invalid-request} or {@code !unavailable} throws LangChain4j's exception instead),
 * {@value #MODEL} (the model name that picks the prompt profile), {@value #TRANSCRIPT} (a name under
 * which the model's requests can be read back with {@link #transcript(String)}).
 */
public final class ScriptedBackendProvider implements BackendProvider {

    /** The backend's name. */
    public static final String NAME = "scripted";
    /** Key: the replies, a JSON array of strings. */
    public static final String REPLIES = "tagger.scripted.replies";
    /** Key: the model name, which picks the prompt profile unless {@code tagger.profile} is set. */
    public static final String MODEL = "tagger.scripted.model";
    /** Key: the name to record the requests under. */
    public static final String TRANSCRIPT = "tagger.scripted.transcript";

    private static final ObjectMapper JSON = new ObjectMapper();
    // test-only registry so that a test can read what the backend it configured was sent
    private static final Map<String, List<ScriptedModel.Sent>> TRANSCRIPTS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backend create(TaggerConfig config) {
        String raw = config.require(REPLIES);
        List<String> replies;
        try {
            replies = List.of(JSON.readValue(raw, String[].class));
        } catch (JsonProcessingException e) {
            throw new ConfigException(REPLIES + " is not a JSON array of strings: " + e.getOriginalMessage());
        }
        if (replies.isEmpty()) {
            throw new ConfigException(REPLIES + " is empty");
        }
        String model = config.get(MODEL).orElse("scripted-model");
        PromptBuilder prompts = PromptBuilder.from(config, model, new OpenAiTokenCountEstimator("gpt-4"));
        ScriptedModel scripted = new ScriptedModel(replies);
        config.get(TRANSCRIPT).ifPresent(key -> TRANSCRIPTS.put(key, scripted.sent()));
        ChatBackend.Builder b = ChatBackend.builder().name(NAME).prompts(prompts);
        return (prompts.profile().shape() == Profile.Shape.COMPLETION ? b.languageModel(scripted) : b.chatModel(scripted))
                .build();
    }

    /** @return what the backend configured with this transcript name was sent, in order */
    public static List<ScriptedModel.Sent> transcript(String key) {
        List<ScriptedModel.Sent> t = TRANSCRIPTS.get(key);
        if (t == null) {
            throw new IllegalStateException("no scripted backend recorded under '" + key + "'");
        }
        return List.copyOf(t);
    }
}
