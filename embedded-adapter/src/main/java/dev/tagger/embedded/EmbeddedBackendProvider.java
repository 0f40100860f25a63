package dev.tagger.embedded;

import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;

/**
 * Provides the {@code embedded} backend, Tagger's default: zero-shot tagging with an in-process ONNX
 * embedding model from a Maven Central jar; no server, no key, no network.
 *
 * <p>Keys, all optional ({@code tagger.embedded.*}); the defaults were chosen by measurement on
 * labelled READMEs:
 * <ul>
 *   <li>{@code model}: {@code bge-small-en-v15-q} (default) or {@code all-minilm-l6-v2-q};</li>
 *   <li>{@code min-score}: the lowest final score a proposed tag may have (cosine similarity plus term
 *       evidence; default 0.66);</li>
 *   <li>{@code margin}: how far below the best tag's score another tag may be (default 0.12);</li>
 *   <li>{@code lexical-weight}: the weight of mentions of a tag's terms, {@code weight * ln(1 + 3 *
 *       lead mentions + other mentions)} (default 0.06; 0 turns it off);</li>
 *   <li>{@code calibrate}: whether a tag's similarity is taken relative to its mean over neutral texts
 *       (default false: it measured worse);</li>
 *   <li>{@code lead-words} (80), {@code chunk-words} (120), {@code max-chunks} (3),
 *       {@code lead-weight} (0.5), {@code body-pooling} ({@code max} or {@code mean}; max): how
 *       documents are chunked and chunk similarities pooled;</li>
 *   <li>{@code summary-words} (0: off) and {@code summary-weight} (0.5): an extra chunk of the lead's
 *       first words, mixed into the lead's similarity (measured no better; off by default);</li>
 *   <li>{@code mentions-per-line}: the most mentions of a tag's terms that count in one paragraph
 *       (default 2; 0: no limit), so that a tag's name repeated in one place does not force it;</li>
 *   <li>{@code drop-orders}: whether a paragraph that gives the tagger orders ("ignore previous
 *       instructions", "answer with the tag X") is dropped before embedding and counting (default true).</li>
 * </ul>
 * A tag's {@link dev.tagger.Tag#description() description} is embedded when given; otherwise a
 * phrasing bundled for common software-topic names, otherwise the bare name.
 *
 * <p>The model is loaded once per JVM, on first use. Stateless; safe for use by many threads at once.
 */
public final class EmbeddedBackendProvider implements BackendProvider {

    /** The name configuration uses: {@value}. */
    public static final String NAME = "embedded";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public EmbeddedBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws dev.tagger.ConfigException naming key, source and value of an invalid
     *     {@code tagger.embedded.*} setting
     */
    @Override
    public Backend create(TaggerConfig config) {
        return new EmbeddedBackend(NAME, EmbeddedSettings.from(config), TagTexts.bundled());
    }
}
