package dev.tagger.embedded;

import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;

/**
 * Provides the {@code embedding-baseline} backend: LangChain4j's own
 * {@link dev.langchain4j.classification.EmbeddingModelTextClassifier} with each tag's bare name as the
 * only example of its label, the top {@code max} labels, the raw document as input. It exists to
 * measure the {@code embedded} default against, with the same model ({@code tagger.embedded.model}),
 * in one {@code eval} run; it is not meant for tagging.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class BaselineBackendProvider implements BackendProvider {

    /** The name configuration uses: {@value}. */
    public static final String NAME = "embedding-baseline";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public BaselineBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @throws dev.tagger.ConfigException when {@code tagger.embedded.model} names no known model */
    @Override
    public Backend create(TaggerConfig config) {
        return new BaselineBackend(NAME, EmbeddedSettings.from(config).model());
    }
}
