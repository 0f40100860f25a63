package dev.tagger.ollama;

import dev.langchain4j.model.ollama.OllamaChatModel;
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
 * The {@code ollama} backend: a model served by <a href="https://ollama.com">Ollama</a>.
 *
 * <p>Configuration ({@link TaggerConfig} keys; environment {@code TAGGER_OLLAMA_MODEL} and so on):
 * <ul>
 *   <li>{@code tagger.ollama.model} (required): the model name, such as {@code deepseek-math:7b-instruct};</li>
 *   <li>{@code tagger.ollama.base-url}: default {@code http://localhost:11434};</li>
 *   <li>{@code tagger.timeout}: the timeout of one call (default 60 s), capped by what is left of the
 *       document's deadline;</li>
 *   <li>the prompt profile ({@code tagger.profile}, else chosen by the model name; see
 *       {@link PromptBuilder#from}) and its decoding options: chat profiles go to {@code /api/chat}
 *       with {@code options.temperature}, {@code num_ctx}, {@code num_predict}, {@code seed},
 *       {@code stop} and, for schema profiles, the JSON schema as {@code format} (a server that
 *       refuses it is asked without it from then on); the {@code completion} profile goes to
 *       {@code /api/generate} with {@code "raw":true}.</li>
 * </ul>
 * LangChain4j's own retries are off: the core retries with backoff, re-asks and falls back.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class OllamaBackendProvider implements BackendProvider {

    /** The name configuration uses: {@value}. */
    public static final String NAME = "ollama";
    /** Key: the server's base URL. */
    public static final String BASE_URL = "tagger.ollama.base-url";
    /** Key: the model name. */
    public static final String MODEL = "tagger.ollama.model";
    /** Default of {@link #BASE_URL}. */
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public OllamaBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws ConfigException when {@code tagger.ollama.model} is missing or a value is invalid
     */
    @Override
    public Backend create(TaggerConfig config) {
        String baseUrl = RemoteSettings.baseUrl(config, BASE_URL, DEFAULT_BASE_URL, DEFAULT_BASE_URL);
        String model = config.require(MODEL);
        Duration timeout = RemoteSettings.timeout(config);
        PromptBuilder prompts = PromptBuilder.from(config, model);
        DecodingOptions d = prompts.decoding();
        HttpTransport transport = HttpTransport.create();
        ChatBackend.Builder backend = ChatBackend.builder().name(NAME).prompts(prompts);
        if (prompts.profile().shape() == Profile.Shape.COMPLETION) {
            backend.languageModel(new OllamaGenerateModel(
                    transport.httpClientBuilder().connectTimeout(timeout).readTimeout(timeout).build(), baseUrl, model,
                    new OllamaGenerateModel.Options(d.temperature(), d.contextTokens(), d.maxAnswerTokens(), d.seed(), d.stopSequences())));
        } else {
            OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder();
            b.httpClientBuilder(transport.httpClientBuilder())
                    .baseUrl(baseUrl)
                    .modelName(model)
                    .timeout(timeout)
                    // per request: temperature, num_predict, stop and format; per model: what has no request field
                    .temperature(d.temperature())
                    .numCtx(d.contextTokens())
                    .numPredict(d.maxAnswerTokens())
                    .seed(d.seed());
            backend.chatModel(b.maxRetries(0).build());
        }
        return RemoteBackend.of(transport, backend.build());
    }
}
