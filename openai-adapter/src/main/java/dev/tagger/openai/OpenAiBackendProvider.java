package dev.tagger.openai;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import dev.tagger.backend.ChatBackend;
import dev.tagger.backend.HttpTransport;
import dev.tagger.backend.RemoteBackend;
import dev.tagger.backend.RemoteSettings;
import dev.tagger.prompt.DecodingOptions;
import dev.tagger.prompt.Profile;
import dev.tagger.prompt.PromptBuilder;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import java.time.Duration;

/**
 * The {@code openai} backend: OpenAI or any OpenAI-compatible server (DeepSeek's API, vLLM, llama.cpp
 * server, LM Studio).
 *
 * <p>Configuration ({@link TaggerConfig} keys; environment {@code TAGGER_OPENAI_API_KEY} and so on):
 * <ul>
 *   <li>{@code tagger.openai.model} (required): the model name, such as {@code deepseek-chat};</li>
 *   <li>{@code tagger.openai.base-url}: default {@code https://api.openai.com/v1}; set it for any
 *       other server, such as {@code http://localhost:8000/v1} for vLLM;</li>
 *   <li>{@code tagger.openai.api-key}: optional (local servers need none); best given as the
 *       environment variable {@code TAGGER_OPENAI_API_KEY}; never logged or printed;</li>
 *   <li>{@code tagger.timeout}: the timeout of one call (default 60 s), capped by what is left of the
 *       document's deadline;</li>
 *   <li>the prompt profile ({@code tagger.profile}, else chosen by the model name; see
 *       {@link PromptBuilder#from}) and its decoding options: chat profiles go to
 *       {@code /chat/completions} with {@code temperature}, {@code max_tokens}, {@code seed},
 *       {@code stop} and, for schema profiles, {@code response_format} json_schema, strict (a server
 *       that refuses it is asked without it from then on); the {@code completion} profile goes to
 *       {@code /completions}.</li>
 * </ul>
 * LangChain4j's own retries are off: the core retries with backoff, re-asks and falls back.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class OpenAiBackendProvider implements BackendProvider {

    /** The name configuration uses: {@value}. */
    public static final String NAME = "openai";
    /** Key: the server's base URL, up to and including {@code /v1}. */
    public static final String BASE_URL = "tagger.openai.base-url";
    /** Key: the model name. */
    public static final String MODEL = "tagger.openai.model";
    /** Key: the API key; optional. */
    public static final String API_KEY = "tagger.openai.api-key";
    /** Default of {@link #BASE_URL}. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public OpenAiBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws ConfigException when {@code tagger.openai.model} is missing or a value is invalid
     */
    @Override
    public Backend create(TaggerConfig config) {
        String baseUrl = RemoteSettings.baseUrl(config, BASE_URL, DEFAULT_BASE_URL, DEFAULT_BASE_URL + " or http://localhost:8000/v1");
        String model = config.require(MODEL);
        // a key read with $(cat key) keeps its newline, which the server would refuse
        String apiKey = config.get(API_KEY).map(String::strip).orElse("");
        Duration timeout = RemoteSettings.timeout(config);
        PromptBuilder prompts = PromptBuilder.from(config, model);
        DecodingOptions d = prompts.decoding();
        HttpTransport transport = HttpTransport.create();
        ChatBackend.Builder backend = ChatBackend.builder().name(NAME).prompts(prompts);
        if (prompts.profile().shape() == Profile.Shape.COMPLETION) {
            backend.languageModel(new OpenAiCompletionModel(
                    transport.httpClientBuilder().connectTimeout(timeout).readTimeout(timeout).build(), baseUrl, apiKey, model,
                    new OpenAiCompletionModel.Options(d.temperature(), d.maxAnswerTokens(), d.seed(), d.stopSequences())));
        } else {
            backend.chatModel(OpenAiChatModel.builder()
                    .httpClientBuilder(transport.httpClientBuilder())
                    .baseUrl(baseUrl)
                    // null: no Authorization header at all, for servers that need no key
                    .apiKey(apiKey.isEmpty() ? null : apiKey)
                    .modelName(model)
                    // the model builder's timeout: langchain4j-open-ai overrides the HTTP client builder's own
                    .timeout(timeout)
                    .maxRetries(0)
                    // per request: temperature, max_tokens, stop and response_format; per model: the seed
                    .temperature(d.temperature())
                    .maxTokens(d.maxAnswerTokens())
                    .seed(d.seed())
                    .strictJsonSchema(true)
                    .build());
        }
        return RemoteBackend.of(transport, backend.build());
    }
}
