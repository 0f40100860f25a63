package dev.tagger.ollama;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import dev.tagger.backend.ChatBackend;
import dev.tagger.backend.HttpTransport;
import dev.tagger.backend.RemoteBackend;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code ollama} backend: a model served by <a href="https://ollama.com">Ollama</a>.
 *
 * <p>Configuration ({@link TaggerConfig} keys; environment {@code TAGGER_OLLAMA_MODEL} and so on):
 * <ul>
 *   <li>{@code tagger.ollama.model} (required): the model name, such as {@code deepseek-math:7b-instruct};</li>
 *   <li>{@code tagger.ollama.base-url}: default {@code http://localhost:11434};</li>
 *   <li>{@code tagger.timeout}: the timeout of one call (default 60 s), capped by what is left of the
 *       document's deadline;</li>
 *   <li>{@code tagger.context-tokens}, {@code tagger.answer-tokens}: {@code num_ctx} and
 *       {@code num_predict}; {@code tagger.seed} when set: {@code seed};</li>
 *   <li>{@code tagger.constrained-decoding} (default {@code true}): ask for JSON output
 *       ({@code format}); a server that refuses it is asked without it.</li>
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
        String baseUrl = baseUrl(config, BASE_URL, DEFAULT_BASE_URL);
        String model = config.require(MODEL);
        Duration timeout = config.getDuration(TaggerConfig.TIMEOUT);
        if (timeout.isZero()) {
            throw new ConfigException(TaggerConfig.TIMEOUT + " must be positive");
        }
        int contextTokens = config.getInt(TaggerConfig.CONTEXT_TOKENS, 256, 10_000_000);
        int answerTokens = config.getInt(TaggerConfig.ANSWER_TOKENS, 16, 1_000_000);
        Integer seed = config.get("tagger.seed").isPresent() ? config.getInt("tagger.seed", Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        boolean constrained = config.getBoolean("tagger.constrained-decoding", true);

        HttpTransport transport = HttpTransport.create();
        ChatBackend plain = ChatBackend.builder().name(NAME)
                .chatModel(chatModel(transport, baseUrl, model, timeout, contextTokens, answerTokens, seed, null))
                .build();
        ChatBackend withFormat = constrained
                ? ChatBackend.builder().name(NAME)
                        .chatModel(chatModel(transport, baseUrl, model, timeout, contextTokens, answerTokens, seed, ResponseFormat.JSON))
                        .build()
                : null;
        return withFormat == null ? RemoteBackend.of(NAME, transport, plain) : RemoteBackend.constrained(NAME, transport, withFormat, plain);
    }

    private static OllamaChatModel chatModel(HttpTransport transport, String baseUrl, String model, Duration timeout,
                                             int contextTokens, int answerTokens, Integer seed, ResponseFormat format) {
        OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder();
        b.httpClientBuilder(transport.httpClientBuilder())
                .baseUrl(baseUrl)
                .modelName(model)
                .timeout(timeout)
                .temperature(0.0)
                .numCtx(contextTokens)
                .numPredict(answerTokens)
                .seed(seed)
                .responseFormat(format);
        return b.maxRetries(0).build();
    }

    /** Reads and checks a base URL: absolute http or https. */
    static String baseUrl(TaggerConfig config, String key, String fallback) {
        String url = config.get(key).orElse(fallback).strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + "='" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException(key + "='" + url + "' is not an http or https URL (such as " + fallback + ")");
        }
        return url.replaceAll("/+$", "");
    }
}
